/**
 * The ledger's vocabularies (docs/decisions/022-ledger.md; each list defined once, the database's
 * enums built from these tuples).
 *
 * Sign convention: every transaction moves money from accounts (negative entries) to accounts
 * (positive entries), and its entries sum to zero in each currency. An account's balance is the
 * sum of its entries: what it holds (a fund's money, a grant's), or, for the processor account,
 * minus what has come in through the processor.
 */

/**
 * - processor: the payment processor's side (Stripe): gifts come from it, refunds go back to it.
 * - fund: a fund's money not yet given to a grant.
 * - grant: money given to one grant and not yet paid out.
 * - paid_out: money paid to grantees.
 * - processor_fees / dispute_fees: what the processor kept.
 * - refunds: money returned to donors.
 */
export const LEDGER_ACCOUNT_KINDS = [
  'processor',
  'fund',
  'grant',
  'paid_out',
  'processor_fees',
  'dispute_fees',
  'refunds',
] as const
export type LedgerAccountKind = (typeof LEDGER_ACCOUNT_KINDS)[number]

/** What each kind of account belongs to: one per fund, one per grant, or one per currency. */
export const ACCOUNT_OWNER: Record<LedgerAccountKind, 'fund' | 'grant' | 'platform'> = {
  processor: 'platform',
  fund: 'fund',
  grant: 'grant',
  paid_out: 'platform',
  processor_fees: 'platform',
  dispute_fees: 'platform',
  refunds: 'platform',
}

/** The movements the ledger records; a correction is a reversal of an earlier transaction. */
export const LEDGER_MOVEMENTS = [
  'gift_settled',
  'processor_fee',
  'refund',
  'dispute',
  'dispute_reinstated',
  'allocation',
  'disbursement',
  'reversal',
] as const
export type LedgerMovement = (typeof LEDGER_MOVEMENTS)[number]
