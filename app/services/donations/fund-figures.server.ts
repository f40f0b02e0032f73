import { and, eq, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Db } from '#db/client.server.ts'
import { grants, ledgerAccounts, ledgerEntries, ledgerTransactions } from '#db/schema/index.ts'
import { fundFigures, type FundFigures, type FundSums } from '#app/domain/donations/fund-figures.ts'
import type { LedgerMovement } from '#app/domain/ledger/accounts.ts'

const original = alias(ledgerTransactions, 'original')

/** The movement an entry counts under: a reversal counts as (the negative of) what it undoes. */
const countedAs = sql<LedgerMovement>`coalesce(${original.movement}, ${ledgerTransactions.movement})`

/** Signed sums of the entries on the accounts `where` picks, by counted movement. */
async function sumsByMovement(tx: Db, where: ReturnType<typeof and>): Promise<FundSums> {
  const rows = await tx
    .select({
      movement: countedAs,
      total: sql<number>`sum(${ledgerEntries.amountMinor})::bigint`.mapWith(Number),
    })
    .from(ledgerEntries)
    .innerJoin(ledgerAccounts, eq(ledgerAccounts.id, ledgerEntries.accountId))
    .innerJoin(ledgerTransactions, eq(ledgerTransactions.id, ledgerEntries.transactionId))
    .leftJoin(original, eq(original.id, ledgerTransactions.reversesId))
    .where(where)
    .groupBy(countedAs)
  return Object.fromEntries(rows.map((r) => [r.movement, r.total]))
}

/**
 * The fund's figures (received, fees, refunded, disputed, allocated, disbursed, available), read
 * from its ledger entries and its grants' in the fund's currency. For the funder's fund page and
 * the public fund page alike: nothing here names a donor.
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
      sql`${ledgerAccounts.grantId} IN (SELECT ${grants.id} FROM ${grants} WHERE ${grants.fundId} = ${fund.id})`,
    ),
  )
  return fundFigures(fundSums, grantSums.disbursement ?? 0)
}
