import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button } from '#app/components/button.tsx'
import { FormError } from '#app/components/field.tsx'
import { NotificationPreferencesSchema } from '#app/schemas/notifications.ts'
import {
  listPreferences,
  savePreferences,
} from '#app/services/notifications/notifications.server.ts'
import { parseForm } from '#app/utils/forms.server.ts'
import { redirectWithFlash } from '#app/utils/http.server.ts'
import { requireUser } from '#app/utils/permissions.server.ts'
import { refuse } from '#app/utils/results.server.ts'
import { requestT } from '#app/utils/i18n.server.ts'
import { useMessage } from '#app/lib/i18n/message.ts'
import type { I18nHandle } from '#app/lib/i18n/config.ts'
import { titleMeta } from '#app/lib/i18n/meta.ts'

export const handle: I18nHandle = { i18n: ['notifications'] }

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleMeta(data, matches)

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const t = await requestT(request)
  return {
    title: t('notifications:preferences.title'),
    preferences: await listPreferences(user.id),
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const form = await parseForm(request, NotificationPreferencesSchema)
  if (!form.ok) return form.response
  const result = await savePreferences(user.id, form.data)
  if (!result.ok) return refuse(result, form.formData)
  return redirectWithFlash('/account/notifications', {
    kind: 'success',
    message: 'notifications:preferences.saved',
  })
}

export default function NotificationPreferences() {
  const { preferences } = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const { t } = useTranslation('notifications')
  const tm = useMessage()
  return (
    <>
      <h1>{t('notifications:preferences.title')}</h1>
      <p>{t('notifications:preferences.intro')}</p>
      {/* A plain post: works without JavaScript. */}
      <Form method="post" className="stack">
        <FormError message={failure?.errors.form} />
        {preferences.map((p) => (
          <fieldset key={p.kind} className="field">
            <legend>{tm(p.label)}</legend>
            {p.required ? (
              <p>{t('notifications:preferences.required')}</p>
            ) : (
              <>
                <label className="choice">
                  <input type="radio" name={p.kind} value="app" defaultChecked={!p.email} />{' '}
                  {t('notifications:preferences.appOnly')}
                </label>
                <label className="choice">
                  <input type="radio" name={p.kind} value="email" defaultChecked={p.email} />{' '}
                  {t('notifications:preferences.appAndEmail')}
                </label>
              </>
            )}
          </fieldset>
        ))}
        <Button>{t('notifications:preferences.save')}</Button>
      </Form>
    </>
  )
}
