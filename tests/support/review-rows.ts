import { eq } from 'drizzle-orm'
import { db } from '#db/client.server.ts'
import { panelMembers, reviewAssignments, reviewScores, rubricCriteria } from '#db/schema/index.ts'
import { addUserToOrg, createOpenProgram, createUser } from './factories.ts'

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

/**
 * A program in review with its rubric (in order) and a panel: `staff` members of the funder with
 * the reviewer role, then `community` reviewers, all on the program's panel.
 */
export async function programWithPanel(
  overrides: Parameters<typeof createOpenProgram>[0],
  panel: { staff: number; community: number },
) {
  const s = await createOpenProgram({ status: 'in_review', ...overrides })
  const criteria = await db()
    .select()
    .from(rubricCriteria)
    .where(eq(rubricCriteria.programId, s.program.id))
    .orderBy(rubricCriteria.position)
  const staff = []
  for (let i = 0; i < panel.staff; i++) staff.push(await addUserToOrg(s, 'reviewer'))
  const community = []
  for (let i = 0; i < panel.community; i++) community.push(await createUser())
  await db()
    .insert(panelMembers)
    .values([
      ...staff.map((u) => ({ programId: s.program.id, userId: u.id, kind: 'staff' as const })),
      ...community.map((u) => ({
        programId: s.program.id,
        userId: u.id,
        kind: 'community' as const,
      })),
    ])
  /** Writes one review of this program (insertReview). */
  const review = (
    reviewerId: string,
    applicationId: string,
    levels: readonly (number | null)[],
    state?: 'submitted' | 'in_progress',
  ) => insertReview(s.program.id, criteria, { reviewerId, applicationId, levels, state })
  return { ...s, criteria, staff, community, review }
}
