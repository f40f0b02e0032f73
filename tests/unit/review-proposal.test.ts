import loadHighs from 'highs'
import { describe, expect, it } from 'vitest'
import { explainProposal } from '#app/domain/review/explanation.ts'
import {
  compareRanked,
  proposeFundedSet,
  rankingSet,
  type Candidate,
  type Guardrail,
} from '#app/domain/review/proposal.ts'
import { solveBinary } from '#app/domain/review/selection.ts'

const K = 100_000 // $1,000 in minor units
const candidate = (
  applicationId: string,
  raw: number,
  thousands: number,
  flags: string[] = [],
  normalised: number | null = raw,
): Candidate => ({ applicationId, raw, normalised, amount: thousands * K, flags })

/*
 * Five applications, a budget of $100k:
 *   A  score 90  $50k
 *   B  score 80  $40k  vulnerable
 *   C  score 72  $30k
 *   D  score 58  $30k  vulnerable
 *   E  score 50  $20k  vulnerable, small
 *
 * Plain ranking: A ($50k, $50k left), B ($40k, $10k left); C, D and E do not fit in $10k and are
 * skipped. {A, B}: $90k, score 170; vulnerable 40 / 90 = 44.4%.
 *
 * Best within the budget alone (every set up to $100k): A+C+E $100k 212; B+C+D $100k 210;
 * B+C+E $90k 202; A+D+E $100k 198; B+D+E $90k 188; C+D+E $80k 180; A+B $90k 170 …
 * → {A, C, E}, 212 (a better packing than the ranking's walk); vulnerable 20 / 100 = 20%.
 *
 * With "at least 50% of dollars to vulnerable places": A+C+E has 20% (out); B+C+D has 70 / 100
 * (in, 210); B+C+E 60 / 90 = 66.7% (202); A+D+E 50 / 100 = 50% (198) … → {B, C, D}, 210.
 * The guardrail's cost: 212 − 210 = 2 points. Swaps (dropped and added, best first):
 * A (90) → B (80): 10 points; E (50) → D (58): −8 points; total 2.
 * Against the ranking {A, B}: C and D added, A dropped; 210 − 170 = 40 points more.
 */
const five = [
  candidate('A', 90, 50),
  candidate('B', 80, 40, ['vulnerable']),
  candidate('C', 72, 30),
  candidate('D', 58, 30, ['vulnerable']),
  candidate('E', 50, 20, ['vulnerable', 'small']),
]
const budget = 100 * K
const vulnerable: Guardrail = { flag: 'vulnerable', minPercent: 50 }
const small: Guardrail = { flag: 'small', minPercent: 30 }

describe('the plain ranking', () => {
  it('goes down the ranking, skipping what does not fit', async () => {
    const ranked = five.map((c) => ({ ...c, score: c.raw! })).sort(compareRanked)
    expect(rankingSet(ranked, budget).map((c) => c.applicationId)).toEqual(['A', 'B'])
    // With $120k, C fits after A and B ($30k left): A, B, C = $120k.
    expect(rankingSet(ranked, 120 * K).map((c) => c.applicationId)).toEqual(['A', 'B', 'C'])
    // Skipping goes on: with $75k, A ($25k left), B skipped, C skipped, D skipped, E fits.
    expect(rankingSet(ranked, 75 * K).map((c) => c.applicationId)).toEqual(['A', 'E'])
  })

  it('breaks equal scores by the smaller amount, then the id', () => {
    const tied = [
      { applicationId: 'y', score: 70, amount: 30, flags: [] },
      { applicationId: 'x', score: 70, amount: 30, flags: [] },
      { applicationId: 'z', score: 70, amount: 10, flags: [] },
    ].sort(compareRanked)
    expect(tied.map((c) => c.applicationId)).toEqual(['z', 'x', 'y'])
  })
})

