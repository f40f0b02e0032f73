import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import './bar-chart.css'

export interface ChartBar {
  label: string
  value: number
  /** The value as people read it, printed at the end of the row ("3 · $45,000.00"). */
  valueText: string
  /** A second tone for a reference bar (a budget); the label still says what it is. */
  reference?: boolean
}

const ROW = 42
const LABEL_BASELINE = 16
const BAR_TOP = 22
const BAR_HEIGHT = 12
const VALUE_BASELINE = 33
/** The longest bar takes this share of the width; the value is printed just after each bar. */
const LONGEST = 55

/**
 * A horizontal bar chart drawn as plain SVG on the server, so it needs no JavaScript and no
 * measuring: lengths are percentages of the width the page gives it. Every bar carries its
 * label and value in words, so nothing depends on colour; screen readers get the same figures
 * from the label, and everyone can open the table (`children`) for exact numbers.
 */
export function BarChart({
  title,
  note,
  bars,
  children,
}: {
  title: string
  note?: ReactNode
  bars: ChartBar[]
  children: ReactNode
}) {
  const max = Math.max(0, ...bars.map((b) => b.value))
  const spoken = `${title}: ${bars.map((b) => `${b.label}, ${b.valueText}`).join('; ')}.`
  return (
    <ChartFrame title={title} note={note} table={children}>
      <svg role="img" aria-label={spoken} width="100%" height={bars.length * ROW}>
        {bars.map((bar, i) => {
          const top = i * ROW
          // A sliver keeps a small non-zero value visible next to a large one.
          const length = max > 0 && bar.value > 0 ? Math.max(0.5, (bar.value / max) * LONGEST) : 0
          return (
            <g key={bar.label}>
              <text x="0" y={top + LABEL_BASELINE}>
                {bar.label}
              </text>
              {length > 0 ? (
                <rect
                  className={bar.reference ? 'chart-bar chart-bar-reference' : 'chart-bar'}
                  x="0"
                  y={top + BAR_TOP}
                  width={`${length}%`}
                  height={BAR_HEIGHT}
                />
              ) : null}
              <text
                x={`${length}%`}
                dx={length > 0 ? 6 : 0}
                y={top + VALUE_BASELINE}
                className="chart-value"
              >
                {bar.valueText}
              </text>
            </g>
          )
        })}
      </svg>
    </ChartFrame>
  )
}

/**
 * What every chart is framed in: a figure with its title and note, the drawing, and under it the
 * same figures as a table that opens without JavaScript (docs/decisions/008-charts.md).
 */
export function ChartFrame({
  title,
  note,
  table,
  children,
}: {
  title: string
  note?: ReactNode
  table: ReactNode
  children: ReactNode
}) {
  const { t } = useTranslation('funder')
  return (
    <figure className="chart">
      <figcaption>
        <span className="chart-title">{title}</span>
        {note ? <span className="chart-note">{note}</span> : null}
      </figcaption>
      {children}
      <details className="chart-table">
        <summary>{t('funder:chart.table')}</summary>
        {table}
      </details>
    </figure>
  )
}
