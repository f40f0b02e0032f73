import { and, eq, sql } from 'drizzle-orm'
import type { Db } from '#db/client.server.ts'
import { grants, ledgerAccountTotals, ledgerAccounts } from '#db/schema/index.ts'
import { fundFigures, type FundFigures, type FundSums } from '#app/domain/donations/fund-figures.ts'
import type { LedgerMovement } from '#app/domain/ledger/accounts.ts'

/**
 * Signed sums of the running totals of the accounts `where` picks, by counted movement (a
 * reversal counts as what it undoes). The database keeps the totals with the entries, so this
 * reads at most movements × slots rows per account, whether the fund had ten gifts or a million;
 * `ledger_totals_drift()` proves them equal to the entries.
 */
async function sumsByMovement(tx: Db, where: ReturnType<typeof and>): Promise<FundSums> {
  const rows = await tx
    .select({
      movement: ledgerAccountTotals.movement,
      total: sql<number>`sum(${ledgerAccountTotals.totalMinor})::bigint`.mapWith(Number),
    })
    .from(ledgerAccountTotals)
    .innerJoin(ledgerAccounts, eq(ledgerAccounts.id, ledgerAccountTotals.accountId))
    .where(where)
    .groupBy(ledgerAccountTotals.movement)
  return Object.fromEntries(rows.map((r) => [r.movement as LedgerMovement, r.total]))
}

/**
 * The fund's figures (received, fees, refunded, disputed, allocated, disbursed, available), read
 * from the running totals of its ledger account and its grants' in the fund's currency. For the
 * funder's fund page and the public fund page alike: nothing here names a donor.
 */
export async function readFundFigures(
  tx: Db,
  fund: { id: string; currency: string },
): Promise<FundFigures> {
  const fundSums = await sumsByMovement(
    tx,
    and(
      eq(ledgerAccounts.kind, 'fund'),
      eq(ledgerAccounts.fundId, fund.id),
      eq(ledgerAccounts.currency, fund.currency),
    ),
  )
  const grantSums = await sumsByMovement(
    tx,
    and(
      eq(ledgerAccounts.kind, 'grant'),
      eq(ledgerAccounts.currency, fund.currency),
      eq(ledgerAccountTotals.movement, 'disbursement'),
      sql`${ledgerAccounts.grantId} IN (SELECT ${grants.id} FROM ${grants} WHERE ${grants.fundId} = ${fund.id})`,
    ),
  )
  return fundFigures(fundSums, grantSums.disbursement ?? 0)
}
