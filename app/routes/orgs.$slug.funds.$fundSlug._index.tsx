import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { Card, EmptyState } from '#app/components/card.tsx'
import { DataTable } from '#app/components/table.tsx'
import { effectiveStatus, PROGRAM_STATUS_LABELS } from '#app/domain/programs/program-status.ts'
import { CURRENCY_LABELS, type Currency } from '#app/domain/programs/funds.ts'
import { FUND_MANAGER_ROLES } from '#app/services/programs/funds.server.ts'
import { databaseNow } from '#app/services/clock.server.ts'
import { listPrograms } from '#app/services/programs/programs.server.ts'
import { formatDateTime } from '#app/lib/format.ts'
import { requireFund } from '#app/utils/funder-access.server.ts'
import { formatMoney } from '#app/lib/money.ts'
import { requireOrgRole } from '#app/utils/permissions.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.fund.name} · Commons Fund` : 'Fund · Commons Fund' },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization } = await requireOrgRole(request, params.slug, FUND_MANAGER_ROLES)
  const fund = await requireFund(organization, params.fundSlug)
  const now = await databaseNow()
  const programs = await listPrograms(fund.id)
  return {
    orgSlug: organization.slug,
    fund: {
      name: fund.name,
      slug: fund.slug,
      currency: fund.currency,
      description: fund.description,
      visibility: fund.visibility,
    },
    programs: programs.map((p) => ({
      id: p.id,
      slug: p.slug,
      title: p.title,
      status: effectiveStatus(p, now),
      closes: p.closesAt ? formatDateTime(p.closesAt, p.timeZone) : 'Not set',
      budget: formatMoney(p.budgetMinor, fund.currency),
      awards: `${formatMoney(p.minAwardMinor, fund.currency)} – ${formatMoney(p.maxAwardMinor, fund.currency)}`,
    })),
  }
}

export default function FundPage() {
  const { orgSlug, fund, programs } = useLoaderData<typeof loader>()
  const base = `/orgs/${orgSlug}/funds/${fund.slug}`
  return (
    <>
      <Card title={fund.name} actions={<Link to={`${base}/edit`}>Edit fund</Link>}>
        <dl className="facts">
          <dt>Currency</dt>
          <dd>{CURRENCY_LABELS[fund.currency as Currency] ?? fund.currency}</dd>
          <dt>Visibility</dt>
          <dd>{fund.visibility === 'public' ? 'Public' : 'Private'}</dd>
          <dt>Description</dt>
          <dd>{fund.description || 'Not given yet'}</dd>
        </dl>
      </Card>
      <Card title="Programs" actions={<Link to={`${base}/programs/new`}>Create a program</Link>}>
        {programs.length === 0 ? (
          <EmptyState title="No programs yet">
            <p>
              A program is a call for proposals: who may apply, for how much, by when, and how
              applications will be judged. <Link to={`${base}/programs/new`}>Create one</Link>.
            </p>
          </EmptyState>
        ) : (
          <DataTable
            caption={`Programs in ${fund.name}`}
            rows={programs}
            rowKey={(p) => p.id}
            columns={[
              {
                header: 'Program',
                cell: (p) => <Link to={`/orgs/${orgSlug}/programs/${p.slug}`}>{p.title}</Link>,
              },
              { header: 'Status', cell: (p) => PROGRAM_STATUS_LABELS[p.status] },
              { header: 'Closes', cell: (p) => p.closes },
              { header: 'Budget', cell: (p) => p.budget, numeric: true },
              { header: 'Awards', cell: (p) => p.awards, numeric: true },
            ]}
          />
        )}
      </Card>
    </>
  )
}
