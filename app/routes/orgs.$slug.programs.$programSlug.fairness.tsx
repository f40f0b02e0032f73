import type { LoaderFunctionArgs } from '@remix-run/node'
import type { TFunction } from 'i18next'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Card, EmptyState } from '#app/components/card.tsx'
import { IntervalChart } from '#app/components/interval-chart.tsx'
import { ColumnHeads } from '#app/components/table.tsx'
import type { ScoreGap } from '#app/domain/review/fairness.ts'
import {
  FAIRNESS_COMPARISON_KEYS,
  LENIENCY_CAUTION_REVIEWS,
  leniencyReading,
} from '#app/domain/review/fairness-report.ts'
import { REVIEWER_KIND_KEYS } from '#app/domain/review/review-states.ts'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { useFormatters, type Formatters } from '#app/lib/i18n/formatters.ts'
import { programFairness } from '#app/services/review/fairness.server.ts'
import { requireOfficerProgram } from '#app/utils/funder-access.server.ts'

// `funder` for the chart's table toggle.
export const handle: I18nHandle = { i18n: ['review', 'funder'] }

/** Inside the funder only: the program officers, as the ranking board (never reviewers). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { program, organization } = await requireOfficerProgram(request, params)
  const report = await programFairness(program, organization.id)
  return {
    scoredApplications: report.scoredApplications,
    reviews: report.reviews,
    gaps: report.gaps,
    leniency: report.leniency.map((l) => ({
      reviewerId: l.reviewerId,
      name: l.name,
      kind: l.community ? ('community' as const) : ('staff' as const),
      leniency: l.leniency,
      meanOffset: l.meanOffset,
      comparedReviews: l.comparedReviews,
    })),
  }
}

/** Each comparison's two groups, as the table's two rows. */
const GROUP_SIDES = ['first', 'second'] as const

/** A figure to `digits` decimals with its sign, in the reader's number format; a dash for none. */
function signed(format: Formatters, value: number | null, digits: number) {
  if (value === null) return '—'
  const scale = 10 ** digits
  const rounded = Math.round(value * scale) / scale
  return rounded > 0 ? `+${format.number(rounded)}` : format.number(rounded)
}
const unsigned = (format: Formatters, value: number, digits: number) =>
  format.number(Math.round(Math.abs(value) * 10 ** digits) / 10 ** digits)

/** The gap in a sentence, and what its interval says, for the panel to discuss. */
function gapWords(t: TFunction, format: Formatters, gap: ScoreGap & { comparison: string }) {
  const keys = FAIRNESS_COMPARISON_KEYS[gap.comparison as keyof typeof FAIRNESS_COMPARISON_KEYS]
  const groups = { first: t(keys.first), second: t(keys.second) }
  if (gap.difference === null) return [t('review:fairness.gaps.empty')]
  const size = unsigned(format, gap.difference, 1)
  const headline =
    size === unsigned(format, 0, 1)
      ? t('review:fairness.gaps.same', groups)
      : gap.difference > 0
        ? t('review:fairness.gaps.higher', { ...groups, gap: size })
        : t('review:fairness.gaps.lower', { ...groups, gap: size })
  if (!gap.interval) {
    return [
      headline,
      gap.intervalMissing === 'no_variation'
        ? t('review:fairness.gaps.missing.noVariation')
        : t('review:fairness.gaps.missing.tooFew'),
    ]
  }
  const ends = {
    low: signed(format, gap.interval.low, 1),
    high: signed(format, gap.interval.high, 1),
  }
  return [
    headline,
    gap.interval.low <= 0 && gap.interval.high >= 0
      ? t('review:fairness.gaps.includesZero', ends)
      : t('review:fairness.gaps.excludesZero', ends),
  ]
}

