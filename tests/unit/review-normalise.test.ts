import { describe, expect, it } from 'vitest'
import { normaliseScores } from '#app/domain/review/normalise.ts'
import type { ScoredReview } from '#app/domain/review/scores.ts'
import { scored } from '#tests/support/review.ts'

const r = scored

/*
 * P is lenient, Q harsh; both rank a1 > a3 > a2. S reviewed once.
 *   P: a1 80, a2 60, a3 70 → mean 70, sample sd √((100 + 100 + 0) / 2) = 10 → z +1, −1, 0
 *   Q: a1 50, a2 30, a3 40 → mean 40, sd 10                                  → z +1, −1, 0
 *   S: a1 90, one review: left raw.
 * Pool (all seven raw scores): 80 60 70 50 30 40 90, mean 420 / 7 = 60;
 *   deviations 20 0 10 −10 −30 −20 30, squares 400 0 100 100 900 400 900 = 2800,
 *   sd = √(2800 / 6) = √466.67 = 21.602.
 * Mapping z → 60 + 21.602 z: +1 → 81.602, −1 → 38.398, 0 → 60.
 * a1 = (81.602 + 81.602 + 90 raw) / 3 = 84.401 (includes a raw score); a2 = 38.398; a3 = 60.
 * Raw means were 73.33, 45 and 55: P's leniency no longer lifts a1 more than Q's harshness sinks it.
 */
const example = [
  r('P', 'a1', 80),
  r('P', 'a2', 60),
  r('P', 'a3', 70),
  r('Q', 'a1', 50),
  r('Q', 'a2', 30),
  r('Q', 'a3', 40),
  r('S', 'a1', 90),
]
const poolSd = Math.sqrt(2800 / 6)

describe('the normalised score', () => {
  it('turns each reviewer’s scores into z-scores and maps them onto the pool’s 0–100', () => {
    const result = normaliseScores(example)
    expect(result.pool.mean).toBeCloseTo(60, 10)
    expect(result.pool.sd).toBeCloseTo(poolSd, 10)
    expect(poolSd).toBeCloseTo(21.602, 3)
    expect(result.reviewers).toEqual([
      { reviewerId: 'P', reviews: 3, mean: 70, sd: 10, treatment: 'normalised' },
      { reviewerId: 'Q', reviews: 3, mean: 40, sd: 10, treatment: 'normalised' },
      { reviewerId: 'S', reviews: 1, mean: 90, sd: null, treatment: 'too_few' },
    ])
    expect(result.reviews.map((x) => x.z)).toEqual([1, -1, 0, 1, -1, 0, null])
    const byId = Object.fromEntries(result.applications.map((a) => [a.applicationId, a]))
    expect(byId.a1!.normalised).toBeCloseTo((2 * (60 + poolSd) + 90) / 3, 10)
    expect(byId.a1!.normalised).toBeCloseTo(84.402, 3)
    expect(byId.a1!.includesRaw).toBe(true)
    expect(byId.a2!.normalised).toBeCloseTo(60 - poolSd, 10)
    expect(byId.a2!.normalised).toBeCloseTo(38.398, 3)
    expect(byId.a2!.includesRaw).toBe(false)
    expect(byId.a3!.normalised).toBeCloseTo(60, 10)
  })

  it('weights reviews by reviewer weight, as the raw mean does', () => {
    // S counted twice over: a1 = (81.602 + 81.602 + 2 × 90) / 4 = 85.801.
    const weighted = example.map((x) => (x.reviewerId === 'S' ? { ...x, reviewerWeight: 2 } : x))
    const a1 = normaliseScores(weighted).applications.find((a) => a.applicationId === 'a1')!
    expect(a1.normalised).toBeCloseTo((2 * (60 + poolSd) + 180) / 4, 10)
  })

  it('puts a reviewer whose scores are all equal at the pool mean (sd 0)', () => {
    // T gives 50 three times: z = 0 for each, shown at the pool mean.
    const flat = [...example, r('T', 'a1', 50), r('T', 'a2', 50), r('T', 'a3', 50)]
    const result = normaliseScores(flat)
    const t = result.reviewers.find((x) => x.reviewerId === 'T')!
    expect(t.treatment).toBe('no_spread')
    expect(t.sd).toBe(0)
    for (const review of result.reviews.filter((x) => x.reviewerId === 'T')) {
      expect(review.z).toBe(0)
      expect(review.normalised).toBeCloseTo(result.pool.mean!, 10)
    }
  })

  it('clamps to 0–100 when a z-score reaches past the scale', () => {
    // U: nine 0s and one 100: mean 10, sd √((9 × 100 + 8100) / 9) = √1000 = 31.62, so the 100 has
    // z = 90 / 31.62 = 2.846. V gives 90, 95, 100. Pool of the 13 scores: mean 385 / 13 = 29.62,
    // sd √(25723 / 12) = 46.30; 29.62 + 2.846 × 46.30 = 161.4 before clamping, 100 after.
    const reviews = [
      ...Array.from({ length: 9 }, (_, i) => r('U', `b${i}`, 0)),
      r('U', 'top', 100),
      r('V', 'v1', 90),
      r('V', 'v2', 95),
      r('V', 'v3', 100),
    ]
    const result = normaliseScores(reviews)
    const top = result.reviews.find((x) => x.applicationId === 'top')!
    expect(top.z).toBeCloseTo(90 / Math.sqrt(1000), 10)
    expect(result.pool.mean).toBeCloseTo(385 / 13, 10)
    expect(result.pool.sd).toBeCloseTo(46.3, 1)
    expect(result.pool.mean! + top.z! * result.pool.sd!).toBeGreaterThan(100)
    expect(top.normalised).toBe(100)
    for (const x of result.reviews) {
      expect(x.normalised).toBeGreaterThanOrEqual(0)
      expect(x.normalised).toBeLessThanOrEqual(100)
    }
  })

  it('handles no reviews at all', () => {
    expect(normaliseScores([])).toEqual({
      pool: { mean: null, sd: null },
      reviewers: [],
      reviews: [],
      applications: [],
    })
  })
})

