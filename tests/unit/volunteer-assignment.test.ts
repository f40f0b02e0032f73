import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BUDGET_BANDS } from '#app/domain/organizations.ts'
import {
  greedyMatches,
  suggestMatches,
  type AssignmentRequest,
  type CandidatePair,
} from '#app/domain/volunteers/assignment.ts'
import { equityMultiplier, type RequestEquity } from '#app/domain/volunteers/ranking.ts'
import { DEFAULT_MATCH_WEIGHTS, type MatchWeights } from '#app/domain/volunteers/weights.ts'

/*
 * The batch "suggest matches" (decision 028): small instances worked by hand, then random ones
 * against the greedy baseline and against every possible assignment.
 */

const plain: RequestEquity = {
  vulnerabilityQuartile: 1,
  budgetBand: '1m_5m',
  daysOpen: 0,
  pendingOffers: 0,
}
const req = (id: string, groupId: string, equity: Partial<RequestEquity> = {}) => ({
  id,
  groupId,
  equity: { ...plain, ...equity },
})
const pair = (volunteerId: string, requestId: string, fit: number): CandidatePair => ({
  volunteerId,
  requestId,
  fit,
})
const chosen = (a: { suggestions: { volunteerId: string; requestId: string }[] }) =>
  a.suggestions.map((s) => `${s.volunteerId}→${s.requestId}`)