describe('the decision proposal', () => {
  it('maximises the total score within the budget and the guardrail, and says what changed', async () => {
    const result = await proposeFundedSet({
      candidates: five,
      budget,
      guardrails: [vulnerable],
      basis: 'raw',
    })
    expect(result.status).toBe('optimal')
    expect(result.optimalityGap).toBe(0)
    expect(result.ranking).toMatchObject({ applicationIds: ['A', 'B'], total: 90 * K, score: 170 })
    expect(result.ranking.shares[0]!.met).toBe(false)
    expect(result.ranking.shares[0]!.percent).toBeCloseTo((40 / 90) * 100, 10)
    expect(result.budgetOnly).toMatchObject({ applicationIds: ['A', 'C', 'E'], score: 212 })
    expect(result.budgetOnly!.shares[0]).toMatchObject({ percent: 20, met: false })
    expect(result.proposal).toMatchObject({
      applicationIds: ['B', 'C', 'D'],
      total: 100 * K,
      score: 210,
    })
    expect(result.proposal!.shares[0]).toMatchObject({
      flag: 'vulnerable',
      minPercent: 50,
      flaggedTotal: 70 * K,
      percent: 70,
      met: true,
    })
    expect(result.versusRanking).toEqual({ added: ['C', 'D'], dropped: ['A'], scoreDifference: 40 })
    expect(result.guardrailEffect!.scoreCost).toBe(2)
    expect(
      result.guardrailEffect!.swaps.map((s) => [
        s.dropped?.applicationId,
        s.added?.applicationId,
        s.cost,
      ]),
    ).toEqual([
      ['A', 'B', 10],
      ['E', 'D', -8],
    ])
    expect(result.failures).toEqual([])
  })

  it('explains itself as codes and numbers', async () => {
    const result = await proposeFundedSet({
      candidates: five,
      budget,
      guardrails: [vulnerable],
      basis: 'raw',
    })
    const lines = explainProposal(result)
    expect(lines.map((l) => l.code)).toEqual([
      'ranking_funds',
      'proposal_funds',
      'guardrail',
      'optimiser_gain',
      'swap',
      'swap',
      'guardrail_cost',
    ])
    expect(lines[0]).toEqual({ code: 'ranking_funds', count: 2, total: 90 * K, score: 170 })
    expect(lines[2]).toMatchObject({
      code: 'guardrail',
      flag: 'vulnerable',
      minPercent: 50,
      metByRanking: false,
      proposalPercent: 70,
      metByProposal: true,
    })
    // The budget-only optimum beats the ranking by 212 − 170 = 42: C and E in, B out.
    expect(lines[3]).toEqual({ code: 'optimiser_gain', score: 42, added: 2, dropped: 1 })
    expect(lines[4]).toMatchObject({ code: 'swap', cost: 10, flagsGained: ['vulnerable'] })
    expect(lines[5]).toMatchObject({ code: 'swap', cost: -8, flagsGained: [] })
    expect(lines[6]).toEqual({ code: 'guardrail_cost', score: 2 })
    // Nothing a person reads is English: every string is a code, a flag or an id.
    const strings = JSON.stringify(lines).match(/"[^"]*"/g)!
    for (const s of strings) expect(s).not.toMatch(/ /)
  })

  it('may leave money unspent to meet the guardrails, and says so', async () => {
    /*
     * Add "at least 30% to small organisations": only E ($20k) is small, so the total can be at
     * most 20 / 0.3 = $66.7k with E in. With E: E+B $60k (vulnerable 100%, small 33.3%) 130;
     * E+D $50k 108; E+C has vulnerable 40% (out); E alone 50. → {B, E}, 130, $40k unspent.
     */
    const result = await proposeFundedSet({
      candidates: five,
      budget,
      guardrails: [vulnerable, small],
      basis: 'raw',
    })
    expect(result.status).toBe('optimal')
    expect(result.proposal).toMatchObject({ applicationIds: ['B', 'E'], total: 60 * K, score: 130 })
    expect(result.ranking.shares.map((s) => s.met)).toEqual([false, false])
    const unspent = explainProposal(result).find((l) => l.code === 'guardrails_leave_unspent')
    expect(unspent).toEqual({
      code: 'guardrails_leave_unspent',
      unspent: 40 * K,
      unspentWithout: 0,
    })
  })

  it('says which guardrail cannot be met at the spending floor, and by how much', async () => {
    /*
     * Spend at least $90k. Vulnerable ≥ 50% alone: B+C+D ($100k, 70%) — attainable.
     * Small ≥ 30% alone: E is the only small one ($20k), and 30% of at least $90k is $27k. The
     * set closest to it maximises $20k × 0.7 − 0.3 × (the rest): the rest must be at least $70k:
     * B+C or B+D ($70k) → margin 14 − 21 = −$7k; share 20 / 90 = 22.2%; short by $7k.
     */
    const result = await proposeFundedSet({
      candidates: five,
      budget,
      guardrails: [vulnerable, small],
      basis: 'raw',
      minSpend: 90 * K,
    })
    expect(result.status).toBe('guardrails_unattainable')
    expect(result.proposal).toBeNull()
    expect(result.failures).toHaveLength(1)
    expect(result.failures[0]).toMatchObject({
      flag: 'small',
      minPercent: 30,
      attainableAlone: false,
      shortfall: 7 * K,
    })
    expect(result.failures[0]!.bestPercent).toBeCloseTo((20 / 90) * 100, 10)
    expect(explainProposal(result).map((l) => l.code)).toContain('guardrail_unattainable')
    // The ranking and the budget-only optimum still stand.
    expect(result.ranking.applicationIds).toEqual(['A', 'B'])
    expect(result.budgetOnly!.applicationIds).toEqual(['A', 'C', 'E'])
  })

  it('names a guardrail missed by a hair', async () => {
    /*
     * Spend at least $95k, small ≥ 21%: the sets of $95k–$100k are A+C+E and A+D+E (small 20%)
     * and B+C+D (0%). Best: 20%, short by 0.21 × $100k − $20k = $1k. Vulnerable is met by B+C+D.
     */
    const result = await proposeFundedSet({
      candidates: five,
      budget,
      guardrails: [vulnerable, { flag: 'small', minPercent: 21 }],
      basis: 'raw',
      minSpend: 95 * K,
    })
    expect(result.status).toBe('guardrails_unattainable')
    expect(result.failures.map((f) => [f.flag, f.attainableAlone])).toEqual([['small', false]])
    expect(result.failures[0]!.bestPercent).toBe(20)
    expect(result.failures[0]!.shortfall).toBe(1 * K)
  })

  it('says when each guardrail can be met alone but not together', async () => {
    /*
     * Spend all $100k: the sets are A+C+E (vulnerable 20%, small 20%), A+D+E (50%, 20%) and
     * B+C+D (70%, 0%). Vulnerable ≥ 60% alone: B+C+D. Small ≥ 20% alone: A+C+E. Both: none.
     */
    const result = await proposeFundedSet({
      candidates: five,
      budget,
      guardrails: [
        { flag: 'vulnerable', minPercent: 60 },
        { flag: 'small', minPercent: 20 },
      ],
      basis: 'raw',
      minSpend: 100 * K,
    })
    expect(result.status).toBe('guardrails_unattainable')
    expect(result.failures.map((f) => [f.flag, f.attainableAlone, f.shortfall])).toEqual([
      ['vulnerable', true, 0],
      ['small', true, 0],
    ])
  })

  it('reports a spending floor no set can reach', async () => {
    const result = await proposeFundedSet({
      candidates: five,
      budget,
      guardrails: [],
      basis: 'raw',
      minSpend: 150 * K,
    })
    expect(result.status).toBe('guardrails_unattainable')
    expect(result.failures).toEqual([
      { flag: null, minPercent: null, attainableAlone: false, bestPercent: null, shortfall: 0 },
    ])
    expect(explainProposal(result).map((l) => l.code)).toContain('spending_floor_unattainable')
  })

  it('uses the score basis asked for', async () => {
    // Normalised scores A 40, B 80, C 95, D 58, E 50: B+C+D (233) beats A+C+E (185), B+C+E
    // (225), A+D+E (148).
    const normalisedFive = five.map((c) =>
      c.applicationId === 'A'
        ? { ...c, normalised: 40 }
        : c.applicationId === 'C'
          ? { ...c, normalised: 95 }
          : c,
    )
    const raw = await proposeFundedSet({
      candidates: normalisedFive,
      budget,
      guardrails: [],
      basis: 'raw',
    })
    const normalised = await proposeFundedSet({
      candidates: normalisedFive,
      budget,
      guardrails: [],
      basis: 'normalised',
    })
    expect(raw.proposal!.applicationIds).toEqual(['A', 'C', 'E'])
    expect(normalised.proposal!.applicationIds).toEqual(['C', 'B', 'D'])
    expect(normalised.proposal!.score).toBe(233)
  })

  it('leaves out what cannot be funded, and says why', async () => {
    const result = await proposeFundedSet({
      candidates: [
        ...five,
        candidate('unscored', 0, 10, [], null),
        { ...candidate('zero', 60, 0), amount: 0 },
        { ...candidate('cents', 60, 1), amount: 100.5 },
        candidate('huge', 99, 101),
      ],
      budget,
      guardrails: [],
      basis: 'normalised',
    })
    expect(result.excluded).toEqual([
      { applicationId: 'unscored', reason: 'unscored' },
      { applicationId: 'zero', reason: 'invalid_amount' },
      { applicationId: 'cents', reason: 'invalid_amount' },
      { applicationId: 'huge', reason: 'over_budget' },
    ])
    expect(result.proposal!.applicationIds).toEqual(['A', 'C', 'E'])
  })

  it('handles nothing to fund', async () => {
    const result = await proposeFundedSet({
      candidates: [],
      budget,
      guardrails: [vulnerable],
      basis: 'raw',
    })
    expect(result.status).toBe('optimal')
    expect(result.proposal).toMatchObject({ applicationIds: [], total: 0, score: 0 })
    expect(result.proposal!.shares[0]).toMatchObject({ percent: null, met: true })
  })
})

