import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useNavigation, useSearchParams } from '@remix-run/react'
import { Button } from '#app/components/button.tsx'
import { FormError, TextField } from '#app/components/field.tsx'
import { LoginSchema } from '#app/schemas/auth.ts'
import { logIn } from '#app/services/accounts.server.ts'
import { parseForm } from '#app/utils/forms.server.ts'
import { refuse } from '#app/utils/results.server.ts'
import { requestOrigin, safeRedirect } from '#app/utils/http.server.ts'
import { requireAnonymous } from '#app/utils/permissions.server.ts'
import { redirectSignedIn } from '#app/utils/session.server.ts'
import { useValidatedForm } from '#app/lib/use-validated-form.ts'
import { keepingRedirect } from '#app/lib/search-params.ts'

export const meta: MetaFunction = () => [{ title: 'Log in · Commons Fund' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request)
  return null
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
  const failure = useActionData<typeof action>()
  const [params] = useSearchParams()
  const navigation = useNavigation()
  const form = useValidatedForm(LoginSchema, {
    failure,
    defaultValues: { redirectTo: params.get('redirectTo') ?? '' },
  })
  return (
    <>
      <h1>Log in</h1>
      <Form method="post" className="stack" noValidate onSubmit={form.onSubmit}>
        <FormError message={form.formError} />
        <input type="hidden" {...form.field('redirectTo')} />
        <TextField
          label="Email"
          type="email"
          autoComplete="email"
          required
          error={form.errorOf('email')}
          {...form.field('email')}
        />
        <TextField
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          error={form.errorOf('password')}
          {...form.field('password')}
        />
        <div className="actions">
          <Button busy={navigation.state === 'submitting'}>Log in</Button>
          <span>
            New here?{' '}
            <Link to={keepingRedirect('/signup', params.get('redirectTo'))}>Create an account</Link>
          </span>
        </div>
      </Form>
    </>
  )
}
