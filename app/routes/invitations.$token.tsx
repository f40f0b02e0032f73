import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { FormError } from '#app/components/field.tsx'
import { ROLE_LABELS } from '#app/domain/organizations.ts'
import {
  acceptInvitation,
  findInvitationByToken,
  INVITATION_REFUSALS,
} from '#app/services/organizations/invitations.server.ts'
import { findMembership } from '#app/services/organizations/organizations.server.ts'
import { setCurrentOrganization } from '#app/services/accounts/sessions.server.ts'
import { formatDate } from '#app/lib/format.ts'
import { redirectWithFlash, requestOrigin, throwNotFound } from '#app/utils/http.server.ts'
import { requireUser } from '#app/utils/permissions.server.ts'
import { keepingRedirect } from '#app/lib/search-params.ts'
import { getSessionUser } from '#app/utils/session.server.ts'

const UNKNOWN = 'No invitation has this link. Check that it was copied whole, or ask for a new one.'
const WRONG_EMAIL = 'This invitation is for another email address.'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data ? `Invitation to ${data.organization.name} · Commons Fund` : 'Invitation',
  },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const found = await findInvitationByToken(params.token ?? '')
  if (!found) throwNotFound(UNKNOWN)
  const { invitation, organization, invitedBy, state } = found
  const user = await getSessionUser(request)
  const isMember = user ? Boolean(await findMembership(organization.id, user.id)) : false
  return data(
    {
      organization: { name: organization.name, slug: organization.slug },
      role: invitation.role,
      email: invitation.email,
      invitedBy,
      expiresAt: invitation.expiresAt.toISOString(),
      refusal: state === 'pending' ? null : INVITATION_REFUSALS[state],
      viewer: user
        ? { email: user.email, matches: user.email === invitation.email, isMember }
        : null,
      back: `/invitations/${params.token ?? ''}`,
    },
    { status: state === 'pending' ? 200 : 410 },
  )
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const ip = requestOrigin(request, context).ip
  const result = await acceptInvitation({ ...user, ip }, params.token ?? '')
  if (result.ok) {
    await setCurrentOrganization(user.sessionId, result.organization.id)
    const message = result.alreadyMember
      ? `You were already a member of ${result.organization.name}.`
      : `You joined ${result.organization.name} as ${ROLE_LABELS[result.role].toLowerCase()}.`
    return redirectWithFlash(`/orgs/${result.organization.slug}`, { kind: 'success', message })
  }
  if (result.reason === 'unknown') throwNotFound(UNKNOWN)
  if (result.reason === 'wrong-email') return data({ error: WRONG_EMAIL }, { status: 403 })
  return data({ error: INVITATION_REFUSALS[result.reason] }, { status: 410 })
}

export default function InvitationPage() {
  const invite = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const navigation = useNavigation()
  const { organization: org, viewer } = invite
  const role = ROLE_LABELS[invite.role].toLowerCase()
  return (
    <>
      <h1>Invitation to {org.name}</h1>
      <Card>
        <p>
          {invite.invitedBy ?? 'Someone'} invited <strong>{invite.email}</strong> to join{' '}
          <strong>{org.name}</strong> as {role}.
        </p>
        {invite.refusal ? (
          <>
            <p role="alert">{invite.refusal}</p>
            {viewer?.isMember ? (
              <p>
                <Link to={`/orgs/${org.slug}`}>Open {org.name}</Link>
              </p>
            ) : null}
          </>
        ) : !viewer ? (
          <>
            <p>Log in or create an account with {invite.email} to accept.</p>
            <p className="actions">
              <Link to={keepingRedirect('/signup', invite.back)}>Create an account</Link>
              <Link to={keepingRedirect('/login', invite.back)}>Log in</Link>
            </p>
          </>
        ) : !viewer.matches ? (
          <p role="alert">
            {WRONG_EMAIL} You are signed in as {viewer.email}; log out and use {invite.email}{' '}
            instead, or ask whoever sent it to invite {viewer.email}.
          </p>
        ) : (
          <Form method="post" className="stack">
            <FormError message={failure?.error} />
            <p className="hint">The link works until {formatDate(invite.expiresAt)}.</p>
            <div className="actions">
              <Button busy={navigation.state === 'submitting'}>Join {org.name}</Button>
            </div>
          </Form>
        )}
      </Card>
    </>
  )
}
