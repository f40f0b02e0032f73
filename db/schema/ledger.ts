import { sql } from 'drizzle-orm'
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  check,
  index,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { LEDGER_ACCOUNT_KINDS, LEDGER_MOVEMENTS } from '#app/domain/ledger/accounts.ts'
import { createdAt, id } from './columns.ts'
import { grants } from './grants.ts'
import { funds } from './programs.ts'
import { users } from './users.ts'

export const ledgerAccountKind = pgEnum('ledger_account_kind', LEDGER_ACCOUNT_KINDS)
export const ledgerMovement = pgEnum('ledger_movement', LEDGER_MOVEMENTS)

/**
 * One account of the double-entry ledger: a fund's, a grant's, or one of the platform's per
 * currency. Its balance is the sum of its running totals (`ledger_account_totals`), never a
 * column here: every gift touches the platform's processor and fees accounts, and a balance kept
 * on this row would make every gift wait for the one before (docs/decisions/022-ledger.md).
 */
export const ledgerAccounts = pgTable(
  'ledger_accounts',
  {
    id: id(),
    kind: ledgerAccountKind('kind').notNull(),
    fundId: uuid('fund_id').references(() => funds.id),
    grantId: uuid('grant_id').references(() => grants.id),
    currency: text('currency').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique('ledger_accounts_key').on(t.kind, t.fundId, t.grantId, t.currency).nullsNotDistinct(),
    check(
      'ledger_accounts_owner_matches_kind',
      sql`(${t.kind} = 'fund') = (${t.fundId} IS NOT NULL) AND (${t.kind} = 'grant') = (${t.grantId} IS NOT NULL)`,
    ),
    check('ledger_accounts_currency_code', sql`${t.currency} ~ '^[A-Z]{3}$'`),
  ],
)

/**
 * One movement of money, made of entries that sum to zero in each currency (checked at commit by
 * the deferred trigger `ledger_transactions_balance`). Append-only: the database refuses to
 * change or delete a transaction or an entry; a correction is a new transaction that reverses
 * an earlier one. `idempotency_key` names the movement's cause (a Stripe event, a disbursement),
 * so recording the same cause twice records it once.
 */
export const ledgerTransactions = pgTable(
  'ledger_transactions',
  {
    id: id(),
    idempotencyKey: text('idempotency_key').notNull(),
    movement: ledgerMovement('movement').notNull(),
    /** The transaction this one reverses, for a reversal. */
    reversesId: uuid('reverses_id').references((): AnyPgColumn => ledgerTransactions.id),
    memo: text('memo').notNull().default(''),
    /** Ids the movement concerns (donation, grant, disbursement, Stripe objects), for finding it. */
    refs: jsonb('refs').$type<Record<string, string>>().notNull().default({}),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, {
      onDelete: 'set null',
    }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('ledger_transactions_idempotency_key').on(t.idempotencyKey),
    // At most one reversal of a transaction.
    uniqueIndex('ledger_transactions_reverses_key').on(t.reversesId),
    // A donor's page: a gift's refunds, and what each refund left a grant short (both rare, so
    // the partial indexes stay small however large the ledger grows).
    index('ledger_transactions_refund_donation_idx')
      .on(sql`(${t.refs}->>'donationId')`)
      .where(sql`${t.movement} = 'refund'`),
    index('ledger_transactions_unfunded_refund_idx')
      .on(sql`(${t.refs}->>'refund')`)
      .where(sql`${t.movement} = 'allocation'`),
    check(
      'ledger_transactions_reversal_names_original',
      sql`(${t.movement} = 'reversal') = (${t.reversesId} IS NOT NULL)`,
    ),
  ],
)

/** One signed amount on one account (positive: money into the account). */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    transactionId: uuid('transaction_id')
      .notNull()
      .references(() => ledgerTransactions.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => ledgerAccounts.id),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('ledger_entries_transaction_idx').on(t.transactionId),
    index('ledger_entries_account_idx').on(t.accountId, t.id),
    check('ledger_entries_amount_not_zero', sql`${t.amountMinor} <> 0`),
  ],
)

/**
 * Running totals of an account's entries by the movement they count as (a reversal counts as the
 * movement it undoes), kept by the database in the same transaction as the entries (statement
 * trigger `ledger_entries_total`, migration ledger_totals). Each total is split over a few
 * `slot`s, picked by the writing transaction, so concurrent gifts add to different rows instead
 * of queueing on one; a balance or a figure sums an account's slots (at most movements × slots
 * rows, whatever the history). `ledger_totals_drift()` lists any total that differs from its
 * entries: none, always.
 */
export const ledgerAccountTotals = pgTable(
  'ledger_account_totals',
  {
    accountId: uuid('account_id')
      .notNull()
      .references(() => ledgerAccounts.id),
    movement: ledgerMovement('movement').notNull(),
    slot: smallint('slot').notNull(),
    totalMinor: bigint('total_minor', { mode: 'number' }).notNull().default(0),
  },
  (t) => [
    primaryKey({ name: 'ledger_account_totals_pk', columns: [t.accountId, t.movement, t.slot] }),
  ],
)

export type LedgerAccount = typeof ledgerAccounts.$inferSelect
export type LedgerTransaction = typeof ledgerTransactions.$inferSelect
export type LedgerEntry = typeof ledgerEntries.$inferSelect
