import type { ReactNode } from 'react'
import { ChartFrame } from './bar-chart.tsx'

export interface ChartInterval {
  label: string
  /** The estimate; null draws no dot (the words say why). */
  value: number | null
  /** Its interval, when there is one (a whisker from low to high). */
  low?: number | null
  high?: number | null
  /** The figure as people read it, printed after the label ("+4.2 points (−3.1 to 11.5)"). */
  valueText: string
}

const ROW = 46
const LABEL_BASELINE = 16
const LINE_Y = 32
const DOT_RADIUS = 5
const CAP = 6
/** The plot runs from 2% to 98% of the width, so a dot at either end stays whole. */
const LEFT = 2
const RIGHT = 98

/**
 * Estimates with their intervals on one axis around zero (a dot and a whisker per row), drawn as
 * plain SVG on the server like BarChart (docs/decisions/008-charts.md): positions are percentages
 * of the width, every row carries its label and figure in words (nothing depends on colour or
 * position alone), screen readers get the same words from the label, and the table (`children`)
 * opens under it. The axis is symmetric, so left of the zero line is below it.
 */
export function IntervalChart({
  title,
  note,
  rows,
  children,
}: {
  title: string
  note?: ReactNode
  rows: ChartInterval[]
  children: ReactNode
}) {
  const reach = Math.max(
    1e-9,
    ...rows.flatMap((r) => [r.value, r.low, r.high].map((v) => Math.abs(v ?? 0))),
  )
  const x = (v: number) => LEFT + ((v + reach) / (2 * reach)) * (RIGHT - LEFT)
  const spoken = `${title}: ${rows.map((r) => `${r.label}, ${r.valueText}`).join('; ')}.`
  const height = rows.length * ROW
  return (
    <ChartFrame title={title} note={note} table={children}>
      <svg role="img" aria-label={spoken} width="100%" height={height}>
        <line className="chart-zero" x1={`${x(0)}%`} x2={`${x(0)}%`} y1="20" y2={height} />
        {rows.map((row, i) => {
          const top = i * ROW
          const y = top + LINE_Y
          const hasInterval =
            row.low !== null && row.low !== undefined && row.high !== null && row.high !== undefined
          return (
            <g key={row.label}>
              <text x="0" y={top + LABEL_BASELINE}>
                {row.label}: <tspan className="chart-value">{row.valueText}</tspan>
              </text>
              {hasInterval ? (
                <>
                  <line
                    className="chart-whisker"
                    x1={`${x(row.low!)}%`}
                    x2={`${x(row.high!)}%`}
                    y1={y}
                    y2={y}
                  />
                  {[row.low!, row.high!].map((end, j) => (
                    <line
                      key={j}
                      className="chart-whisker"
                      x1={`${x(end)}%`}
                      x2={`${x(end)}%`}
                      y1={y - CAP}
                      y2={y + CAP}
                    />
                  ))}
                </>
              ) : null}
              {row.value !== null ? (
                <circle className="chart-dot" cx={`${x(row.value)}%`} cy={y} r={DOT_RADIUS} />
              ) : null}
            </g>
          )
        })}
      </svg>
    </ChartFrame>
  )
}
