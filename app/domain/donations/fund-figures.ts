import { LEDGER_MOVEMENTS, type LedgerMovement } from '#app/domain/ledger/accounts.ts'

/**
 * A fund's money as its page shows it, every figure derived from ledger entries: what came in
 * (`received`, whole charges), what left the fund's account on the way (`fees`, `refunded`,
 * `disputed` net of reinstatements), what went to grants (`allocated`), what the grants paid out
 * (`disbursed`), and what the fund still holds (`available`). They reconcile by construction:
 * received − fees − refunded − disputed − allocated = available; `unexplained` is what the fund's
 * account moved under any other movement, 0 unless someone posts by hand.
 */
export interface FundFigures {
  receivedMinor: number
  feesMinor: number
  refundedMinor: number
  disputedMinor: number
  allocatedMinor: number
  disbursedMinor: number
  availableMinor: number
  /** Allocated and not yet paid out: what the fund's grants hold. */
  inGrantsMinor: number
  unexplainedMinor: number
}

/** Signed sums of the fund account's entries by movement (a reversal counts as what it undoes). */
export type FundSums = Partial<Record<LedgerMovement, number>>

/** Movements that touch a fund's account and have a figure of their own. */
const FIGURED = new Set<LedgerMovement>(
  LEDGER_MOVEMENTS.filter((m) => m !== 'disbursement' && m !== 'reversal'),
)

/**
 * The figures from the fund account's sums by movement and the signed sum of the `disbursement`
 * entries on its grants' accounts (negative: money left them).
 */
export function fundFigures(fund: FundSums, grantsDisbursementSum: number): FundFigures {
  const sum = (m: LedgerMovement) => fund[m] ?? 0
  // What left an account, as a positive figure (subtracting from 0: no -0 for nothing).
  const out = (...movements: LedgerMovement[]) => movements.reduce((t, m) => t - sum(m), 0)
  const receivedMinor = sum('gift_settled')
  const feesMinor = out('processor_fee')
  const refundedMinor = out('refund')
  const disputedMinor = out('dispute', 'dispute_reinstated')
  const allocatedMinor = out('allocation')
  const disbursedMinor = 0 - grantsDisbursementSum
  const unexplainedMinor = Object.entries(fund)
    .filter(([m]) => !FIGURED.has(m as LedgerMovement))
    .reduce((total, [, amount]) => total + (amount ?? 0), 0)
  return {
    receivedMinor,
    feesMinor,
    refundedMinor,
    disputedMinor,
    allocatedMinor,
    disbursedMinor,
    availableMinor:
      receivedMinor - feesMinor - refundedMinor - disputedMinor - allocatedMinor + unexplainedMinor,
    inGrantsMinor: allocatedMinor - disbursedMinor,
    unexplainedMinor,
  }
}

/**
 * What gifts have brought the fund, for its goal bar: the settled charges less the processor's
 * fees, refunds and disputes (with their fees). Pending or failed gifts never reach the ledger,
 * and money given on to grants still counts as raised.
 */
export const raisedMinor = (figures: FundFigures): number =>
  figures.receivedMinor - figures.feesMinor - figures.refundedMinor - figures.disputedMinor
