import type { ReactNode } from 'react'
import { Link } from '@remix-run/react'

export interface Column<T> {
  header: string
  cell: (row: T) => ReactNode
  /** Right-aligns numbers so they can be compared down the column. */
  numeric?: boolean
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
    <div className="table-scroll">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.header} scope="col" className={c.numeric ? 'num' : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c) => (
                <td key={c.header} className={c.numeric ? 'num' : undefined}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** Previous/next links that keep the current filters in the query string. */
export function Pagination({
  search,
  prev,
  next,
  label = 'Pages',
}: {
  search: URLSearchParams
  prev?: Record<string, string> | null
  next?: Record<string, string> | null
  label?: string
}) {
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
    <nav className="pagination" aria-label={label}>
      {prev ? (
        <Link to={href(prev)} rel="prev">
          ← Previous
        </Link>
      ) : null}
      {next ? (
        <Link to={href(next)} rel="next">
          Next →
        </Link>
      ) : null}
    </nav>
  )
}
