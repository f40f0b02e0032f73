import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useNavigation, useSearchParams } from '@remix-run/react'
import { Button } from '#app/components/button.tsx'
import { FormError, TextField } from '#app/components/field.tsx'
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

export const meta: MetaFunction = () => [{ title: 'Sign up · Commons Fund' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request)
  return null
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request)
  const form = await parseForm(request, SignupSchema)
  if (!form.ok) return form.response
  const result = await signUp(form.data, requestOrigin(request, context))
  if (!result.ok) return refuse(result, form.formData)
  return redirectSignedIn(safeRedirect(form.data.redirectTo, '/'), result.session)
}

export default function Signup() {
  const failure = useActionData<typeof action>()
  const [params] = useSearchParams()
  const navigation = useNavigation()
  const form = useValidatedForm(SignupSchema, {
    failure,
    defaultValues: { redirectTo: params.get('redirectTo') ?? '' },
  })
  return (
    <>
      <h1>Create your account</h1>
      <p className="lede">
        One account for everything: apply for funding, review, give, or volunteer your skills.
      </p>
      <Form method="post" className="stack" noValidate onSubmit={form.onSubmit}>
        <FormError message={form.formError} />
        <input type="hidden" {...form.field('redirectTo')} />
        <TextField
          label="Your name"
          autoComplete="name"
          required
          error={form.errorOf('name')}
          {...form.field('name')}
        />
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
          autoComplete="new-password"
          required
          hint={`At least ${PASSWORD_MIN} characters, hard to guess. A few unrelated words make a strong one.`}
          error={form.errorOf('password')}
          {...form.field('password')}
        />
        <div className="actions">
          <Button busy={navigation.state === 'submitting'}>Sign up</Button>
          <span>
            Already have an account?{' '}
            <Link to={keepingRedirect('/login', params.get('redirectTo'))}>Log in</Link>
          </span>
        </div>
      </Form>
    </>
  )
}
