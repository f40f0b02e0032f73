import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm'
import { db } from '#db/client.server.ts'
import {
  applications,
  budgetLines,
  funds,
  memberships,
  organizations,
  panelMembers,
  programs,
  reviewAssignments,
  reviewScores,
  rubricCriteria,
  users,
  type Program,
} from '#db/schema/index.ts'
import { fail, type Actor, type Result } from '#app/domain/result.ts'
import { redactIdentity, websiteForms } from '#app/domain/review/blind-review.ts'
import { SCORING_STATES } from '#app/domain/review/review-states.ts'
import type { DeclarationInput, ReviewInput } from '#app/schemas/review/review.ts'
import { recordAudit } from '#app/services/admin/audit.server.ts'
import { notifyReviewConflict } from '#app/services/notifications/notification-events.server.ts'
import { hasConsensus, lockApplication } from './consensus.server.ts'
import type { OfficerActor } from './panel.server.ts'

/** An assignment counts only while its reviewer sits on its program's panel. */
export const stillOnPanel = and(
  eq(panelMembers.programId, reviewAssignments.programId),
  eq(panelMembers.userId, reviewAssignments.reviewerUserId),
)

/** The signed-in person's assignments across every panel they sit on, newest program first. */
export async function listMyAssignments(userId: string) {
  return db()
    .select({
      id: reviewAssignments.id,
      state: reviewAssignments.state,
      assignedAt: reviewAssignments.assignedAt,
      programId: programs.id,
      programTitle: programs.title,
      programLanguage: programs.contentLanguage,
      programTitleTranslation: programs.titleTranslation,
      blind: programs.blindReview,
      reviewsDueAt: programs.reviewsDueAt,
      timeZone: programs.timeZone,
      // Shown only when the program is not blind (the page leaves it out otherwise).
      organizationName: organizations.name,
      applicationTitle: applications.title,
    })
    .from(reviewAssignments)
    .innerJoin(panelMembers, stillOnPanel)
    .innerJoin(programs, eq(programs.id, reviewAssignments.programId))
    .innerJoin(applications, eq(applications.id, reviewAssignments.applicationId))
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .where(eq(reviewAssignments.reviewerUserId, userId))
    .orderBy(desc(programs.createdAt), asc(reviewAssignments.assignedAt), asc(reviewAssignments.id))
    .limit(1000)
}

/** Whether the person sits on any panel (the header's link to /reviews). */
export async function sitsOnAPanel(userId: string) {
  const [row] = await db()
    .select({ id: panelMembers.id })
    .from(panelMembers)
    .where(eq(panelMembers.userId, userId))
    .limit(1)
  return Boolean(row)
}

/**
 * The assignment, only for its own reviewer while they sit on its program's panel; null for
 * anyone else (the page answers 404, so an id alone confirms nothing).
 */
export async function findOwnAssignment(assignmentId: string, userId: string) {
  const [row] = await db()
    .select({ assignment: reviewAssignments, program: programs, funderId: funds.organizationId })
    .from(reviewAssignments)
    .innerJoin(panelMembers, stillOnPanel)
    .innerJoin(programs, eq(programs.id, reviewAssignments.programId))
    .innerJoin(funds, eq(funds.id, programs.fundId))
    .where(
      and(eq(reviewAssignments.id, assignmentId), eq(reviewAssignments.reviewerUserId, userId)),
    )
    .limit(1)
  return row ?? null
}

/**
 * What the reviewer reads of the application once they have declared no conflict. With blind
 * review the organisation's name, people, emails and website are never handed over, and any
 * literal mention of them in the group's own words (title, summary, leadership, community,
 * budget lines) is replaced (redactIdentity).
 */
export async function applicationForReview(applicationId: string, blind: boolean) {
  const [application] = await db()
    .select({
      title: applications.title,
      summary: applications.summary,
      communityServed: applications.communityServed,
      leadership: applications.leadership,
      ledByLivedExperience: applications.ledByLivedExperience,
      sdohDomains: applications.sdohDomains,
      amountRequestedMinor: applications.amountRequestedMinor,
      placeVulnerability: applications.placeVulnerability,
      organizationId: applications.organizationId,
      contactName: applications.contactName,
      contactEmail: applications.contactEmail,
    })
    .from(applications)
    .where(eq(applications.id, applicationId))
  if (!application) return null
  const [lines, [organization], people] = await Promise.all([
    db()
      .select({ description: budgetLines.description, amountMinor: budgetLines.amountMinor })
      .from(budgetLines)
      .where(eq(budgetLines.applicationId, applicationId))
      .orderBy(asc(budgetLines.position)),
    db()
      .select({ name: organizations.name, website: organizations.website })
      .from(organizations)
      .where(eq(organizations.id, application.organizationId)),
    blind
      ? db()
          .select({ name: users.name, email: users.email })
          .from(memberships)
          .innerJoin(users, eq(users.id, memberships.userId))
          .where(eq(memberships.organizationId, application.organizationId))
          .limit(200)
      : Promise.resolve([]),
  ])
  const { organizationId: _, contactName, contactEmail, ...content } = application
  const identity = {
    organization: organization?.name ?? '',
    website: organization?.website ?? '',
    contactName,
    contactEmail,
  }
  if (!blind) return { ...content, budgetLines: lines, identity }
  const identifiers = [
    identity.organization,
    ...websiteForms(identity.website),
    contactName,
    contactEmail,
    ...people.flatMap((p) => [p.name, p.email]),
  ]
  const hide = (text: string) => redactIdentity(text, identifiers)
  return {
    ...content,
    title: hide(content.title),
    summary: hide(content.summary),
    communityServed: hide(content.communityServed),
    leadership: hide(content.leadership),
    budgetLines: lines.map((l) => ({ ...l, description: hide(l.description) })),
    identity: null,
  }
}

