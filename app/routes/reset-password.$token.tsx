import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button } from '#app/components/button.tsx'
import { FormError } from '#app/components/field.tsx'
import { NewPasswordFields } from '#app/components/account-fields.tsx'
import {
  LINK_REFUSAL_STATUS,
  LinkRefusal,
  type LinkRefusalReason,
} from '#app/components/link-refusal.tsx'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { titleMeta } from '#app/lib/i18n/meta.ts'
import { useValidatedForm } from '#app/lib/use-validated-form.ts'
import { ResetPasswordSchema } from '#app/schemas/auth.ts'
import { inspectLink, resetPassword } from '#app/services/accounts/account-links.server.ts'
import { parseForm } from '#app/utils/forms.server.ts'
import { redirectWithFlash, requestOrigin } from '#app/utils/http.server.ts'
import { requestT } from '#app/utils/i18n.server.ts'
import { refuse } from '#app/utils/results.server.ts'
import { clearSessionCookie } from '#app/utils/session.server.ts'

export const handle: I18nHandle = { i18n: ['auth', 'account'] }

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleMeta(data, matches)

export async function loader({ request, params }: LoaderFunctionArgs) {
  const t = await requestT(request)
  const title = t('auth:reset.title')
  const link = await inspectLink(params.token ?? '', ['reset-password'], null)
  if (!link.ok) {
    return data({ title, refusal: link.reason }, { status: LINK_REFUSAL_STATUS[link.reason] })
  }
  return { title, refusal: null }
}

/** Sets the new password, ends every session of the account; the person logs in with it. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await parseForm(request, ResetPasswordSchema)
  if (!form.ok) return form.response
  const token = params.token ?? ''
  const result = await resetPassword(token, form.data, requestOrigin(request, context).ip)
  if (!result.ok) {
    if (!result.fieldErrors) {
      // Not the password: the link itself (used meanwhile, expired, unknown).
      const refusal = result.reason as LinkRefusalReason
      return data({ refusal }, { status: LINK_REFUSAL_STATUS[refusal] })
    }
    return refuse(result, form.formData)
  }
  return redirectWithFlash(
    '/login',
    { kind: 'success', message: 'common:flash.passwordReset' },
    { headers: { 'Set-Cookie': await clearSessionCookie() } },
  )
}

export default function ResetPassword() {
  const { refusal } = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t } = useTranslation('auth')
  const form = useValidatedForm(ResetPasswordSchema, {
    failure: failure && 'errors' in failure ? failure : undefined,
  })
  const reason = (failure && 'refusal' in failure ? failure.refusal : null) ?? refusal
  if (reason) return <LinkRefusal reason={reason} again="/forgot-password" />
  return (
    <>
      <h1>{t('auth:reset.title')}</h1>
      <Form method="post" className="stack" noValidate onSubmit={form.onSubmit}>
        <FormError message={form.formError} />
        <NewPasswordFields form={form} />
        <Button busy={navigation.state === 'submitting'}>{t('auth:reset.submit')}</Button>
      </Form>
    </>
  )
}
