import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react'
import { Link } from '#app/components/link.tsx'
import { useTranslation } from 'react-i18next'

/** Whether the element's content is wider than its box, kept up to date as either changes. */
function useOverflowsSideways(ref: RefObject<HTMLElement | null>) {
  const [overflows, setOverflows] = useState<boolean | null>(null)
  useEffect(() => {
    const el = ref.current
    if (!el) return
    const measure = () => setOverflows(el.scrollWidth > el.clientWidth + 1)
    measure()
    if (typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(measure)
    observer.observe(el)
    if (el.firstElementChild) observer.observe(el.firstElementChild)
    return () => observer.disconnect()
  }, [ref])
  return overflows
}

/**
 * The frame every table sits in: on a narrow screen a wide table scrolls sideways inside it, with
 * a shadow at the edge that has more and a written cue above it, and it can be focused and
 * scrolled from the keyboard. It is a region named like the table, so a screen reader says what
 * the stop is. The cue shows only while the table is wider than the frame (measured once the
 * page's script runs; before that, or without it, on every narrow screen); it is ordinary text,
 * read once where it stands, not attached to the region as a description read again.
 */
export function TableFrame({ label, children }: { label: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null)
  const overflows = useOverflowsSideways(ref)
  const { t } = useTranslation()
  return (
    <div
      className="table-frame"
      data-overflows={overflows === null ? undefined : overflows ? 'yes' : 'no'}
    >
      <p className="hint table-scroll-hint">{t('common:table.scrollHint')}</p>
      {/* A region that scrolls must be reachable from the keyboard (WCAG 2.1.1), links or not. */}
      <div ref={ref} className="table-scroll" role="region" aria-label={label} tabIndex={0}>
        {children}
      </div>
    </div>
  )
}

export interface Column<T> {
  header: string
  cell: (row: T) => ReactNode
  /** Right-aligns numbers so they can be compared down the column. */
  numeric?: boolean
  /** The column that names each row: its cells are row headers (`<th scope="row">`). */
  rowHeader?: boolean
}

/** A table's column headers; numeric columns align right. */
export function ColumnHeads({ columns }: { columns: { header: string; numeric?: boolean }[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c) => (
          <th key={c.header} scope="col" className={c.numeric ? 'num' : undefined}>
            {c.header}
          </th>
        ))}
      </tr>
    </thead>
  )
}

export function DataTable<T>({
  caption,
  columns,
  rows,
  rowKey,
}: {
  caption: string
  columns: Column<T>[]
  rows: T[]
  rowKey: (row: T) => string
}) {
  return (
    <TableFrame label={caption}>
      <table>
        <caption>{caption}</caption>
        <ColumnHeads columns={columns} />
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c) =>
                c.rowHeader ? (
                  <th key={c.header} scope="row" className={c.numeric ? 'num' : undefined}>
                    {c.cell(row)}
                  </th>
                ) : (
                  <td key={c.header} className={c.numeric ? 'num' : undefined}>
                    {c.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableFrame>
  )
}

/** Previous/next links that keep the current filters in the query string. */
export function Pagination({
  search,
  prev,
  next,
  label,
}: {
  search: URLSearchParams
  prev?: Record<string, string> | null
  next?: Record<string, string> | null
  label?: string
}) {
  const { t } = useTranslation()
  if (!prev && !next) return null
  const href = (change: Record<string, string>) => {
    const params = new URLSearchParams(search)
    for (const [k, v] of Object.entries(change)) {
      if (v) params.set(k, v)
      else params.delete(k)
    }
    return `?${params.toString()}`
  }
  return (
    <nav className="pagination" aria-label={label ?? t('common:pagination.label')}>
      {prev ? (
        <Link to={href(prev)} rel="prev">
          {t('common:pagination.previous')}
        </Link>
      ) : null}
      {next ? (
        <Link to={href(next)} rel="next">
          {t('common:pagination.next')}
        </Link>
      ) : null}
    </nav>
  )
}
