import { and, eq, inArray, sql } from 'drizzle-orm'
import { isAcceptingApplications } from '#app/domain/programs/program-status.ts'
import { db } from '#db/client.server.ts'
import type { ApplicationStatus } from '#app/domain/applications/application-status.ts'
import { applications } from '#db/schema/index.ts'
import {
  submissionIssues,
  type SubmissionIssue,
} from '#app/schemas/applications/application-submission.ts'
import { readApplication } from './application-content.server.ts'
import { databaseNow } from '#app/services/clock.server.ts'
import { findVisibleProgram } from '#app/services/programs/program-catalog.server.ts'
import { fail, type Actor, type Failure, type Result } from '#app/domain/result.ts'
import { recordStatusChange, type LoadedApplication } from './applications.server.ts'
import { statusBeforeChangesRequested } from './application-changes.server.ts'
import {
  notifyApplicationResubmitted,
  notifyApplicationSubmitted,
} from '#app/services/notifications/notification-events.server.ts'
import { openRequestsFromApplication } from '#app/services/volunteers/requests.server.ts'

export type SubmitResult =
  | { ok: true }
  | Failure<{ reason: 'closed' | 'not_draft' | 'stale' | 'unavailable'; message: string }>
  | Failure<{ reason: 'incomplete'; message: string; issues: SubmissionIssue[] }>

/**
 * Submits a draft: the whole application must pass the submission check, and the program's
 * deadline is judged by the database clock at this moment, whatever the browser showed (and
 * whether or not the deadline job has closed the program yet).
 */
export async function submitApplication(
  actor: Actor,
  loaded: LoadedApplication,
  baseVersion: number,
  at?: Date,
): Promise<SubmitResult> {
  const { application, program } = loaded
  if (application.status === 'changes_requested') {
    return resubmitApplication(actor, loaded, baseVersion)
  }
  if (application.status !== 'draft') {
    return fail({ reason: 'not_draft', message: 'applications:refusals.alreadySubmitted' })
  }
  const now = at ?? (await databaseNow())
  // The same rule as the catalogue and the program page: a program withdrawn from view (its
  // fund made private, say) takes no submissions, whatever drafts were started before.
  if (!(await findVisibleProgram({ id: program.id }))) {
    return fail({
      reason: 'unavailable',
      message: 'applications:refusals.notAccepting',
    })
  }
  if (!isAcceptingApplications(program, now)) {
    return fail({
      reason: 'closed',
      message: 'applications:refusals.deadlinePassed',
    })
  }
  const issues = await issuesOf(loaded)
  if (issues.length) {
    return fail({ reason: 'incomplete', message: 'applications:refusals.incomplete', issues })
  }

  return db().transaction(async (tx) => {
    const [submitted] = await tx
      .update(applications)
      .set({ status: 'submitted', submittedAt: now, version: sql`${applications.version} + 1` })
      .where(
        and(
          eq(applications.id, application.id),
          eq(applications.status, 'draft'),
          eq(applications.version, baseVersion),
        ),
      )
      .returning({ id: applications.id })
    if (!submitted) {
      return fail({
        reason: 'stale',
        status: 409,
        message: 'applications:refusals.stale',
      })
    }
    await recordStatusChange(tx, actor, application, 'draft', 'submitted')
    await notifyApplicationSubmitted(tx, loaded)
    // The skilled help it asks for goes to volunteers now, not after the funder decides: a
    // group's need for help does not wait on the money (issue 11).
    if (program.allowSkillRequests) await openRequestsFromApplication(tx, actor, application)
    return { ok: true as const }
  })
}

async function issuesOf(loaded: LoadedApplication) {
  const { context, content } = await readApplication(loaded)
  return submissionIssues(context, content)
}

/**
 * Sends back an application the funder asked changes to. The funder asked for it, so neither the
 * program's deadline nor its visibility applies; the application must still pass the submission
 * check. It returns to where it was when the changes were asked (submitted or in review), keeps
 * its first submission time and its reviewers, and its history shows the resubmission.
 */
async function resubmitApplication(
  actor: Actor,
  loaded: LoadedApplication,
  baseVersion: number,
): Promise<SubmitResult> {
  const { application } = loaded
  const issues = await issuesOf(loaded)
  if (issues.length) {
    return fail({ reason: 'incomplete', message: 'applications:refusals.incomplete', issues })
  }
  return db().transaction(async (tx) => {
    const back = await statusBeforeChangesRequested(tx, application, loaded.program)
    const [resubmitted] = await tx
      .update(applications)
      .set({ status: back, version: sql`${applications.version} + 1` })
      .where(
        and(
          eq(applications.id, application.id),
          eq(applications.status, 'changes_requested'),
          eq(applications.version, baseVersion),
        ),
      )
      .returning({ id: applications.id })
    if (!resubmitted) {
      return fail({ reason: 'stale', status: 409, message: 'applications:refusals.stale' })
    }
    await recordStatusChange(tx, actor, application, 'changes_requested', back, '', {
      action: 'application.resubmitted',
    })
    await notifyApplicationResubmitted(tx, loaded)
    return { ok: true as const }
  })
}

/**
 * Only what the funder has received can be withdrawn. A draft never reaches the funder; withdrawing
 * one would put a never-submitted application (and its files) in front of them.
 */
const WITHDRAWABLE: ApplicationStatus[] = ['submitted', 'in_review', 'changes_requested']

/** A group may withdraw a submitted application until a decision is made. */
export async function withdrawApplication(
  actor: Actor,
  loaded: LoadedApplication,
  reason: string,
): Promise<Result<object, { reason: 'draft' | 'decided'; message: string }>> {
  const { application } = loaded
  return db().transaction(async (tx) => {
    const [row] = await tx
      .update(applications)
      .set({ status: 'withdrawn', version: sql`${applications.version} + 1` })
      .where(and(eq(applications.id, application.id), inArray(applications.status, WITHDRAWABLE)))
      .returning({ id: applications.id })
    if (!row) {
      const [current] = await tx
        .select({ status: applications.status })
        .from(applications)
        .where(eq(applications.id, application.id))
      return current?.status === 'draft'
        ? fail({
            reason: 'draft',
            status: 409,
            message: 'applications:refusals.withdrawDraft',
          })
        : fail({
            reason: 'decided',
            message: 'applications:refusals.withdrawDecided',
          })
    }
    await recordStatusChange(tx, actor, application, application.status, 'withdrawn', reason)
    return { ok: true as const }
  })
}
