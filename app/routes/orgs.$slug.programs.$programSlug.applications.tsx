import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData, useSearchParams } from '@remix-run/react'
import { applicationColumns } from '#app/components/application-columns.tsx'
import { EmptyState } from '#app/components/card.tsx'
import { SelectField } from '#app/components/field.tsx'
import { FilterForm } from '#app/components/filter-form.tsx'
import { DataTable, Pagination } from '#app/components/table.tsx'
import { APPLICATION_STATUSES, STATUS_LABELS } from '#app/domain/application-status.ts'
import { SDOH_DOMAINS, SDOH_LABELS, type SdohDomain } from '#app/domain/sdoh.ts'
import { formatPercentile } from '#app/domain/vulnerability.ts'
import { APPLICATION_SORTS, type ApplicationSort } from '#app/domain/application-sorts.ts'
import {
  listProgramApplications,
  programApplicationCounts,
} from '#app/services/application-lists.server.ts'
import { FUND_MANAGER_ROLES } from '#app/services/funds.server.ts'
import { formatDateTime } from '#app/utils/format.ts'
import { requireProgram } from '#app/utils/funder-access.server.ts'
import { requireOrgRole } from '#app/utils/permissions.server.ts'
import { pageLinks, pageParam } from '#app/utils/search-params.ts'

const VISIBLE_STATUSES = APPLICATION_STATUSES.filter((s) => s !== 'draft')

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization } = await requireOrgRole(request, params.slug, FUND_MANAGER_ROLES)
  const { program, fund } = await requireProgram(organization, params.programSlug)
  const search = new URL(request.url).searchParams
  const status = VISIBLE_STATUSES.find((s) => s === search.get('status'))
  const sdoh = SDOH_DOMAINS.find((d) => d === search.get('sdoh'))
  const sort = (Object.keys(APPLICATION_SORTS).find((k) => k === search.get('sort')) ??
    'newest') as ApplicationSort
  const [list, counts] = await Promise.all([
    listProgramApplications(program.id, { status, sdoh, sort, page: pageParam(search) }),
    programApplicationCounts(program.id),
  ])
  return {
    currency: fund.currency,
    counts,
    ...list,
    rows: list.rows.map((r) => ({ ...r, submittedAt: r.submittedAt?.toISOString() ?? null })),
  }
}

/** "(12 submitted, 3 withdrawn)", or nothing when every application is in one status. */
function breakdown(counts: Partial<Record<string, number>>) {
  const present = VISIBLE_STATUSES.filter((s) => counts[s])
  if (present.length < 2) return ''
  return ` (${present.map((s) => `${counts[s]} ${STATUS_LABELS[s].toLowerCase()}`).join(', ')})`
}

export default function ProgramApplications() {
  const { rows, page, hasNext, counts, currency } = useLoaderData<typeof loader>()
  const [search] = useSearchParams()
  const total = Object.values(counts).reduce((a, b) => a + b, 0)
  return (
    <section aria-labelledby="applications-heading">
      <h3 id="applications-heading">Applications</h3>
      <p>
        {total} submitted{breakdown(counts)}. Drafts stay private to each group until they submit.
      </p>
      <FilterForm label="Filter applications">
        <SelectField
          label="Status"
          name="status"
          placeholder="Any status"
          defaultValue={search.get('status') ?? ''}
          options={VISIBLE_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
        />
        <SelectField
          label="Addresses"
          name="sdoh"
          placeholder="Any area"
          defaultValue={search.get('sdoh') ?? ''}
          options={SDOH_DOMAINS.map((d) => ({ value: d, label: SDOH_LABELS[d] }))}
        />
        <SelectField
          label="Sort"
          name="sort"
          defaultValue={search.get('sort') ?? 'newest'}
          options={Object.entries(APPLICATION_SORTS).map(([value, label]) => ({ value, label }))}
        />
      </FilterForm>
      {rows.length === 0 ? (
        <EmptyState title="No applications match" />
      ) : (
        <DataTable
          caption={`Applications, page ${page}`}
          rows={rows}
          rowKey={(r) => r.id}
          columns={[
            applicationColumns.title(),
            { header: 'Group', cell: (r) => r.organizationName },
            applicationColumns.status(),
            applicationColumns.requested(() => currency),
            {
              header: 'Place vulnerability (SVI)',
              numeric: true,
              cell: (r) =>
                r.placeVulnerability === null ? '—' : formatPercentile(r.placeVulnerability),
            },
            {
              header: 'Addresses',
              cell: (r) => r.sdohDomains.map((d) => SDOH_LABELS[d as SdohDomain] ?? d).join('; '),
            },
            {
              header: 'Submitted',
              cell: (r) => (r.submittedAt ? formatDateTime(r.submittedAt) : '—'),
            },
          ]}
        />
      )}
      <Pagination search={search} {...pageLinks(page, hasNext)} label="Application pages" />
    </section>
  )
}
