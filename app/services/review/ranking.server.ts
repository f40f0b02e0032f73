import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import { db } from '#db/client.server.ts'
import {
  applications,
  organizations,
  reviewAssignments,
  rubricCriteria,
  type Program,
} from '#db/schema/index.ts'
import { rankApplications } from '#app/domain/review/ranking.ts'
import { consensusOf } from '#app/domain/review/decisions.ts'
import { consensusOverrides } from './consensus.server.ts'
import { scoringRubric, submittedReviews } from './review-records.server.ts'

/**
 * Applications on the board: everything submitted and not withdrawn, decided ones included, so
 * the board still explains a decision after it is made.
 */
export const RANKED_STATUSES = [
  'submitted',
  'in_review',
  'changes_requested',
  'awarded',
  'declined',
] as const

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
  const [criteria, rows, reviews, overrides] = await Promise.all([
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
        // What the decision page's guardrails read (app/services/review/decide.server.ts).
        budgetBand: organizations.budgetBand,
        ledByLivedExperience: applications.ledByLivedExperience,
        conflictDeclared: sql<boolean>`EXISTS (SELECT 1 FROM ${reviewAssignments}
          WHERE ${reviewAssignments.applicationId} = ${applications.id}
            AND ${reviewAssignments.state} = 'conflict')`,
      })
      .from(applications)
      .innerJoin(organizations, eq(organizations.id, applications.organizationId))
      .where(onTheBoard(program.id))
      .orderBy(asc(applications.id))
      .limit(MAX_RANKED),
    submittedReviews(program, eq(reviewAssignments.programId, program.id)),
    consensusOverrides(program.id),
  ])

  const rubric = scoringRubric(criteria)
  const ranking = rankApplications(
    rubric,
    reviews,
    rows.map((r) => ({ id: r.id, conflictDeclared: Boolean(r.conflictDeclared) })),
    { reviewersPerApplication: program.reviewersPerApplication },
  )
  const byId = new Map(rows.map((r) => [r.id, r]))
  return {
    // An officer's consensus override stands in for the reviewers' mean (kept as reviewMean).
    lines: ranking.lines.map((line) => ({
      ...byId.get(line.applicationId)!,
      ...line,
      mean: consensusOf(line.mean, overrides.get(line.applicationId)),
      reviewMean: line.mean,
      consensusOverridden: overrides.has(line.applicationId),
    })),
    agreement: ranking.agreement,
    criteria,
    // Reviews counted on the board (those of withdrawn applications are not).
    submittedReviews: ranking.lines.reduce((n, line) => n + line.reviews, 0),
  }
}
