import type { ReactNode } from 'react'
import {
  requestedInTheRunning,
  type ProgramApplicationStats,
  type Tally,
} from '#app/domain/applications/application-stats.ts'
import { STATUS_LABELS, SUBMITTED_STATUSES } from '#app/domain/applications/application-status.ts'
import { SDOH_DOMAINS, SDOH_LABELS } from '#app/domain/places/sdoh.ts'
import {
  SVI_DATA_YEAR,
  VULNERABILITY_BAND_LABELS,
  VULNERABILITY_BANDS,
} from '#app/domain/places/vulnerability.ts'
import { formatMoney } from '#app/lib/money.ts'
import { BarChart } from './bar-chart.tsx'
import { DataTable } from './table.tsx'

interface Figures {
  stats: ProgramApplicationStats
  budgetMinor: number
  currency: string
}

const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 0 })

export const applicationsText = (n: number) => `${n} ${n === 1 ? 'application' : 'applications'}`

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
  const money = (minor: number) => formatMoney(minor, currency)
  return (
    <BarChart
      title={title}
      note={note}
      bars={rows.map(({ label, tally }) => ({
        label,
        value: tally.count,
        valueText: `${tally.count} · ${money(tally.requestedMinor)}`,
      }))}
    >
      <DataTable
        caption={title}
        rows={rows}
        rowKey={(r) => r.label}
        columns={[
          { header: category, cell: (r) => r.label },
          { header: 'Applications', numeric: true, cell: (r) => r.tally.count },
          { header: 'Requested', numeric: true, cell: (r) => money(r.tally.requestedMinor) },
        ]}
      />
    </BarChart>
  )
}

export function StatusChart({ stats, currency }: Figures) {
  return (
    <TallyChart
      title="Applications by status"
      category="Status"
      currency={currency}
      rows={SUBMITTED_STATUSES.map((s) => ({ label: STATUS_LABELS[s], tally: stats.byStatus[s] }))}
    />
  )
}

/** What the applications ask for, against the program's budget. */
export function BudgetChart({ stats, budgetMinor, currency }: Figures) {
  const money = (minor: number) => formatMoney(minor, currency)
  const rows = [
    { label: 'Program budget', minor: budgetMinor, reference: true },
    { label: 'Requested by these applications', minor: stats.total.requestedMinor },
    { label: 'Requested, not withdrawn or declined', minor: requestedInTheRunning(stats) },
  ].map((r) => ({
    ...r,
    share: r.reference || budgetMinor <= 0 ? null : percent.format(r.minor / budgetMinor),
  }))
  return (
    <BarChart
      title="Requested against the budget"
      note="Percentages are of the program’s budget."
      bars={rows.map((r) => ({
        label: r.label,
        value: r.minor,
        valueText: r.share ? `${money(r.minor)} · ${r.share}` : money(r.minor),
        reference: r.reference,
      }))}
    >
      <DataTable
        caption="Requested against the budget"
        rows={rows}
        rowKey={(r) => r.label}
        columns={[
          { header: 'Figure', cell: (r) => r.label },
          { header: 'Amount', numeric: true, cell: (r) => money(r.minor) },
          { header: 'Share of the budget', numeric: true, cell: (r) => r.share ?? '—' },
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
  const { stats, currency } = figures
  return (
    <section aria-labelledby={headingId} className="application-figures">
      <h4 id={headingId}>Figures</h4>
      <p>{scope}</p>
      <div className="chart-grid">
        <StatusChart {...figures} />
        <BudgetChart {...figures} />
        <TallyChart
          title="Applications by area addressed"
          note="An application that addresses several areas counts under each."
          category="Social determinant of health"
          currency={currency}
          rows={SDOH_DOMAINS.map((d) => ({ label: SDOH_LABELS[d], tally: stats.bySdoh[d] }))}
        />
        <TallyChart
          title="Applications by place vulnerability"
          note={`Percentile of the CDC/ATSDR Social Vulnerability Index ${SVI_DATA_YEAR}, weighted by the population of the US counties served; higher is more vulnerable, and a percentile on a boundary counts in the band above.`}
          category="SVI percentile"
          currency={currency}
          rows={VULNERABILITY_BANDS.map((b) => ({
            label: VULNERABILITY_BAND_LABELS[b],
            tally: stats.byVulnerability[b],
          }))}
        />
      </div>
    </section>
  )
}