describe('proposal properties (against every subset of small random programmes)', () => {
  function random(seed: number) {
    return () => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed / 2147483648
    }
  }

  it('never exceeds the budget, meets feasible guardrails, and finds the best set', async () => {
    for (let seed = 1; seed <= 25; seed++) {
      const rand = random(seed)
      const n = 11
      const candidates = Array.from(
        { length: n },
        (_, i) =>
          ({
            applicationId: `a${i}`,
            raw: Math.round(rand() * 10_000) / 100,
            normalised: null,
            // Odd amounts in cents, to exercise the exact arithmetic.
            amount: 500_000 + Math.floor(rand() * 4_000_000),
            flags: [...(rand() < 0.35 ? ['v'] : []), ...(rand() < 0.3 ? ['s'] : [])],
          }) satisfies Candidate,
      )
      const total = candidates.reduce((s, c) => s + c.amount, 0)
      const budgetHere = Math.floor(total * (0.25 + rand() * 0.35))
      const guardrails = [
        { flag: 'v', minPercent: 40 },
        { flag: 's', minPercent: 25.5 },
      ]
      // Brute force: every subset, checked in integers; scores compared in hundredths.
      let best = -1
      for (let mask = 0; mask < 1 << n; mask++) {
        let spend = 0
        let v = 0
        let s = 0
        let score = 0
        for (let i = 0; i < n; i++) {
          if (!(mask & (1 << i))) continue
          const c = candidates[i]!
          spend += c.amount
          score += Math.round(c.raw * 100)
          if (c.flags.includes('v')) v += c.amount
          if (c.flags.includes('s')) s += c.amount
        }
        if (spend > budgetHere || v * 10_000 < 4000 * spend || s * 10_000 < 2550 * spend) continue
        best = Math.max(best, score)
      }
      const result = await proposeFundedSet({
        candidates,
        budget: budgetHere,
        guardrails,
        basis: 'raw',
      })
      expect(result.status).toBe('optimal')
      const proposal = result.proposal!
      expect(proposal.total).toBeLessThanOrEqual(budgetHere)
      expect(result.ranking.total).toBeLessThanOrEqual(budgetHere)
      expect(result.budgetOnly!.total).toBeLessThanOrEqual(budgetHere)
      for (const share of proposal.shares) expect(share.met).toBe(true)
      const chosen = candidates.filter((c) => proposal.applicationIds.includes(c.applicationId))
      expect(chosen.reduce((sum, c) => sum + Math.round(c.raw * 100), 0)).toBe(best)
      // The budget-only optimum is at least as good as the guardrailed one and the ranking.
      expect(result.budgetOnly!.score).toBeGreaterThanOrEqual(proposal.score - 1e-9)
      expect(result.budgetOnly!.score).toBeGreaterThanOrEqual(result.ranking.score - 1e-9)
    }
  }, 120_000)
})

