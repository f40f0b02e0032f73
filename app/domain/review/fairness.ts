import { byApplication, type ScoredReview } from './scores.ts'
import { mean, sampleSd, sampleVariance, studentTQuantile } from './statistics.ts'

export interface ReviewerLeniency {
  reviewerId: string
  /**
   * Mean z-offset: over this reviewer's reviews of applications someone else also reviewed, the
   * mean of (their score − the other reviewers' mean score on that application) / pool sd.
   * Positive: more generous than colleagues on the same applications; negative: harsher.
   * Null when none of their applications had another review (or the pool has no spread).
   */
  leniency: number | null
  /** The same mean offset in points on 0–100, before dividing by the pool sd. */
  meanOffset: number | null
  /** Reviews behind the figure (those with at least one other review on the application). */
  comparedReviews: number
}

/**
 * Each reviewer's leniency (docs/decisions/020-review-mathematics.md), in the order reviewers
 * first appear. The comparison is with the *other* reviewers of the same application, so a
 * reviewer is never compared with themself, and the pool sd (sample sd of every review's score)
 * puts the offsets on one scale across programs.
 */
export function reviewerLeniency(reviews: readonly ScoredReview[]): ReviewerLeniency[] {
  const poolSd = sampleSd(reviews.map((r) => r.score))
  const offsets = new Map<string, number[]>()
  for (const review of reviews)
    if (!offsets.has(review.reviewerId)) offsets.set(review.reviewerId, [])
  for (const own of byApplication(reviews).values()) {
    if (own.length < 2) continue
    const total = own.reduce((s, r) => s + r.score, 0)
    for (const review of own) {
      const others = (total - review.score) / (own.length - 1)
      offsets.get(review.reviewerId)!.push(review.score - others)
    }
  }
  return [...offsets].map(([reviewerId, own]) => {
    const meanOffset = mean(own)
    return {
      reviewerId,
      meanOffset,
      leniency: meanOffset !== null && poolSd ? meanOffset / poolSd : null,
      comparedReviews: own.length,
    }
  })
}

/** One application in a score-gap comparison: its score and the reviews behind it. */
export interface GapSample {
  score: number
  reviews: number
}

export interface GroupSummary {
  applications: number
  reviews: number
  mean: number | null
}

export const GAP_INTERVAL_MISSING_REASONS = ['too_few', 'no_variation'] as const
export type GapIntervalMissingReason = (typeof GAP_INTERVAL_MISSING_REASONS)[number]

export interface ScoreGap {
  first: GroupSummary
  second: GroupSummary
  /** first.mean − second.mean (points on 0–100); null when either group is empty. */
  difference: number | null
  /** Welch's 95% confidence interval for the difference. */
  interval: { low: number; high: number; df: number } | null
  /** Why there is no interval: a group has fewer than two applications, or neither varies. */
  intervalMissing?: GapIntervalMissingReason
}

/**
 * The score gap between two groups of applicants (community-led vs not, small vs large budget…):
 * the difference of the groups' mean application scores with Welch's t interval, which does not
 * assume the groups have the same variance:
 *   se = √(s₁²/n₁ + s₂²/n₂),  df = (s₁²/n₁ + s₂²/n₂)² / ((s₁²/n₁)²/(n₁−1) + (s₂²/n₂)²/(n₂−1)),
 *   difference ± t(0.975, df) × se.
 */
export function scoreGap(first: readonly GapSample[], second: readonly GapSample[]): ScoreGap {
  const summary = (group: readonly GapSample[]): GroupSummary => ({
    applications: group.length,
    reviews: group.reduce((s, g) => s + g.reviews, 0),
    mean: mean(group.map((g) => g.score)),
  })
  const a = summary(first)
  const b = summary(second)
  const difference = a.mean !== null && b.mean !== null ? a.mean - b.mean : null
  const result: ScoreGap = { first: a, second: b, difference, interval: null }
  const va = sampleVariance(first.map((g) => g.score))
  const vb = sampleVariance(second.map((g) => g.score))
  if (difference === null || va === null || vb === null) {
    return { ...result, intervalMissing: 'too_few' }
  }
  const qa = va / first.length
  const qb = vb / second.length
  if (qa + qb === 0) return { ...result, intervalMissing: 'no_variation' }
  const df = (qa + qb) ** 2 / (qa ** 2 / (first.length - 1) + qb ** 2 / (second.length - 1))
  const margin = studentTQuantile(0.975, df) * Math.sqrt(qa + qb)
  return { ...result, interval: { low: difference - margin, high: difference + margin, df } }
}

/**
 * Which applications serve the most vulnerable places: the top quartile of the place index among
 * the program's applications. An application is in it when more than three quarters of the
 * applications with an index have an index at or below its own (its empirical distribution value
 * exceeds 0.75); equal indices are treated alike. No index: not in it, and not counted.
 * Answers a flag per input, in order.
 */
export function topQuartile(indices: readonly (number | null)[]): boolean[] {
  const known = indices.filter((v): v is number => v !== null).sort((x, y) => x - y)
  const n = known.length
  return indices.map((v) => {
    if (v === null) return false
    // Values at or below v: the first index above v in the sorted list (binary search).
    let low = 0
    let high = n
    while (low < high) {
      const middle = (low + high) >> 1
      if (known[middle]! <= v) low = middle + 1
      else high = middle
    }
    return low / n > 0.75
  })
}
