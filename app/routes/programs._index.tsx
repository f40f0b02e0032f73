import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { hreflangLinks } from '#app/lib/i18n/meta.ts'
import { Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { Card, EmptyState } from '#app/components/card.tsx'
import { SelectField, TextField } from '#app/components/field.tsx'
import { FilterForm } from '#app/components/filter-form.tsx'
import { Pagination } from '#app/components/table.tsx'
import { SDOH_DOMAINS, SDOH_LABELS, type SdohDomain } from '#app/domain/places/sdoh.ts'
import { US_STATES } from '#app/domain/places/us-states.ts'
import { parseCatalogSearch } from '#app/schemas/programs/program-catalog.ts'
import { listOpenPrograms } from '#app/services/programs/program-catalog.server.ts'
import { ContentText, UntranslatedNote } from '#app/components/content-text.tsx'
import { formatDateTime } from '#app/lib/format.ts'
import { formatMoney } from '#app/lib/money.ts'
import { pageLinks, pageParam } from '#app/lib/search-params.ts'
import styles from '#app/styles/programs.css?url'
import { readQuery } from '#app/utils/request-body.server.ts'
import { requestLanguage } from '#app/utils/i18n.server.ts'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

// The title is translated with the rest of this page (pending: eslint.i18n-pending.js).
export const meta: MetaFunction = ({ matches }) => [
  { title: 'Open funding programs · Commons Fund' },
  ...hreflangLinks(matches),
]

export async function loader({ request }: LoaderFunctionArgs) {
  const search = readQuery(request)
  const { filters, errors } = parseCatalogSearch(search)
  const result = await listOpenPrograms(
    { ...filters, page: pageParam(search) },
    await requestLanguage(request),
  )
  return {
    ...result,
    rows: result.rows.map((p) => ({ ...p, closesAt: p.closesAt?.toISOString() ?? null })),
    errors,
    filtered: Object.values(filters).some((v) => v !== undefined),
  }
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>['rows'][number]

const isSdoh = (d: string): d is SdohDomain => (SDOH_DOMAINS as readonly string[]).includes(d)

function awardRange(row: { minAwardMinor: number; maxAwardMinor: number; currency: string }) {
  if (row.minAwardMinor === row.maxAwardMinor) return formatMoney(row.maxAwardMinor, row.currency)
  return `${formatMoney(row.minAwardMinor, row.currency)} to ${formatMoney(row.maxAwardMinor, row.currency)}`
}

function where(row: Row) {
  if (row.eligibleStates.length > 0) return row.eligibleStates.join(', ')
  if (row.eligibleCountyCount > 0) {
    return row.placeServed || `${row.eligibleCountyCount} counties`
  }
  return row.placeServed || 'Anywhere in the United States'
}

function excerpt(text: string, max = 220) {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length <= max ? flat : `${flat.slice(0, max).replace(/\s+\S*$/, '')}…`
}

function ProgramCard({ row }: { row: Row }) {
  const domains = row.sdohDomains.filter(isSdoh)
  return (
    <li>
      <Card
        headingLevel={3}
        title={
          <Link to={`/programs/${row.slug}`}>
            <ContentText shown={row.shown.title} />
          </Link>
        }
      >
        <p className="eyebrow">
          {row.funderName} · {row.fundName}
        </p>
        {row.shown.description.text ? (
          <>
            <p lang={row.shown.description.lang}>{excerpt(row.shown.description.text)}</p>
            <UntranslatedNote shown={row.shown.description} />
          </>
        ) : null}
        <dl className="facts">
          <dt>Awards</dt>
          <dd>{awardRange(row)}</dd>
          <dt>Deadline</dt>
          <dd>
            {row.closesAt ? (
              <time dateTime={row.closesAt}>{formatDateTime(row.closesAt, row.timeZone)}</time>
            ) : (
              'None set'
            )}
          </dd>
          <dt>Where</dt>
          <dd>{where(row)}</dd>
        </dl>
        {domains.length > 0 ? (
          <ul className="tag-list" aria-label="Focus">
            {domains.map((d) => (
              <li key={d} className="badge">
                {SDOH_LABELS[d]}
              </li>
            ))}
          </ul>
        ) : null}
      </Card>
    </li>
  )
}

export default function ProgramsIndex() {
  const { rows, page, hasNext, errors, filtered } = useLoaderData<typeof loader>()
  const [search] = useSearchParams()
  // Every filter keeps what was asked for and shows its own error.
  const filter = (name: keyof typeof errors & string) => ({
    name,
    defaultValue: search.get(name) ?? '',
    error: errors[name],
  })
  return (
    <>
      <h1>Open funding programs</h1>
      <p className="lede">
        Funding calls open to community-led groups now, closing soonest first. Each one shows how
        applications will be judged before you write a word.
      </p>
      <FilterForm label="Filter programs">
        <TextField label="Search" type="search" {...filter('q')} />
        <SelectField
          label="Where you work"
          placeholder="Any state"
          {...filter('state')}
          options={US_STATES.map((s) => ({ value: s.name, label: s.name }))}
        />
        <SelectField
          label="Focus"
          placeholder="Any focus"
          {...filter('sdoh')}
          options={SDOH_DOMAINS.map((d) => ({ value: d, label: SDOH_LABELS[d] }))}
        />
        <TextField label="Award at least ($)" inputMode="decimal" {...filter('minAward')} />
        <TextField label="Award up to ($)" inputMode="decimal" {...filter('maxAward')} />
        <TextField label="Closing by" type="date" {...filter('closesBefore')} />
      </FilterForm>
      <h2>{rows.length === 0 ? 'Results' : `Programs, page ${page}`}</h2>
      {rows.length === 0 ? (
        <EmptyState
          title={
            filtered ? 'No open programs match these filters' : 'No programs are open right now'
          }
        >
          <p>
            {filtered ? (
              <>
                Try fewer filters, or <Link to="/programs">see every open program</Link>.
              </>
            ) : (
              'New funding calls appear here as soon as funders open them.'
            )}
          </p>
        </EmptyState>
      ) : (
        <ul className="program-list">
          {rows.map((row) => (
            <ProgramCard key={row.id} row={row} />
          ))}
        </ul>
      )}
      <Pagination search={search} {...pageLinks(page, hasNext)} label="Program pages" />
    </>
  )
}
