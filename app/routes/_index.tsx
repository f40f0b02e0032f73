import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { Card, EmptyState } from '#app/components/card.tsx'
import { KIND_LABELS, ROLE_LABELS } from '#app/schemas/organization.ts'
import { listUserOrganizations } from '#app/services/organizations.server.ts'
import { getSessionUser } from '#app/utils/session.server.ts'

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
  if (!user) return { user: null, organizations: [] }
  return { user: { name: user.name }, organizations: await listUserOrganizations(user.id) }
}

export default function Index() {
  const { user, organizations } = useLoaderData<typeof loader>()
  if (!user) return <Welcome />
  return (
    <>
      <h1>Welcome, {user.name}</h1>
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
