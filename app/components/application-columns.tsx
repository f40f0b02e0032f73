import { Link } from '@remix-run/react'
import { STATUS_LABELS } from '#app/domain/applications/application-status.ts'
import type { ApplicationStatus } from '#app/domain/applications/application-status.ts'
import { formatMoney } from '#app/lib/money.ts'
import type { Column } from './table.tsx'

/** The columns every list of applications shares, so they read the same everywhere. */
export const applicationColumns = {
  title: <T extends { id: string; title: string }>(): Column<T> => ({
    header: 'Application',
    cell: (r) => <Link to={`/applications/${r.id}`}>{r.title || 'Untitled draft'}</Link>,
  }),
  status: <T extends { status: ApplicationStatus }>(): Column<T> => ({
    header: 'Status',
    cell: (r) => STATUS_LABELS[r.status],
  }),
  requested: <T extends { amountRequestedMinor: number | null }>(
    currencyOf: (row: T) => string,
  ): Column<T> => ({
    header: 'Requested',
    numeric: true,
    cell: (r) =>
      r.amountRequestedMinor === null ? '—' : formatMoney(r.amountRequestedMinor, currencyOf(r)),
  }),
}
