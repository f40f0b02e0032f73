import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { Link } from '#app/components/link.tsx'
import { useTranslation } from 'react-i18next'
import { Button } from '#app/components/button.tsx'
import { FormError, TextField } from '#app/components/field.tsx'
import { CurrentPasswordField } from '#app/components/account-fields.tsx'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { titleMeta } from '#app/lib/i18n/meta.ts'
import { useValidatedForm } from '#app/lib/use-validated-form.ts'
import { ChangeEmailSchema } from '#app/schemas/auth.ts'
import { requestEmailChange } from '#app/services/accounts/account-links.server.ts'
import { parseForm } from '#app/utils/forms.server.ts'
import { redirectWithFlash, requestOrigin } from '#app/utils/http.server.ts'
import { requestT } from '#app/utils/i18n.server.ts'
import { requireUser } from '#app/utils/permissions.server.ts'
import { refuse } from '#app/utils/results.server.ts'

export const handle: I18nHandle = { i18n: ['account', 'auth'] }

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleMeta(data, matches)

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const t = await requestT(request)
  return { title: t('account:email.title'), email: user.email }
}

/** Needs the password; mails a link to the new address; the change waits for that link. */
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const form = await parseForm(request, ChangeEmailSchema)
  if (!form.ok) return form.response
  const result = await requestEmailChange(user, form.data, requestOrigin(request, context).ip)
  if (!result.ok) return refuse(result, form.formData)
  return redirectWithFlash('/account', {
    kind: 'info',
    message: { key: 'common:flash.emailChangeSent', values: { email: form.data.newEmail } },
  })
}

export default function ChangeEmail() {
  const { email } = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t } = useTranslation('account')
  const form = useValidatedForm(ChangeEmailSchema, { failure })
  return (
    <>
      <p>
        <Link to="/account">{t('account:email.back')}</Link>
      </p>
      <h1>{t('account:email.title')}</h1>
      <p className="lede">{t('account:email.lede', { email })}</p>
      <Form method="post" className="stack" noValidate onSubmit={form.onSubmit}>
        <FormError message={form.formError} />
        <TextField
          label={t('account:email.newEmail')}
          type="email"
          autoComplete="email"
          required
          error={form.errorOf('newEmail')}
          {...form.field('newEmail')}
        />
        <CurrentPasswordField
          error={form.errorOf('currentPassword')}
          {...form.field('currentPassword')}
        />
        <Button busy={navigation.state === 'submitting'}>{t('account:email.submit')}</Button>
      </Form>
    </>
  )
}
