import type { LedgerAccountKind } from './accounts.ts'

/** Which account: the platform's of a kind, a fund's or a grant's, in one currency. */
export type AccountRef =
  | { kind: Exclude<LedgerAccountKind, 'fund' | 'grant'>; currency: string }
  | { kind: 'fund'; fundId: string; currency: string }
  | { kind: 'grant'; grantId: string; currency: string }

/** One signed amount on one account: positive into it, negative out of it. */
export interface Posting {
  account: AccountRef
  amountMinor: number
}

/** `amount` moved out of `from` into `to`: the two postings of a simple movement. */
export function move(from: AccountRef, to: AccountRef, amountMinor: number): Posting[] {
  if (from.currency !== to.currency) {
    throw new RangeError(`cannot move between ${from.currency} and ${to.currency} accounts`)
  }
  return [
    { account: from, amountMinor: -amountMinor },
    { account: to, amountMinor },
  ]
}

export type PostingProblem =
  | { code: 'too_few' }
  | { code: 'not_whole'; index: number }
  | { code: 'zero'; index: number }
  | { code: 'unbalanced'; currency: string; total: number }

/**
 * What keeps postings from being one ledger transaction: at least two, each a non-zero whole
 * number of minor units, summing to zero in each currency. The database refuses the same at
 * commit; checking first gives the caller a clear answer instead of a failed commit.
 */
export function postingProblems(postings: readonly Posting[]): PostingProblem[] {
  const problems: PostingProblem[] = []
  if (postings.length < 2) problems.push({ code: 'too_few' })
  const totals = new Map<string, number>()
  postings.forEach((p, index) => {
    if (!Number.isSafeInteger(p.amountMinor)) problems.push({ code: 'not_whole', index })
    else if (p.amountMinor === 0) problems.push({ code: 'zero', index })
    totals.set(p.account.currency, (totals.get(p.account.currency) ?? 0) + p.amountMinor)
  })
  for (const [currency, total] of totals) {
    if (total !== 0) problems.push({ code: 'unbalanced', currency, total })
  }
  return problems
}

/** The postings that undo `postings`: each amount negated. */
export const reversed = (postings: readonly Posting[]): Posting[] =>
  postings.map((p) => ({ account: p.account, amountMinor: -p.amountMinor }))
