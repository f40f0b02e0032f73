import { useTranslation } from 'react-i18next'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Link } from '#app/components/link.tsx'
import { Card, EmptyState } from '#app/components/card.tsx'
import { DataTable } from '#app/components/table.tsx'
import { applicationColumns } from '#app/components/application-columns.tsx'
import { listOrganizationApplications } from '#app/services/applications/application-lists.server.ts'
import { throwNotFound } from '#app/utils/http.server.ts'
import { requireOrgRole } from '#app/utils/permissions.server.ts'
import { APPLICANT_ROLES } from '#app/services/applications/applications.server.ts'
import { useMoments } from '#app/components/moment.tsx'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { useFormatters } from '#app/lib/i18n/formatters.ts'

// The applications' columns (title, status, amount) use the funder's and applications' words.
export const handle: I18nHandle = { i18n: ['organizations', 'applications', 'funder'] }

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization } = await requireOrgRole(request, params.slug, APPLICANT_ROLES)
  if (organization.kind !== 'community_group')
    throwNotFound('organizations:applications.onlyGroups')
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
  const { t } = useTranslation('organizations')
  const format = useFormatters()
  const moment = useMoments()
  return (
    <Card
      title={t('organizations:applications.title')}
      actions={<Link to="/programs">{t('organizations:applications.findProgram')}</Link>}
    >
      {rows.length === 0 ? (
        <EmptyState title={t('organizations:applications.emptyTitle')}>
          <p>
            <Link to="/programs">{t('organizations:applications.emptyLink')}</Link>
            {t('organizations:applications.emptyText')}
          </p>
        </EmptyState>
      ) : (
        <DataTable
          caption={t('organizations:applications.caption')}
          rows={rows}
          rowKey={(r) => r.id}
          columns={[
            applicationColumns.title(t),
            { header: t('organizations:applications.program'), cell: (r) => r.programTitle },
            applicationColumns.status(t),
            applicationColumns.requested<(typeof rows)[number]>(t, format, (r) => r.currency),
            {
              header: t('organizations:applications.lastChange'),
              cell: (r) => moment(r.updatedAt),
            },
            {
              header: t('organizations:applications.deadline'),
              cell: (r) => (r.closesAt ? format.dateTime(r.closesAt, r.timeZone) : '—'),
            },
          ]}
        />
      )}
    </Card>
  )
}
