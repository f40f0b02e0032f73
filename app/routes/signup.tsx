import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useActionData, useNavigation, useSearchParams } from '@remix-run/react'
import { Link } from '#app/components/link.tsx'
import { Button } from '#app/components/button.tsx'
import { FormError, TextField } from '#app/components/field.tsx'
import { EmailField } from '#app/components/account-fields.tsx'
import { SignupSchema } from '#app/schemas/auth.ts'
import { PASSWORD_MIN } from '#app/schemas/fields.ts'
import { signUp } from '#app/services/accounts/accounts.server.ts'
import { parseForm } from '#app/utils/forms.server.ts'
import { refuse } from '#app/utils/results.server.ts'
import { requestOrigin, safeRedirect } from '#app/utils/http.server.ts'
import { requireAnonymous } from '#app/utils/permissions.server.ts'
import { redirectSignedIn } from '#app/utils/session.server.ts'
import { useValidatedForm } from '#app/lib/use-validated-form.ts'
import { keepingRedirect } from '#app/lib/search-params.ts'
import { useTranslation } from 'react-i18next'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import type { AnonymousCacheHandle } from '#app/utils/anonymous-page-cache.server.ts'
import { hreflangLinks, titleMeta } from '#app/lib/i18n/meta.ts'
import { requestLanguage, requestT } from '#app/utils/i18n.server.ts'

// Signed-out visitors may be served this page from the anonymous page cache (decision 018).
export const handle: I18nHandle & AnonymousCacheHandle = { i18n: ['auth'], anonymousCache: true }

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  ...titleMeta(data, matches),
  ...hreflangLinks(matches),
]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request)
  const t = await requestT(request)
  return { title: t('auth:signup.pageTitle') }
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request)
  const form = await parseForm(request, SignupSchema)
  if (!form.ok) return form.response
  const result = await signUp(
    form.data,
    requestOrigin(request, context),
    await requestLanguage(request),
  )
  if (!result.ok) return refuse(result, form.formData)
  return redirectSignedIn(safeRedirect(form.data.redirectTo, '/'), result.session)
}

export default function Signup() {
  const failure = useActionData<typeof action>()
  const [params] = useSearchParams()
  const navigation = useNavigation()
  const { t } = useTranslation('auth')
  const form = useValidatedForm(SignupSchema, {
    failure,
    defaultValues: { redirectTo: params.get('redirectTo') ?? '' },
  })
  return (
    <>
      <h1>{t('auth:signup.title')}</h1>
      <p className="lede">{t('auth:signup.lede')}</p>
      <Form method="post" className="stack" noValidate onSubmit={form.onSubmit}>
        <FormError message={form.formError} />
        <input type="hidden" {...form.field('redirectTo')} />
        <TextField
          label={t('auth:fields.yourName')}
          autoComplete="name"
          required
          error={form.errorOf('name')}
          {...form.field('name')}
        />
        <EmailField error={form.errorOf('email')} {...form.field('email')} />
        <TextField
          label={t('auth:fields.password')}
          type="password"
          autoComplete="new-password"
          required
          hint={t('auth:signup.passwordHint', { count: PASSWORD_MIN })}
          error={form.errorOf('password')}
          {...form.field('password')}
        />
        <div className="actions">
          <Button busy={navigation.state === 'submitting'}>{t('auth:signup.submit')}</Button>
          <span>
            {t('auth:signup.haveAccount')}{' '}
            <Link to={keepingRedirect('/login', params.get('redirectTo'))}>
              {t('auth:signup.logIn')}
            </Link>
          </span>
        </div>
      </Form>
    </>
  )
}
