import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useActionData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button } from '#app/components/button.tsx'
import { FormError } from '#app/components/field.tsx'
import { EmailField } from '#app/components/account-fields.tsx'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { titleMeta } from '#app/lib/i18n/meta.ts'
import { useValidatedForm } from '#app/lib/use-validated-form.ts'
import { ForgotPasswordSchema } from '#app/schemas/auth.ts'
import { requestPasswordReset } from '#app/services/accounts/account-links.server.ts'
import { parseForm } from '#app/utils/forms.server.ts'
import { redirectWithFlash, requestOrigin } from '#app/utils/http.server.ts'
import { requestLanguage, requestT } from '#app/utils/i18n.server.ts'
import { refuse } from '#app/utils/results.server.ts'

export const handle: I18nHandle = { i18n: ['auth'] }

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleMeta(data, matches)

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await requestT(request)
  return { title: t('auth:forgot.title') }
}

/** The same answer whether or not the address has an account (throttled per address and IP). */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await parseForm(request, ForgotPasswordSchema)
  if (!form.ok) return form.response
  const result = await requestPasswordReset(
    form.data.email,
    requestOrigin(request, context).ip,
    await requestLanguage(request),
  )
  if (!result.ok) return refuse(result, form.formData)
  return redirectWithFlash('/login', {
    kind: 'info',
    message: { key: 'common:flash.resetLinkSent', values: { email: form.data.email } },
  })
}

export default function ForgotPassword() {
  const failure = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t } = useTranslation('auth')
  const form = useValidatedForm(ForgotPasswordSchema, { failure })
  return (
    <>
      <h1>{t('auth:forgot.title')}</h1>
      <p className="lede">{t('auth:forgot.lede')}</p>
      <Form method="post" className="stack" noValidate onSubmit={form.onSubmit}>
        <FormError message={form.formError} />
        <EmailField error={form.errorOf('email')} {...form.field('email')} />
        <Button busy={navigation.state === 'submitting'}>{t('auth:forgot.submit')}</Button>
      </Form>
    </>
  )
}
