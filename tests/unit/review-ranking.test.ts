import { describe, expect, it } from 'vitest'
import {
  agreementLevel,
  rankApplications,
  sortRanking,
  type RankingLine,
} from '#app/domain/review/ranking.ts'
import type { ReviewRecord, ScoringCriterion } from '#app/domain/review/scores.ts'

// One criterion on 1–5: level l is (l − 1) × 25 points.
const rubric: ScoringCriterion[] = [{ id: 'K', weight: 100, minLevel: 1, maxLevel: 5 }]
const review = (reviewerId: string, applicationId: string, level: number): ReviewRecord => ({
  reviewerId,
  applicationId,
  scores: [{ criterionId: 'K', level }],
})

describe('agreement in words (Krippendorff: 0.800 and 0.667)', () => {
  it('reads each band, its bounds included, and says when alpha is unknown', () => {
    expect(agreementLevel(1)).toBe('consistent')
    expect(agreementLevel(0.8)).toBe('consistent')
    expect(agreementLevel(0.7999)).toBe('mixed')
    expect(agreementLevel(0.667)).toBe('mixed')
    expect(agreementLevel(0.6669)).toBe('inconsistent')
    expect(agreementLevel(-0.4)).toBe('inconsistent')
    expect(agreementLevel(null)).toBe('unknown')
  })
})

describe('the ranking board’s lines', () => {
  it('lists every application given, flags conflicts and leaves out reviews of others', () => {
    const reviews = [
      review('r1', 'A', 5),
      review('r2', 'A', 4),
      review('r1', 'B', 2),
      review('r2', 'B', 3),
      // X is not on the board (withdrawn): r1's score of it must not move anything.
      review('r1', 'X', 1),
    ]
    const { lines, agreement } = rankApplications(
      rubric,
      reviews,
      [
        { id: 'A', conflictDeclared: false },
        { id: 'B', conflictDeclared: true },
        { id: 'C', conflictDeclared: false },
      ],
      { reviewersPerApplication: 2 },
    )
    expect(lines.map((l) => l.applicationId)).toEqual(['A', 'B', 'C'])
    // Two reviews each: nobody is normalised, every line with reviews counts raw.
    expect(lines[0]).toMatchObject({ mean: 87.5, normalised: 87.5, includesRaw: true, flags: [] })
    expect(lines[1]).toMatchObject({ mean: 37.5, reviews: 2, flags: ['conflict_declared'] })
    expect(lines[2]).toMatchObject({
      reviews: 0,
      mean: null,
      normalised: null,
      includesRaw: false,
      flags: ['too_few_reviews'],
    })
    // Units (100, 75) and (25, 50): D₀ = (625·2 + 625·2) / 4 = 625; the four values have
    // Σ(v − 62.5)² = 3125, so Dₑ = 2 · 4 · 3125 / 12; α = 1 − 625 / 2083.3 = 0.7.
    expect(agreement.overall.alpha).toBeCloseTo(0.7, 9)
    expect(agreement.criteria[0]!.agreement.alpha).toBeCloseTo(0.7, 9)
  })
})

describe('ordering the board', () => {
  const line = (applicationId: string, mean: number | null, normalised: number | null) =>
    ({ applicationId, mean, normalised }) as Pick<
      RankingLine,
      'applicationId' | 'mean' | 'normalised'
    >
  const lines = [
    line('d', null, null),
    line('c', 60, 70),
    line('b', 80, 50),
    line('a', 60, 70),
    line('e', 60, 90),
  ]
  it('by raw mean: highest first, then the normalised score, then the id; unscored last', () => {
    expect(sortRanking(lines, 'raw').map((l) => l.applicationId)).toEqual(['b', 'e', 'a', 'c', 'd'])
  })
  it('by normalised score, the raw mean breaking ties', () => {
    expect(sortRanking(lines, 'normalised').map((l) => l.applicationId)).toEqual([
      'e',
      'a',
      'c',
      'b',
      'd',
    ])
  })
})
