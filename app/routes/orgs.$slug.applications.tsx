import { useTranslation } from 'react-i18next'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { Card, EmptyState } from '#app/components/card.tsx'
import { DataTable } from '#app/components/table.tsx'
import { applicationColumns } from '#app/components/application-columns.tsx'
import { listOrganizationApplications } from '#app/services/applications/application-lists.server.ts'
import { formatDateTime } from '#app/lib/format.ts'
import { throwNotFound } from '#app/utils/http.server.ts'
import { requireOrgRole } from '#app/utils/permissions.server.ts'
import { APPLICANT_ROLES } from '#app/services/applications/applications.server.ts'
import { Moment } from '#app/components/moment.tsx'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization } = await requireOrgRole(request, params.slug, APPLICANT_ROLES)
  if (organization.kind !== 'community_group') throwNotFound('Only community groups apply')
  const rows = await listOrganizationApplications(organization.id)
  return {
    rows: rows.map((r) => ({
      ...r,
      updatedAt: r.updatedAt.toISOString(),
      closesAt: r.closesAt?.toISOString() ?? null,
    })),
  }
}

export default function GroupApplications() {
  const { rows } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  return (
    <Card title="Applications" actions={<Link to="/programs">Find a program to apply to</Link>}>
      {rows.length === 0 ? (
        <EmptyState title="No applications yet">
          <p>
            <Link to="/programs">Browse open programs</Link> and start one; drafts save as you go.
          </p>
        </EmptyState>
      ) : (
        <DataTable
          caption="Your group’s applications, most recent first"
          rows={rows}
          rowKey={(r) => r.id}
          columns={[
            applicationColumns.title(t),
            { header: 'Program', cell: (r) => r.programTitle },
            applicationColumns.status(t),
            applicationColumns.requested<(typeof rows)[number]>(t, (r) => r.currency),
            { header: 'Last change', cell: (r) => <Moment iso={r.updatedAt} /> },
            {
              header: 'Deadline',
              cell: (r) => (r.closesAt ? formatDateTime(r.closesAt, r.timeZone) : '—'),
            },
          ]}
        />
      )}
    </Card>
  )
}
