import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import { db, type Db, type Tx } from '#db/client.server.ts'
import {
  applicationDecisions,
  applications,
  grants,
  organizations,
  reviewAssignments,
  reviewScores,
  rubricCriteria,
  type Program,
} from '#db/schema/index.ts'
import type { ApplicationStatus } from '#app/domain/applications/application-status.ts'
import {
  criterionFeedback,
  DECIDABLE_STATUSES,
  parseCommentId,
  type DecisionOutcome,
  type SharedComment,
} from '#app/domain/review/decisions.ts'
import { fail, type Failure, type Result } from '#app/domain/result.ts'
import { recordStatusChange } from '#app/services/applications/applications.server.ts'
import { createGrantForAward } from '#app/services/grants/grants.server.ts'
import { notifyApplicationDecided } from '#app/services/notifications/notification-events.server.ts'
import { lockProgram } from '#app/services/programs/programs.server.ts'
import { scoringRubric, submittedReviews } from './review-records.server.ts'
import type { OfficerActor } from './panel.server.ts'

/** A program as deciding reads it (the service locks and rereads its row for the budget). */
type DecidingProgram = Pick<Program, 'id'>

export interface AwardInput {
  applicationId: string
  amountMinor: number
  feedback?: string
  startsOn?: string
  endsOn?: string
}

export interface DeclineInput {
  applicationId: string
  feedback: string
  /** Comment ids (app/domain/review/decisions.ts `commentId`) the officer chose to share. */
  sharedCommentIds: readonly string[]
}

/** A refusal inside the transaction: thrown so everything written before it is rolled back. */
class Refusal extends Error {
  constructor(readonly failure: Failure) {
    super('refused')
  }
}

/** Runs `work` in one transaction; a refusal rolls it all back and is answered as it is. */
async function deciding<T extends object>(work: (tx: Tx) => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true as const, ...(await db().transaction(work)) }
  } catch (error) {
    if (error instanceof Refusal) return error.failure as Failure
    throw error
  }
}

const refuse = (failure: Omit<Failure, 'ok'>): never => {
  throw new Refusal({ ok: false, ...failure })
}

/**
 * The application to decide, locked, after the program's row: it must be a submitted or
 * in-review application of this program without a decision.
 */
async function lockDecidable(tx: Tx, programId: string, applicationId: string) {
  const [application] = await tx
    .select({
      id: applications.id,
      programId: applications.programId,
      organizationId: applications.organizationId,
      status: applications.status,
      amountRequestedMinor: applications.amountRequestedMinor,
    })
    .from(applications)
    .where(eq(applications.id, applicationId))
    .for('update')
  if (!application || application.programId !== programId) {
    return refuse({ message: 'decisions:refusals.noSuchApplication', status: 404 })
  }
  if (application.status === 'awarded' || application.status === 'declined') {
    return refuse({ message: 'decisions:refusals.alreadyDecided', status: 409 })
  }
  if (!(DECIDABLE_STATUSES as readonly string[]).includes(application.status)) {
    return refuse({ message: 'decisions:refusals.notDecidable', status: 409 })
  }
  return application
}

/** What the program has awarded so far (read under the program's row lock). */
async function awardedSoFar(tx: Db, programId: string) {
  const [row] = await tx
    .select({ total: sql<string>`coalesce(sum(${applicationDecisions.amountMinor}), 0)` })
    .from(applicationDecisions)
    .where(
      and(eq(applicationDecisions.programId, programId), eq(applicationDecisions.outcome, 'award')),
    )
  return Number(row?.total ?? 0)
}

