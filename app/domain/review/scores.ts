import { sampleSd, weightedMean } from './statistics.ts'

/**
 * The inputs of the review mathematics: plain records a service reads from the database and hands
 * over as they are. Ids are strings (the database's uuids); nothing here looks anything up.
 */

/** One criterion of a program's rubric: its weight (a program's weights sum to 100) and scale. */
export interface ScoringCriterion {
  id: string
  weight: number
  /** The lowest level of the scale (MIN_SCORE, 1, for every rubric today). */
  minLevel: number
  /** The highest level of the scale (the criterion's maxScore). */
  maxLevel: number
}

/** One reviewer's review of one application: a level per criterion. */
export interface ReviewRecord {
  reviewerId: string
  applicationId: string
  /**
   * How much this reviewer's score counts in an application's mean: 1 for staff reviewers, the
   * program's community reviewer weight for community reviewers (per-mille / 1000). Default 1.
   */
  reviewerWeight?: number
  scores: readonly { criterionId: string; level: number }[]
}

/** Flags on an application's line of the ranking board (codes; the page translates them). */
export const APPLICATION_SCORE_FLAGS = ['too_few_reviews', 'high_disagreement'] as const
export type ApplicationScoreFlag = (typeof APPLICATION_SCORE_FLAGS)[number]

/**
 * Reviews further apart than this standard deviation (points on 0–100) are flagged. On a 1–5
 * scale one level is 25 points; reviews of 40, 60 and 80 (a level and a half between the
 * extremes) have a standard deviation of exactly 20, and are not yet flagged; anything wider is.
 */
export const HIGH_DISAGREEMENT_SD = 20

/** A level's place on its criterion's scale, 0 (the lowest level) to 100 (the highest). */
export function levelPoints(criterion: ScoringCriterion, level: number): number {
  const span = criterion.maxLevel - criterion.minLevel
  // A one-level scale (not allowed by the rubric form) cannot tell reviews apart: all full marks.
  if (span <= 0) return 100
  return ((level - criterion.minLevel) / span) * 100
}

/**
 * A review's weighted score on 0–100: each criterion's level mapped linearly from its scale's
 * min..max onto 0..100, weighted by the criterion's weight, divided by the total weight.
 * Null when the review leaves a criterion unscored or gives a level outside the scale (a review
 * that is not complete does not count), or when the rubric's weights add up to nothing.
 */
export function reviewScore(
  rubric: readonly ScoringCriterion[],
  scores: ReviewRecord['scores'],
): number | null {
  const levels = new Map(scores.map((s) => [s.criterionId, s.level]))
  let weights = 0
  let total = 0
  for (const criterion of rubric) {
    const level = levels.get(criterion.id)
    if (level === undefined || !isOnScale(criterion, level)) return null
    weights += criterion.weight
    total += criterion.weight * levelPoints(criterion, level)
  }
  return weights > 0 ? total / weights : null
}

export function isOnScale(criterion: ScoringCriterion, level: number): boolean {
  return Number.isFinite(level) && level >= criterion.minLevel && level <= criterion.maxLevel
}

/** A complete review with its 0–100 score. */
export interface ScoredReview {
  reviewerId: string
  applicationId: string
  reviewerWeight: number
  score: number
}

/** The complete reviews with their 0–100 scores; incomplete ones are left out. */
export function scoreReviews(
  rubric: readonly ScoringCriterion[],
  reviews: readonly ReviewRecord[],
): ScoredReview[] {
  const scored: ScoredReview[] = []
  for (const review of reviews) {
    const score = reviewScore(rubric, review.scores)
    if (score === null) continue
    scored.push({
      reviewerId: review.reviewerId,
      applicationId: review.applicationId,
      reviewerWeight: review.reviewerWeight ?? 1,
      score,
    })
  }
  return scored
}

/** Groups records by application id, keeping the order of first appearance. */
export function byApplication<T extends { applicationId: string }>(
  records: readonly T[],
): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const record of records) {
    const group = groups.get(record.applicationId)
    if (group) group.push(record)
    else groups.set(record.applicationId, [record])
  }
  return groups
}

/** An application's line of the ranking board. */
export interface ApplicationScore {
  applicationId: string
  /** Complete reviews counted. */
  reviews: number
  /** The mean of its reviews' 0–100 scores weighted by reviewer weight; null without any. */
  mean: number | null
  /** The sample standard deviation of its reviews' scores (unweighted); null for fewer than 2. */
  sd: number | null
  /** Highest minus lowest review score; null without reviews (0 for one). */
  range: number | null
  flags: ApplicationScoreFlag[]
}

export interface ApplicationScoreOptions {
  /** The program's reviewers per application: fewer complete reviews are flagged. */
  reviewersPerApplication: number
  /** Standard deviation above which reviews disagree; HIGH_DISAGREEMENT_SD unless given. */
  highDisagreementSd?: number
  /** Applications to list even without a complete review (flagged too few reviews). */
  applicationIds?: readonly string[]
}

/** An application's flags from its number of complete reviews and their standard deviation. */
export function scoreFlags(
  reviews: number,
  sd: number | null,
  options: Pick<ApplicationScoreOptions, 'reviewersPerApplication' | 'highDisagreementSd'>,
): ApplicationScoreFlag[] {
  const flags: ApplicationScoreFlag[] = []
  if (reviews < options.reviewersPerApplication) flags.push('too_few_reviews')
  if (sd !== null && sd > (options.highDisagreementSd ?? HIGH_DISAGREEMENT_SD)) {
    flags.push('high_disagreement')
  }
  return flags
}

/** Per application: weighted mean, number of reviews, spread (sd and range) and flags. */
export function applicationScores(
  rubric: readonly ScoringCriterion[],
  reviews: readonly ReviewRecord[],
  options: ApplicationScoreOptions,
): ApplicationScore[] {
  const groups = byApplication(scoreReviews(rubric, reviews))
  for (const id of options.applicationIds ?? []) if (!groups.has(id)) groups.set(id, [])
  return [...groups].map(([applicationId, scored]) => {
    const values = scored.map((r) => r.score)
    const sd = sampleSd(values)
    return {
      applicationId,
      reviews: scored.length,
      mean: weightedMean(scored.map((r) => ({ value: r.score, weight: r.reviewerWeight }))),
      sd,
      range: values.length > 0 ? Math.max(...values) - Math.min(...values) : null,
      flags: scoreFlags(scored.length, sd, options),
    }
  })
}
