import { Link } from '#app/components/link.tsx'
import type { TFunction } from 'i18next'
import type { ApplicationStatus } from '#app/domain/applications/application-status.ts'
import { APPLICATION_STATUS_KEYS } from '#app/domain/programs/funder-words.ts'
import type { Formatters } from '#app/lib/i18n/formatters.ts'
import type { Column } from './table.tsx'

/**
 * The columns every list of applications shares, so they read the same everywhere. Each takes
 * the page's `t` (its words are in `common`, loaded on every page) and, for amounts, the page's
 * formatters: a cell calls no hook of its own, since a list renders each column once per row.
 */
export const applicationColumns = {
  title: <T extends { id: string; title: string }>(t: TFunction): Column<T> => ({
    header: t('common:applicationColumns.application'),
    cell: (r) => (
      <Link to={`/applications/${r.id}`}>{r.title || t('common:applicationColumns.untitled')}</Link>
    ),
  }),
  status: <T extends { status: ApplicationStatus }>(t: TFunction): Column<T> => ({
    header: t('common:applicationColumns.status'),
    cell: (r) => t(APPLICATION_STATUS_KEYS[r.status]),
  }),
  requested: <T extends { amountRequestedMinor: number | null }>(
    t: TFunction,
    format: Formatters,
    currencyOf: (row: T) => string,
  ): Column<T> => ({
    header: t('common:applicationColumns.requested'),
    numeric: true,
    cell: (r) =>
      r.amountRequestedMinor === null ? '—' : format.money(r.amountRequestedMinor, currencyOf(r)),
  }),
}