/** Writes the decision, moves the application, audits and tells the group; one transaction. */
async function writeDecision(
  tx: Tx,
  actor: OfficerActor,
  program: Program,
  application: { id: string; organizationId: string; status: ApplicationStatus },
  decision: {
    outcome: DecisionOutcome
    amountMinor: number | null
    feedback: string
    sharedComments: SharedComment[]
  },
) {
  const [row] = await tx
    .insert(applicationDecisions)
    .values({
      applicationId: application.id,
      programId: program.id,
      ...decision,
      decidedByUserId: actor.id,
    })
    .onConflictDoNothing()
    .returning({ id: applicationDecisions.id })
  if (!row) return refuse({ message: 'decisions:refusals.alreadyDecided', status: 409 })
  const to = decision.outcome === 'award' ? 'awarded' : 'declined'
  await tx
    .update(applications)
    .set({ status: to, version: sql`${applications.version} + 1`, updatedAt: new Date() })
    .where(eq(applications.id, application.id))
  await recordStatusChange(tx, actor, application, application.status, to, '', {
    details: {
      decisionId: row.id,
      amountMinor: decision.amountMinor,
      sharedComments: decision.sharedComments.length,
    },
  })
  await notifyApplicationDecided(tx, {
    decisionId: row.id,
    application,
    program,
    outcome: decision.outcome,
  })
  return row
}

/** One award inside a transaction that already holds the program's row lock. */
async function awardLocked(
  tx: Tx,
  actor: OfficerActor,
  program: Program,
  input: AwardInput,
  awardedBefore: number,
) {
  const application = await lockDecidable(tx, program.id, input.applicationId)
  const amount = input.amountMinor
  if (!Number.isSafeInteger(amount) || amount <= 0) {
    return refuse({ fieldErrors: { amount: 'decisions:decision.amountInvalid' } })
  }
  if (amount > (application.amountRequestedMinor ?? 0)) {
    return refuse({ fieldErrors: { amount: 'decisions:refusals.moreThanRequested' } })
  }
  if (amount < program.minAwardMinor) {
    return refuse({ fieldErrors: { amount: 'decisions:refusals.belowMinimum' } })
  }
  if (amount > program.budgetMinor - awardedBefore) {
    return refuse({ fieldErrors: { amount: 'decisions:refusals.overBudget' } })
  }
  const decision = await writeDecision(tx, actor, program, application, {
    outcome: 'award',
    amountMinor: amount,
    feedback: input.feedback ?? '',
    sharedComments: [],
  })
  // An award becomes a grant in the same transaction: both or neither.
  const { grantId } = await createGrantForAward(tx, {
    applicationId: application.id,
    amountMinor: amount,
    actorUserId: actor.id,
    ...(input.startsOn ? { startsOn: input.startsOn } : {}),
    ...(input.endsOn ? { endsOn: input.endsOn } : {}),
  })
  return { decisionId: decision.id, amountMinor: amount, grantId }
}

/**
 * Awards one application: at most what it asked for, at least the program's minimum award, and
 * no more than the budget still unawarded (summed under the program's row lock, so two officers
 * awarding at once cannot both spend the same money). Refused, with nothing changed, when the
 * application is decided already, is not submitted, or belongs to another program.
 */
export async function awardApplication(
  actor: OfficerActor,
  program: DecidingProgram,
  input: AwardInput,
): Promise<Result<{ decisionId: string; amountMinor: number; grantId: string }>> {
  return deciding((tx) => awardInTransaction(tx, actor, program, input))
}

/**
 * `awardApplication` inside a transaction the caller holds (the demo seed writes its decisions
 * this way, so they cannot drift from the app's); a refusal throws and so rolls it all back.
 */
export async function awardInTransaction(
  tx: Tx,
  actor: OfficerActor,
  program: DecidingProgram,
  input: AwardInput,
) {
  const locked = await lockProgram(tx, program.id)
  return awardLocked(tx, actor, locked, input, await awardedSoFar(tx, program.id))
}

/**
 * Awards several applications at once (accepting the decision proposal): all of them in one
 * transaction or none, each by the rules of `awardApplication`, the budget counted across them.
 */