describe('suggestMatches, worked by hand', () => {
  it('does not starve the high-vulnerability group the greedy choice starves', () => {
    // A: a group in the least vulnerable quarter (multiplier 1). B: the most vulnerable quarter
    // (1.3). x fits both, y only A. Greedy takes the highest score, x→A (95 > 70 × 1.3 = 91), and
    // y has nowhere to go: B gets nobody. The optimum gives x to B and y to A.
    const requests = [req('A', 'gA'), req('B', 'gB', { vulnerabilityQuartile: 4 })]
    const pairs = [pair('x', 'A', 95), pair('x', 'B', 70), pair('y', 'A', 60)]
    const greedy = greedyMatches(requests, pairs)
    const optimal = suggestMatches(requests, pairs)
    expect(chosen(greedy)).toEqual(['x→A'])
    // 95 + the coverage bonus of A (50 × 1).
    expect(greedy.objective).toBe(145)
    expect(greedy.coveredRequests).toBe(1)
    expect(chosen(optimal)).toEqual(['y→A', 'x→B'])
    // 60 + 91 + bonuses 50 + 65.
    expect(optimal.objective).toBe(266)
    expect(optimal).toMatchObject({ coveredRequests: 2, suggestibleRequests: 2 })
    expect(optimal.suggestions.find((s) => s.requestId === 'B')).toEqual({
      volunteerId: 'x',
      requestId: 'B',
      fit: 70,
      score: 91,
    })
  })

  it('covers a second request for a weaker total only through the coverage bonus', () => {
    // x→A alone is worth 90; y→A and x→B are worth 20 + 30 = 50 in fit, 150 with both bonuses.
    const requests = [req('A', 'gA'), req('B', 'gB')]
    const pairs = [pair('x', 'A', 90), pair('y', 'A', 20), pair('x', 'B', 30)]
    const noBonus = { ...DEFAULT_MATCH_WEIGHTS, coverageBonus: 0 }
    expect(chosen(suggestMatches(requests, pairs, { weights: noBonus }))).toEqual(['x→A'])
    expect(chosen(suggestMatches(requests, pairs))).toEqual(['y→A', 'x→B'])
  })

  it('spreads suggestions across groups', () => {
    // G asks twice, H once. Both of G's: 80 + 80 + 100 in bonuses, less 10 for the second
    // suggestion to the same group, 250; G once and H once: 80 + 75 + 100 = 255.
    const requests = [req('A1', 'G'), req('A2', 'G'), req('B', 'H')]
    const pairs = [pair('x', 'A1', 80), pair('y', 'A2', 80), pair('y', 'B', 75)]
    expect(chosen(suggestMatches(requests, pairs))).toEqual(['x→A1', 'y→B'])
    const noSpread = { ...DEFAULT_MATCH_WEIGHTS, groupSpread: 0 }
    expect(chosen(suggestMatches(requests, pairs, { weights: noSpread }))).toEqual(['x→A1', 'y→A2'])
  })

  it('gives a request up to k suggestions', () => {
    const requests = [req('A', 'gA')]
    const pairs = [pair('x', 'A', 50), pair('y', 'A', 40), pair('z', 'A', 90)]
    expect(chosen(suggestMatches(requests, pairs, { perRequest: 2 }))).toEqual(['x→A', 'z→A'])
    expect(chosen(suggestMatches(requests, pairs))).toEqual(['z→A'])
  })

  it('suggests nothing for a request with three pending offers', () => {
    const requests = [req('A', 'gA', { pendingOffers: 3 }), req('B', 'gB', { pendingOffers: 2 })]
    const pairs = [pair('x', 'A', 90), pair('x', 'B', 10)]
    const result = suggestMatches(requests, pairs)
    expect(chosen(result)).toEqual(['x→B'])
    expect(result.suggestibleRequests).toBe(1)
  })

  it('uses only each request’s best M candidates', () => {
    const requests = [req('A', 'gA'), req('B', 'gB')]
    // With every candidate, x→B and y→A; with only the best one each, x is A's and B's only
    // candidate, and one of them goes without.
    const pairs = [pair('x', 'A', 90), pair('y', 'A', 80), pair('x', 'B', 70), pair('z', 'B', 10)]
    expect(chosen(suggestMatches(requests, pairs))).toEqual(['y→A', 'x→B'])
    expect(chosen(suggestMatches(requests, pairs, { maxCandidatesPerRequest: 1 }))).toEqual(['x→A'])
  })

  it('ignores pairs for unknown requests and keeps the best fit of a repeated pair', () => {
    const requests = [req('A', 'gA')]
    const pairs = [pair('x', 'Z', 99), pair('x', 'A', 10), pair('x', 'A', 40)]
    expect(suggestMatches(requests, pairs).suggestions).toEqual([
      { volunteerId: 'x', requestId: 'A', fit: 40, score: 40 },
    ])
  })

  it('answers an empty platform', () => {
    expect(suggestMatches([], [])).toEqual({
      suggestions: [],
      objective: 0,
      coveredRequests: 0,
      suggestibleRequests: 0,
    })
  })
})

/** Every assignment of volunteers (each to none or one of its candidates), its best objective. */
function bruteForce(
  requests: AssignmentRequest[],
  pairs: CandidatePair[],
  k: number,
  weights: MatchWeights,
): number {
  const open = requests.filter((r) => r.equity.pendingOffers < weights.maxPendingOffers)
  const m = new Map(open.map((r) => [r.id, equityMultiplier(r.equity, weights)]))
  const best = new Map<string, number>()
  for (const p of pairs) {
    if (!m.has(p.requestId)) continue
    const key = `${p.volunteerId}|${p.requestId}`
    best.set(key, Math.max(best.get(key) ?? -1, p.fit))
  }
  const options = new Map<string, { r: string; value: number }[]>()
  for (const [key, fit] of best) {
    const [v, r] = key.split('|') as [string, string]
    options.set(v, [...(options.get(v) ?? []), { r, value: Math.round(fit * m.get(r)! * 100) }])
  }
  const volunteers = [...options.keys()]
  const count = new Map<string, number>()
  const objective = () => {
    let total = 0
    const perGroup = new Map<string, number>()
    for (const r of open) {
      const n = count.get(r.id) ?? 0
      if (n > 0) total += Math.round(weights.coverageBonus * m.get(r.id)! * 100)
      perGroup.set(r.groupId, (perGroup.get(r.groupId) ?? 0) + n)
    }
    const spread = Math.round(weights.groupSpread * 100)
    for (const n of perGroup.values()) total -= (spread * n * (n - 1)) / 2
    return total
  }
  let bestTotal = -Infinity
  const visit = (i: number, edges: number) => {
    if (i === volunteers.length) {
      bestTotal = Math.max(bestTotal, edges + objective())
      return
    }
    visit(i + 1, edges)
    for (const { r, value } of options.get(volunteers[i]!)!) {
      const n = count.get(r) ?? 0
      if (n >= k) continue
      count.set(r, n + 1)
      visit(i + 1, edges + value)
      count.set(r, n)
    }
  }
  visit(0, 0)
  return bestTotal / 100
}

