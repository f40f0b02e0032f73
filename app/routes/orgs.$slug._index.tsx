import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { Card, EmptyState } from '#app/components/card.tsx'
import { FunderProgramTable } from '#app/components/funder-program-table.tsx'
import { BUDGET_BAND_LABELS } from '#app/domain/organizations.ts'
import { FUND_MANAGER_ROLES } from '#app/services/programs/funds.server.ts'
import { MANAGER_ROLES } from '#app/services/organizations/organizations.server.ts'
import { listFunderPrograms } from '#app/services/programs/program-lists.server.ts'
import { requireOrgRole } from '#app/utils/permissions.server.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization, role } = await requireOrgRole(request, params.slug)
  const runsPrograms = organization.kind === 'funder' && FUND_MANAGER_ROLES.includes(role)
  const programs = runsPrograms
    ? await listFunderPrograms({ organizationId: organization.id })
    : null
  return {
    organization,
    canManage: MANAGER_ROLES.includes(role),
    programs: programs?.map((p) => ({ ...p, closesAt: p.closesAt?.toISOString() ?? null })),
  }
}

const orNot = (text: string) => text || 'Not given yet'

export default function OrganizationOverview() {
  const { organization: org, canManage, programs } = useLoaderData<typeof loader>()
  return (
    <>
      {programs ? (
        <Card title="Programs" actions={<Link to={`/orgs/${org.slug}/funds`}>Funds</Link>}>
          {programs.length === 0 ? (
            <EmptyState title="No programs yet">
              <p>
                Programs live inside funds.{' '}
                <Link to={`/orgs/${org.slug}/funds`}>Open the funds</Link> to create a fund and its
                first call for proposals.
              </p>
            </EmptyState>
          ) : (
            <FunderProgramTable
              caption={`Programs of ${org.name}, open calls first`}
              programs={programs}
              showFunder={false}
            />
          )}
        </Card>
      ) : null}
      <Card
        title="Profile"
        actions={canManage ? <Link to={`/orgs/${org.slug}/settings`}>Edit profile</Link> : null}
      >
        <dl className="facts">
          <dt>Mission</dt>
          <dd>{orNot(org.mission)}</dd>
          <dt>Where</dt>
          <dd>{orNot(org.location)}</dd>
          <dt>Led by</dt>
          <dd>{orNot(org.leadership)}</dd>
          <dt>Serves</dt>
          <dd>{orNot(org.communitiesServed)}</dd>
          <dt>Annual budget</dt>
          <dd>{org.budgetBand ? BUDGET_BAND_LABELS[org.budgetBand] : 'Not given'}</dd>
          <dt>Website</dt>
          <dd>{org.website ? <a href={org.website}>{org.website}</a> : 'Not given'}</dd>
        </dl>
      </Card>
    </>
  )
}
