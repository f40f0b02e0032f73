import { describe, expect, it } from 'vitest'
import {
  criterionAgreement,
  krippendorffAlphaInterval,
  programAgreement,
  rubricAgreement,
} from '#app/domain/review/agreement.ts'
import type { ReviewRecord, ScoringCriterion } from '#app/domain/review/scores.ts'

/*
 * Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011), the example with four
 * observers, twelve units and missing values (". " = not rated). Published results: nominal
 * 0.743, ordinal 0.815, interval 0.849, ratio 0.797.
 *
 *   unit  1  2  3  4  5  6  7  8  9 10 11 12
 *   A     1  2  3  3  2  1  4  1  2  .  .  .
 *   B     1  2  3  3  2  2  4  1  2  5  .  3
 *   C     .  3  3  3  2  3  4  2  2  5  1  .
 *   D     1  2  3  3  2  4  4  1  2  5  1  .
 *
 * By hand (interval metric, δ² = (v − v')²):
 * - Unit 12 has one value and cannot be paired: n = 3 + 4 × 8 + 3 + 2 = 40 pairable values.
 * - Observed: per unit, Σ over ordered pairs of (v − v')², divided by m − 1.
 *   Units 2 (2,2,3,2) and 8 (1,1,2,1): 3 unordered pairs differ by 1 → 6 ordered / 3 = 2 each.
 *   Unit 6 (1,2,3,4): 1 + 4 + 9 + 1 + 4 + 1 = 20 → 40 ordered / 3 = 13.333. Others agree: 0.
 *   D₀ = (2 + 13.333 + 2) / 40 = 17.333 / 40 = 0.43333.
 * - Expected: the 40 values are 1 ×9, 2 ×13, 3 ×10, 4 ×5, 5 ×3; Σv = 100, Σv² = 306;
 *   Σ over ordered pairs = 2(n Σv² − (Σv)²) = 2(12240 − 10000) = 4480; Dₑ = 4480 / (40 × 39) = 2.87179.
 * - α = 1 − 0.43333 / 2.87179 = 1 − 0.150893 = 0.849107 ≈ 0.849, the published value.
 */
const KRIPPENDORFF_2011: (number | null)[][] = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
  [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
]
const unitsOf = (matrix: (number | null)[][]) =>
  matrix[0]!.map((_, u) => matrix.map((row) => row[u]).filter((v): v is number => v !== null))

describe('Krippendorff’s alpha (interval)', () => {
  it('reproduces the published worked example: 0.849', () => {
    const result = krippendorffAlphaInterval(unitsOf(KRIPPENDORFF_2011))
    expect(result.pairableValues).toBe(40)
    expect(result.units).toBe(11)
    expect(result.alpha).toBeCloseTo(1 - 17.333333333333332 / 40 / (4480 / 1560), 12)
    expect(result.alpha).toBeCloseTo(0.849, 3)
  })

  it('works a small case by hand', () => {
    // Two reviewers, three applications: (1, 2), (3, 3), (5, 4); n = 6.
    // D₀ = (2 × 1 + 0 + 2 × 1) / 1 / 6 = 4 / 6 = 0.6667 (each unit: 2 ordered pairs, m − 1 = 1).
    // Σv = 18, Σv² = 64: Dₑ = 2(6 × 64 − 18²) / (6 × 5) = 2 × 60 / 30 = 4.
    // α = 1 − 0.6667 / 4 = 0.8333.
    expect(
      krippendorffAlphaInterval([
        [1, 2],
        [3, 3],
        [5, 4],
      ]).alpha,
    ).toBeCloseTo(5 / 6, 12)
  })

  it('is 1 for perfect agreement and ignores units with a single value', () => {
    expect(
      krippendorffAlphaInterval([
        [2, 2, 2],
        [4, 4],
        [1, 1],
      ]).alpha,
    ).toBe(1)
    const base = krippendorffAlphaInterval([
      [1, 2],
      [3, 3],
      [5, 4],
    ])
    const withLone = krippendorffAlphaInterval([[1, 2], [3, 3], [5, 4], [5], []])
    expect(withLone).toEqual(base)
  })

  it('is below 0 when reviewers disagree more than chance', () => {
    // (1, 5), (5, 1): D₀ = (2 × 16 + 2 × 16) / 4 = 16; values 1, 5, 1, 5: Σv = 12, Σv² = 52,
    // Dₑ = 2(4 × 52 − 144) / 12 = 128 / 12 = 10.667; α = 1 − 16 / 10.667 = −0.5.
    expect(
      krippendorffAlphaInterval([
        [1, 5],
        [5, 1],
      ]).alpha,
    ).toBeCloseTo(-0.5, 12)
  })

  it('is undefined with fewer than two pairable values, or no variation at all', () => {
    expect(krippendorffAlphaInterval([])).toEqual({
      alpha: null,
      pairableValues: 0,
      units: 0,
      reason: 'too_few_pairable',
    })
    expect(krippendorffAlphaInterval([[3], [4], [5]]).reason).toBe('too_few_pairable')
    expect(
      krippendorffAlphaInterval([
        [3, 3],
        [3, 3, 3],
      ]),
    ).toEqual({
      alpha: null,
      pairableValues: 5,
      units: 2,
      reason: 'no_variation',
    })
  })

  it('does not change when every value is shifted or scaled (interval data)', () => {
    const units = unitsOf(KRIPPENDORFF_2011)
    const moved = units.map((u) => u.map((v) => 25 * v - 25))
    expect(krippendorffAlphaInterval(moved).alpha).toBeCloseTo(
      krippendorffAlphaInterval(units).alpha!,
      10,
    )
  })
})

describe('agreement per criterion and per program', () => {
  // The published example as reviews: observers are reviewers, units applications, one criterion.
  const criterion: ScoringCriterion = { id: 'k', weight: 100, minLevel: 1, maxLevel: 5 }
  const reviews: ReviewRecord[] = KRIPPENDORFF_2011.flatMap((row, o) =>
    row.flatMap((level, u) =>
      level === null
        ? []
        : [{ reviewerId: `o${o}`, applicationId: `u${u}`, scores: [{ criterionId: 'k', level }] }],
    ),
  )

  it('reads a criterion’s levels from the reviews, leaving out levels off the scale', () => {
    expect(criterionAgreement(criterion, reviews).alpha).toBeCloseTo(0.849107, 6)
    const withBad = [
      ...reviews,
      { reviewerId: 'x', applicationId: 'u11', scores: [{ criterionId: 'k', level: 9 }] },
    ]
    expect(criterionAgreement(criterion, withBad).alpha).toBeCloseTo(0.849107, 6)
    expect(rubricAgreement([criterion], reviews)).toEqual([
      { criterionId: 'k', agreement: criterionAgreement(criterion, reviews) },
    ])
  })

  it('computes the program’s agreement on the 0–100 scores', () => {
    // Levels 1–5 on 0–100 are 25 × (level − 1): the same alpha (interval alpha ignores the scale).
    const scored = reviews.map((r) => ({
      applicationId: r.applicationId,
      score: 25 * (r.scores[0]!.level - 1),
    }))
    expect(programAgreement(scored).alpha).toBeCloseTo(0.849107, 6)
  })
})
