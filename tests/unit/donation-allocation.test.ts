import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import {
  type Designation,
  type Lot,
  planAllocation,
  replaceRefundedAllocations,
  traceGift,
} from '#app/domain/donations/allocation.ts'

const day = (n: number) => new Date(Date.UTC(2026, 0, n))
const fund: Designation = { kind: 'fund' }
const lot = (
  donationId: string,
  settled: number,
  availableMinor: number,
  designation: Designation = fund,
): Lot => ({
  donationId,
  settledAt: day(settled),
  availableMinor,
  designation,
})
const grantA = { grantId: 'A', programId: 'P' }

describe('planAllocation', () => {
  test('consumes the fund’s gifts oldest first, splitting the last one', () => {
    const lots = [lot('g2', 2, 5_000), lot('g1', 1, 3_000), lot('g3', 3, 4_000)]
    expect(planAllocation(lots, { ...grantA, amountMinor: 9_000 })).toEqual({
      takes: [
        { donationId: 'g1', amountMinor: 3_000 },
        { donationId: 'g2', amountMinor: 5_000 },
        { donationId: 'g3', amountMinor: 1_000 },
      ],
      shortfallMinor: 0,
    })
  })

  test('uses the grant’s own gifts, then its program’s, then the fund’s; never another’s', () => {
    const lots = [
      lot('old-fund', 1, 2_000),
      lot('program', 3, 1_000, { kind: 'program', programId: 'P' }),
      lot('grant', 5, 1_500, { kind: 'grant', grantId: 'A' }),
      lot('other-grant', 0, 9_000, { kind: 'grant', grantId: 'B' }),
      lot('other-program', 0, 9_000, { kind: 'program', programId: 'Q' }),
    ]
    expect(planAllocation(lots, { ...grantA, amountMinor: 3_000 }).takes).toEqual([
      { donationId: 'grant', amountMinor: 1_500 },
      { donationId: 'program', amountMinor: 1_000 },
      { donationId: 'old-fund', amountMinor: 500 },
    ])
  })

  test('says how much the eligible gifts could not cover; empty lots are skipped', () => {
    const plan = planAllocation([lot('g1', 1, 0), lot('g2', 2, 700)], {
      ...grantA,
      amountMinor: 1_000,
    })
    expect(plan).toEqual({ takes: [{ donationId: 'g2', amountMinor: 700 }], shortfallMinor: 300 })
  })

  test('gifts settled at the same moment are taken in donation id order', () => {
    const plan = planAllocation([lot('b', 1, 100), lot('a', 1, 100)], {
      ...grantA,
      amountMinor: 150,
    })
    expect(plan.takes.map((t) => t.donationId)).toEqual(['a', 'b'])
  })

  test.each([0, -5, 1.5, Number.NaN])('refuses %s as an amount', (amountMinor) => {
    expect(() => planAllocation([], { ...grantA, amountMinor })).toThrow(RangeError)
  })
})

describe('replaceRefundedAllocations', () => {
  test('a refunded gift’s share of each grant is replaced from unallocated gifts, the rest is short', () => {
    // The refunded gift had funded A with $30 and B (program Q) with $20. $40 is unallocated in
    // the fund, and $10 is designated to program Q.
    const refunded = [
      { donationId: 'gone', grantId: 'A', programId: 'P', amountMinor: 3_000 },
      { donationId: 'gone', grantId: 'B', programId: 'Q', amountMinor: 2_000 },
    ]
    const lots = [lot('f1', 1, 4_000), lot('q1', 2, 1_000, { kind: 'program', programId: 'Q' })]
    expect(replaceRefundedAllocations(refunded, lots)).toEqual({
      replacements: [
        { grantId: 'A', takes: [{ donationId: 'f1', amountMinor: 3_000 }], shortfallMinor: 0 },
        {
          grantId: 'B',
          takes: [
            { donationId: 'q1', amountMinor: 1_000 },
            { donationId: 'f1', amountMinor: 1_000 },
          ],
          shortfallMinor: 0,
        },
      ],
      shortfallMinor: 0,
    })
    expect(replaceRefundedAllocations(refunded, [lot('f1', 1, 1_000)]).shortfallMinor).toBe(4_000)
  })
})

