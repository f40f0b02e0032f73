import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import {
  requestedInTheRunning,
  type ProgramApplicationStats,
  type Tally,
} from '#app/domain/applications/application-stats.ts'
import { SUBMITTED_STATUSES } from '#app/domain/applications/application-status.ts'
import { SDOH_DOMAINS } from '#app/domain/places/sdoh.ts'
import { SVI_DATA_YEAR, VULNERABILITY_BANDS } from '#app/domain/places/vulnerability.ts'
import {
  APPLICATION_STATUS_KEYS,
  SDOH_KEYS,
  VULNERABILITY_BAND_KEYS,
} from '#app/domain/programs/funder-words.ts'
import { useFormatters } from '#app/lib/i18n/formatters.ts'
import { BarChart } from './bar-chart.tsx'
import { DataTable } from './table.tsx'

interface Figures {
  stats: ProgramApplicationStats
  budgetMinor: number
  currency: string
}

/** One chart of counts by category, with the counts and requested amounts as its table. */
function TallyChart({
  title,
  note,
  category,
  rows,
  currency,
}: {
  title: string
  note?: ReactNode
  category: string
  rows: { label: string; tally: Tally }[]
  currency: string
}) {
  const { t } = useTranslation('funder')
  const format = useFormatters()
  const money = (minor: number) => format.money(minor, currency)
  return (
    <BarChart
      title={title}
      note={note}
      bars={rows.map(({ label, tally }) => ({
        label,
        value: tally.count,
        valueText: `${format.number(tally.count)} · ${money(tally.requestedMinor)}`,
      }))}
    >
      <DataTable
        caption={title}
        rows={rows}
        rowKey={(r) => r.label}
        columns={[
          { header: category, cell: (r) => r.label },
          {
            header: t('funder:figures.applications'),
            numeric: true,
            cell: (r) => format.number(r.tally.count),
          },
          {
            header: t('funder:figures.requested'),
            numeric: true,
            cell: (r) => money(r.tally.requestedMinor),
          },
        ]}
      />
    </BarChart>
  )
}

export function StatusChart({ stats, currency }: Figures) {
  const { t } = useTranslation('funder')
  return (
    <TallyChart
      title={t('funder:figures.byStatus')}
      category={t('funder:figures.status')}
      currency={currency}
      rows={SUBMITTED_STATUSES.map((s) => ({
        label: t(APPLICATION_STATUS_KEYS[s]),
        tally: stats.byStatus[s],
      }))}
    />
  )
}

/** What the applications ask for, against the program's budget. */
export function BudgetChart({ stats, budgetMinor, currency }: Figures) {
  const { t } = useTranslation('funder')
  const format = useFormatters()
  const money = (minor: number) => format.money(minor, currency)
  const rows = [
    { label: t('funder:figures.budget'), minor: budgetMinor, reference: true },
    { label: t('funder:figures.requestedAll'), minor: stats.total.requestedMinor },
    { label: t('funder:figures.requestedRunning'), minor: requestedInTheRunning(stats) },
  ].map((r) => ({
    ...r,
    share: r.reference || budgetMinor <= 0 ? null : format.percent(r.minor / budgetMinor),
  }))
  return (
    <BarChart
      title={t('funder:figures.againstBudget')}
      note={t('funder:figures.againstBudgetNote')}
      bars={rows.map((r) => ({
        label: r.label,
        value: r.minor,
        valueText: r.share ? `${money(r.minor)} · ${r.share}` : money(r.minor),
        reference: r.reference,
      }))}
    >
      <DataTable
        caption={t('funder:figures.againstBudget')}
        rows={rows}
        rowKey={(r) => r.label}
        columns={[
          { header: t('funder:figures.figure'), cell: (r) => r.label },
          { header: t('funder:figures.amount'), numeric: true, cell: (r) => money(r.minor) },
          {
            header: t('funder:figures.share'),
            numeric: true,
            cell: (r) => r.share ?? '—',
          },
        ]}
      />
    </BarChart>
  )
}

/**
 * The program's applications compared four ways: by status, against the budget, by SDOH domain
 * and by place vulnerability. `scope` says which applications the figures cover.
 */
export function ApplicationFigures({
  headingId,
  scope,
  ...figures
}: Figures & { headingId: string; scope: ReactNode }) {
  const { t } = useTranslation('funder')
  const { stats, currency } = figures
  return (
    <section aria-labelledby={headingId} className="application-figures">
      <h4 id={headingId}>{t('funder:figures.title')}</h4>
      <p>{scope}</p>
      <div className="chart-grid">
        <StatusChart {...figures} />
        <BudgetChart {...figures} />
        <TallyChart
          title={t('funder:figures.bySdoh')}
          note={t('funder:figures.bySdohNote')}
          category={t('funder:figures.sdoh')}
          currency={currency}
          rows={SDOH_DOMAINS.map((d) => ({ label: t(SDOH_KEYS[d]), tally: stats.bySdoh[d] }))}
        />
        <TallyChart
          title={t('funder:figures.byVulnerability')}
          note={t('funder:figures.byVulnerabilityNote', { year: SVI_DATA_YEAR })}
          category={t('funder:figures.sviPercentile')}
          currency={currency}
          rows={VULNERABILITY_BANDS.map((b) => ({
            label: t(VULNERABILITY_BAND_KEYS[b]),
            tally: stats.byVulnerability[b],
          }))}
        />
      </div>
    </section>
  )
}
