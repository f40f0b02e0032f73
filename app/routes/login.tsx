import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import {
  Form,
  useActionData,
  useLoaderData,
  useNavigation,
  useSearchParams,
} from '@remix-run/react'
import { Link } from '#app/components/link.tsx'
import { Button } from '#app/components/button.tsx'
import { FormError, TextField } from '#app/components/field.tsx'
import { EmailField } from '#app/components/account-fields.tsx'
import { LoginSchema } from '#app/schemas/auth.ts'
import { logIn } from '#app/services/accounts/accounts.server.ts'
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
import { requestT } from '#app/utils/i18n.server.ts'
import { findVisibleProgram } from '#app/services/programs/program-catalog.server.ts'

// Signed-out visitors may be served this page from the anonymous page cache (decision 018).
export const handle: I18nHandle & AnonymousCacheHandle = { i18n: ['auth'], anonymousCache: true }

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  ...titleMeta(data, matches),
  ...hreflangLinks(matches),
]

/** A program's apply page, as Apply sends a signed-out visitor here with it in `redirectTo`. */
const APPLY_PAGE = /^\/programs\/([a-z0-9-]{1,100})\/apply(?:[?#]|$)/

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request)
  const redirectTo = new URL(request.url).searchParams.get('redirectTo') ?? ''
  const slug = APPLY_PAGE.exec(redirectTo)?.[1]
  // Only a program this visitor may see is named (the same rule as its public page).
  const found = slug ? await findVisibleProgram({ slug }) : null
  const t = await requestT(request)
  return { title: t('auth:login.title'), applyingTo: found?.program.title ?? null }
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request)
  const form = await parseForm(request, LoginSchema)
  if (!form.ok) return form.response
  const result = await logIn(form.data, requestOrigin(request, context))
  if (!result.ok) return refuse(result, form.formData)
  return redirectSignedIn(safeRedirect(form.data.redirectTo, '/'), result.session)
}

export default function Login() {
  const { applyingTo } = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const [params] = useSearchParams()
  const navigation = useNavigation()
  const { t } = useTranslation('auth')
  const form = useValidatedForm(LoginSchema, {
    failure,
    defaultValues: { redirectTo: params.get('redirectTo') ?? '' },
  })
  return (
    <>
      <h1>{t('auth:login.title')}</h1>
      {applyingTo ? <p>{t('auth:login.applyingTo', { program: applyingTo })}</p> : null}
      <Form method="post" className="stack" noValidate onSubmit={form.onSubmit}>
        <FormError message={form.formError} />
        <input type="hidden" {...form.field('redirectTo')} />
        <EmailField error={form.errorOf('email')} {...form.field('email')} />
        <TextField
          label={t('auth:fields.password')}
          type="password"
          autoComplete="current-password"
          required
          error={form.errorOf('password')}
          {...form.field('password')}
        />
        <p>
          <Link to="/forgot-password">{t('auth:login.forgot')}</Link>
        </p>
        <div className="actions">
          <Button busy={navigation.state === 'submitting'}>{t('auth:login.submit')}</Button>
          <span>
            {t('auth:login.newHere')}{' '}
            <Link to={keepingRedirect('/signup', params.get('redirectTo'))}>
              {t('auth:login.createAccount')}
            </Link>
          </span>
        </div>
      </Form>
    </>
  )
}
