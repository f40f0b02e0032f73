import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { Button } from '#app/components/button.tsx'
import { applicationColumns } from '#app/components/application-columns.tsx'
import { Card, EmptyState } from '#app/components/card.tsx'
import { FunderProgramTable } from '#app/components/funder-program-table.tsx'
import { KIND_LABELS, ROLE_LABELS } from '#app/domain/organizations.ts'
import { DataTable } from '#app/components/table.tsx'
import { AnswerInvitationSchema } from '#app/schemas/invitation.ts'
import { listUserApplications } from '#app/services/applications/application-lists.server.ts'
import {
  answerInvitation,
  INVITATION_REFUSALS,
  listInvitationsFor,
} from '#app/services/organizations/invitations.server.ts'
import { setCurrentOrganization } from '#app/services/accounts/sessions.server.ts'
import { parseForm } from '#app/utils/forms.server.ts'
import { redirectWithFlash, requestOrigin, throwNotFound } from '#app/utils/http.server.ts'
import { requireUser } from '#app/utils/permissions.server.ts'
import { FUND_MANAGER_ROLES } from '#app/services/programs/funds.server.ts'
import { listFunderPrograms } from '#app/services/programs/program-lists.server.ts'
import { formatDate, formatDateTime } from '#app/lib/format.ts'
import { getSessionOrganizations, getSessionUser } from '#app/utils/session.server.ts'

export const meta: MetaFunction = () => [
  { title: 'Commons Fund' },
  {
    name: 'description',
    content:
      'Community-led groups apply for funding and skilled volunteers; funders decide with equity in view; donors see where every dollar went.',
  },
]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request)
  if (!user) {
    return { user: null, organizations: [], applications: [], programs: null, invitations: [] }
  }
  const [organizations, applications, invitations] = await Promise.all([
    getSessionOrganizations(request),
    listUserApplications(user.id),
    listInvitationsFor(user.email),
  ])
  return {
    user: { name: user.name },
    organizations,
    invitations: invitations.map((i) => ({ ...i, expiresAt: i.expiresAt.toISOString() })),
    programs: await funderProgramsOf(user.id, organizations),
    applications: applications.map((a) => ({
      ...a,
      updatedAt: a.updatedAt.toISOString(),
      closesAt: a.closesAt?.toISOString() ?? null,
    })),
  }
}

const GONE = 'That invitation is no longer open.'

/** Accept or Decline on one of the signed-in person's own invitations. */
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const form = await parseForm(request, AnswerInvitationSchema)
  if (!form.ok) return form.response
  const { invitationId, answer } = form.data
  const invitee = { ...user, ip: requestOrigin(request, context).ip }
  const result = await answerInvitation(invitee, invitationId, answer)
  if (!result.ok) {
    if (result.reason === 'unknown' || result.reason === 'wrong-email') throwNotFound(GONE)
    return redirectWithFlash('/', { kind: 'error', message: INVITATION_REFUSALS[result.reason] })
  }
  if ('declined' in result) {
    const message = `You declined the invitation to ${result.declined.name}.`
    return redirectWithFlash('/', { kind: 'success', message })
  }
  await setCurrentOrganization(user.sessionId, result.organization.id)
  const role = ROLE_LABELS[result.role].toLowerCase()
  const message = result.alreadyMember
    ? `You were already a member of ${result.organization.name}.`
    : `You joined ${result.organization.name} as ${role}.`
  return redirectWithFlash(`/orgs/${result.organization.slug}`, { kind: 'success', message })
}

/** Programs for the user who runs them at a funder; null when they run none. */
async function funderProgramsOf(
  userId: string,
  organizations: Awaited<ReturnType<typeof getSessionOrganizations>>,
) {
  const funders = organizations.filter(
    (o) => o.kind === 'funder' && FUND_MANAGER_ROLES.includes(o.role),
  )
  if (funders.length === 0) return null
  const rows = await listFunderPrograms({ userId })
  return {
    showFunder: funders.length > 1,
    fundsLink: `/orgs/${funders[0]!.slug}/funds`,
    rows: rows.map((p) => ({ ...p, closesAt: p.closesAt?.toISOString() ?? null })),
  }
}