describe('the knapsack bound (selection.ts)', () => {
  /*
   * Maximise 10a + 9b + 8c + 1d with weights 6, 5, 5, 1 and capacity 10 (amounts in whole units,
   * so the grid is exact). The LP takes a, then 4/5 of b: bound 17.2, while the best set is
   * b + c = 17. Rounded reduced costs leave a, b, c open; the exact knapsack bound (17, with the
   * budget kept whole) proves the incumbent at once, fixing every column without a MIP solve.
   */
  it('proves a knapsack optimum the LP bound cannot, and fixes every column', async () => {
    const highs = await loadHighs()
    const outcome = solveBinary(
      highs,
      {
        objective: [10, 9, 8, 1],
        objectiveDigits: 0,
        rows: [{ coefficients: [6, 5, 5, 1], sense: '<=', rhs: 10, digits: 0 }],
      },
      5,
    )
    expect(outcome).toMatchObject({
      kind: 'solved',
      proven: true,
      chosen: [false, true, true, false],
    })
    expect(outcome.kind === 'solved' ? outcome.fixed : null).toBe(4)
    expect(outcome.kind === 'solved' ? outcome.bound : null).toBe(17)
  })
})

/*
 * Awards already made count in every guardrail's share. Budget left $10k; "at least 40% of
 * dollars to vulnerable places"; neither undecided application is vulnerable:
 *   A  score 90  $6k
 *   B  score 80  $4k
 * Nothing awarded yet: any award would be 0% vulnerable, so the proposal funds nothing.
 * $10k already awarded to a vulnerable place: A+B gives 10 / 20 = 50% (in), 170 points.
 * $5k already awarded to a vulnerable place: A+B gives 5 / 15 = 33.3% (out); A alone 5 / 11 =
 * 45.5% (in, 90); B alone 5 / 9 = 55.6% (in, 80) → {A}, 90.
 */
