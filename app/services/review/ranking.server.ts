import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import { db } from '#db/client.server.ts'
import {
  applications,
  organizations,
  panelMembers,
  reviewAssignments,
  reviewScores,
  rubricCriteria,
  type Program,
} from '#db/schema/index.ts'
import { MIN_SCORE } from '#app/domain/programs/rubric-template.ts'
import { rankApplications } from '#app/domain/review/ranking.ts'
import { PER_MILLE } from '#app/domain/review/review-states.ts'
import type { ReviewRecord, ScoringCriterion } from '#app/domain/review/scores.ts'

/**
 * Applications on the board: everything submitted and not withdrawn, decided ones included, so
 * the board still explains a decision after it is made.
 */
export const RANKED_STATUSES = ['submitted', 'in_review', 'awarded', 'declined'] as const

/**
 * The most applications one program's board reads. Far above any program's applications (the
 * benchmark's largest has 2,000); it only keeps a runaway program from loading without bound.
 */
export const MAX_RANKED = 10_000

/** The program's applications on the board (and on the fairness page). */
export const onTheBoard = (programId: string) =>
  and(eq(applications.programId, programId), inArray(applications.status, [...RANKED_STATUSES]))

/**
 * The program's ranking board: each application with its weighted mean, normalised score,
 * reviews, disagreement and flags, and the panel's agreement per criterion and overall
 * (docs/decisions/020-review-mathematics.md). Three reads, none per application: the rubric, the
 * applications (with whether anyone declared a conflict on each) and every level of every
 * submitted review with its reviewer's kind; the mathematics runs on them in memory.
 */
export async function programRanking(
  program: Pick<Program, 'id' | 'communityReviewerWeight' | 'reviewersPerApplication'>,
) {
  const [criteria, rows, levels] = await Promise.all([
    db()
      .select()
      .from(rubricCriteria)
      .where(eq(rubricCriteria.programId, program.id))
      .orderBy(asc(rubricCriteria.position)),
    db()
      .select({
        id: applications.id,
        title: applications.title,
        organization: organizations.name,
        status: applications.status,
        amountRequestedMinor: applications.amountRequestedMinor,
        placeVulnerability: applications.placeVulnerability,
        conflictDeclared: sql<boolean>`EXISTS (SELECT 1 FROM ${reviewAssignments}
          WHERE ${reviewAssignments.applicationId} = ${applications.id}
            AND ${reviewAssignments.state} = 'conflict')`,
      })
      .from(applications)
      .innerJoin(organizations, eq(organizations.id, applications.organizationId))
      .where(onTheBoard(program.id))
      .orderBy(asc(applications.id))
      .limit(MAX_RANKED),
    db()
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
      .where(
        and(eq(reviewAssignments.programId, program.id), eq(reviewAssignments.state, 'submitted')),
      ),
  ])

  const rubric: ScoringCriterion[] = criteria.map((c) => ({
    id: c.id,
    weight: c.weight,
    minLevel: MIN_SCORE,
    maxLevel: c.maxScore,
  }))
  const communityWeight = program.communityReviewerWeight / PER_MILLE
  const reviews = new Map<string, ReviewRecord & { scores: ReviewRecord['scores'][number][] }>()
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

  const ranking = rankApplications(
    rubric,
    [...reviews.values()],
    rows.map((r) => ({ id: r.id, conflictDeclared: Boolean(r.conflictDeclared) })),
    { reviewersPerApplication: program.reviewersPerApplication },
  )
  const byId = new Map(rows.map((r) => [r.id, r]))
  return {
    lines: ranking.lines.map((line) => ({ ...byId.get(line.applicationId)!, ...line })),
    agreement: ranking.agreement,
    criteria,
    // Reviews counted on the board (those of withdrawn applications are not).
    submittedReviews: ranking.lines.reduce((n, line) => n + line.reviews, 0),
  }
}
