import { MessageText } from '#app/lib/i18n/message.ts'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react'
import { Button } from '#app/components/button.tsx'
import { DraftBackupForm } from '#app/components/draft-backup-form.tsx'
import { OrganizationProfileFields } from '#app/components/organization-profile-fields.tsx'
import { KIND_LABEL_KEYS, ORGANIZATION_KINDS } from '#app/domain/organizations.ts'
import { NewOrganizationSchema } from '#app/schemas/organization.ts'
import { createOrganization } from '#app/services/organizations/organizations.server.ts'
import { setCurrentOrganization } from '#app/services/accounts/sessions.server.ts'
import { draftKeys } from '#app/lib/draft-backup.ts'
import { parseForm } from '#app/utils/forms.server.ts'
import { redirectWithFlash, requestOrigin, safeRedirect } from '#app/utils/http.server.ts'
import { requireUser } from '#app/utils/permissions.server.ts'
import { useValidatedForm } from '#app/lib/use-validated-form.ts'
import { useTranslation } from 'react-i18next'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { titleMeta } from '#app/lib/i18n/meta.ts'
import { requestT } from '#app/utils/i18n.server.ts'

// The profile fields and the budget bands are the applications' words too (the group step).
export const handle: I18nHandle = { i18n: ['organizations', 'applications'] }

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleMeta(data, matches)

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const t = await requestT(request)
  return {
    title: t('organizations:new.pageTitle'),
    draft: { key: draftKeys.newOrganization(user.id), version: 0 },
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const form = await parseForm(request, NewOrganizationSchema)
  if (!form.ok) return form.response
  const org = await createOrganization(
    { id: user.id, ip: requestOrigin(request, context).ip },
    form.data,
  )
  await setCurrentOrganization(user.sessionId, org.id)
  // Someone who came to apply goes back to the application once their group exists.
  const next = safeRedirect(form.formData.get('redirectTo'), `/orgs/${org.slug}`)
  return redirectWithFlash(next, {
    kind: 'success',
    message: { key: 'common:flash.organizationCreated', values: { name: org.name } },
    draft: draftKeys.newOrganization(user.id),
  })
}

const KIND_HINTS = {
  community_group: 'organizations:new.kindHints.community_group',
  funder: 'organizations:new.kindHints.funder',
}

export default function NewOrganization() {
  const { draft } = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t } = useTranslation('organizations')
  const [params] = useSearchParams()
  const kind = params.get('kind')
  const form = useValidatedForm(NewOrganizationSchema, {
    failure,
    defaultValues: kind === 'funder' || kind === 'community_group' ? { kind } : {},
  })
  const kindError = form.errorOf('kind')
  return (
    <>
      <h1>{t('organizations:new.title')}</h1>
      <DraftBackupForm draft={draft} form={form}>
        <input type="hidden" name="redirectTo" value={params.get('redirectTo') ?? ''} />
        <fieldset
          className={kindError ? 'field field-invalid' : 'field'}
          aria-describedby={kindError ? 'kind-error' : undefined}
        >
          <legend>{t('organizations:new.kindLegend')}</legend>
          {kindError ? (
            <p className="field-error" id="kind-error">
              <MessageText message={kindError} />
            </p>
          ) : null}
          {ORGANIZATION_KINDS.map((k) => (
            <div key={k} className="choice">
              <input type="radio" id={`kind-${k}`} {...form.choice('kind', k)} />
              <label htmlFor={`kind-${k}`}>
                {t(KIND_LABEL_KEYS[k])} <span className="hint">{t(KIND_HINTS[k])}</span>
              </label>
            </div>
          ))}
        </fieldset>
        <OrganizationProfileFields field={form.field} errorOf={form.errorOf} />
        <Button busy={navigation.state === 'submitting'}>{t('organizations:new.submit')}</Button>
      </DraftBackupForm>
    </>
  )
}
