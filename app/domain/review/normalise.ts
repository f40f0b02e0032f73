import { byApplication, type ScoredReview } from './scores.ts'
import { mean, sampleSd, weightedMean } from './statistics.ts'

/** A reviewer with fewer complete reviews than this is left raw (and marked on the board). */
export const MIN_REVIEWS_TO_NORMALISE = 3

/**
 * How a reviewer's scores enter the normalised score: as z-scores (`normalised`); raw, because
 * they have fewer than three reviews (`too_few`); or at the pool mean, because all their scores
 * are equal and so say nothing about which application they preferred (`no_spread`).
 */
export const NORMALISATION_TREATMENTS = ['normalised', 'too_few', 'no_spread'] as const
export type NormalisationTreatment = (typeof NORMALISATION_TREATMENTS)[number]

export interface NormalisedReviewer {
  reviewerId: string
  reviews: number
  mean: number
  /** Sample standard deviation of their scores; null for a single review. */
  sd: number | null
  treatment: NormalisationTreatment
}

export interface NormalisedReview extends ScoredReview {
  /** (score − reviewer's mean) / reviewer's sd; null when the reviewer is left raw. */
  z: number | null
  /** On 0–100: pool mean + z × pool sd, clamped; the raw score when the reviewer is left raw. */
  normalised: number
}

export interface NormalisedApplication {
  applicationId: string
  /** Reviewer-weighted mean of its reviews' normalised scores. */
  normalised: number | null
  /** Some of its reviews count raw (their reviewer has fewer than three reviews). */
  includesRaw: boolean
}

export interface Normalisation {
  /** Mean and sample sd of every complete review's raw 0–100 score in the program. */
  pool: { mean: number | null; sd: number | null }
  reviewers: NormalisedReviewer[]
  reviews: NormalisedReview[]
  applications: NormalisedApplication[]
}

const clamp = (value: number) => Math.min(100, Math.max(0, value))

/**
 * The normalised score (docs/decisions/020-review-mathematics.md): each reviewer's 0–100 scores
 * become z-scores across that reviewer's own reviews, so a lenient and a harsh reviewer count
 * the same; each z is mapped back onto 0–100 with the pool's mean and sd (the program's reviews
 * together), clamped to 0..100; an application's normalised score is the reviewer-weighted mean
 * of its reviews'. Reviewers with fewer than three reviews are left raw; a reviewer whose scores
 * are all equal gets z = 0 (the pool mean).
 */
export function normaliseScores(reviews: readonly ScoredReview[]): Normalisation {
  const all = reviews.map((r) => r.score)
  const pool = { mean: mean(all), sd: sampleSd(all) }

  const byReviewer = new Map<string, ScoredReview[]>()
  for (const review of reviews) {
    const own = byReviewer.get(review.reviewerId)
    if (own) own.push(review)
    else byReviewer.set(review.reviewerId, [review])
  }

  const reviewers: NormalisedReviewer[] = []
  const stats = new Map<string, NormalisedReviewer>()
  for (const [reviewerId, own] of byReviewer) {
    const scores = own.map((r) => r.score)
    const sd = sampleSd(scores)
    const treatment: NormalisationTreatment =
      own.length < MIN_REVIEWS_TO_NORMALISE ? 'too_few' : sd === 0 ? 'no_spread' : 'normalised'
    const reviewer = { reviewerId, reviews: own.length, mean: mean(scores)!, sd, treatment }
    reviewers.push(reviewer)
    stats.set(reviewerId, reviewer)
  }

  const normalisedReviews = reviews.map((review): NormalisedReview => {
    const reviewer = stats.get(review.reviewerId)!
    if (reviewer.treatment === 'too_few') return { ...review, z: null, normalised: review.score }
    const z = reviewer.treatment === 'no_spread' ? 0 : (review.score - reviewer.mean) / reviewer.sd!
    return { ...review, z, normalised: clamp(pool.mean! + z * (pool.sd ?? 0)) }
  })

  const applications = [...byApplication(normalisedReviews)].map(
    ([applicationId, own]): NormalisedApplication => ({
      applicationId,
      normalised: weightedMean(own.map((r) => ({ value: r.normalised, weight: r.reviewerWeight }))),
      includesRaw: own.some((r) => r.z === null),
    }),
  )

  return { pool, reviewers, reviews: normalisedReviews, applications }
}
