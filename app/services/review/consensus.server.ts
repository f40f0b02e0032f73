import { and, asc, eq, inArray, ne } from 'drizzle-orm'
import { db, type Db } from '#db/client.server.ts'
import {
  applicationDecisions,
  applications,
  consensusScores,
  organizations,
  panelMembers,
  reviewAssignments,
  reviewScores,
  rubricCriteria,
  users,
  type Program,
} from '#db/schema/index.ts'
import { SUBMITTED_STATUSES } from '#app/domain/applications/application-status.ts'
import { fail, type Result } from '#app/domain/result.ts'
import { PER_MILLE } from '#app/domain/review/review-states.ts'
import { levelPoints, reviewScore } from '#app/domain/review/scores.ts'
import { weightedMean } from '#app/domain/review/statistics.ts'
import type { ConsensusInput } from '#app/schemas/review/decisions.ts'
import { recordAudit } from '#app/services/admin/audit.server.ts'
import type { OfficerActor } from './panel.server.ts'
import { scoringRubric } from './review-records.server.ts'

type ScoringProgram = Pick<Program, 'id' | 'communityReviewerWeight'>

/**
 * Everything the officer weighs on one application of the program: each active reviewer by name
 * with their levels and comments, the weighted mean overall and per criterion, whether the
 * scores are locked (every active review is in), the consensus and the decision. Null when the
 * application is not a submitted one of this program (the page answers 404).
 * `conn` lets a transaction read it under its own locks.
 */
export async function applicationScoreSheet(
  program: ScoringProgram,
  applicationId: string,
  conn: Db = db(),
) {
  const [application] = await conn
    .select({
      id: applications.id,
      title: applications.title,
      status: applications.status,
      organizationId: applications.organizationId,
      organization: organizations.name,
      amountRequestedMinor: applications.amountRequestedMinor,
    })
    .from(applications)
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .where(
      and(
        eq(applications.id, applicationId),
        eq(applications.programId, program.id),
        inArray(applications.status, [...SUBMITTED_STATUSES]),
      ),
    )
  if (!application) return null
  // One after another: on a transaction's single connection queries take turns anyway.
  const criteria = await conn
    .select()
    .from(rubricCriteria)
    .where(eq(rubricCriteria.programId, program.id))
    .orderBy(asc(rubricCriteria.position))
  const assignments = await conn
    .select({
      id: reviewAssignments.id,
      state: reviewAssignments.state,
      overallComment: reviewAssignments.overallComment,
      reviewer: users.name,
      kind: panelMembers.kind,
    })
    .from(reviewAssignments)
    .innerJoin(users, eq(users.id, reviewAssignments.reviewerUserId))
    .leftJoin(
      panelMembers,
      and(
        eq(panelMembers.programId, reviewAssignments.programId),
        eq(panelMembers.userId, reviewAssignments.reviewerUserId),
      ),
    )
    .where(
      and(
        eq(reviewAssignments.applicationId, applicationId),
        ne(reviewAssignments.state, 'conflict'),
      ),
    )
    .orderBy(asc(reviewAssignments.assignedAt), asc(reviewAssignments.id))
  const levels = await conn
    .select({
      assignmentId: reviewScores.assignmentId,
      criterionId: reviewScores.criterionId,
      level: reviewScores.level,
      comment: reviewScores.comment,
    })
    .from(reviewScores)
    .innerJoin(reviewAssignments, eq(reviewAssignments.id, reviewScores.assignmentId))
    .where(eq(reviewAssignments.applicationId, applicationId))
  const [consensus] = await conn
    .select()
    .from(consensusScores)
    .where(eq(consensusScores.applicationId, applicationId))
  const [decision] = await conn
    .select()
    .from(applicationDecisions)
    .where(eq(applicationDecisions.applicationId, applicationId))
  const rubric = scoringRubric(criteria)
  const communityWeight = program.communityReviewerWeight / PER_MILLE
  const reviews = assignments.map((a) => {
    const scores = levels.filter((l) => l.assignmentId === a.id)
    const complete = scores.flatMap((s) =>
      s.level === null ? [] : [{ criterionId: s.criterionId, level: s.level }],
    )
    return {
      ...a,
      weight: a.kind === 'community' ? communityWeight : 1,
      scores,
      // Only a submitted review counts, as on the ranking board.
      score: a.state === 'submitted' ? reviewScore(rubric, complete) : null,
    }
  })
  const counted = reviews.filter((r) => r.score !== null)
  const mean = weightedMean(counted.map((r) => ({ value: r.score!, weight: r.weight })))
  const criterionMeans = rubric.map((criterion) => ({
    criterionId: criterion.id,
    mean: weightedMean(
      counted.flatMap((r) => {
        const level = r.scores.find((s) => s.criterionId === criterion.id)?.level
        return level == null ? [] : [{ value: levelPoints(criterion, level), weight: r.weight }]
      }),
    ),
  }))
  return {
    application,
    criteria,
    reviews,
    mean,
    criterionMeans,
    // Scores lock once every active review is in (docs/decisions/024-consensus-and-decisions.md).
    locked: reviews.length > 0 && reviews.every((r) => r.state === 'submitted'),
    consensus: consensus ?? null,
    decision: decision ?? null,
  }
}

