import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { hreflangLinks, titleMeta } from '#app/lib/i18n/meta.ts'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import type { AnonymousCacheHandle } from '#app/utils/anonymous-page-cache.server.ts'
import { useFormatters } from '#app/lib/i18n/formatters.ts'
import { requestT } from '#app/utils/i18n.server.ts'
import { Trans, useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import { useLoaderData, useSearchParams } from '@remix-run/react'
import { Link } from '#app/components/link.tsx'
import { Card, EmptyState } from '#app/components/card.tsx'
import { SelectField, TextField } from '#app/components/field.tsx'
import { FilterForm } from '#app/components/filter-form.tsx'
import { Pagination } from '#app/components/table.tsx'
import { SDOH_DOMAINS, SDOH_KEYS, type SdohDomain } from '#app/domain/places/sdoh.ts'
import { US_STATES } from '#app/domain/places/us-states.ts'
import { parseCatalogSearch } from '#app/schemas/programs/program-catalog.ts'
import { listOpenPrograms } from '#app/services/programs/program-catalog.server.ts'
import { ContentText, UntranslatedNote } from '#app/components/content-text.tsx'
import { pageLinks, pageParam } from '#app/lib/search-params.ts'
import styles from '#app/styles/programs.css?url'
import { readQuery } from '#app/utils/request-body.server.ts'
import { requestLanguage } from '#app/utils/i18n.server.ts'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

// Signed-out visitors may be served this page from the anonymous page cache (decision 018).
export const handle: I18nHandle & AnonymousCacheHandle = {
  i18n: ['programs'],
  anonymousCache: true,
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  ...titleMeta(data, matches),
  ...hreflangLinks(matches),
]

export async function loader({ request }: LoaderFunctionArgs) {
  const search = readQuery(request)
  const { filters, errors } = parseCatalogSearch(search)
  const result = await listOpenPrograms(
    { ...filters, page: pageParam(search) },
    await requestLanguage(request),
  )
  const t = await requestT(request)
  return {
    title: t('programs:catalog.title'),
    ...result,
    rows: result.rows.map((p) => ({ ...p, closesAt: p.closesAt?.toISOString() ?? null })),
    errors,
    filtered: Object.values(filters).some((v) => v !== undefined),
  }
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>['rows'][number]

const isSdoh = (d: string): d is SdohDomain => (SDOH_DOMAINS as readonly string[]).includes(d)

function where(t: TFunction, row: Row) {
  if (row.eligibleStates.length > 0) return row.eligibleStates.join(', ')
  if (row.eligibleCountyCount > 0) {
    return row.placeServed || t('programs:catalog.counties', { count: row.eligibleCountyCount })
  }
  return row.placeServed || t('programs:catalog.anywhere')
}

function excerpt(text: string, max = 220) {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length <= max ? flat : `${flat.slice(0, max).replace(/\s+\S*$/, '')}…`
}

function ProgramCard({ row }: { row: Row }) {
  const domains = row.sdohDomains.filter(isSdoh)
  const { t } = useTranslation('programs')
  const format = useFormatters()
  const awards =
    row.minAwardMinor === row.maxAwardMinor
      ? format.money(row.maxAwardMinor, row.currency)
      : t('programs:catalog.awardRange', {
          min: format.money(row.minAwardMinor, row.currency),
          max: format.money(row.maxAwardMinor, row.currency),
        })
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
          <dt>{t('programs:catalog.awards')}</dt>
          <dd>{awards}</dd>
          <dt>{t('programs:catalog.deadline')}</dt>
          <dd>
            {row.closesAt ? (
              <time dateTime={row.closesAt}>{format.dateTime(row.closesAt, row.timeZone)}</time>
            ) : (
              t('programs:catalog.noDeadline')
            )}
          </dd>
          <dt>{t('programs:catalog.where')}</dt>
          <dd>{where(t, row)}</dd>
        </dl>
        {domains.length > 0 ? (
          <ul className="tag-list" aria-label={t('programs:catalog.focus')}>
            {domains.map((d) => (
              <li key={d} className="badge">
                {t(SDOH_KEYS[d])}
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
  const { t } = useTranslation('programs')
  // Every filter keeps what was asked for and shows its own error.
  const field = (name: keyof typeof errors & string) => ({
    name,
    defaultValue: search.get(name) ?? '',
    error: errors[name],
  })
  return (
    <>
      <h1>{t('programs:catalog.title')}</h1>
      <p className="lede">{t('programs:catalog.lede')}</p>
      <FilterForm label={t('programs:catalog.filterLabel')}>
        <TextField label={t('programs:catalog.search')} type="search" {...field('q')} />
        <SelectField
          label={t('programs:catalog.state')}
          placeholder={t('programs:catalog.anyState')}
          {...field('state')}
          options={US_STATES.map((s) => ({ value: s.name, label: s.name }))}
        />
        <SelectField
          label={t('programs:catalog.focus')}
          placeholder={t('programs:catalog.anyFocus')}
          {...field('sdoh')}
          options={SDOH_DOMAINS.map((d) => ({ value: d, label: t(SDOH_KEYS[d]) }))}
        />
        <TextField
          label={t('programs:catalog.minAward')}
          inputMode="decimal"
          {...field('minAward')}
        />
        <TextField
          label={t('programs:catalog.maxAward')}
          inputMode="decimal"
          {...field('maxAward')}
        />
        <TextField
          label={t('programs:catalog.closesBefore')}
          type="date"
          {...field('closesBefore')}
        />
      </FilterForm>
      <h2>
        {rows.length === 0 ? t('programs:catalog.results') : t('programs:catalog.page', { page })}
      </h2>
      {rows.length === 0 ? (
        <EmptyState
          title={filtered ? t('programs:catalog.noMatch') : t('programs:catalog.noneOpen')}
        >
          <p>
            {filtered ? (
              <>
                <Trans
                  i18nKey="programs:catalog.tryFewer"
                  components={{ all: <Link to="/programs" /> }}
                />
              </>
            ) : (
              t('programs:catalog.noneOpenText')
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
      <Pagination
        search={search}
        {...pageLinks(page, hasNext)}
        label={t('programs:catalog.pages')}
      />
    </>
  )
}