export async function listScores(assignmentId: string) {
  return db()
    .select({
      criterionId: reviewScores.criterionId,
      level: reviewScores.level,
      comment: reviewScores.comment,
    })
    .from(reviewScores)
    .where(eq(reviewScores.assignmentId, assignmentId))
}

/**
 * The other reviewers' submitted levels on the same application, once this reviewer has
 * submitted and the program shows them; never their names.
 */
export async function othersScores(
  assignment: { id: string; applicationId: string; state: string },
  program: Pick<Program, 'showScoresAfterSubmit'>,
) {
  if (assignment.state !== 'submitted' || !program.showScoresAfterSubmit) return null
  return db()
    .select({
      criterionId: reviewScores.criterionId,
      level: reviewScores.level,
      assignmentId: reviewScores.assignmentId,
    })
    .from(reviewScores)
    .innerJoin(reviewAssignments, eq(reviewAssignments.id, reviewScores.assignmentId))
    .where(
      and(
        eq(reviewAssignments.applicationId, assignment.applicationId),
        eq(reviewAssignments.state, 'submitted'),
        sql`${reviewAssignments.id} <> ${assignment.id}`,
      ),
    )
}

/** A reviewer's step in the audit log (the demo seed writes its reviews' steps with it too). */
export function auditReview(
  tx: Parameters<typeof recordAudit>[0],
  actor: Actor,
  funderId: string,
  action:
    | 'review.conflict_declared'
    | 'review.no_conflict_declared'
    | 'review.submitted'
    | 'review.reopened',
  assignmentId: string,
  details: Record<string, unknown>,
) {
  return recordAudit(tx, {
    actorUserId: actor.id,
    action,
    entityType: 'review',
    entityId: assignmentId,
    organizationId: funderId,
    ip: actor.ip,
    details,
  })
}

/**
 * The conflict-of-interest gate. "No conflict" opens the application; a conflict takes the
 * reviewer off it for good (the row stays, as the record, and keeps them from being assigned it
 * again), is audited, and tells the program's officers, who are offered a replacement.
 */
export async function declare(
  actor: Actor,
  assignmentId: string,
  input: DeclarationInput,
): Promise<Result<{ conflict: boolean }>> {
  const found = await findOwnAssignment(assignmentId, actor.id)
  if (!found) return fail({ status: 404 })
  const { assignment, program, funderId } = found
  if (assignment.state !== 'assigned') {
    return fail({ message: 'review:refusals.alreadyDeclared', status: 409 })
  }
  return db().transaction(async (tx) => {
    const conflict = input.declaration === 'conflict'
    const [updated] = await tx
      .update(reviewAssignments)
      .set({
        state: conflict ? 'conflict' : 'declared_no_conflict',
        conflictReason: conflict ? input.reason : null,
        declaredAt: new Date(),
      })
      .where(and(eq(reviewAssignments.id, assignmentId), eq(reviewAssignments.state, 'assigned')))
      .returning({ id: reviewAssignments.id })
    if (!updated) return fail({ message: 'review:refusals.alreadyDeclared', status: 409 })
    await auditReview(
      tx,
      actor,
      funderId,
      conflict ? 'review.conflict_declared' : 'review.no_conflict_declared',
      assignmentId,
      { applicationId: assignment.applicationId, ...(conflict ? { reason: input.reason } : {}) },
    )
    if (conflict) {
      const [reviewer] = await tx
        .select({ name: users.name })
        .from(users)
        .where(eq(users.id, actor.id))
      const [funder] = await tx
        .select({ id: organizations.id, slug: organizations.slug })
        .from(organizations)
        .where(eq(organizations.id, funderId))
      if (funder) {
        await notifyReviewConflict(tx, {
          assignmentId,
          reviewer: reviewer?.name ?? '',
          funder,
          program,
        })
      }
    }
    return { ok: true as const, conflict }
  })
}

/**
 * Saves the reviewer's levels and comments (partial work is kept), and with "submit" hands the
 * review in: only after declaring no conflict, only levels inside each criterion's scale, and
 * only with every criterion scored.
 */