export default function Index() {
  const { user, organizations, applications, programs, invitations } =
    useLoaderData<typeof loader>()
  if (!user) return <Welcome />
  const writesApplications = organizations.some((o) => o.kind === 'community_group')
  return (
    <>
      <h1>Welcome, {user.name}</h1>
      {invitations.length > 0 ? <Invitations invitations={invitations} /> : null}
      {programs ? (
        <Card title="Programs you run" actions={<Link to={programs.fundsLink}>Funds</Link>}>
          {programs.rows.length === 0 ? (
            <EmptyState title="No programs yet">
              <p>
                A program is a call for proposals inside one of your funds.{' '}
                <Link to={programs.fundsLink}>Open your funds</Link> to create one.
              </p>
            </EmptyState>
          ) : (
            <FunderProgramTable
              caption="Open calls first, then those waiting for review"
              programs={programs.rows}
              showFunder={programs.showFunder}
            />
          )}
        </Card>
      ) : null}
      {writesApplications ? (
        <Card title="Your applications" actions={<Link to="/programs">Find funding</Link>}>
          {applications.length === 0 ? (
            <EmptyState title="No applications yet">
              <p>
                <Link to="/programs">See the programs open now</Link>; each shows how applications
                are judged before you start.
              </p>
            </EmptyState>
          ) : (
            <DataTable
              caption="Most recently changed first"
              rows={applications}
              rowKey={(a) => a.id}
              columns={[
                applicationColumns.title(),
                { header: 'Group', cell: (a) => a.organizationName },
                { header: 'Program', cell: (a) => a.programTitle },
                applicationColumns.status(),
                {
                  header: 'Deadline',
                  cell: (a) => (a.closesAt ? formatDateTime(a.closesAt, a.timeZone) : '—'),
                },
              ]}
            />
          )}
        </Card>
      ) : null}
      <Card title="Your organisations" actions={<Link to="/orgs/new">Set up an organisation</Link>}>
        {organizations.length === 0 ? (
          <EmptyState title="You are not part of an organisation yet">
            <p>
              Community groups apply for grants and volunteers; funders run programs. Set one up, or
              ask someone to add you to theirs.
            </p>
            <p>
              <Link className="btn btn-primary" to="/orgs/new?kind=community_group">
                Set up a community group
              </Link>{' '}
              <Link className="btn btn-secondary" to="/orgs/new?kind=funder">
                Set up a funder
              </Link>
            </p>
          </EmptyState>
        ) : (
          <ul className="grid plain-list">
            {organizations.map((o) => (
              <li key={o.id} className="card">
                <h3>
                  <Link to={`/orgs/${o.slug}`}>{o.name}</Link>
                </h3>
                <p>
                  <span className="badge">{KIND_LABELS[o.kind]}</span> {ROLE_LABELS[o.role]}
                </p>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  )
}

type PendingInvitation = ReturnType<typeof useLoaderData<typeof loader>>['invitations'][number]

/** Nobody joins an organisation without saying yes here (or on the invitation's link). */
function Invitations({ invitations }: { invitations: PendingInvitation[] }) {
  return (
    <Card title="Invitations waiting for you">
      <ul className="stack plain-list">
        {invitations.map((i) => (
          <li key={i.id}>
            <Form method="post" className="stack">
              <p>
                {i.invitedBy ?? 'Someone'} invited you to join <strong>{i.organizationName}</strong>{' '}
                as {ROLE_LABELS[i.role].toLowerCase()}. You can answer until{' '}
                {formatDate(i.expiresAt)}.
              </p>
              <input type="hidden" name="invitationId" value={i.id} />
              <div className="actions">
                <Button name="answer" value="accept">
                  Accept
                  <span className="visually-hidden"> the invitation to {i.organizationName}</span>
                </Button>
                <Button variant="secondary" name="answer" value="decline">
                  Decline
                  <span className="visually-hidden"> the invitation to {i.organizationName}</span>
                </Button>
              </div>
            </Form>
          </li>
        ))}
      </ul>
    </Card>
  )
}

function Welcome() {
  return (
    <>
      <h1>Resources to community-led health equity work</h1>
      <p className="lede">
        Community groups apply once for funding and skilled volunteers. Funders score applications
        against an equity rubric and explain every decision. Donors see exactly which grants their
        gift funded. Volunteers see the impact of their hours.
      </p>
      <p className="actions">
        <Link className="btn btn-primary" to="/signup">
          Create an account
        </Link>
        <Link className="btn btn-secondary" to="/login">
          Log in
        </Link>
      </p>
    </>
  )
}
