import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { Button } from '#app/components/button.tsx'
import { Card, EmptyState } from '#app/components/card.tsx'
import { FormError, SelectField, TextField } from '#app/components/field.tsx'
import { DataTable } from '#app/components/table.tsx'
import { MEMBERSHIP_ROLES, ROLE_LABELS } from '#app/domain/organizations.ts'
import { AddMemberSchema, ChangeRoleSchema, RemoveMemberSchema } from '#app/schemas/organization.ts'
import { INVITATION_DAYS, RevokeInvitationSchema } from '#app/schemas/invitation.ts'
import {
  inviteMember,
  listPendingInvitations,
  revokeInvitation,
} from '#app/services/organizations/invitations.server.ts'
import {
  changeMemberRole,
  listMembers,
  MANAGER_ROLES,
  removeMember,
} from '#app/services/organizations/organizations.server.ts'
import { setCurrentOrganization } from '#app/services/accounts/sessions.server.ts'
import { formFailure, parseForm } from '#app/utils/forms.server.ts'
import { refuse } from '#app/utils/results.server.ts'
import { forbidden, redirectWithFlash, requestOrigin } from '#app/utils/http.server.ts'
import { requireOrgRole } from '#app/utils/permissions.server.ts'
import { useValidatedForm } from '#app/lib/use-validated-form.ts'
import { formatDate } from '#app/lib/format.ts'
import { CopyButton } from '#app/components/copy-button.tsx'
import { readForm } from '#app/utils/request-body.server.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, organization, role } = await requireOrgRole(request, params.slug)
  const canManage = MANAGER_ROLES.includes(role)
  const members = await listMembers(organization.id)
  const invitations = canManage ? await listPendingInvitations(organization.id) : []
  return {
    me: user.id,
    myRole: role,
    canManage,
    members: members.map((m) => ({
      ...m,
      // Reviewers and members see who is in the organisation, not their addresses.
      email: canManage ? m.email : '',
      since: m.since.toISOString(),
    })),
    invitations: invitations.map((i) => ({ ...i, expiresAt: i.expiresAt.toISOString() })),
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const access = await requireOrgRole(request, params.slug)
  const { organization: org, role } = access
  const actor = { id: access.user.id, ip: requestOrigin(request, context).ip, role }
  const formData = await readForm(request)
  const intent = formData.get('intent')
  const back = `/orgs/${org.slug}/members`

  if (intent === 'leave') {
    const result = await removeMember(actor, org, actor.id)
    if (!result.ok) return refuse(result, formData)
    await setCurrentOrganization(access.user.sessionId, null)
    return redirectWithFlash('/', { kind: 'success', message: `You left ${org.name}.` })
  }
  if (!MANAGER_ROLES.includes(role)) throw forbidden('Only owners and admins can manage members.')

  if (intent === 'add') {
    const form = await parseForm(formData, AddMemberSchema)
    if (!form.ok) return form.response
    const result = await inviteMember(actor, org, form.data)
    if (!result.ok) return refuse(result, formData)
    // Shown once, in this response: only the token's hash is stored.
    const link = `${new URL(request.url).origin}/invitations/${result.token}`
    return { invited: { email: form.data.email, role: form.data.role, link } }
  }
  if (intent === 'revoke') {
    const form = await parseForm(formData, RevokeInvitationSchema)
    if (!form.ok) return form.response
    const result = await revokeInvitation(actor, org, form.data.invitationId)
    if (!result.ok) return refuse(result, formData)
    return redirectWithFlash(back, { kind: 'success', message: 'Invitation revoked.' })
  }
  if (intent === 'change-role') {
    const form = await parseForm(formData, ChangeRoleSchema)
    if (!form.ok) return form.response
    const result = await changeMemberRole(actor, org, form.data.userId, form.data.role)
    if (!result.ok) return refuse(result, formData)
    return redirectWithFlash(back, { kind: 'success', message: 'Role changed.' })
  }
  if (intent === 'remove') {
    const form = await parseForm(formData, RemoveMemberSchema)
    if (!form.ok) return form.response
    const result = await removeMember(actor, org, form.data.userId)
    if (!result.ok) return refuse(result, formData)
    return redirectWithFlash(back, { kind: 'success', message: 'Member removed.' })
  }
  return formFailure({ form: 'Unknown action.' }, formData)
}

const roleOptions = MEMBERSHIP_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))

