import { db } from '#db/client.server.ts'
import { reviewAssignments, reviewScores } from '#db/schema/index.ts'

/**
 * A review written straight to the database: an assignment of `reviewerId` to the application,
 * submitted unless `state` says otherwise, with a level per criterion in order (null: unscored),
 * and the reviewer's comments if given (per criterion in the same order, and overall).
 */
export async function insertReview(
  programId: string,
  criteria: readonly { id: string }[],
  review: {
    reviewerId: string
    applicationId: string
    levels: readonly (number | null)[]
    state?: 'submitted' | 'in_progress'
    comments?: readonly string[]
    overallComment?: string
  },
) {
  const at = new Date()
  const state = review.state ?? 'submitted'
  const [row] = await db()
    .insert(reviewAssignments)
    .values({
      programId,
      applicationId: review.applicationId,
      reviewerUserId: review.reviewerId,
      state,
      declaredAt: at,
      submittedAt: state === 'submitted' ? at : null,
      ...(review.overallComment === undefined ? {} : { overallComment: review.overallComment }),
    })
    .returning()
  const levels = criteria.flatMap((criterion, i) => {
    const level = review.levels[i]
    return level === null || level === undefined
      ? []
      : [
          {
            assignmentId: row!.id,
            criterionId: criterion.id,
            level,
            ...(review.comments?.[i] === undefined ? {} : { comment: review.comments[i] }),
          },
        ]
  })
  if (levels.length > 0) await db().insert(reviewScores).values(levels)
  return row!
}
