import { describe, expect, it } from 'vitest'
import {
  applicationScores,
  levelPoints,
  reviewScore,
  scoreReviews,
  type ReviewRecord,
  type ScoringCriterion,
} from '#app/domain/review/scores.ts'
import {
  sampleSd,
  studentTCdf,
  studentTQuantile,
  weightedMean,
} from '#app/domain/review/statistics.ts'

// Criterion A: weight 60 on a 1–5 scale; criterion B: weight 40 on a 1–3 scale.
const rubric: ScoringCriterion[] = [
  { id: 'A', weight: 60, minLevel: 1, maxLevel: 5 },
  { id: 'B', weight: 40, minLevel: 1, maxLevel: 3 },
]
const review = (
  reviewerId: string,
  applicationId: string,
  a: number | null,
  b: number | null,
  reviewerWeight?: number,
): ReviewRecord => ({
  reviewerId,
  applicationId,
  reviewerWeight,
  scores: [
    ...(a === null ? [] : [{ criterionId: 'A', level: a }]),
    ...(b === null ? [] : [{ criterionId: 'B', level: b }]),
  ],
})

describe('a review’s weighted score on 0–100', () => {
  it('maps each level linearly from its scale onto 0–100', () => {
    // 1–5: level 1 → 0, 2 → 25, 3 → 50, 4 → 75, 5 → 100; 1–3: 1 → 0, 2 → 50, 3 → 100.
    expect([1, 2, 3, 4, 5].map((l) => levelPoints(rubric[0]!, l))).toEqual([0, 25, 50, 75, 100])
    expect([1, 2, 3].map((l) => levelPoints(rubric[1]!, l))).toEqual([0, 50, 100])
  })

  it('weights the criteria by their weights', () => {
    // A = 4 → 75 points, B = 2 → 50 points: (60 × 75 + 40 × 50) / 100 = (4500 + 2000) / 100 = 65.
    expect(reviewScore(rubric, review('r', 'x', 4, 2).scores)).toBe(65)
    // A = 5, B = 3: full marks, 100. A = 2 → 25, B = 1 → 0: (60 × 25) / 100 = 15.
    expect(reviewScore(rubric, review('r', 'x', 5, 3).scores)).toBe(100)
    expect(reviewScore(rubric, review('r', 'x', 2, 1).scores)).toBe(15)
  })

  it('divides by the weights actually there, so weights not summing to 100 still give 0–100', () => {
    // Weights 3 and 2 are 60 and 40 scaled down: (3 × 75 + 2 × 50) / 5 = 325 / 5 = 65.
    const scaled = rubric.map((c) => ({ ...c, weight: c.weight / 20 }))
    expect(reviewScore(scaled, review('r', 'x', 4, 2).scores)).toBe(65)
  })

  it('does not count a review with a criterion unscored or a level off the scale', () => {
    expect(reviewScore(rubric, review('r', 'x', 4, null).scores)).toBeNull()
    expect(reviewScore(rubric, review('r', 'x', 6, 2).scores)).toBeNull()
    expect(reviewScore(rubric, review('r', 'x', 0, 2).scores)).toBeNull()
    expect(reviewScore(rubric, review('r', 'x', Number.NaN, 2).scores)).toBeNull()
    expect(scoreReviews(rubric, [review('r', 'x', 4, null), review('s', 'x', 4, 2)])).toEqual([
      { reviewerId: 's', applicationId: 'x', reviewerWeight: 1, score: 65 },
    ])
  })
})