test('traceGift: what a gift funded, grant by grant, and what is still in the fund', () => {
  expect(
    traceGift(5_000, [
      { grantId: 'A', amountMinor: 2_000 },
      { grantId: 'B', amountMinor: 2_000 },
      { grantId: 'A', amountMinor: 1_000 },
    ]),
  ).toEqual({
    netMinor: 5_000,
    funded: [
      { grantId: 'A', amountMinor: 3_000 },
      { grantId: 'B', amountMinor: 2_000 },
    ],
    unallocatedMinor: 0,
  })
})

const designation: fc.Arbitrary<Designation> = fc.oneof(
  fc.constant(fund),
  fc.constantFrom('P', 'Q').map((programId) => ({ kind: 'program' as const, programId })),
  fc.constantFrom('A', 'B').map((grantId) => ({ kind: 'grant' as const, grantId })),
)
const lots: fc.Arbitrary<Lot[]> = fc.uniqueArray(
  fc.record({
    donationId: fc.string({ minLength: 1, maxLength: 4 }),
    settledAt: fc.integer({ min: 1, max: 20 }).map(day),
    availableMinor: fc.integer({ min: 0, max: 50_000 }),
    designation,
  }),
  { selector: (l) => l.donationId, maxLength: 25 },
)
const target = fc.record({
  grantId: fc.constantFrom('A', 'B'),
  programId: fc.constantFrom('P', 'Q'),
  amountMinor: fc.integer({ min: 1, max: 300_000 }),
})

test('property: a plan never double counts, never overdraws a gift, and accounts for every cent', () => {
  fc.assert(
    fc.property(lots, target, (lots, target) => {
      const plan = planAllocation(lots, target)
      const byId = new Map(lots.map((l) => [l.donationId, l]))
      const taken = plan.takes.reduce((sum, t) => sum + t.amountMinor, 0)
      expect(taken + plan.shortfallMinor).toBe(target.amountMinor)
      expect(new Set(plan.takes.map((t) => t.donationId)).size).toBe(plan.takes.length)
      for (const take of plan.takes) {
        const source = byId.get(take.donationId)!
        expect(take.amountMinor).toBeGreaterThan(0)
        expect(take.amountMinor).toBeLessThanOrEqual(source.availableMinor)
        const d = source.designation
        if (d.kind === 'grant') expect(d.grantId).toBe(target.grantId)
        if (d.kind === 'program') expect(d.programId).toBe(target.programId)
      }
      // A shortfall only when every eligible lot was emptied.
      if (plan.shortfallMinor > 0) {
        const eligible = lots.filter(
          (l) =>
            l.designation.kind === 'fund' ||
            (l.designation.kind === 'grant' && l.designation.grantId === target.grantId) ||
            (l.designation.kind === 'program' && l.designation.programId === target.programId),
        )
        expect(taken).toBe(eligible.reduce((sum, l) => sum + l.availableMinor, 0))
      }
    }),
  )
})

test('property: replacing a refund never uses more than the unallocated money', () => {
  const refunded = fc.array(
    target.map((t) => ({ ...t, donationId: 'gone' })),
    { maxLength: 4 },
  )
  fc.assert(
    fc.property(refunded, lots, (refunded, lots) => {
      const result = replaceRefundedAllocations(refunded, lots)
      const used = new Map<string, number>()
      for (const r of result.replacements) {
        for (const t of r.takes)
          used.set(t.donationId, (used.get(t.donationId) ?? 0) + t.amountMinor)
      }
      for (const l of lots)
        expect(used.get(l.donationId) ?? 0).toBeLessThanOrEqual(l.availableMinor)
      const owed = refunded.reduce((sum, a) => sum + a.amountMinor, 0)
      const replaced = [...used.values()].reduce((sum, n) => sum + n, 0)
      expect(replaced + result.shortfallMinor).toBe(owed)
    }),
  )
})