export type ScoreSheet = NonNullable<Awaited<ReturnType<typeof applicationScoreSheet>>>

/** Locks the application's row: consensus, reopening and deciding it take turns. */
export async function lockApplication(tx: Db, applicationId: string) {
  const [row] = await tx
    .select({ id: applications.id, status: applications.status })
    .from(applications)
    .where(eq(applications.id, applicationId))
    .for('update')
  return row ?? null
}

/**
 * Records the panel's consensus on an application once its scores are locked: the reviewers'
 * weighted mean as it stands, and the officer's override only with a written reason (kept beside
 * the original). Recording again replaces it until the application is decided; each recording is
 * audited with the one before.
 */
export async function recordConsensus(
  actor: OfficerActor,
  program: ScoringProgram,
  input: ConsensusInput,
): Promise<Result<{ consensus: number }>> {
  if (input.override !== null && !input.reason) {
    return fail({ fieldErrors: { reason: 'decisions:consensus.reasonRequired' } })
  }
  return db().transaction((tx) => recordConsensusInTransaction(tx, actor, program, input))
}

/** `recordConsensus` inside a transaction the caller holds (the demo seed records its own). */
export async function recordConsensusInTransaction(
  tx: Db,
  actor: OfficerActor,
  program: ScoringProgram,
  input: ConsensusInput,
): Promise<Result<{ consensus: number }>> {
  if (!(await lockApplication(tx, input.applicationId))) return fail({ status: 404 })
  const sheet = await applicationScoreSheet(program, input.applicationId, tx)
  if (!sheet) return fail({ status: 404 })
  if (sheet.decision) return fail({ message: 'decisions:refusals.alreadyDecided', status: 409 })
  if (!sheet.locked || sheet.mean === null) {
    return fail({ message: 'decisions:refusals.reviewsNotIn', status: 409 })
  }
  const values = {
    original: sheet.mean,
    override: input.override,
    reason: input.override === null ? '' : input.reason,
    recordedByUserId: actor.id,
    recordedAt: new Date(),
  }
  await tx
    .insert(consensusScores)
    .values({ applicationId: input.applicationId, ...values })
    .onConflictDoUpdate({ target: consensusScores.applicationId, set: values })
  await recordAudit(tx, {
    actorUserId: actor.id,
    action: 'consensus_score.recorded',
    entityType: 'application',
    entityId: input.applicationId,
    organizationId: actor.organizationId,
    ip: actor.ip,
    details: {
      original: values.original,
      override: values.override,
      reason: values.reason,
      previous: sheet.consensus
        ? { override: sheet.consensus.override, reason: sheet.consensus.reason }
        : null,
    },
  })
  return { ok: true as const, consensus: values.override ?? values.original }
}

/**
 * The officers' overrides in the program, by application: what the ranking board and the
 * proposal rank by in place of the reviewers' mean (an accepted mean is the mean already).
 */
export async function consensusOverrides(programId: string): Promise<Map<string, number>> {
  const rows = await db()
    .select({ applicationId: consensusScores.applicationId, override: consensusScores.override })
    .from(consensusScores)
    .innerJoin(applications, eq(applications.id, consensusScores.applicationId))
    .where(eq(applications.programId, programId))
  return new Map(rows.flatMap((r) => (r.override === null ? [] : [[r.applicationId, r.override]])))
}

/** Whether the panel's consensus on the application is recorded (a reopen is refused then). */
export async function hasConsensus(tx: Db, applicationId: string) {
  const [row] = await tx
    .select({ id: consensusScores.id })
    .from(consensusScores)
    .where(eq(consensusScores.applicationId, applicationId))
  return Boolean(row)
}