const equityArb: fc.Arbitrary<RequestEquity> = fc.record({
  vulnerabilityQuartile: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const, null),
  budgetBand: fc.constantFrom(...BUDGET_BANDS, null),
  daysOpen: fc.integer({ min: 0, max: 30 }),
  pendingOffers: fc.integer({ min: 0, max: 3 }),
})

const instanceArb = fc.record({
  requests: fc.array(fc.record({ group: fc.integer({ min: 0, max: 2 }), equity: equityArb }), {
    minLength: 1,
    maxLength: 4,
  }),
  pairs: fc.array(
    fc.record({
      v: fc.integer({ min: 0, max: 5 }),
      r: fc.integer({ min: 0, max: 3 }),
      fit: fc.integer({ min: 0, max: 1000 }).map((x) => x / 10),
    }),
    { maxLength: 14 },
  ),
  k: fc.integer({ min: 1, max: 2 }),
  coverageBonus: fc.integer({ min: 0, max: 80 }),
  groupSpread: fc.integer({ min: 0, max: 30 }),
})

describe('suggestMatches, on random instances', () => {
  it('keeps the limits, uses only candidate pairs, beats greedy and reaches the optimum', () => {
    fc.assert(
      fc.property(instanceArb, (instance) => {
        const requests = instance.requests.map((r, i) => ({
          id: `r${i}`,
          groupId: `g${r.group}`,
          equity: r.equity,
        }))
        const pairs = instance.pairs
          .filter((p) => p.r < requests.length)
          .map((p) => pair(`v${p.v}`, `r${p.r}`, p.fit))
        const weights = {
          ...DEFAULT_MATCH_WEIGHTS,
          coverageBonus: instance.coverageBonus,
          groupSpread: instance.groupSpread,
        }
        const options = { perRequest: instance.k, weights }
        const optimal = suggestMatches(requests, pairs, options)
        const greedy = greedyMatches(requests, pairs, options)

        const candidates = new Set(pairs.map((p) => `${p.volunteerId}|${p.requestId}`))
        const suggestible = new Set(
          requests.filter((r) => r.equity.pendingOffers < 3).map((r) => r.id),
        )
        const volunteers = optimal.suggestions.map((s) => s.volunteerId)
        expect(new Set(volunteers).size).toBe(volunteers.length)
        for (const s of optimal.suggestions) {
          expect(candidates.has(`${s.volunteerId}|${s.requestId}`)).toBe(true)
          expect(suggestible.has(s.requestId)).toBe(true)
        }
        const perRequest = new Map<string, number>()
        for (const s of optimal.suggestions)
          perRequest.set(s.requestId, (perRequest.get(s.requestId) ?? 0) + 1)
        for (const n of perRequest.values()) expect(n).toBeLessThanOrEqual(instance.k)
        expect(optimal.coveredRequests).toBe(perRequest.size)

        expect(optimal.objective).toBeGreaterThanOrEqual(greedy.objective - 1e-9)
        expect(optimal.objective).toBeCloseTo(bruteForce(requests, pairs, instance.k, weights), 9)
      }),
      { numRuns: 400 },
    )
  })
})
