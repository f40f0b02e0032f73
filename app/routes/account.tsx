import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { FormError, TextField } from '#app/components/field.tsx'
import { DataTable } from '#app/components/table.tsx'
import { ChangePasswordSchema } from '#app/schemas/auth.ts'
import { changePassword, signOutOtherSessions } from '#app/services/accounts/accounts.server.ts'
import { listUserSessions } from '#app/services/accounts/sessions.server.ts'
import { parseForm } from '#app/utils/forms.server.ts'
import { refuse } from '#app/utils/results.server.ts'
import { redirectWithFlash, requestOrigin } from '#app/utils/http.server.ts'
import { requireUser } from '#app/utils/permissions.server.ts'
import { useValidatedForm } from '#app/lib/use-validated-form.ts'
import { Moment } from '#app/components/moment.tsx'
import { readForm } from '#app/utils/request-body.server.ts'

export const meta: MetaFunction = () => [{ title: 'Your account · Commons Fund' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const sessions = await listUserSessions(user.id)
  return {
    user: { name: user.name, email: user.email },
    sessions: sessions.map((s) => ({
      key: s.id.slice(0, 12),
      current: s.id === user.sessionId,
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      browser: s.browser,
      ip: s.ip ?? '',
    })),
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const formData = await readForm(request)
  const origin = requestOrigin(request, context)
  if (formData.get('intent') === 'end-other-sessions') {
    await signOutOtherSessions(user, origin)
    return redirectWithFlash('/account', {
      kind: 'success',
      message: 'Signed out everywhere else.',
    })
  }
  const form = await parseForm(formData, ChangePasswordSchema)
  if (!form.ok) return form.response
  const result = await changePassword(user, form.data, origin)
  if (!result.ok) return refuse(result, formData)
  return redirectWithFlash('/account', {
    kind: 'success',
    message: 'Password changed. Every other session has been signed out.',
  })
}

export default function Account() {
  const { user, sessions } = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const navigation = useNavigation()
  const form = useValidatedForm(ChangePasswordSchema, { failure })
  return (
    <>
      <h1>Your account</h1>
      <Card title="Profile">
        <dl className="facts">
          <dt>Name</dt>
          <dd>{user.name}</dd>
          <dt>Email</dt>
          <dd>{user.email}</dd>
        </dl>
      </Card>
      <Card title="Change password">
        <Form method="post" className="stack" noValidate onSubmit={form.onSubmit}>
          <FormError message={form.formError} />
          <TextField
            label="Current password"
            type="password"
            autoComplete="current-password"
            required
            error={form.errorOf('currentPassword')}
            {...form.field('currentPassword')}
          />
          <TextField
            label="New password"
            type="password"
            autoComplete="new-password"
            required
            hint="At least 12 characters."
            error={form.errorOf('newPassword')}
            {...form.field('newPassword')}
          />
          <TextField
            label="Repeat the new password"
            type="password"
            autoComplete="new-password"
            required
            error={form.errorOf('confirmPassword')}
            {...form.field('confirmPassword')}
          />
          <Button busy={navigation.state === 'submitting'}>Change password</Button>
        </Form>
      </Card>
      <Card title="Where you are signed in">
        <DataTable
          caption="Active sessions"
          rows={sessions}
          rowKey={(s) => s.key}
          columns={[
            { header: 'Browser', cell: (s) => s.browser },
            { header: 'Address', cell: (s) => s.ip },
            { header: 'Signed in', cell: (s) => <Moment iso={s.createdAt} /> },
            { header: 'Last active', cell: (s) => <Moment iso={s.lastSeenAt} /> },
            { header: 'This device', cell: (s) => (s.current ? 'Yes' : '') },
          ]}
        />
        {sessions.length > 1 ? (
          <Form method="post" className="actions">
            <Button variant="secondary" name="intent" value="end-other-sessions">
              Sign out all other sessions
            </Button>
          </Form>
        ) : null}
      </Card>
    </>
  )
}