describe('normalisation properties', () => {
  // A deterministic generator, so a failure can be replayed.
  function random(seed: number) {
    return () => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed / 2147483648
    }
  }
  const programme = (seed: number) => {
    const rand = random(seed)
    const reviews: ScoredReview[] = []
    for (let a = 0; a < 12; a++) {
      for (let k = 0; k < 3; k++) {
        const reviewer = (a * 3 + k) % 6
        reviews.push(r(`r${reviewer}`, `a${a}`, Math.round(rand() * 80) + 10))
      }
    }
    return reviews
  }

  it('leaves a reviewer’s z-scores unchanged when a constant is added to all their scores, and keeps the ranking', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const before = normaliseScores(programme(seed))
      const shifted = programme(seed).map((x) =>
        x.reviewerId === 'r2' ? { ...x, score: x.score + 7 } : x,
      )
      const after = normaliseScores(shifted)
      before.reviews.forEach((x, i) => expect(after.reviews[i]!.z).toBeCloseTo(x.z!, 10))
      // Every reviewer has six reviews, so every review is on the common map pool mean + z × pool
      // sd: the order of the applications cannot change (up to clamping ties).
      const order = (n: typeof before) =>
        [...n.applications]
          .sort(
            (x, y) => x.normalised! - y.normalised! || (x.applicationId < y.applicationId ? -1 : 1),
          )
          .map((x) => x.applicationId)
      expect(order(after)).toEqual(order(before))
    }
  })

  it('also leaves z-scores unchanged when a reviewer spreads their scores wider', () => {
    const before = normaliseScores(programme(3))
    const stretched = programme(3).map((x) =>
      x.reviewerId === 'r4' ? { ...x, score: 50 + (x.score - 50) * 1.1 } : x,
    )
    const after = normaliseScores(stretched)
    before.reviews.forEach((x, i) => expect(after.reviews[i]!.z).toBeCloseTo(x.z!, 10))
  })

  it('always lands on 0–100', () => {
    for (let seed = 1; seed <= 20; seed++) {
      for (const a of normaliseScores(programme(seed)).applications) {
        expect(a.normalised).toBeGreaterThanOrEqual(0)
        expect(a.normalised).toBeLessThanOrEqual(100)
      }
    }
  })
})
