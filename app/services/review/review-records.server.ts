import { and, eq, sql, type SQL } from 'drizzle-orm'
import { db } from '#db/client.server.ts'
import {
  panelMembers,
  reviewAssignments,
  reviewScores,
  rubricCriteria,
  type Program,
} from '#db/schema/index.ts'
import { MIN_SCORE } from '#app/domain/programs/rubric-template.ts'
import { PER_MILLE } from '#app/domain/review/review-states.ts'
import type { ReviewRecord, ScoringCriterion } from '#app/domain/review/scores.ts'

/** The rubric as the review mathematics reads it. */
export const scoringRubric = (criteria: { id: string; weight: number; maxScore: number }[]) =>
  criteria.map((c): ScoringCriterion => ({
    id: c.id,
    weight: c.weight,
    minLevel: MIN_SCORE,
    maxLevel: c.maxScore,
  }))

const span = sql`(${rubricCriteria.maxScore} - ${MIN_SCORE})`

/**
 * A review's 0–100 score as reviewScore() gives it, over the review's levels joined to their
 * criteria (grouped by review): each level's (level − min) / (max − min) × 100 (a one-level
 * scale: full marks), weighted by its criterion. Count it only where isCompleteReview holds.
 */
export const reviewScoreSql = sql<number>`100.0 * sum(${rubricCriteria.weight} * CASE WHEN ${span} > 0
    THEN (${reviewScores.level} - ${MIN_SCORE})::float8 / ${span} ELSE 1 END)
  / nullif(sum(${rubricCriteria.weight}), 0)`

/** The review has a level on its scale for every criterion of the program's rubric. */
export const isCompleteReview = (programId: string) =>
  sql`count(*) FILTER (WHERE ${reviewScores.level} BETWEEN ${MIN_SCORE} AND ${rubricCriteria.maxScore})
    = (SELECT count(*) FROM ${rubricCriteria} WHERE ${rubricCriteria.programId} = ${programId})`

type Review = ReviewRecord & { reviewerWeight: number; scores: ReviewRecord['scores'][number][] }

/**
 * Every level of every submitted review that `where` picks (a program's, some applications'),
 * read at once and grouped into one record per review with its reviewer's weight: 1 for staff,
 * the program's community reviewer weight for community reviewers.
 */
export async function submittedReviews(
  program: Pick<Program, 'communityReviewerWeight'>,
  where: SQL | undefined,
): Promise<Review[]> {
  const levels = await db()
    .select({
      assignmentId: reviewAssignments.id,
      applicationId: reviewAssignments.applicationId,
      reviewerId: reviewAssignments.reviewerUserId,
      kind: panelMembers.kind,
      criterionId: reviewScores.criterionId,
      level: reviewScores.level,
    })
    .from(reviewAssignments)
    .innerJoin(reviewScores, eq(reviewScores.assignmentId, reviewAssignments.id))
    // A reviewer since taken off the panel counts as staff (weight 1), as on the review board.
    .leftJoin(
      panelMembers,
      and(
        eq(panelMembers.programId, reviewAssignments.programId),
        eq(panelMembers.userId, reviewAssignments.reviewerUserId),
      ),
    )
    .where(and(where, eq(reviewAssignments.state, 'submitted')))
  const communityWeight = program.communityReviewerWeight / PER_MILLE
  const reviews = new Map<string, Review>()
  for (const row of levels) {
    let review = reviews.get(row.assignmentId)
    if (!review) {
      review = {
        reviewerId: row.reviewerId,
        applicationId: row.applicationId,
        reviewerWeight: row.kind === 'community' ? communityWeight : 1,
        scores: [],
      }
      reviews.set(row.assignmentId, review)
    }
    if (row.level !== null) review.scores.push({ criterionId: row.criterionId, level: row.level })
  }
  return [...reviews.values()]
}
