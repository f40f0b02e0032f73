import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm'
import type { Db } from '#db/client.server.ts'
import {
  ledgerAccountTotals,
  ledgerAccounts,
  ledgerEntries,
  ledgerTransactions,
} from '#db/schema/index.ts'
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
 * transaction at commit, nothing is changed or deleted, running totals follow the entries.
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

/** Account ids by `refKey`, for callers that post several movements on the same accounts. */
export type AccountIds = ReadonlyMap<string, string>

/** The ids of the accounts `refs` name, by `refKey`: one read, opening only the missing ones. */
export async function accountIds(tx: Db, named: readonly AccountRef[]): Promise<AccountIds> {
  const refs = [...new Map(named.map((ref) => [refKey(ref), ref])).values()]
  const found = await tx
    .select({
      id: ledgerAccounts.id,
      kind: ledgerAccounts.kind,
      fundId: ledgerAccounts.fundId,
      grantId: ledgerAccounts.grantId,
      currency: ledgerAccounts.currency,
    })
    .from(ledgerAccounts)
    .where(or(...refs.map(accountIs)))
  const ids = new Map(found.map((row) => [refKey(toRef(row)), row.id]))
  for (const ref of refs) {
    if (!ids.has(refKey(ref))) ids.set(refKey(ref), await accountId(tx, ref))
  }
  return ids
}

const refKey = (ref: AccountRef) =>
  `${ref.kind}:${ref.currency}:${ref.kind === 'fund' ? ref.fundId : ref.kind === 'grant' ? ref.grantId : ''}`

/**
 * Records a movement once. A second call with the same idempotency key, even from another
 * connection at the same moment, records nothing and answers the first one's id with
 * `recorded: false` (the unique key makes the second insert wait for the first and then skip).
 */
export async function postTransaction(
  tx: Db,
  movement: NewLedgerTransaction,
  known?: AccountIds,
): Promise<Posted> {
  const [posted] = await postTransactions(tx, [movement], known)
  return posted!
}

/**
 * Records movements, each once, as `postTransaction` does one, answering in their order. Two
 * round trips when the accounts exist whatever their number: one read of the accounts' ids, then
 * one statement that inserts the transactions and the entries of those that are new (a batch of
 * settled gifts posts all its movements in it: the webhook's time is mostly round trips).
 */
export async function postTransactions(
  tx: Db,
  movements: readonly NewLedgerTransaction[],
  known?: AccountIds,
): Promise<Posted[]> {
  for (const movement of movements) {
    const problems = postingProblems(movement.postings)
    if (problems.length > 0) {
      throw new RangeError(`Unbalanced ledger transaction: ${JSON.stringify(problems)}`)
    }
  }
  if (movements.length === 0) return []
  const refs = movements.flatMap((m) => m.postings.map((p) => p.account))
  const ids = known && refs.every((r) => known.has(refKey(r))) ? known : await accountIds(tx, refs)
  // A key twice in one call is one movement (the entries would otherwise join both).
  const firsts = [...new Map(movements.map((m) => [m.idempotencyKey, m])).values()]
  const created = rowsOf<{ id: string; key: string }>(
    await tx.execute(insertMovements(firsts, ids)),
  )
  const recorded = new Map(created.map((row) => [row.key, row.id]))
  const missing = firsts.map((m) => m.idempotencyKey).filter((key) => !recorded.has(key))
  // Recorded before, or by a twin that held the key until it committed: a new statement sees it.
  const earlier =
    missing.length === 0
      ? []
      : await tx
          .select({ id: ledgerTransactions.id, key: ledgerTransactions.idempotencyKey })
          .from(ledgerTransactions)
          .where(inArray(ledgerTransactions.idempotencyKey, missing))
  const before = new Map(earlier.map((row) => [row.key, row.id]))
  const answered = new Set<string>()
  return movements.map(({ idempotencyKey: key }) => {
    const first = !answered.has(key)
    answered.add(key)
    const id = recorded.get(key)
    return id
      ? { transactionId: id, recorded: first }
      : { transactionId: before.get(key)!, recorded: false }
  })
}

/** One statement: the transactions (each skipped when its key exists) and the new ones' entries. */
function insertMovements(movements: readonly NewLedgerTransaction[], ids: AccountIds) {
  const transactions = sql.join(
    movements.map(
      (m, t) =>
        sql`(${t}::int, ${m.idempotencyKey}::text, ${m.movement}::text, ${m.memo ?? ''}::text,
          ${JSON.stringify(m.refs ?? {})}::jsonb, ${m.createdByUserId ?? null}::uuid,
          ${m.reversesId ?? null}::uuid)`,
    ),
    sql`, `,
  )
  const entries = sql.join(
    movements.flatMap((m, t) =>
      m.postings.map(
        (p, n) =>
          sql`(${t}::int, ${m.idempotencyKey}::text, ${n}::int, ${ids.get(refKey(p.account))}::uuid,
            ${p.amountMinor}::bigint, ${p.account.currency}::text)`,
      ),
    ),
    sql`, `,
  )
  return sql`
    WITH created AS (
      INSERT INTO ${ledgerTransactions}
        (idempotency_key, movement, memo, refs, created_by_user_id, reverses_id)
      SELECT key, movement::ledger_movement, memo, refs, created_by, reverses
        FROM (VALUES ${transactions}) AS t (t, key, movement, memo, refs, created_by, reverses)
        ORDER BY t.t
      ON CONFLICT (idempotency_key) DO NOTHING
      RETURNING id, idempotency_key
    ), entries AS (
      INSERT INTO ${ledgerEntries} (transaction_id, account_id, amount_minor, currency)
      SELECT created.id, e.account_id, e.amount_minor, e.currency
        FROM (VALUES ${entries}) AS e (t, key, n, account_id, amount_minor, currency)
        JOIN created ON created.idempotency_key = e.key
        ORDER BY e.t, e.n
      RETURNING 1
    )
    SELECT id, idempotency_key AS key FROM created`
}

/** The rows of `execute`: both drivers answer { rows }; the Db type does not say so. */
const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows

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

/** An account's balance (0 for one never used): the sum of its running totals' slots. */
export async function balanceOf(tx: Db, ref: AccountRef): Promise<number> {
  const [row] = await tx
    .select({ balance: sql<string | null>`sum(${ledgerAccountTotals.totalMinor})` })
    .from(ledgerAccountTotals)
    .innerJoin(ledgerAccounts, eq(ledgerAccounts.id, ledgerAccountTotals.accountId))
    .where(accountIs(ref))
  return Number(row?.balance ?? 0)
}

/**
 * Every (account, counted movement) whose running total differs from the sum of its entries:
 * none, always (the database's `ledger_totals_drift()`, which the tests, the benches and an
 * admin check run). Balances are sums of these totals, so no balance drifts either.
 */
export async function driftedTotals(tx: Db) {
  const result = await tx.execute(sql`SELECT * FROM ledger_totals_drift()`)
  const rows = rowsOf<{ account_id: string; movement: string; kept: string; entries: string }>(
    result,
  )
  return rows.map((r) => ({
    accountId: r.account_id,
    movement: r.movement,
    kept: Number(r.kept),
    entries: Number(r.entries),
  }))
}

/** Accounts whose balance differs from the sum of their entries: none, always. */
export async function driftedAccounts(tx: Db) {
  const drifted = await driftedTotals(tx)
  return [...new Set(drifted.map((d) => d.accountId))].map((id) => ({ id }))
}
