import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import { db } from '#db/client.server.ts'
import {
  applications,
  organizations,
  panelMembers,
  reviewAssignments,
  reviewScores,
  rubricCriteria,
  users,
  type Program,
} from '#db/schema/index.ts'
import { isCommunityLed, isSmallBudget } from '#app/domain/review/applicant-groups.ts'
import { fairnessReport } from '#app/domain/review/fairness-report.ts'
import { PER_MILLE } from '#app/domain/review/review-states.ts'
import type { ScoredReview } from '#app/domain/review/scores.ts'
import { MAX_RANKED, RANKED_STATUSES, onTheBoard } from './ranking.server.ts'
import { isCompleteReview, reviewScoreSql } from './review-records.server.ts'
import { stillOnPanel } from './reviewing.server.ts'

/**
 * The program's fairness figures (docs/decisions/025-fairness-page.md): the score gaps between
 * groups of applicants and each reviewer's leniency. Two reads, none per application: every
 * complete submitted review's 0–100 score, computed in SQL from its levels (one row per review,
 * never per level), with its reviewer; and the board's applications with their groups (whether
 * the group had applied to this funder before is an EXISTS on the organisation's applications).
 * The statistics run on those rows in memory.
 */
export async function programFairness(
  program: Pick<Program, 'id' | 'communityReviewerWeight'>,
  funderId: string,
) {
  const communityWeight = program.communityReviewerWeight / PER_MILLE
  const [reviewRows, applicationRows] = await Promise.all([
    db()
      .select({
        applicationId: reviewAssignments.applicationId,
        reviewerId: reviewAssignments.reviewerUserId,
        reviewer: users.name,
        community: sql<boolean>`bool_or(${panelMembers.kind} = 'community')`,
        score: reviewScoreSql,
      })
      .from(reviewAssignments)
      .innerJoin(applications, eq(applications.id, reviewAssignments.applicationId))
      .innerJoin(reviewScores, eq(reviewScores.assignmentId, reviewAssignments.id))
      .innerJoin(rubricCriteria, eq(rubricCriteria.id, reviewScores.criterionId))
      .innerJoin(users, eq(users.id, reviewAssignments.reviewerUserId))
      // A reviewer since taken off the panel counts as staff (weight 1), as on the ranking board.
      .leftJoin(panelMembers, stillOnPanel)
      .where(
        and(
          eq(reviewAssignments.programId, program.id),
          eq(reviewAssignments.state, 'submitted'),
          inArray(applications.status, [...RANKED_STATUSES]),
        ),
      )
      .groupBy(reviewAssignments.id, users.id)
      .having(isCompleteReview(program.id))
      .orderBy(asc(reviewAssignments.id)),
    db()
      .select({
        id: applications.id,
        ledByLivedExperience: applications.ledByLivedExperience,
        budgetBand: organizations.budgetBand,
        placeVulnerability: applications.placeVulnerability,
        // The aliases hide the outer "applications" inside, so it names the outer row.
        returning: sql<boolean>`EXISTS (SELECT 1 FROM applications AS prior
          JOIN programs AS prior_program ON prior_program.id = prior.program_id
          JOIN funds AS prior_fund ON prior_fund.id = prior_program.fund_id
          WHERE prior.organization_id = ${applications.organizationId}
            AND prior_fund.organization_id = ${funderId}
            AND prior.submitted_at < ${applications.submittedAt})`,
      })
      .from(applications)
      .innerJoin(organizations, eq(organizations.id, applications.organizationId))
      .where(onTheBoard(program.id))
      .orderBy(asc(applications.id))
      .limit(MAX_RANKED),
  ])

  const reviews: ScoredReview[] = reviewRows.map((r) => ({
    reviewerId: r.reviewerId,
    applicationId: r.applicationId,
    reviewerWeight: r.community ? communityWeight : 1,
    score: Number(r.score),
  }))
  const report = fairnessReport(
    applicationRows.map((a) => ({
      id: a.id,
      communityLed: isCommunityLed(a.ledByLivedExperience),
      smallBudget: isSmallBudget(a.budgetBand),
      firstTime: !a.returning,
      placeVulnerability: a.placeVulnerability,
    })),
    reviews,
  )
  const reviewers = new Map(
    reviewRows.map((r) => [r.reviewerId, { name: r.reviewer, community: Boolean(r.community) }]),
  )
  return {
    ...report,
    leniency: report.leniency
      .map((l) => ({ ...l, ...reviewers.get(l.reviewerId)! }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  }
}
