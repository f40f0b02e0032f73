import { describe, expect, it } from 'vitest'
import { reviewerLeniency, scoreGap, topQuartile } from '#app/domain/review/fairness.ts'
import { scored } from '#tests/support/review.ts'

const r = scored

describe('reviewer leniency', () => {
  it('is the mean offset from the other reviewers on the same applications, over the pool sd', () => {
    /*
     * a1: P 80, Q 50, S 90; a2: P 60, Q 30; a3: P 70 alone (nobody to compare with).
     * Offsets from the others' mean:
     *   a1: P 80 − (50 + 90)/2 = +10;  Q 50 − (80 + 90)/2 = −35;  S 90 − (80 + 50)/2 = +25
     *   a2: P 60 − 30 = +30;           Q 30 − 60 = −30
     * Mean offsets: P (10 + 30)/2 = 20, Q (−35 − 30)/2 = −32.5, S 25.
     * Pool: 80 50 90 60 30 70, mean 63.33, squares 277.8 + 177.8 + 711.1 + 11.1 + 1111.1 + 44.4
     * = 2333.3, sd = √(2333.3 / 5) = √466.67 = 21.602.
     * Leniency: P 20 / 21.602 = 0.926, Q −32.5 / 21.602 = −1.504, S 25 / 21.602 = 1.157.
     */
    const result = reviewerLeniency([
      r('P', 'a1', 80),
      r('Q', 'a1', 50),
      r('S', 'a1', 90),
      r('P', 'a2', 60),
      r('Q', 'a2', 30),
      r('P', 'a3', 70),
    ])
    const sd = Math.sqrt(7000 / 3 / 5)
    expect(sd).toBeCloseTo(21.602, 3)
    const byId = Object.fromEntries(result.map((x) => [x.reviewerId, x]))
    expect(byId.P).toMatchObject({ meanOffset: 20, comparedReviews: 2 })
    expect(byId.P!.leniency).toBeCloseTo(20 / sd, 10)
    expect(byId.P!.leniency).toBeCloseTo(0.926, 3)
    expect(byId.Q).toMatchObject({ meanOffset: -32.5, comparedReviews: 2 })
    expect(byId.Q!.leniency).toBeCloseTo(-1.504, 3)
    expect(byId.S).toMatchObject({ meanOffset: 25, comparedReviews: 1 })
    expect(byId.S!.leniency).toBeCloseTo(1.157, 3)
  })

  it('has no figure for a reviewer with nothing to compare against', () => {
    expect(reviewerLeniency([r('P', 'a', 50), r('Q', 'b', 70)])).toEqual([
      { reviewerId: 'P', meanOffset: null, leniency: null, comparedReviews: 0 },
      { reviewerId: 'Q', meanOffset: null, leniency: null, comparedReviews: 0 },
    ])
  })

  it('sums to zero offsets for two reviewers on the same applications', () => {
    const result = reviewerLeniency([
      r('P', 'a', 70),
      r('Q', 'a', 40),
      r('P', 'b', 55),
      r('Q', 'b', 65),
    ])
    expect(result[0]!.meanOffset! + result[1]!.meanOffset!).toBeCloseTo(0, 12)
  })
})

describe('the score gap between two groups', () => {
  it('gives the difference with Welch’s 95% interval and the counts behind it', () => {
    /*
     * Community-led: 70, 80, 90 (3 reviews each); others: 50 (3 reviews), 60 (2 reviews).
     * Means 80 and 55: difference 25. Variances: (100 + 0 + 100)/2 = 100 and (25 + 25)/1 = 50.
     * s²/n: 100/3 = 33.33 and 50/2 = 25; se = √58.33 = 7.638.
     * df = 58.33² / (33.33²/2 + 25²/1) = 3402.8 / (555.6 + 625) = 2.882.
     * t(0.975, 2.882) = 3.2572 (scipy.stats.t.ppf); margin 3.2572 × 7.638 = 24.88.
     * Interval 25 ± 24.88 = (0.12, 49.88).
     */
    const gap = scoreGap(
      [
        { score: 70, reviews: 3 },
        { score: 80, reviews: 3 },
        { score: 90, reviews: 3 },
      ],
      [
        { score: 50, reviews: 3 },
        { score: 60, reviews: 2 },
      ],
    )
    expect(gap.first).toEqual({ applications: 3, reviews: 9, mean: 80 })
    expect(gap.second).toEqual({ applications: 2, reviews: 5, mean: 55 })
    expect(gap.difference).toBe(25)
    const se = Math.sqrt(100 / 3 + 25)
    const df = (100 / 3 + 25) ** 2 / ((100 / 3) ** 2 / 2 + 25 ** 2)
    expect(gap.interval!.df).toBeCloseTo(df, 10)
    expect(gap.interval!.df).toBeCloseTo(2.882, 3)
    expect(gap.interval!.low).toBeCloseTo(25 - 3.257208125478903 * se, 5)
    expect(gap.interval!.high).toBeCloseTo(25 + 3.257208125478903 * se, 5)
    expect(gap.interval!.low).toBeCloseTo(0.12, 2)
    expect(gap.interval!.high).toBeCloseTo(49.88, 2)
  })

  it('has no interval for a group of fewer than two, or when neither group varies', () => {
    const one = scoreGap(
      [{ score: 70, reviews: 3 }],
      [
        { score: 50, reviews: 3 },
        { score: 60, reviews: 3 },
      ],
    )
    expect(one.difference).toBe(15)
    expect(one.interval).toBeNull()
    expect(one.intervalMissing).toBe('too_few')
    const empty = scoreGap([], [{ score: 50, reviews: 3 }])
    expect(empty.difference).toBeNull()
    expect(empty.first).toEqual({ applications: 0, reviews: 0, mean: null })
    const flat = scoreGap(
      [
        { score: 70, reviews: 3 },
        { score: 70, reviews: 3 },
      ],
      [
        { score: 50, reviews: 3 },
        { score: 50, reviews: 3 },
      ],
    )
    expect(flat.difference).toBe(20)
    expect(flat.intervalMissing).toBe('no_variation')
  })
})

describe('the top quartile of the place index', () => {
  it('takes what more than three quarters of the program’s applications are at or below', () => {
    // 1..8: 7 has 7/8 = 0.875 at or below (in), 6 has 6/8 = 0.75 (not above 0.75: out).
    expect(topQuartile([1, 2, 3, 4, 5, 6, 7, 8])).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      true,
      true,
    ])
    // 1..4: only 4 (4/4); 1..5: 4 (4/5 = 0.8) and 5.
    expect(topQuartile([4, 1, 3, 2])).toEqual([true, false, false, false])
    expect(topQuartile([1, 2, 3, 4, 5])).toEqual([false, false, false, true, true])
  })

  it('treats equal indices alike and leaves out applications without one', () => {
    // Known: 0.2, 0.9, 0.9, 0.9 → 0.9 has 4/4 at or below: all three in; 0.2 has 1/4.
    expect(topQuartile([0.9, null, 0.2, 0.9, 0.9])).toEqual([true, false, false, true, true])
    expect(topQuartile([null, null])).toEqual([false, false])
    expect(topQuartile([])).toEqual([])
  })
})
