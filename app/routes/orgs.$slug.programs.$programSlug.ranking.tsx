import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { Link } from '#app/components/link.tsx'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { applicationColumns } from '#app/components/application-columns.tsx'
import { BarChart } from '#app/components/bar-chart.tsx'
import { Button } from '#app/components/button.tsx'
import { Card, EmptyState } from '#app/components/card.tsx'
import { ContentText } from '#app/components/content-text.tsx'
import { SelectField } from '#app/components/field.tsx'
import { DataTable } from '#app/components/table.tsx'
import type { Agreement } from '#app/domain/review/agreement.ts'
import {
  AGREEMENT_LEVEL_KEYS,
  ALPHA_UNDEFINED_KEYS,
  CONSISTENT_ALPHA,
  RANKING_FLAG_KEYS,
  RANKING_SORTS,
  RANKING_SORT_KEYS,
  TENTATIVE_ALPHA,
  agreementLevel,
  sortRanking,
} from '#app/domain/review/ranking.ts'
import { HIGH_DISAGREEMENT_SD } from '#app/domain/review/scores.ts'
import { type I18nHandle } from '#app/lib/i18n/config.ts'
import { useFormatters, type Formatters } from '#app/lib/i18n/formatters.ts'
import { parseRankingSort } from '#app/schemas/review/ranking.ts'
import { showCriterion } from '#app/services/programs/program-content.server.ts'
import { programRanking } from '#app/services/review/ranking.server.ts'
import { requireOfficerProgram } from '#app/utils/funder-access.server.ts'
import { requestLanguage } from '#app/utils/i18n.server.ts'
import { readQuery } from '#app/utils/request-body.server.ts'

// `funder` for the chart's table toggle.
export const handle: I18nHandle = { i18n: ['review', 'funder'] }

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { program, fund } = await requireOfficerProgram(request, params)
  const sort = parseRankingSort(readQuery(request))
  const [ranking, reader] = await Promise.all([programRanking(program), requestLanguage(request)])
  const labels = new Map(ranking.criteria.map((c) => [c.id, showCriterion(c, reader).label]))
  return {
    sort,
    currency: fund.currency,
    reviewersPerApplication: program.reviewersPerApplication,
    submittedReviews: ranking.submittedReviews,
    lines: sortRanking(ranking.lines, sort),
    agreement: {
      overall: ranking.agreement.overall,
      criteria: ranking.agreement.criteria.map((c) => ({
        ...c,
        label: labels.get(c.criterionId)!,
      })),
    },
  }
}

/** A 0–100 figure to one decimal, in the reader's number format; a dash for none. */
const points = (format: Formatters, value: number | null) =>
  value === null ? '—' : format.number(Math.round(value * 10) / 10)

/** Alpha to two decimals; a dash when it cannot be computed. */
const alphaText = (format: Formatters, alpha: number | null) =>
  alpha === null ? '—' : format.number(Math.round(alpha * 100) / 100)

/** Alpha in words, or why there is none. */
function agreementWords(t: TFunction, agreement: Agreement) {
  if (agreement.alpha === null && agreement.reason) {
    return t(ALPHA_UNDEFINED_KEYS[agreement.reason])
  }
  return t(AGREEMENT_LEVEL_KEYS[agreementLevel(agreement.alpha)])
}