export async function saveReview(
  actor: Actor,
  assignmentId: string,
  input: ReviewInput,
): Promise<Result<{ submitted: boolean }>> {
  const found = await findOwnAssignment(assignmentId, actor.id)
  if (!found) return fail({ status: 404 })
  const { assignment, funderId } = found
  if (!(SCORING_STATES as readonly string[]).includes(assignment.state)) {
    return fail({
      message:
        assignment.state === 'submitted'
          ? 'review:refusals.alreadySubmitted'
          : 'review:refusals.declareFirst',
      status: 409,
    })
  }
  const criteria = await db()
    .select({ id: rubricCriteria.id, maxScore: rubricCriteria.maxScore })
    .from(rubricCriteria)
    .where(eq(rubricCriteria.programId, assignment.programId))
  const maxOf = new Map(criteria.map((c) => [c.id, c.maxScore]))
  const fieldErrors: Record<string, string> = {}
  for (const score of input.scores) {
    const max = maxOf.get(score.criterionId)
    if (max === undefined) return fail({ message: 'review:refusals.rubricChanged', status: 409 })
    if (score.level !== null && (score.level < 1 || score.level > max)) {
      fieldErrors[`level-${score.criterionId}`] = 'review:score.outOfScale'
    }
  }
  if (Object.keys(fieldErrors).length) return fail({ fieldErrors })
  const submit = input.intent === 'submit'
  if (submit) {
    const scored = new Set(input.scores.filter((s) => s.level !== null).map((s) => s.criterionId))
    const missing = criteria.filter((c) => !scored.has(c.id))
    if (missing.length) {
      return fail({
        fieldErrors: Object.fromEntries(
          missing.map((c) => [`level-${c.id}`, 'review:score.required']),
        ),
      })
    }
  }
  return db().transaction(async (tx) => {
    const [updated] = await tx
      .update(reviewAssignments)
      .set({
        state: submit ? 'submitted' : 'in_progress',
        overallComment: input.overallComment,
        submittedAt: submit ? new Date() : null,
      })
      .where(
        and(
          eq(reviewAssignments.id, assignmentId),
          inArray(reviewAssignments.state, [...SCORING_STATES]),
        ),
      )
      .returning({ id: reviewAssignments.id })
    if (!updated) return fail({ message: 'review:refusals.alreadySubmitted', status: 409 })
    if (input.scores.length) {
      await tx
        .insert(reviewScores)
        .values(
          input.scores.map((s) => ({
            assignmentId,
            criterionId: s.criterionId,
            level: s.level,
            comment: s.comment,
          })),
        )
        .onConflictDoUpdate({
          target: [reviewScores.assignmentId, reviewScores.criterionId],
          set: {
            level: sql`excluded.level`,
            comment: sql`excluded.comment`,
            updatedAt: new Date(),
          },
        })
    }
    if (submit) {
      await auditReview(tx, actor, funderId, 'review.submitted', assignmentId, {
        applicationId: assignment.applicationId,
        levels: Object.fromEntries(input.scores.map((s) => [s.criterionId, s.level])),
      })
    }
    return { ok: true as const, submitted: submit }
  })
}

/**
 * The officer sends a submitted review back to its reviewer (scores kept), audited; only until
 * the panel's consensus on the application is recorded or it is decided (the scores are locked
 * from then on, docs/decisions/024-consensus-and-decisions.md).
 */
export async function reopenReview(
  actor: OfficerActor,
  program: Pick<Program, 'id'>,
  assignmentId: string,
): Promise<Result> {
  return db().transaction(async (tx) => {
    const [target] = await tx
      .select({ applicationId: reviewAssignments.applicationId })
      .from(reviewAssignments)
      .where(
        and(eq(reviewAssignments.id, assignmentId), eq(reviewAssignments.programId, program.id)),
      )
    if (!target) return fail({ message: 'review:refusals.notSubmitted', status: 409 })
    // Taking turns with recordConsensus and the decisions, which lock the same row.
    const application = await lockApplication(tx, target.applicationId)
    if (application?.status === 'awarded' || application?.status === 'declined') {
      return fail({ message: 'decisions:refusals.alreadyDecided', status: 409 })
    }
    if (await hasConsensus(tx, target.applicationId)) {
      return fail({ message: 'decisions:refusals.consensusRecorded', status: 409 })
    }
    const [reopened] = await tx
      .update(reviewAssignments)
      .set({ state: 'in_progress', submittedAt: null })
      .where(
        and(
          eq(reviewAssignments.id, assignmentId),
          eq(reviewAssignments.programId, program.id),
          eq(reviewAssignments.state, 'submitted'),
        ),
      )
      .returning({
        applicationId: reviewAssignments.applicationId,
        reviewerUserId: reviewAssignments.reviewerUserId,
      })
    if (!reopened) return fail({ message: 'review:refusals.notSubmitted', status: 409 })
    await auditReview(tx, actor, actor.organizationId, 'review.reopened', assignmentId, reopened)
    return { ok: true as const }
  })
}