export async function awardProposal(
  actor: OfficerActor,
  program: DecidingProgram,
  awards: readonly { applicationId: string; amountMinor: number }[],
): Promise<Result<{ awarded: number; totalMinor: number }>> {
  if (awards.length === 0) return fail({ message: 'decisions:refusals.nothingToAward' })
  if (new Set(awards.map((a) => a.applicationId)).size !== awards.length) {
    return fail({ message: 'decisions:refusals.alreadyDecided', status: 409 })
  }
  return deciding(async (tx) => {
    const locked = await lockProgram(tx, program.id)
    let awarded = await awardedSoFar(tx, program.id)
    const before = awarded
    for (const award of awards) {
      try {
        const done = await awardLocked(tx, actor, locked, award, awarded)
        awarded += done.amountMinor
      } catch (error) {
        // Say which application was refused; a field error becomes the message.
        if (!(error instanceof Refusal)) throw error
        const { fieldErrors, message, status } = error.failure
        return refuse({
          message: message ?? Object.values(fieldErrors ?? {})[0],
          status,
          reason: award.applicationId,
        })
      }
    }
    return { awarded: awards.length, totalMinor: awarded - before }
  })
}

/**
 * The reviewer comments the officer chose to share, read from the submitted reviews of this
 * application (the posted ids only point at them), without their reviewers.
 */
async function sharedComments(tx: Tx, applicationId: string, ids: readonly string[]) {
  if (ids.length === 0) return []
  const wanted = [...new Set(ids)].map(parseCommentId)
  const assignmentIds = [...new Set(wanted.map((w) => w.assignmentId))]
  if (assignmentIds.some((id) => !/^[0-9a-f-]{36}$/i.test(id))) {
    return refuse({ message: 'decisions:refusals.noSuchComment' })
  }
  const assignments = await tx
    .select({ id: reviewAssignments.id, overallComment: reviewAssignments.overallComment })
    .from(reviewAssignments)
    .where(
      and(
        inArray(reviewAssignments.id, assignmentIds),
        eq(reviewAssignments.applicationId, applicationId),
        eq(reviewAssignments.state, 'submitted'),
      ),
    )
  const scores = await tx
    .select({
      assignmentId: reviewScores.assignmentId,
      criterionId: reviewScores.criterionId,
      comment: reviewScores.comment,
    })
    .from(reviewScores)
    .where(inArray(reviewScores.assignmentId, assignmentIds))
  const overall = new Map(assignments.map((a) => [a.id, a.overallComment]))
  return wanted.map(({ assignmentId, criterionId }): SharedComment => {
    const body =
      criterionId === null
        ? overall.get(assignmentId)
        : overall.has(assignmentId)
          ? scores.find((s) => s.assignmentId === assignmentId && s.criterionId === criterionId)
              ?.comment
          : undefined
    if (!body) return refuse({ message: 'decisions:refusals.noSuchComment' })
    return { criterionId, body }
  })
}

/**
 * Declines an application with feedback the group can use (required) and the reviewer comments
 * the officer chose to share, copied without their reviewers. Same refusals as an award.
 */
export async function declineApplication(
  actor: OfficerActor,
  program: DecidingProgram,
  input: DeclineInput,
): Promise<Result<{ decisionId: string }>> {
  if (!input.feedback.trim()) {
    return fail({ fieldErrors: { feedback: 'decisions:decision.feedbackRequired' } })
  }
  return deciding((tx) => declineInTransaction(tx, actor, program, input))
}

/** `declineApplication` inside a transaction the caller holds (as `awardInTransaction`). */
export async function declineInTransaction(
  tx: Tx,
  actor: OfficerActor,
  program: DecidingProgram,
  input: DeclineInput,
) {
  const feedback = input.feedback.trim()
  if (!feedback) refuse({ fieldErrors: { feedback: 'decisions:decision.feedbackRequired' } })
  const locked = await lockProgram(tx, program.id)
  const application = await lockDecidable(tx, program.id, input.applicationId)
  const comments = await sharedComments(tx, application.id, input.sharedCommentIds)
  const decision = await writeDecision(tx, actor, locked, application, {
    outcome: 'decline',
    amountMinor: null,
    feedback,
    sharedComments: comments,
  })
  return { decisionId: decision.id }
}