export default function Members() {
  const { me, canManage, members, invitations } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const failure = actionData && 'errors' in actionData ? actionData : undefined
  const invited = actionData && 'invited' in actionData ? actionData.invited : undefined
  const navigation = useNavigation()
  const isAdd = failure?.values.intent === 'add'
  const form = useValidatedForm(AddMemberSchema, {
    failure: isAdd ? failure : undefined,
    defaultValues: { role: 'member' },
  })
  return (
    <>
      {!isAdd ? <FormError message={failure?.errors.form} /> : null}
      <Card title="Members">
        <DataTable
          caption={`${members.length} ${members.length === 1 ? 'member' : 'members'}`}
          rows={members}
          rowKey={(m) => m.userId}
          columns={[
            { header: 'Name', cell: (m) => (m.userId === me ? `${m.name} (you)` : m.name) },
            ...(canManage
              ? [{ header: 'Email', cell: (m: (typeof members)[number]) => m.email }]
              : []),
            {
              header: 'Role',
              cell: (m) =>
                canManage && m.userId !== me ? (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="userId" value={m.userId} />
                    <label className="visually-hidden" htmlFor={`role-${m.userId}`}>
                      Role for {m.name}
                    </label>
                    <select id={`role-${m.userId}`} name="role" defaultValue={m.role}>
                      {roleOptions.map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.label}
                        </option>
                      ))}
                    </select>
                    <Button variant="secondary" name="intent" value="change-role">
                      Change<span className="visually-hidden"> role for {m.name}</span>
                    </Button>
                  </Form>
                ) : (
                  ROLE_LABELS[m.role]
                ),
            },
            { header: 'Member since', cell: (m) => formatDate(m.since) },
            ...(canManage
              ? [
                  {
                    header: 'Remove',
                    cell: (m: (typeof members)[number]) =>
                      m.userId === me ? null : (
                        <Form method="post">
                          <input type="hidden" name="userId" value={m.userId} />
                          <Button variant="link" name="intent" value="remove">
                            Remove<span className="visually-hidden"> {m.name}</span>
                          </Button>
                        </Form>
                      ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {invited ? (
        <Card title={`Invitation for ${invited.email}`}>
          <p role="status">
            {invited.email} is invited as {ROLE_LABELS[invited.role].toLowerCase()}. They become a
            member once they accept: if they have an account, the invitation waits on their
            dashboard; otherwise send them this link, shown only now.
          </p>
          <TextField
            label="Invitation link"
            name="invitationLink"
            hint={`Send this link to them yourself; it works once, for this email, for ${INVITATION_DAYS} days`}
            readOnly
            required
            value={invited.link}
            onFocus={(e) => e.currentTarget.select()}
          />
          <CopyButton text={invited.link} label="Copy the link" />
        </Card>
      ) : null}
      {canManage ? (
        <Card title="Pending invitations">
          {invitations.length === 0 ? (
            <EmptyState title="No pending invitations" />
          ) : (
            <DataTable
              caption={`${invitations.length} pending ${invitations.length === 1 ? 'invitation' : 'invitations'}`}
              rows={invitations}
              rowKey={(i) => i.id}
              columns={[
                { header: 'Email', cell: (i) => i.email },
                { header: 'Role', cell: (i) => ROLE_LABELS[i.role] },
                { header: 'Invited by', cell: (i) => i.invitedBy ?? 'A former user' },
                { header: 'Expires', cell: (i) => formatDate(i.expiresAt) },
                {
                  header: 'Revoke',
                  cell: (i) => (
                    <Form method="post">
                      <input type="hidden" name="invitationId" value={i.id} />
                      <Button variant="link" name="intent" value="revoke">
                        Revoke<span className="visually-hidden"> invitation for {i.email}</span>
                      </Button>
                    </Form>
                  ),
                },
              ]}
            />
          )}
        </Card>
      ) : null}
      {canManage ? (
        <Card title="Invite someone">
          <p className="hint">
            Everyone is invited and joins only when they accept. People with an account see the
            invitation when they sign in; you also get a link to send them. Inviting the same email
            again replaces the earlier invitation.
          </p>
          <Form method="post" className="stack" noValidate onSubmit={form.onSubmit}>
            {isAdd ? <FormError message={form.formError} /> : null}
            <input type="hidden" name="intent" value="add" />
            <TextField
              label="Their email"
              type="email"
              required
              error={form.errorOf('email')}
              {...form.field('email')}
            />
            <SelectField
              label="Role"
              required
              hint="Owners and admins manage the organisation; reviewers only score what they are assigned."
              options={roleOptions}
              error={form.errorOf('role')}
              {...form.field('role')}
            />
            <Button busy={navigation.state === 'submitting'}>Invite</Button>
          </Form>
        </Card>
      ) : null}
      <Card title="Leave this organisation">
        <Form method="post">
          <Button variant="danger" name="intent" value="leave">
            Leave organisation
          </Button>
        </Form>
      </Card>
    </>
  )
}
