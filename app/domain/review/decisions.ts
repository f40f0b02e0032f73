import { mean, weightedMean } from './statistics.ts'
import { levelPoints, type ScoringCriterion } from './scores.ts'

/**
 * The vocabularies and pure rules of panel discussion and decisions
 * (docs/decisions/024-consensus-and-decisions.md). The database's enum is built from the tuple.
 */

/** What the funder decided on an application. */
export const DECISION_OUTCOMES = ['award', 'decline'] as const
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number]

export const DECISION_OUTCOME_KEYS: Record<DecisionOutcome, string> = {
  award: 'decisions:decision.outcomes.award',
  decline: 'decisions:decision.outcomes.decline',
}

/** Application statuses that can still be decided. */
export const DECIDABLE_STATUSES = ['submitted', 'in_review'] as const

/**
 * A reviewer comment the officer may share with a declined group, named without the reviewer:
 * `<assignment id>:<criterion id>` for a criterion's comment, `<assignment id>:overall` for the
 * overall one. The officer's page posts these; the service reads the text itself.
 */
export const OVERALL_COMMENT = 'overall'
export const commentId = (assignmentId: string, criterionId: string | null) =>
  `${assignmentId}:${criterionId ?? OVERALL_COMMENT}`
export function parseCommentId(id: string): { assignmentId: string; criterionId: string | null } {
  const [assignmentId = '', criterion = ''] = id.split(':')
  return { assignmentId, criterionId: criterion === OVERALL_COMMENT ? null : criterion }
}

/** A comment shared with the group: its criterion (null: overall) and words, never who wrote it. */
export interface SharedComment {
  criterionId: string | null
  body: string
}

/** One review's levels, as the feedback comparison reads them. */
export interface LevelRecord {
  applicationId: string
  reviewerWeight?: number
  scores: readonly { criterionId: string; level: number }[]
}

/** A criterion of the feedback table: this application's score and the funded applications'. */
export interface CriterionFeedback {
  criterionId: string
  /** This application's weighted mean level on the criterion's 0–100 scale; null without one. */
  own: number | null
  /** The mean over funded applications of each one's mean (each application counts once). */
  funded: number | null
  /** How many funded applications the average covers. */
  fundedCount: number
}

/** An application's weighted mean on one criterion, 0–100; null when nobody scored it. */
function meanOn(criterion: ScoringCriterion, reviews: readonly LevelRecord[]): number | null {
  const values: { value: number; weight: number }[] = []
  for (const review of reviews) {
    const score = review.scores.find((s) => s.criterionId === criterion.id)
    if (score) {
      values.push({
        value: levelPoints(criterion, score.level),
        weight: review.reviewerWeight ?? 1,
      })
    }
  }
  return weightedMean(values)
}

/**
 * What a declined group is shown beside its own scores: per criterion, its weighted mean and the
 * average of the funded applications' means (0–100, the scale of the ranking board).
 */
export function criterionFeedback(
  rubric: readonly ScoringCriterion[],
  applicationId: string,
  fundedIds: readonly string[],
  reviews: readonly LevelRecord[],
): CriterionFeedback[] {
  const own = reviews.filter((r) => r.applicationId === applicationId)
  const funded = fundedIds.map((id) => reviews.filter((r) => r.applicationId === id))
  return rubric.map((criterion) => {
    const means = funded
      .map((group) => meanOn(criterion, group))
      .filter((m): m is number => m !== null)
    return {
      criterionId: criterion.id,
      own: meanOn(criterion, own),
      funded: mean(means),
      fundedCount: means.length,
    }
  })
}

/**
 * The score an application ranks by once the panel has discussed it: the officer's override when
 * there is one, else the reviewers' weighted mean.
 */
export const consensusOf = (mean: number | null, override: number | null | undefined) =>
  override ?? mean
