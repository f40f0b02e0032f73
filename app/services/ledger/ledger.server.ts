import { and, asc, eq, isNull, sql } from 'drizzle-orm'
import type { Db } from '#db/client.server.ts'
import { ledgerAccounts, ledgerEntries, ledgerTransactions } from '#db/schema/index.ts'
import type { LedgerMovement } from '#app/domain/ledger/accounts.ts'
import {
  postingProblems,
  reversed,
  type AccountRef,
  type Posting,
} from '#app/domain/ledger/postings.ts'

/**
 * The double-entry ledger (docs/decisions/022-ledger.md). Callers pass the transaction of the
 * change that causes the movement (a settled gift, a paid disbursement), so both commit together
 * or neither does. The database holds the invariants whoever writes: entries balance per
 * transaction at commit, nothing is changed or deleted, balances follow the entries.
 */

const ownerOf = (ref: AccountRef) => ({
  fundId: ref.kind === 'fund' ? ref.fundId : null,
  grantId: ref.kind === 'grant' ? ref.grantId : null,
})

/** The one account row `ref` names. */
function accountIs(ref: AccountRef) {
  const owner = ownerOf(ref)
  return and(
    eq(ledgerAccounts.kind, ref.kind),
    eq(ledgerAccounts.currency, ref.currency),
    owner.fundId ? eq(ledgerAccounts.fundId, owner.fundId) : isNull(ledgerAccounts.fundId),
    owner.grantId ? eq(ledgerAccounts.grantId, owner.grantId) : isNull(ledgerAccounts.grantId),
  )
}

/** The account's id, opening it on first use (two first uses at once open it once). */
export async function accountId(tx: Db, ref: AccountRef): Promise<string> {
  const [opened] = await tx
    .insert(ledgerAccounts)
    .values({ kind: ref.kind, currency: ref.currency, ...ownerOf(ref) })
    .onConflictDoNothing()
    .returning({ id: ledgerAccounts.id })
  if (opened) return opened.id
  const [found] = await tx
    .select({ id: ledgerAccounts.id })
    .from(ledgerAccounts)
    .where(accountIs(ref))
  if (!found) throw new Error(`Ledger account ${JSON.stringify(ref)} neither opened nor found`)
  return found.id
}

export interface NewLedgerTransaction {
  /** Names the cause (e.g. `stripe:evt_123`, `disbursement:<id>:paid`): the same cause posts once. */
  idempotencyKey: string
  movement: LedgerMovement
  postings: readonly Posting[]
  memo?: string
  refs?: Record<string, string>
  createdByUserId?: string | null
  reversesId?: string
}

export type Posted = { transactionId: string; recorded: boolean }

/**
 * Records a movement once. A second call with the same idempotency key, even from another
 * connection at the same moment, records nothing and answers the first one's id with
 * `recorded: false` (the unique key makes the second insert wait for the first and then skip).
 */
export async function postTransaction(tx: Db, movement: NewLedgerTransaction): Promise<Posted> {
  const problems = postingProblems(movement.postings)
  if (problems.length > 0) {
    throw new RangeError(`Unbalanced ledger transaction: ${JSON.stringify(problems)}`)
  }
  const [created] = await tx
    .insert(ledgerTransactions)
    .values({
      idempotencyKey: movement.idempotencyKey,
      movement: movement.movement,
      memo: movement.memo ?? '',
      refs: movement.refs ?? {},
      createdByUserId: movement.createdByUserId ?? null,
      reversesId: movement.reversesId ?? null,
    })
    .onConflictDoNothing({ target: ledgerTransactions.idempotencyKey })
    .returning({ id: ledgerTransactions.id })
  if (!created) {
    const [earlier] = await tx
      .select({ id: ledgerTransactions.id })
      .from(ledgerTransactions)
      .where(eq(ledgerTransactions.idempotencyKey, movement.idempotencyKey))
    return { transactionId: earlier!.id, recorded: false }
  }
  const rows = []
  // One account at a time, in the order given: the entries' balance updates lock account rows.
  for (const posting of movement.postings) {
    rows.push({
      transactionId: created.id,
      accountId: await accountId(tx, posting.account),
      amountMinor: posting.amountMinor,
      currency: posting.account.currency,
    })
  }
  await tx.insert(ledgerEntries).values(rows)
  return { transactionId: created.id, recorded: true }
}

/** Corrects a transaction by posting its opposite; a transaction is reversed at most once. */
export async function reverseTransaction(
  tx: Db,
  transactionId: string,
  why: { memo: string; createdByUserId?: string | null },
): Promise<Posted> {
  const postings = await postingsOf(tx, transactionId)
  return postTransaction(tx, {
    idempotencyKey: `reversal:${transactionId}`,
    movement: 'reversal',
    reversesId: transactionId,
    postings: reversed(postings),
    memo: why.memo,
    createdByUserId: why.createdByUserId,
  })
}

/** A transaction's postings, as they were recorded. */
export async function postingsOf(tx: Db, transactionId: string): Promise<Posting[]> {
  const rows = await tx
    .select({
      kind: ledgerAccounts.kind,
      fundId: ledgerAccounts.fundId,
      grantId: ledgerAccounts.grantId,
      currency: ledgerAccounts.currency,
      amountMinor: ledgerEntries.amountMinor,
    })
    .from(ledgerEntries)
    .innerJoin(ledgerAccounts, eq(ledgerAccounts.id, ledgerEntries.accountId))
    .where(eq(ledgerEntries.transactionId, transactionId))
    .orderBy(asc(ledgerEntries.id))
  if (rows.length === 0) throw new Error(`No ledger transaction ${transactionId}`)
  return rows.map(({ amountMinor, ...account }) => ({ account: toRef(account), amountMinor }))
}

function toRef(row: {
  kind: AccountRef['kind']
  fundId: string | null
  grantId: string | null
  currency: string
}): AccountRef {
  if (row.kind === 'fund') return { kind: 'fund', fundId: row.fundId!, currency: row.currency }
  if (row.kind === 'grant') return { kind: 'grant', grantId: row.grantId!, currency: row.currency }
  return { kind: row.kind, currency: row.currency }
}

/** An account's balance (0 for one never used): the running total the database keeps. */
export async function balanceOf(tx: Db, ref: AccountRef): Promise<number> {
  const [row] = await tx
    .select({ balance: ledgerAccounts.balanceMinor })
    .from(ledgerAccounts)
    .where(accountIs(ref))
  return row?.balance ?? 0
}

/**
 * Accounts whose kept balance differs from the sum of their entries: none, always (the
 * reconciliation the tests and an admin check run).
 */
export async function driftedAccounts(tx: Db) {
  return tx
    .select({ id: ledgerAccounts.id, kept: ledgerAccounts.balanceMinor })
    .from(ledgerAccounts)
    .where(
      sql`${ledgerAccounts.balanceMinor} <> (SELECT coalesce(sum(${ledgerEntries.amountMinor}), 0) FROM ${ledgerEntries} WHERE ${ledgerEntries.accountId} = ${ledgerAccounts.id})`,
    )
}
