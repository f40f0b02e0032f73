import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { AuditTable, auditRowView } from '#app/components/audit-table.tsx'
import { Card, EmptyState } from '#app/components/card.tsx'
import { Moment } from '#app/components/moment.tsx'
import { DataTable } from '#app/components/table.tsx'
import { BUDGET_BAND_LABELS, KIND_LABELS, ROLE_LABELS } from '#app/domain/organizations.ts'
import { getOrganizationProfile } from '#app/services/admin/admin-profiles.server.ts'
import { throwNotFound } from '#app/utils/http.server.ts'
import { requirePlatformAdmin } from '#app/utils/permissions.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [
  { title: `${d?.organization.name ?? 'Organisation'} · Platform admin · Commons Fund` },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePlatformAdmin(request)
  const profile = await getOrganizationProfile(params.organizationId)
  if (!profile) throwNotFound('There is no such organisation.')
  const { recentEvents, ...organization } = profile
  return {
    organization: { ...organization, createdAt: organization.createdAt.toISOString() },
    recentEvents: recentEvents.map(auditRowView),
  }
}

export default function AdminOrganization() {
  const { organization: org, recentEvents } = useLoaderData<typeof loader>()
  return (
    <>
      <h2>{org.name}</h2>
      <Card title="Profile">
        <dl className="facts">
          <dt>Kind</dt>
          <dd>{KIND_LABELS[org.kind]}</dd>
          <dt>Address on the site</dt>
          <dd>
            <code>/orgs/{org.slug}</code>
          </dd>
          <dt>Created</dt>
          <dd>
            <Moment iso={org.createdAt} />
          </dd>
          <dt>Where</dt>
          <dd>{org.location || 'Not given'}</dd>
          <dt>Website</dt>
          <dd>{org.website || 'Not given'}</dd>
          <dt>Budget</dt>
          <dd>{org.budgetBand ? BUDGET_BAND_LABELS[org.budgetBand] : 'Not given'}</dd>
          <dt>Mission</dt>
          <dd>{org.mission || 'Not given'}</dd>
          <dt>Funds</dt>
          <dd>{org.funds}</dd>
          <dt>Programs</dt>
          <dd>{org.programs}</dd>
        </dl>
      </Card>
      <Card title="Members">
        {org.members.length === 0 ? (
          <EmptyState title="No members" />
        ) : (
          <DataTable
            caption={`Members of ${org.name}`}
            rows={org.members}
            rowKey={(m) => m.id}
            columns={[
              { header: 'Name', cell: (m) => <Link to={`/admin/users/${m.id}`}>{m.name}</Link> },
              { header: 'Email', cell: (m) => m.email },
              { header: 'Role', cell: (m) => ROLE_LABELS[m.role] },
              {
                header: 'Account',
                cell: (m) => (m.suspended ? <span className="badge">Suspended</span> : 'Active'),
              },
            ]}
          />
        )}
      </Card>
      <Card
        title="Recent activity"
        actions={
          <Link to={`/admin/audit?organizationId=${org.id}`}>
            Everything about this organisation
          </Link>
        }
      >
        {recentEvents.length === 0 ? (
          <EmptyState title="Nothing recorded yet" />
        ) : (
          <AuditTable caption={`Latest audit events for ${org.name}`} rows={recentEvents} />
        )}
      </Card>
    </>
  )
}