describe('an application’s scores', () => {
  it('takes the reviewer-weighted mean, the spread and the flags', () => {
    // X: reviews of 65 and 100 (weight 1 each) and 15 from a community reviewer of weight 0.5.
    //   mean = (65 + 100 + 0.5 × 15) / (1 + 1 + 0.5) = 172.5 / 2.5 = 69.
    //   sd (sample, unweighted): mean 60, deviations 5, 40, −45, squares 25 + 1600 + 2025 = 3650,
    //   / (3 − 1) = 1825, √1825 = 42.72 > 20: high disagreement. Range 100 − 15 = 85.
    // Y: one review, A = 3 → 50, B = 2 → 50: 50; fewer than 3 reviews; no sd; range 0.
    // Z: listed by the caller, no complete review (its only review leaves B unscored).
    const reviews = [
      review('p', 'X', 4, 2),
      review('q', 'X', 5, 3),
      review('c', 'X', 2, 1, 0.5),
      review('p', 'Y', 3, 2),
      review('q', 'Z', 3, null),
    ]
    const scores = applicationScores(rubric, reviews, {
      reviewersPerApplication: 3,
      applicationIds: ['X', 'Y', 'Z'],
    })
    expect(scores).toHaveLength(3)
    const [x, y, z] = scores
    expect(x!.applicationId).toBe('X')
    expect(x!.reviews).toBe(3)
    expect(x!.mean).toBeCloseTo(69, 10)
    expect(x!.sd).toBeCloseTo(Math.sqrt(1825), 10)
    expect(x!.sd).toBeCloseTo(42.72, 2)
    expect(x!.range).toBe(85)
    expect(x!.flags).toEqual(['high_disagreement'])
    expect(y).toEqual({
      applicationId: 'Y',
      reviews: 1,
      mean: 50,
      sd: null,
      range: 0,
      flags: ['too_few_reviews'],
    })
    expect(z).toEqual({
      applicationId: 'Z',
      reviews: 0,
      mean: null,
      sd: null,
      range: null,
      flags: ['too_few_reviews'],
    })
  })

  it('flags disagreement only above the threshold (sd 20 by default)', () => {
    // One criterion on 1–6: levels 3, 4, 5 → 40, 60, 80: mean 60, squares 400 + 0 + 400 = 800,
    // / 2 = 400, sd = 20 exactly: not above 20. Levels 2, 4, 6 → 20, 60, 100: sd 40: flagged.
    const six: ScoringCriterion[] = [{ id: 'A', weight: 100, minLevel: 1, maxLevel: 6 }]
    const on = (app: string, levels: number[]) =>
      levels.map((level, i) => ({
        reviewerId: `r${i}`,
        applicationId: app,
        scores: [{ criterionId: 'A', level }],
      }))
    const [even, wide] = applicationScores(
      six,
      [...on('even', [3, 4, 5]), ...on('wide', [2, 4, 6])],
      {
        reviewersPerApplication: 3,
      },
    )
    expect(even!.sd).toBeCloseTo(20, 10)
    expect(even!.flags).toEqual([])
    expect(wide!.sd).toBeCloseTo(40, 10)
    expect(wide!.flags).toEqual(['high_disagreement'])
    // A program may set its own threshold.
    const strict = applicationScores(six, on('even', [3, 4, 5]), {
      reviewersPerApplication: 3,
      highDisagreementSd: 15,
    })
    expect(strict[0]!.flags).toEqual(['high_disagreement'])
  })

  it('has no mean when every review counts with weight 0', () => {
    const scores = applicationScores(rubric, [review('c', 'X', 4, 2, 0)], {
      reviewersPerApplication: 1,
    })
    expect(scores[0]!.mean).toBeNull()
    expect(scores[0]!.reviews).toBe(1)
  })
})

describe('the statistics underneath', () => {
  it('computes means and the sample standard deviation', () => {
    // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, squares 9 + 1 + 1 + 1 + 0 + 0 + 4 + 16 = 32, / 7, √ = 2.138.
    expect(sampleSd([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7), 12)
    expect(sampleSd([3])).toBeNull()
    expect(weightedMean([])).toBeNull()
    expect(
      weightedMean([
        { value: 10, weight: 1 },
        { value: 40, weight: 2 },
      ]),
    ).toBe(30)
  })

  it('gives Student’s t quantiles as the tables do', () => {
    // Two-sided 95% critical values (scipy.stats.t.ppf(0.975, df)).
    const table: [number, number][] = [
      [1, 12.70620474],
      [2, 4.30265273],
      [10, 2.22813885],
      [30, 2.04227246],
      [1000, 1.96233908],
      // Welch's fractional degrees of freedom, as in review-fairness.test.ts.
      [2.8823529411764706, 3.257208125478903],
    ]
    for (const [df, t] of table) expect(studentTQuantile(0.975, df)).toBeCloseTo(t, 6)
    expect(studentTCdf(0, 5)).toBeCloseTo(0.5, 12)
    expect(studentTQuantile(0.025, 10)).toBeCloseTo(-2.22813885, 6)
    expect(studentTQuantile(1, 10)).toBeNaN()
  })
})