describe('awards already made', () => {
  const candidates = [candidate('A', 90, 6), candidate('B', 80, 4)]
  const guardrails: Guardrail[] = [{ flag: 'vulnerable', minPercent: 40 }]
  const propose = (committed: { amount: number; flags: string[] }[]) =>
    proposeFundedSet({ candidates, budget: 10 * K, guardrails, basis: 'raw', committed })

  it('count towards each guardrail beside the proposal', async () => {
    expect((await propose([])).proposal?.applicationIds).toEqual([])

    const generous = await propose([{ amount: 10 * K, flags: ['vulnerable'] }])
    expect(generous.proposal?.applicationIds).toEqual(['A', 'B'])
    expect(generous.proposal?.shares[0]).toMatchObject({ flaggedTotal: 10 * K, percent: 50 })
    expect(generous.committed).toEqual({ count: 1, total: 10 * K })

    const half = await propose([{ amount: 5 * K, flags: ['vulnerable'] }])
    expect(half.status).toBe('optimal')
    expect(half.proposal?.applicationIds).toEqual(['A'])
    expect(half.proposal?.shares[0]?.percent).toBeCloseTo((5 / 11) * 100, 6)
    // The ranking's walk (A+B) is judged the same way: 5 / 15 falls short.
    expect(half.ranking.shares[0]).toMatchObject({ met: false })
    expect(explainProposal(half)).toContainEqual({
      code: 'committed_counted',
      count: 1,
      total: 5 * K,
    })
  })

  it('an award to an unflagged application can put a guardrail out of reach, and says by how much', async () => {
    // $6k already awarded, not vulnerable: the share is 0 / 6 whatever is added (neither
    // undecided application is vulnerable); $2,400 more to vulnerable places would be needed.
    const result = await propose([{ amount: 6 * K, flags: [] }])
    expect(result.status).toBe('guardrails_unattainable')
    expect(result.proposal).toBeNull()
    expect(result.failures).toEqual([
      {
        flag: 'vulnerable',
        minPercent: 40,
        attainableAlone: false,
        bestPercent: 0,
        shortfall: 2.4 * K,
      },
    ])
  })
})
