import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Link } from '#app/components/link.tsx'
import { useTranslation } from 'react-i18next'
import { BarChart } from '#app/components/bar-chart.tsx'
import { Card } from '#app/components/card.tsx'
import { Moment } from '#app/components/moment.tsx'
import { DataTable } from '#app/components/table.tsx'
import { BUDGET_BAND_KEYS, type BudgetBand } from '#app/domain/organizations.ts'
import { share, type Breakdown } from '#app/domain/volunteers/coverage.ts'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { useFormatters } from '#app/lib/i18n/formatters.ts'
import { titleMeta } from '#app/lib/i18n/meta.ts'
import { matchingCoverage } from '#app/services/volunteers/coverage.server.ts'
import { requestT } from '#app/utils/i18n.server.ts'
import { requirePlatformAdmin } from '#app/utils/permissions.server.ts'

// Budget bands are the applications' words; the charts' table toggle the funders'.
export const handle: I18nHandle = { i18n: ['admin', 'applications', 'funder'] }

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleMeta(data, matches)

/** Matching coverage (issue 11): three figures by group size and place vulnerability. Admins only. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePlatformAdmin(request)
  const t = await requestT(request)
  return { title: t('admin:coverage.title'), coverage: await matchingCoverage() }
}

interface Row {
  key: string
  label: string
  value: number
  valueText: string
  cells: string[]
}

/** A chart of one figure by one breakdown, with its table of the counts behind it. */
function FigureChart({
  title,
  category,
  headers,
  rows,
}: {
  title: string
  category: string
  headers: string[]
  rows: Row[]
}) {
  return (
    <BarChart
      title={title}
      bars={rows.map((r) => ({ label: r.label, value: r.value, valueText: r.valueText }))}
    >
      <DataTable
        caption={title}
        rows={rows}
        rowKey={(r) => r.key}
        columns={[
          { header: category, cell: (r) => r.label, rowHeader: true },
          ...headers.map((header, i) => ({ header, cell: (r: Row) => r.cells[i]!, numeric: true })),
        ]}
      />
    </BarChart>
  )
}

export default function MatchingCoverage() {
  const { coverage } = useLoaderData<typeof loader>()
  const { t } = useTranslation('admin')
  const format = useFormatters()
  const n = (v: number) => format.number(v)
  const pct = (part: number, whole: number) => format.percent(share(part, whole))
  const bandLabel = (band: BudgetBand | null) =>
    band === null ? t('admin:coverage.unknownBand') : t(BUDGET_BAND_KEYS[band])
  const quartileLabel = (q: number | null) =>
    q === null ? t('admin:coverage.unknownPlace') : t('admin:coverage.quartile', { quartile: q })

  /** The two charts (by size, by vulnerability) of one figure. */
  function both<T extends object>(
    figure: string,
    breakdown: Breakdown<T>,
    headers: string[],
    row: (v: T) => Omit<Row, 'key' | 'label'>,
  ) {
    return (
      <div className="chart-grid">
        <FigureChart
          title={t('admin:coverage.bySize', { figure })}
          category={t('admin:coverage.size')}
          headers={headers}
          rows={breakdown.byBand.map((b) => ({
            key: b.band ?? 'unknown',
            label: bandLabel(b.band),
            ...row(b),
          }))}
        />
        <FigureChart
          title={t('admin:coverage.byVulnerability', { figure })}
          category={t('admin:coverage.vulnerability')}
          headers={headers}
          rows={breakdown.byQuartile.map((q) => ({
            key: String(q.quartile ?? 'unknown'),
            label: quartileLabel(q.quartile),
            ...row(q),
          }))}
        />
      </div>
    )
  }

  const { suggested, firstOffer, completion } = coverage
  const days = (d: number | null) =>
    d === null ? t('admin:coverage.noOffers') : t('admin:coverage.days', { days: n(d) })
  return (
    <>
      <h2>{t('admin:coverage.title')}</h2>
      <p className="lede">{t('admin:coverage.lede')}</p>
      <p>
        <Link to="/admin/matching">{t('admin:coverage.back')}</Link>
      </p>
      <Card title={t('admin:coverage.suggestedTitle')}>
        <p>
          {coverage.runFinishedAt ? (
            <>
              {t('admin:coverage.fromRun')} <Moment iso={coverage.runFinishedAt} />.{' '}
            </>
          ) : (
            <>{t('admin:coverage.noRun')} </>
          )}
          {t('admin:coverage.suggestedAll', {
            share: pct(suggested.all.suggested, suggested.all.open),
            suggested: n(suggested.all.suggested),
            open: n(suggested.all.open),
          })}
        </p>
        {both(
          t('admin:coverage.suggestedFigure'),
          suggested,
          [
            t('admin:coverage.openColumn'),
            t('admin:coverage.suggestedColumn'),
            t('admin:coverage.shareColumn'),
          ],
          (v) => ({
            value: share(v.suggested, v.open),
            valueText: `${pct(v.suggested, v.open)} · ${n(v.suggested)} / ${n(v.open)}`,
            cells: [n(v.open), n(v.suggested), pct(v.suggested, v.open)],
          }),
        )}
      </Card>
      <Card title={t('admin:coverage.firstOfferTitle')}>
        <p>
          {t('admin:coverage.firstOfferAll', {
            median: days(firstOffer.all.medianDays),
            offered: n(firstOffer.all.offered),
            opened: n(firstOffer.all.opened),
          })}
        </p>
        {both(
          t('admin:coverage.firstOfferFigure'),
          firstOffer,
          [
            t('admin:coverage.openedColumn'),
            t('admin:coverage.offeredColumn'),
            t('admin:coverage.medianColumn'),
          ],
          (v) => ({
            value: v.medianDays ?? 0,
            valueText: days(v.medianDays),
            cells: [n(v.opened), n(v.offered), days(v.medianDays)],
          }),
        )}
      </Card>
      <Card title={t('admin:coverage.completionTitle')}>
        <p>
          {t('admin:coverage.completionAll', {
            share: pct(completion.all.completed, completion.all.accepted),
            completed: n(completion.all.completed),
            accepted: n(completion.all.accepted),
          })}
        </p>
        {both(
          t('admin:coverage.completionFigure'),
          completion,
          [
            t('admin:coverage.acceptedColumn'),
            t('admin:coverage.completedColumn'),
            t('admin:coverage.rateColumn'),
          ],
          (v) => ({
            value: share(v.completed, v.accepted),
            valueText: `${pct(v.completed, v.accepted)} · ${n(v.completed)} / ${n(v.accepted)}`,
            cells: [n(v.accepted), n(v.completed), pct(v.completed, v.accepted)],
          }),
        )}
      </Card>
    </>
  )
}
