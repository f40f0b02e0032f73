import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { Card } from '#app/components/card.tsx'
import { BUDGET_BAND_LABELS } from '#app/schemas/organization.ts'
import { MANAGER_ROLES } from '#app/services/organizations.server.ts'
import { requireOrgRole } from '#app/utils/permissions.server.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization, role } = await requireOrgRole(request, params.slug)
  return { organization, canManage: MANAGER_ROLES.includes(role) }
}

const orNot = (text: string) => text || 'Not given yet'

export default function OrganizationOverview() {
  const { organization: org, canManage } = useLoaderData<typeof loader>()
  return (
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
  )
}
