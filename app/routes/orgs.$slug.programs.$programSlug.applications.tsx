import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData, useParams, useSearchParams } from '@remix-run/react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { applicationColumns } from '#app/components/application-columns.tsx'
import { ApplicationFigures } from '#app/components/application-figures.tsx'
import { EmptyState } from '#app/components/card.tsx'
import { SelectField } from '#app/components/field.tsx'
import { FilterForm } from '#app/components/filter-form.tsx'
import { DataTable, Pagination } from '#app/components/table.tsx'
import { SUBMITTED_STATUSES } from '#app/domain/applications/application-status.ts'
import { SDOH_DOMAINS, type SdohDomain } from '#app/domain/places/sdoh.ts'
import { APPLICATION_SORTS } from '#app/domain/applications/application-sorts.ts'
import { APPLICATION_STATUS_KEYS, SDOH_KEYS, SORT_KEYS } from '#app/domain/programs/funder-words.ts'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { useFormatters } from '#app/lib/i18n/formatters.ts'
import { parseApplicationListSearch } from '#app/schemas/applications/application-list.ts'
import { listProgramApplications } from '#app/services/applications/application-lists.server.ts'
import {
  programApplicationCounts,
  programApplicationStats,
} from '#app/services/applications/application-stats.server.ts'
import { requireManagedProgram } from '#app/utils/funder-access.server.ts'
import { pageLinks } from '#app/lib/search-params.ts'
import { useMoments } from '#app/components/moment.tsx'
import { readQuery } from '#app/utils/request-body.server.ts'

export const handle: I18nHandle = { i18n: ['funder'] }

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

/** Each status counted in the sentence above the list: "12 submitted", "12 enviadas". */
const BREAKDOWN_KEYS: Record<(typeof SUBMITTED_STATUSES)[number], string> = {
  submitted: 'funder:applications.breakdown.submitted',
  in_review: 'funder:applications.breakdown.in_review',
  changes_requested: 'funder:applications.breakdown.changes_requested',
  awarded: 'funder:applications.breakdown.awarded',
  declined: 'funder:applications.breakdown.declined',
  withdrawn: 'funder:applications.breakdown.withdrawn',
}

/** "(12 submitted, 3 withdrawn)", or nothing when every application is in one status. */
function breakdown(t: TFunction, counts: Partial<Record<string, number>>) {
  const present = SUBMITTED_STATUSES.filter((s) => counts[s])
  if (present.length < 2) return ''
  const parts = present.map((s) => t(BREAKDOWN_KEYS[s], { count: counts[s] }))
  return ` (${parts.join(', ')})`
}

/** A place's SVI percentile (0–1) as an ordinal: "87th percentile", "87.º percentil". */
function percentile(t: TFunction, value: number) {
  const count = Math.round(Math.min(1, Math.max(0, value)) * 100)
  return t('funder:applications.percentile', { count, ordinal: true })
}

export default function ProgramApplications() {
  const { rows, page, hasNext, counts, currency, stats, budgetMinor, filtered } =
    useLoaderData<typeof loader>()
  const [search] = useSearchParams()
  const { slug, programSlug } = useParams()
  const { t } = useTranslation('funder')
  const format = useFormatters()
  const moment = useMoments()
  const total = Object.values(counts).reduce((a, b) => a + b, 0)
  return (
    <section aria-labelledby="applications-heading">
      <h3 id="applications-heading">{t('funder:applications.title')}</h3>
      <p>
        {t('funder:applications.submitted', { count: total })}
        {breakdown(t, counts)}
        {t('funder:applications.draftsPrivate')}
      </p>
      <FilterForm label={t('funder:applications.filter')}>
        <SelectField
          label={t('funder:applications.status')}
          name="status"
          placeholder={t('funder:applications.anyStatus')}
          defaultValue={search.get('status') ?? ''}
          options={SUBMITTED_STATUSES.map((s) => ({
            value: s,
            label: t(APPLICATION_STATUS_KEYS[s]),
          }))}
        />
        <SelectField
          label={t('funder:applications.addresses')}
          name="sdoh"
          placeholder={t('funder:applications.anyArea')}
          defaultValue={search.get('sdoh') ?? ''}
          options={SDOH_DOMAINS.map((d) => ({ value: d, label: t(SDOH_KEYS[d]) }))}
        />
        <SelectField
          label={t('funder:applications.sort')}
          name="sort"
          defaultValue={search.get('sort') ?? 'newest'}
          options={APPLICATION_SORTS.map((value) => ({
            value,
            label: t(SORT_KEYS[value]),
          }))}
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
              ? t('funder:applications.scopeFiltered', { count: stats.total.count })
              : t('funder:applications.scopeAll', { count: stats.total.count })
          }
        />
      ) : null}
      {stats.total.count > 0 ? (
        <p>
          <a
            href={exportHref(`/orgs/${slug}/programs/${programSlug}/applications`, search)}
            download
          >
            {filtered
              ? t('funder:applications.downloadMatching', { count: stats.total.count })
              : t('funder:applications.downloadAll', { count: stats.total.count })}
          </a>
        </p>
      ) : null}
      {rows.length === 0 ? (
        <EmptyState title={t('funder:applications.noneMatch')} />
      ) : (
        <DataTable
          caption={t('funder:applications.caption', { page: format.number(page) })}
          rows={rows}
          rowKey={(r) => r.id}
          columns={[
            applicationColumns.title(t),
            { header: t('funder:applications.group'), cell: (r) => r.organizationName },
            applicationColumns.status(t),
            applicationColumns.requested(t, format, () => currency),
            {
              header: t('funder:applications.vulnerability'),
              numeric: true,
              cell: (r) =>
                r.placeVulnerability === null ? '—' : percentile(t, r.placeVulnerability),
            },
            {
              header: t('funder:applications.addresses'),
              cell: (r) =>
                r.sdohDomains
                  .map((d) => (d in SDOH_KEYS ? t(SDOH_KEYS[d as SdohDomain]) : d))
                  .join('; '),
            },
            {
              header: t('funder:applications.submittedAt'),
              cell: (r) => (r.submittedAt ? moment(r.submittedAt) : '—'),
            },
          ]}
        />
      )}
      <Pagination
        search={search}
        {...pageLinks(page, hasNext)}
        label={t('funder:applications.pages')}
      />
    </section>
  )
}