/** The program's budget, what is awarded and what remains (the decision page shows them). */
export async function programBudget(program: Pick<Program, 'id' | 'budgetMinor'>) {
  const awarded = await awardedSoFar(db(), program.id)
  return {
    budgetMinor: program.budgetMinor,
    awardedMinor: awarded,
    remainingMinor: program.budgetMinor - awarded,
  }
}

const DECISIONS_PAGE_SIZE = 50

/** The program's submitted applications with their decision state, decided last, a page at a time. */
export async function listProgramDecisions(programId: string, page: number) {
  const rows = await db()
    .select({
      id: applications.id,
      title: applications.title,
      organization: organizations.name,
      status: applications.status,
      amountRequestedMinor: applications.amountRequestedMinor,
      outcome: applicationDecisions.outcome,
      amountMinor: applicationDecisions.amountMinor,
      decidedAt: applicationDecisions.decidedAt,
    })
    .from(applications)
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .leftJoin(applicationDecisions, eq(applicationDecisions.applicationId, applications.id))
    .where(
      and(
        eq(applications.programId, programId),
        inArray(applications.status, ['submitted', 'in_review', 'awarded', 'declined']),
      ),
    )
    .orderBy(
      sql`${applicationDecisions.id} IS NOT NULL`,
      asc(organizations.name),
      asc(applications.id),
    )
    .limit(DECISIONS_PAGE_SIZE + 1)
    .offset((page - 1) * DECISIONS_PAGE_SIZE)
  return { rows: rows.slice(0, DECISIONS_PAGE_SIZE), hasNext: rows.length > DECISIONS_PAGE_SIZE }
}

/**
 * What the group reads once its application is decided (null before: nothing of the review
 * shows until then). An award: the amount. A decline: the feedback, its score on each criterion
 * beside the funded applications' average, and the shared comments, never who wrote them.
 */
export async function decisionForGroup(
  applicationId: string,
  program: Pick<Program, 'id' | 'communityReviewerWeight'>,
) {
  const [decision] = await db()
    .select()
    .from(applicationDecisions)
    .where(eq(applicationDecisions.applicationId, applicationId))
  if (!decision) return null
  const base = {
    outcome: decision.outcome,
    amountMinor: decision.amountMinor,
    feedback: decision.feedback,
    decidedAt: decision.decidedAt,
  }
  if (decision.outcome === 'award') {
    const [grant] = await db()
      .select({ id: grants.id })
      .from(grants)
      .where(eq(grants.applicationId, applicationId))
    return { ...base, grantId: grant?.id ?? null, criteria: [], sharedComments: [] }
  }
  const [criteria, funded] = await Promise.all([
    db()
      .select()
      .from(rubricCriteria)
      .where(eq(rubricCriteria.programId, program.id))
      .orderBy(asc(rubricCriteria.position)),
    db()
      .select({ id: applicationDecisions.applicationId })
      .from(applicationDecisions)
      .where(
        and(
          eq(applicationDecisions.programId, program.id),
          eq(applicationDecisions.outcome, 'award'),
        ),
      ),
  ])
  const fundedIds = funded.map((f) => f.id)
  const reviews = await submittedReviews(
    program,
    inArray(reviewAssignments.applicationId, [applicationId, ...fundedIds]),
  )
  const feedback = criterionFeedback(scoringRubric(criteria), applicationId, fundedIds, [
    ...reviews.values(),
  ])
  return {
    ...base,
    grantId: null,
    criteria: feedback.map((f) => ({
      ...f,
      criterion: criteria.find((c) => c.id === f.criterionId)!,
    })),
    sharedComments: decision.sharedComments.map((c) => ({
      ...c,
      criterion: criteria.find((x) => x.id === c.criterionId) ?? null,
    })),
  }
}
