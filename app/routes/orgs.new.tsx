import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { MessageText } from '#app/lib/i18n/message.ts'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react'
import { Button } from '#app/components/button.tsx'
import { DraftBackupForm } from '#app/components/draft-backup-form.tsx'
import { OrganizationProfileFields } from '#app/components/organization-profile-fields.tsx'
import { KIND_LABELS, ORGANIZATION_KINDS } from '#app/domain/organizations.ts'
import { NewOrganizationSchema } from '#app/schemas/organization.ts'
import { createOrganization } from '#app/services/organizations/organizations.server.ts'
import { setCurrentOrganization } from '#app/services/accounts/sessions.server.ts'
import { draftKeys } from '#app/lib/draft-backup.ts'
import { parseForm } from '#app/utils/forms.server.ts'
import { redirectWithFlash, requestOrigin, safeRedirect } from '#app/utils/http.server.ts'
import { requireUser } from '#app/utils/permissions.server.ts'
import { useValidatedForm } from '#app/lib/use-validated-form.ts'

// The shared fields' words (organisation profile, county picker) are in `applications`.
export const handle: I18nHandle = { i18n: ['applications'] }

export const meta: MetaFunction = () => [{ title: 'New organisation · Commons Fund' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  return { draft: { key: draftKeys.newOrganization(user.id), version: 0 } }
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
    message: `${org.name} is set up. You are its owner.`,
    draft: draftKeys.newOrganization(user.id),
  })
}

const KIND_HINTS = {
  community_group: 'You apply for funding and skilled volunteers for your community.',
  funder: 'You run funds and programs, review applications and award grants.',
}

export default function NewOrganization() {
  const { draft } = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const navigation = useNavigation()
  const [params] = useSearchParams()
  const kind = params.get('kind')
  const form = useValidatedForm(NewOrganizationSchema, {
    failure,
    defaultValues: kind === 'funder' || kind === 'community_group' ? { kind } : {},
  })
  const kindError = form.errorOf('kind')
  return (
    <>
      <h1>Set up an organisation</h1>
      <DraftBackupForm draft={draft} form={form}>
        <input type="hidden" name="redirectTo" value={params.get('redirectTo') ?? ''} />
        <fieldset
          className={kindError ? 'field field-invalid' : 'field'}
          aria-describedby={kindError ? 'kind-error' : undefined}
        >
          <legend>What kind of organisation is it?</legend>
          {kindError ? (
            <p className="field-error" id="kind-error">
              <MessageText message={kindError} />
            </p>
          ) : null}
          {ORGANIZATION_KINDS.map((k) => (
            <div key={k} className="choice">
              <input type="radio" id={`kind-${k}`} {...form.choice('kind', k)} />
              <label htmlFor={`kind-${k}`}>
                {KIND_LABELS[k]} <span className="hint">{KIND_HINTS[k]}</span>
              </label>
            </div>
          ))}
        </fieldset>
        <OrganizationProfileFields field={form.field} errorOf={form.errorOf} />
        <Button busy={navigation.state === 'submitting'}>Create organisation</Button>
      </DraftBackupForm>
    </>
  )
}