export default function FairnessPage() {
  const loaded = useLoaderData<typeof loader>()
  const { t } = useTranslation('review')
  const format = useFormatters()
  if (loaded.reviews === 0) {
    return (
      <Card title={t('review:fairness.title')} headingLevel={3}>
        <EmptyState title={t('review:fairness.none')} />
      </Card>
    )
  }
  const gapRows = loaded.gaps.map((gap) => {
    const keys = FAIRNESS_COMPARISON_KEYS[gap.comparison]
    return { gap, keys, title: t(keys.title) }
  })
  return (
    <>
      <Card title={t('review:fairness.title')} headingLevel={3}>
        <p>
          {t('review:fairness.intro', {
            applications: format.number(loaded.scoredApplications),
            reviews: format.number(loaded.reviews),
          })}
        </p>
        <p className="hint">{t('review:fairness.note')}</p>
        <p className="hint">{t('review:fairness.definitions')}</p>
      </Card>
      <Card title={t('review:fairness.gaps.title')} headingLevel={3}>
        <IntervalChart
          title={t('review:fairness.gaps.chart')}
          note={t('review:fairness.gaps.chartNote')}
          rows={gapRows.map(({ gap, title }) => ({
            label: title,
            value: gap.difference,
            low: gap.interval?.low,
            high: gap.interval?.high,
            valueText:
              gap.difference === null
                ? t('review:fairness.gaps.noFigure')
                : gap.interval
                  ? t('review:fairness.gaps.valueText', {
                      gap: signed(format, gap.difference, 1),
                      low: signed(format, gap.interval.low, 1),
                      high: signed(format, gap.interval.high, 1),
                    })
                  : t('review:fairness.gaps.valueNoInterval', {
                      gap: signed(format, gap.difference, 1),
                    }),
          }))}
        >
          <table className="table">
            <caption>{t('review:fairness.gaps.chart')}</caption>
            <ColumnHeads
              columns={[
                { header: t('review:fairness.gaps.comparison') },
                { header: t('review:fairness.gaps.group') },
                { header: t('review:fairness.gaps.applications'), numeric: true },
                { header: t('review:fairness.gaps.reviews'), numeric: true },
                { header: t('review:fairness.gaps.mean'), numeric: true },
                { header: t('review:fairness.gaps.gap'), numeric: true },
                { header: t('review:fairness.gaps.interval'), numeric: true },
                { header: t('review:fairness.gaps.unknown'), numeric: true },
              ]}
            />
            <tbody>
              {gapRows.flatMap(({ gap, keys, title }) =>
                GROUP_SIDES.map((side) => (
                  <tr key={`${gap.comparison}-${side}`}>
                    {side === 'first' ? (
                      <th scope="rowgroup" rowSpan={2}>
                        {title}
                      </th>
                    ) : null}
                    <th scope="row">{t(keys[side])}</th>
                    <td className="num">{format.number(gap[side].applications)}</td>
                    <td className="num">{format.number(gap[side].reviews)}</td>
                    <td className="num">
                      {gap[side].mean === null
                        ? '—'
                        : format.number(Math.round(gap[side].mean! * 10) / 10)}
                    </td>
                    {side === 'first' ? (
                      <>
                        <td className="num" rowSpan={2}>
                          {signed(format, gap.difference, 1)}
                        </td>
                        <td className="num" rowSpan={2}>
                          {gap.interval
                            ? t('review:fairness.gaps.intervalText', {
                                low: signed(format, gap.interval.low, 1),
                                high: signed(format, gap.interval.high, 1),
                              })
                            : '—'}
                        </td>
                        <td className="num" rowSpan={2}>
                          {format.number(gap.unknown)}
                        </td>
                      </>
                    ) : null}
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </IntervalChart>
        {gapRows.map(({ gap, title }) => (
          <section key={gap.comparison} aria-label={title}>
            <h4>{title}</h4>
            {gapWords(t, format, gap).map((line) => (
              <p key={line}>{line}</p>
            ))}
            {gap.unknown > 0 ? (
              <p className="hint">
                {t('review:fairness.gaps.unknownNote', { count: gap.unknown })}
              </p>
            ) : null}
          </section>
        ))}
      </Card>
      <Card title={t('review:fairness.leniency.title')} headingLevel={3}>
        <p className="hint">{t('review:fairness.leniency.note')}</p>
        <p className="hint">
          {t('review:fairness.leniency.cautionNote', { count: LENIENCY_CAUTION_REVIEWS })}
        </p>
        <IntervalChart
          title={t('review:fairness.leniency.chart')}
          note={t('review:fairness.leniency.chartNote')}
          rows={loaded.leniency.map((l) => ({
            label: l.name,
            value: l.leniency,
            valueText:
              l.leniency === null
                ? t('review:fairness.leniency.noFigure')
                : t('review:fairness.leniency.valueText', {
                    sd: signed(format, l.leniency, 2),
                    count: format.number(l.comparedReviews),
                  }),
          }))}
        >
          <table className="table">
            <caption>{t('review:fairness.leniency.chart')}</caption>
            <ColumnHeads
              columns={[
                { header: t('review:fairness.leniency.reviewer') },
                { header: t('review:fairness.leniency.kind') },
                { header: t('review:fairness.leniency.reviews'), numeric: true },
                { header: t('review:fairness.leniency.sd'), numeric: true },
                { header: t('review:fairness.leniency.points'), numeric: true },
              ]}
            />
            <tbody>
              {loaded.leniency.map((l) => (
                <tr key={l.reviewerId}>
                  <th scope="row">{l.name}</th>
                  <td>{t(REVIEWER_KIND_KEYS[l.kind])}</td>
                  <td className="num">{format.number(l.comparedReviews)}</td>
                  <td className="num">{signed(format, l.leniency, 2)}</td>
                  <td className="num">{signed(format, l.meanOffset, 1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </IntervalChart>
        <ul className="plain-list">
          {loaded.leniency.map((l) => (
            <li key={l.reviewerId}>
              <strong>{l.name}</strong>: {leniencyWords(t, format, l.leniency)}
              {l.leniency !== null && l.comparedReviews < LENIENCY_CAUTION_REVIEWS ? (
                <>
                  {' '}
                  <span className="hint">
                    {t('review:fairness.leniency.caution', { count: l.comparedReviews })}
                  </span>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      </Card>
    </>
  )
}

function leniencyWords(t: TFunction, format: Formatters, leniency: number | null) {
  const sd = leniency === null ? '' : unsigned(format, leniency, 1)
  switch (leniencyReading(leniency)) {
    case 'above':
      return t('review:fairness.leniency.readings.above', { sd })
    case 'below':
      return t('review:fairness.leniency.readings.below', { sd })
    case 'in_line':
      return t('review:fairness.leniency.readings.in_line')
    case 'unknown':
      return t('review:fairness.leniency.readings.unknown')
  }
}