export default function RankingBoard() {
  const loaded = useLoaderData<typeof loader>()
  const { t } = useTranslation('review')
  const format = useFormatters()
  const { overall, criteria } = loaded.agreement
  // Each criterion, then the overall score: the chart's bars and its table's rows.
  const agreementRows = [
    ...criteria.map((c) => ({
      key: c.criterionId,
      text: c.label.text,
      label: <ContentText shown={c.label} />,
      agreement: c.agreement,
    })),
    {
      key: 'overall',
      text: t('review:ranking.agreement.overall'),
      label: t('review:ranking.agreement.overall'),
      agreement: overall,
    },
  ]
  return (
    <>
      <Card title={t('review:ranking.title')} headingLevel={3}>
        <p>
          {t('review:ranking.intro', {
            applications: format.number(loaded.lines.length),
            reviews: format.number(loaded.submittedReviews),
          })}
        </p>
        <p>
          <Link to={`../decide?basis=${loaded.sort}`} relative="path">
            {t('review:ranking.decideLink')}
          </Link>
        </p>
        <p className="hint">{t('review:ranking.normalisedNote')}</p>
        <p>
          <Link to="../fairness" relative="path">
            {t('review:fairness.rankingLink')}
          </Link>
        </p>
        <p className="hint">
          {t('review:ranking.flagsNote', {
            reviewers: format.number(loaded.reviewersPerApplication),
            sd: format.number(HIGH_DISAGREEMENT_SD),
          })}
        </p>
        {/* A GET form: the order lives in the URL and works without JavaScript. */}
        <Form method="get" className="filters" aria-label={t('review:ranking.sortLabel')}>
          <SelectField
            label={t('review:ranking.sortBy')}
            name="sort"
            defaultValue={loaded.sort}
            options={RANKING_SORTS.map((value) => ({
              value,
              label: t(RANKING_SORT_KEYS[value]),
            }))}
          />
          <Button variant="secondary">{t('review:ranking.show')}</Button>
        </Form>
        {loaded.lines.length === 0 ? (
          <EmptyState title={t('review:ranking.none')} />
        ) : (
          <DataTable
            caption={t(
              loaded.sort === 'raw'
                ? 'review:ranking.captionRaw'
                : 'review:ranking.captionNormalised',
            )}
            rows={loaded.lines.map((line, i) => ({ ...line, place: i + 1 }))}
            rowKey={(r) => r.id}
            columns={[
              {
                header: t('review:ranking.place'),
                numeric: true,
                cell: (r) => format.number(r.place),
              },
              applicationColumns.title(t),
              { header: t('review:ranking.organization'), cell: (r) => r.organization },
              {
                header: t('review:ranking.mean'),
                numeric: true,
                cell: (r) => points(format, r.mean),
              },
              {
                header: t('review:ranking.normalised'),
                numeric: true,
                cell: (r) => (
                  <>
                    {points(format, r.normalised)}
                    {r.includesRaw ? (
                      <span className="hint"> {t('review:ranking.partlyRaw')}</span>
                    ) : null}
                  </>
                ),
              },
              {
                header: t('review:ranking.reviews'),
                numeric: true,
                cell: (r) => format.number(r.reviews),
              },
              {
                header: t('review:ranking.disagreement'),
                numeric: true,
                cell: (r) => points(format, r.sd),
              },
              {
                header: t('review:ranking.vulnerability'),
                numeric: true,
                cell: (r) =>
                  r.placeVulnerability === null ? '—' : format.percent(r.placeVulnerability),
              },
              applicationColumns.requested(t, format, () => loaded.currency),
              {
                header: t('review:ranking.flags.title'),
                cell: (r) =>
                  r.flags.length === 0 ? (
                    '—'
                  ) : (
                    <ul className="plain-list">
                      {r.flags.map((flag) => (
                        <li key={flag}>{t(RANKING_FLAG_KEYS[flag])}</li>
                      ))}
                    </ul>
                  ),
              },
            ]}
          />
        )}
      </Card>
      <Card title={t('review:ranking.agreement.title')} headingLevel={3}>
        <p>
          {t('review:ranking.agreement.summary', {
            alpha: alphaText(format, overall.alpha),
            words: agreementWords(t, overall),
          })}
        </p>
        <p className="hint">
          {t('review:ranking.agreement.thresholds', {
            consistent: format.number(CONSISTENT_ALPHA),
            tentative: format.number(TENTATIVE_ALPHA),
          })}
        </p>
        <BarChart
          title={t('review:ranking.agreement.chart')}
          note={t('review:ranking.agreement.chartNote')}
          bars={agreementRows.map((row) => ({
            label: row.text,
            value: Math.max(0, row.agreement.alpha ?? 0),
            valueText: `${alphaText(format, row.agreement.alpha)} · ${agreementWords(t, row.agreement)}`,
          }))}
        >
          <table>
            <caption>{t('review:ranking.agreement.chart')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('review:ranking.agreement.criterion')}</th>
                <th scope="col" className="num">
                  {t('review:ranking.agreement.alpha')}
                </th>
                <th scope="col">{t('review:ranking.agreement.inWords')}</th>
                <th scope="col" className="num">
                  {t('review:ranking.agreement.values')}
                </th>
              </tr>
            </thead>
            <tbody>
              {agreementRows.map((row) => (
                <tr key={row.key}>
                  <th scope="row">{row.label}</th>
                  <td className="num">{alphaText(format, row.agreement.alpha)}</td>
                  <td>{agreementWords(t, row.agreement)}</td>
                  <td className="num">{format.number(row.agreement.pairableValues)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </BarChart>
      </Card>
    </>
  )
}
