/**
 * Which gifts fund a grant. Money in a fund is held as lots, one per settled gift, each with what
 * is still unallocated; funding a grant consumes lots first in, first out, and each lot consumed
 * becomes a `donation_allocations` row ("this gift funded Grant A $30"). Restricted money is used
 * for its purpose before unrestricted money: a gift designated to the grant first, then gifts
 * designated to its program, then the fund's unrestricted gifts, each group oldest first. A gift
 * designated to another grant or another program is never used.
 */

/** What a gift may fund: anything in its fund, one program of it, or one grant. */
export type Designation =
  { kind: 'fund' } | { kind: 'program'; programId: string } | { kind: 'grant'; grantId: string }

export interface Lot {
  donationId: string
  /** When the gift settled: the order lots are consumed in (ties broken by donationId). */
  settledAt: Date
  /** Settled amount less fees, refunds and earlier allocations. */
  availableMinor: number
  designation: Designation
}

/** The grant being funded, and how much. */
export interface AllocationTarget {
  grantId: string
  programId: string
  amountMinor: number
}

export interface Take {
  donationId: string
  amountMinor: number
}

export interface AllocationPlan {
  takes: Take[]
  /** What the eligible lots could not cover (0 when the grant is fully funded). */
  shortfallMinor: number
}

/** 0 for the grant's own gifts, 1 for its program's, 2 for the fund's; null when not eligible. */
function priority(designation: Designation, target: AllocationTarget): number | null {
  switch (designation.kind) {
    case 'grant':
      return designation.grantId === target.grantId ? 0 : null
    case 'program':
      return designation.programId === target.programId ? 1 : null
    case 'fund':
      return 2
  }
}

/** The lots that may fund `target`, in the order they are consumed. */
export function eligibleLots(lots: readonly Lot[], target: AllocationTarget): Lot[] {
  return lots
    .map((lot) => ({ lot, rank: priority(lot.designation, target) }))
    .filter((x): x is { lot: Lot; rank: number } => x.rank !== null && x.lot.availableMinor > 0)
    .sort(
      (a, b) =>
        a.rank - b.rank ||
        a.lot.settledAt.getTime() - b.lot.settledAt.getTime() ||
        (a.lot.donationId < b.lot.donationId ? -1 : a.lot.donationId > b.lot.donationId ? 1 : 0),
    )
    .map((x) => x.lot)
}

/**
 * The gifts that fund `target.amountMinor` of a grant: whole minor units, never more than a lot
 * holds, summing to the amount less the shortfall.
 */
export function planAllocation(lots: readonly Lot[], target: AllocationTarget): AllocationPlan {
  if (!Number.isSafeInteger(target.amountMinor) || target.amountMinor <= 0) {
    throw new RangeError(`an allocation is a positive whole number of minor units`)
  }
  const takes: Take[] = []
  let remaining = target.amountMinor
  for (const lot of eligibleLots(lots, target)) {
    if (remaining === 0) break
    const amountMinor = Math.min(lot.availableMinor, remaining)
    takes.push({ donationId: lot.donationId, amountMinor })
    remaining -= amountMinor
  }
  return { takes, shortfallMinor: remaining }
}

/** A gift's share of one grant, as allocated. */
export interface Allocation {
  donationId: string
  grantId: string
  programId: string
  amountMinor: number
}

export interface RefundReplacement {
  /** Grant by grant, the other gifts that now fund what the refunded gift had funded. */
  replacements: { grantId: string; takes: Take[]; shortfallMinor: number }[]
  /** What no unallocated money could replace: the grants are short of this much in all. */
  shortfallMinor: number
}

/**
 * A refunded gift that had already funded grants: what it funded is taken back from those grants
 * and replaced, grant by grant in the order it was allocated, from the fund's unallocated money
 * under the same rules as any allocation; whatever cannot be replaced is the shortfall shown to
 * the funder. `lots` are the other gifts' lots (the refunded gift's own is gone).
 */
export function replaceRefundedAllocations(
  refunded: readonly Allocation[],
  lots: readonly Lot[],
): RefundReplacement {
  const available = new Map(lots.map((lot) => [lot.donationId, lot.availableMinor]))
  const current = () =>
    lots.map((lot) => ({ ...lot, availableMinor: available.get(lot.donationId)! }))
  const replacements: RefundReplacement['replacements'] = []
  for (const allocation of refunded) {
    const plan = planAllocation(current(), allocation)
    for (const take of plan.takes) {
      available.set(take.donationId, available.get(take.donationId)! - take.amountMinor)
    }
    replacements.push({ grantId: allocation.grantId, ...plan })
  }
  return {
    replacements,
    shortfallMinor: replacements.reduce((sum, r) => sum + r.shortfallMinor, 0),
  }
}

/** "This gift funded: Grant A $30, Grant B $20, $0 still in the fund." */
export interface GiftTrace {
  netMinor: number
  funded: { grantId: string; amountMinor: number }[]
  unallocatedMinor: number
}

/** Where one gift's net amount went, from its allocation rows (several per grant are summed). */
export function traceGift(
  netMinor: number,
  allocations: readonly { grantId: string; amountMinor: number }[],
): GiftTrace {
  const byGrant = new Map<string, number>()
  for (const a of allocations) byGrant.set(a.grantId, (byGrant.get(a.grantId) ?? 0) + a.amountMinor)
  const funded = [...byGrant].map(([grantId, amountMinor]) => ({ grantId, amountMinor }))
  const allocated = funded.reduce((sum, f) => sum + f.amountMinor, 0)
  return { netMinor, funded, unallocatedMinor: netMinor - allocated }
}
