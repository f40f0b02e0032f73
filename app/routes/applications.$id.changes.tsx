import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { Link } from '#app/components/link.tsx'
import { useTranslation } from 'react-i18next'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { FormError, TextareaField } from '#app/components/field.tsx'
import {
  CHANGES_REQUESTABLE_STATUSES,
  type ApplicationStatus,
} from '#app/domain/applications/application-status.ts'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { titleMeta } from '#app/lib/i18n/meta.ts'
import { useValidatedForm } from '#app/lib/use-validated-form.ts'
import { RequestChangesSchema } from '#app/schemas/applications/officer-actions.ts'
import { requestChanges } from '#app/services/applications/application-changes.server.ts'
import { requireOfficerApplication } from '#app/utils/application-route.server.ts'
import { parseForm } from '#app/utils/forms.server.ts'
import { redirectWithFlash, requestOrigin } from '#app/utils/http.server.ts'
import { requestT } from '#app/utils/i18n.server.ts'
import { refuse } from '#app/utils/results.server.ts'

/** The officer asks the group for changes: the application goes back to it with this message. */
export const handle: I18nHandle = { i18n: ['applications'] }

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleMeta(data, matches)

const requestable = (status: ApplicationStatus) =>
  (CHANGES_REQUESTABLE_STATUSES as readonly ApplicationStatus[]).includes(status)

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { loaded } = await requireOfficerApplication(request, params.id)
  const t = await requestT(request)
  return {
    title: t('applications:changes.title'),
    id: loaded.application.id,
    open: requestable(loaded.application.status),
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, loaded } = await requireOfficerApplication(request, params.id)
  const form = await parseForm(request, RequestChangesSchema)
  if (!form.ok) return form.response
  const actor = { id: user.id, ip: requestOrigin(request, context).ip }
  const result = await requestChanges(actor, loaded, form.data.message)
  if (!result.ok) return refuse(result, form.formData)
  return redirectWithFlash(`/applications/${loaded.application.id}`, {
    kind: 'success',
    message: 'common:flash.changesRequested',
  })
}

export default function RequestChanges() {
  const { id, open } = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const form = useValidatedForm(RequestChangesSchema, { failure })
  const navigation = useNavigation()
  const { t } = useTranslation('applications')
  return (
    <Card title={t('applications:changes.title')}>
      {open ? (
        <>
          <p>{t('applications:changes.intro')}</p>
          <Form method="post" className="stack" noValidate onSubmit={form.onSubmit}>
            <FormError message={form.formError} />
            <TextareaField
              label={t('applications:changes.message')}
              hint={t('applications:changes.messageHint')}
              rows={6}
              required
              error={form.errorOf('message')}
              {...form.field('message')}
            />
            <div className="actions">
              <Button busy={navigation.state === 'submitting'}>
                {t('applications:changes.send')}
              </Button>
              <Link to={`/applications/${id}`}>{t('applications:changes.cancel')}</Link>
            </div>
          </Form>
        </>
      ) : (
        <>
          <FormError message={form.formError} />
          <p>{t('applications:changes.notNow')}</p>
          <p>
            <Link to={`/applications/${id}`}>{t('applications:changes.cancel')}</Link>
          </p>
        </>
      )}
    </Card>
  )
}
