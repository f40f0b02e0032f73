import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { Button } from '#app/components/button.tsx'
import { Card, EmptyState } from '#app/components/card.tsx'
import { FormError, SelectField, TextField } from '#app/components/field.tsx'
import { DataTable } from '#app/components/table.tsx'
import {
  MEMBERSHIP_ROLES,
  ROLE_IN_SENTENCE_KEYS,
  ROLE_LABEL_KEYS,
} from '#app/domain/organizations.ts'
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
import { CopyButton } from '#app/components/copy-button.tsx'
import { readForm } from '#app/utils/request-body.server.ts'
import { useTranslation } from 'react-i18next'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { useFormatters } from '#app/lib/i18n/formatters.ts'

export const handle: I18nHandle = { i18n: ['organizations'] }

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
    return redirectWithFlash('/', {
      kind: 'success',
      message: { key: 'common:flash.leftOrganization', values: { name: org.name } },
    })
  }
  if (!MANAGER_ROLES.includes(role)) throw forbidden('organizations:refusals.manageOnlyByManager')

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
    return redirectWithFlash(back, { kind: 'success', message: 'common:flash.invitationRevoked' })
  }
  if (intent === 'change-role') {
    const form = await parseForm(formData, ChangeRoleSchema)
    if (!form.ok) return form.response
    const result = await changeMemberRole(actor, org, form.data.userId, form.data.role)
    if (!result.ok) return refuse(result, formData)
    return redirectWithFlash(back, { kind: 'success', message: 'common:flash.roleChanged' })
  }
  if (intent === 'remove') {
    const form = await parseForm(formData, RemoveMemberSchema)
    if (!form.ok) return form.response
    const result = await removeMember(actor, org, form.data.userId)
    if (!result.ok) return refuse(result, formData)
    return redirectWithFlash(back, { kind: 'success', message: 'common:flash.memberRemoved' })
  }
  return formFailure({ form: 'organizations:members.unknownAction' }, formData)
}

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
  const { t } = useTranslation('organizations')
  const format = useFormatters()
  const roleOptions = MEMBERSHIP_ROLES.map((r) => ({ value: r, label: t(ROLE_LABEL_KEYS[r]) }))
  return (
    <>
      {!isAdd ? <FormError message={failure?.errors.form} /> : null}
      <Card title={t('organizations:members.title')}>
        <DataTable
          caption={t('organizations:members.caption', { count: members.length })}
          rows={members}
          rowKey={(m) => m.userId}
          columns={[
            {
              header: t('organizations:members.name'),
              cell: (m) =>
                m.userId === me ? t('organizations:members.you', { name: m.name }) : m.name,
            },
            ...(canManage
              ? [
                  {
                    header: t('organizations:members.email'),
                    cell: (m: (typeof members)[number]) => m.email,
                  },
                ]
              : []),
            {
              header: t('organizations:members.role'),
              cell: (m) =>
                canManage && m.userId !== me ? (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="userId" value={m.userId} />
                    <label className="visually-hidden" htmlFor={`role-${m.userId}`}>
                      {t('organizations:members.roleFor', { name: m.name })}
                    </label>
                    <select id={`role-${m.userId}`} name="role" defaultValue={m.role}>
                      {roleOptions.map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.label}
                        </option>
                      ))}
                    </select>
                    <Button variant="secondary" name="intent" value="change-role">
                      {t('organizations:members.change')}
                      <span className="visually-hidden">
                        {' '}
                        {t('organizations:members.changeHidden', { name: m.name })}
                      </span>
                    </Button>
                  </Form>
                ) : (
                  t(ROLE_LABEL_KEYS[m.role])
                ),
            },
            { header: t('organizations:members.since'), cell: (m) => format.date(m.since) },
            ...(canManage
              ? [
                  {
                    header: t('organizations:members.remove'),
                    cell: (m: (typeof members)[number]) =>
                      m.userId === me ? null : (
                        <Form method="post">
                          <input type="hidden" name="userId" value={m.userId} />
                          <Button variant="link" name="intent" value="remove">
                            {t('organizations:members.remove')}
                            <span className="visually-hidden">
                              {' '}
                              {t('organizations:members.removeHidden', { name: m.name })}
                            </span>
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
        <Card title={t('organizations:members.invited.title', { email: invited.email })}>
          <p role="status">
            {t('organizations:members.invited.text', {
              email: invited.email,
              role: t(ROLE_IN_SENTENCE_KEYS[invited.role]),
            })}
          </p>
          <TextField
            label={t('organizations:members.invited.link')}
            name="invitationLink"
            hint={t('organizations:members.invited.linkHint', { count: INVITATION_DAYS })}
            readOnly
            required
            value={invited.link}
            onFocus={(e) => e.currentTarget.select()}
          />
          <CopyButton text={invited.link} label={t('organizations:members.invited.copy')} />
        </Card>
      ) : null}
      {canManage ? (
        <Card title={t('organizations:members.pending.title')}>
          {invitations.length === 0 ? (
            <EmptyState title={t('organizations:members.pending.empty')} />
          ) : (
            <DataTable
              caption={t('organizations:members.pending.caption', { count: invitations.length })}
              rows={invitations}
              rowKey={(i) => i.id}
              columns={[
                { header: t('organizations:members.email'), cell: (i) => i.email },
                {
                  header: t('organizations:members.role'),
                  cell: (i) => t(ROLE_LABEL_KEYS[i.role]),
                },
                {
                  header: t('organizations:members.pending.invitedBy'),
                  cell: (i) => i.invitedBy ?? t('organizations:members.pending.formerUser'),
                },
                {
                  header: t('organizations:members.pending.expires'),
                  cell: (i) => format.date(i.expiresAt),
                },
                {
                  header: t('organizations:members.pending.revoke'),
                  cell: (i) => (
                    <Form method="post">
                      <input type="hidden" name="invitationId" value={i.id} />
                      <Button variant="link" name="intent" value="revoke">
                        {t('organizations:members.pending.revoke')}
                        <span className="visually-hidden">
                          {' '}
                          {t('organizations:members.pending.revokeHidden', { email: i.email })}
                        </span>
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
        <Card title={t('organizations:members.invite.title')}>
          <p className="hint">{t('organizations:members.invite.hint')}</p>
          <Form method="post" className="stack" noValidate onSubmit={form.onSubmit}>
            {isAdd ? <FormError message={form.formError} /> : null}
            <input type="hidden" name="intent" value="add" />
            <TextField
              label={t('organizations:members.invite.email')}
              type="email"
              required
              error={form.errorOf('email')}
              {...form.field('email')}
            />
            <SelectField
              label={t('organizations:members.role')}
              required
              hint={t('organizations:members.invite.roleHint')}
              options={roleOptions}
              error={form.errorOf('role')}
              {...form.field('role')}
            />
            <Button busy={navigation.state === 'submitting'}>
              {t('organizations:members.invite.submit')}
            </Button>
          </Form>
        </Card>
      ) : null}
      <Card title={t('organizations:members.leave.title')}>
        <Form method="post">
          <Button variant="danger" name="intent" value="leave">
            {t('organizations:members.leave.submit')}
          </Button>
        </Form>
      </Card>
    </>
  )
}
