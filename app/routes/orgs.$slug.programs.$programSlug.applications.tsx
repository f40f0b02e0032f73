import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData, useParams, useSearchParams } from '@remix-run/react'
import { applicationColumns } from '#app/components/application-columns.tsx'
import { ApplicationFigures, applicationsText } from '#app/components/application-figures.tsx'
import { EmptyState } from '#app/components/card.tsx'
import { SelectField } from '#app/components/field.tsx'
import { FilterForm } from '#app/components/filter-form.tsx'
import { DataTable, Pagination } from '#app/components/table.tsx'
import { STATUS_LABELS, SUBMITTED_STATUSES } from '#app/domain/applications/application-status.ts'
import { SDOH_DOMAINS, SDOH_LABELS, type SdohDomain } from '#app/domain/places/sdoh.ts'
import { formatPercentile } from '#app/domain/places/vulnerability.ts'
import { APPLICATION_SORTS } from '#app/domain/applications/application-sorts.ts'
import { parseApplicationListSearch } from '#app/schemas/applications/application-list.ts'
import {
  listProgramApplications,
  programApplicationCounts,
} from '#app/services/applications/application-lists.server.ts'
import { programApplicationStats } from '#app/services/applications/application-stats.server.ts'
import { requireManagedProgram } from '#app/utils/funder-access.server.ts'
import { pageLinks } from '#app/lib/search-params.ts'
import { Moment } from '#app/components/moment.tsx'
import { readQuery } from '#app/utils/request-body.server.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { program, fund } = await requireManagedProgram(request, params)
  const search = readQuery(request)
  const { filter, sort, page } = parseApplicationListSearch(search)
  const { status, sdoh } = filter
  const filtered = Boolean(status || sdoh)
  const [list, stats, programCounts] = await Promise.all([
    listProgramApplications(program.id, { status, sdoh, sort, page }),
    programApplicationStats(program.id, { status, sdoh }),
    // Unfiltered, the figures already hold the whole program's counts.
    filtered ? programApplicationCounts(program.id) : null,
  ])
  return {
    currency: fund.currency,
    counts:
      programCounts ??
      Object.fromEntries(SUBMITTED_STATUSES.map((s) => [s, stats.byStatus[s].count])),
    stats,
    budgetMinor: program.budgetMinor,
    filtered,
    ...list,
    rows: list.rows.map((r) => ({ ...r, submittedAt: r.submittedAt?.toISOString() ?? null })),
  }
}

/** The export takes the list's filters; sorting and paging mean nothing there. */
function exportHref(listPath: string, search: URLSearchParams) {
  const kept = new URLSearchParams()
  for (const key of ['status', 'sdoh']) {
    const value = search.get(key)
    if (value) kept.set(key, value)
  }
  const query = kept.toString()
  return `${listPath}.csv${query ? `?${query}` : ''}`
}

/** "(12 submitted, 3 withdrawn)", or nothing when every application is in one status. */
function breakdown(counts: Partial<Record<string, number>>) {
  const present = SUBMITTED_STATUSES.filter((s) => counts[s])
  if (present.length < 2) return ''
  return ` (${present.map((s) => `${counts[s]} ${STATUS_LABELS[s].toLowerCase()}`).join(', ')})`
}

export default function ProgramApplications() {
  const { rows, page, hasNext, counts, currency, stats, budgetMinor, filtered } =
    useLoaderData<typeof loader>()
  const [search] = useSearchParams()
  const { slug, programSlug } = useParams()
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
          options={SUBMITTED_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
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
      {stats.total.count > 0 ? (
        <ApplicationFigures
          headingId="figures-heading"
          stats={stats}
          budgetMinor={budgetMinor}
          currency={currency}
          scope={
            filtered
              ? `These figures cover every application that matches the filters (${applicationsText(stats.total.count)}), not only this page.`
              : `These figures cover all ${applicationsText(stats.total.count)} submitted to this program.`
          }
        />
      ) : null}
      {stats.total.count > 0 ? (
        <p>
          <a
            href={exportHref(`/orgs/${slug}/programs/${programSlug}/applications`, search)}
            download
          >
            Download {filtered ? 'the matching' : 'all'} {applicationsText(stats.total.count)} as a
            spreadsheet (CSV)
          </a>
        </p>
      ) : null}
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
              cell: (r) => (r.submittedAt ? <Moment iso={r.submittedAt} /> : '—'),
            },
          ]}
        />
      )}
      <Pagination search={search} {...pageLinks(page, hasNext)} label="Application pages" />
    </section>
  )
}
