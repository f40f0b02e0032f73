import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import { db } from '#db/client.server.ts'
import {
  applications,
  organizations,
  reviewAssignments,
  rubricCriteria,
  type Program,
} from '#db/schema/index.ts'
import { alphaFromTotals, alphaTotals } from '#app/domain/review/agreement.ts'
import { rankingLines } from '#app/domain/review/ranking.ts'
import { consensusOf } from '#app/domain/review/decisions.ts'
import { consensusOverrides } from './consensus.server.ts'
import {
  applicationAggregates,
  criterionAlphaTotals,
  overallAlphaTotals,
} from './score-aggregates.server.ts'

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
 * (docs/decisions/020-review-mathematics.md). Reads, none per application: the rubric, the
 * applications (with whether anyone declared a conflict on each), each application's figures and
 * each criterion's agreement sums, which the database adds up (score-aggregates.server.ts), so
 * no review's levels travel; the flags and alphas are worked out from those here.
 */
export async function programRanking(
  program: Pick<Program, 'id' | 'communityReviewerWeight' | 'reviewersPerApplication'>,
) {
  const [criteria, rows, figures, criterionTotals, overrides] = await Promise.all([
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
    applicationAggregates(program),
    criterionAlphaTotals(program),
    consensusOverrides(program.id),
  ])

  const lines = rankingLines(
    rows.map((r) => ({ id: r.id, conflictDeclared: Boolean(r.conflictDeclared) })),
    new Map(figures.map((f) => [f.applicationId, f])),
    { reviewersPerApplication: program.reviewersPerApplication },
  )
  const byId = new Map(rows.map((r) => [r.id, r]))
  return {
    // An officer's consensus override stands in for the reviewers' mean (kept as reviewMean).
    lines: lines.map((line) => ({
      ...byId.get(line.applicationId)!,
      ...line,
      mean: consensusOf(line.mean, overrides.get(line.applicationId)),
      reviewMean: line.mean,
      consensusOverridden: overrides.has(line.applicationId),
    })),
    agreement: {
      overall: alphaFromTotals(overallAlphaTotals(figures)),
      criteria: criteria.map((c) => ({
        criterionId: c.id,
        agreement: alphaFromTotals(criterionTotals.get(c.id) ?? alphaTotals([])),
      })),
    },
    criteria,
    // Reviews counted on the board (those of withdrawn applications are not).
    submittedReviews: lines.reduce((n, line) => n + line.reviews, 0),
  }
}
