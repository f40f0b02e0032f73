import { and, desc, eq, inArray, sql } from 'drizzle-orm'
import { db, type Db } from '#db/client.server.ts'
import { applicationEvents, applications, users } from '#db/schema/index.ts'
import {
  CHANGES_REQUESTABLE_STATUSES,
  type ApplicationStatus,
} from '#app/domain/applications/application-status.ts'
import { isRubricLocked, type ProgramStatus } from '#app/domain/programs/program-status.ts'
import { fail, type Actor, type Result } from '#app/domain/result.ts'
import { notifyChangesRequested } from '#app/services/notifications/notification-events.server.ts'
import { recordStatusChange, type LoadedApplication } from './applications.server.ts'

/**
 * An officer asks the group for changes: the application goes back to the group, editable like
 * a draft, with the message above every step, until the group submits it again
 * (`submitApplication`). Its reviewers and their reviews stay. Only what the funder has received
 * and not yet decided can be sent back.
 */
export async function requestChanges(
  actor: Actor,
  loaded: Pick<LoadedApplication, 'application' | 'program'>,
  message: string,
): Promise<Result<object, { reason: 'not_received' | 'closed' | 'already' }>> {
  const { application, program } = loaded
  return db().transaction(async (tx) => {
    const [before] = await tx
      .select({ status: applications.status })
      .from(applications)
      .where(eq(applications.id, application.id))
      .for('update')
    const from = before?.status
    if (!from || !(CHANGES_REQUESTABLE_STATUSES as readonly ApplicationStatus[]).includes(from)) {
      if (from === 'changes_requested') {
        return fail({
          reason: 'already',
          status: 409,
          message: 'applications:changes.refusals.already',
        })
      }
      return from === 'draft'
        ? fail({
            reason: 'not_received',
            status: 409,
            message: 'applications:changes.refusals.notReceived',
          })
        : fail({ reason: 'closed', status: 409, message: 'applications:changes.refusals.closed' })
    }
    await tx
      .update(applications)
      .set({ status: 'changes_requested', version: sql`${applications.version} + 1` })
      .where(
        and(
          eq(applications.id, application.id),
          inArray(applications.status, [...CHANGES_REQUESTABLE_STATUSES]),
        ),
      )
    await recordStatusChange(tx, actor, application, from, 'changes_requested', message)
    const [event] = await tx
      .select({ id: applicationEvents.id })
      .from(applicationEvents)
      .where(eq(applicationEvents.applicationId, application.id))
      .orderBy(desc(applicationEvents.id))
      .limit(1)
    await notifyChangesRequested(tx, { eventId: event?.id ?? 0, application, program })
    return { ok: true as const }
  })
}

/** The officer's standing request on an application sent back for changes, for the group to read. */
export async function currentChangeRequest(applicationId: string) {
  const [row] = await db()
    .select({
      message: applicationEvents.note,
      at: applicationEvents.at,
      by: users.name,
    })
    .from(applicationEvents)
    .leftJoin(users, eq(users.id, applicationEvents.actorUserId))
    .where(
      and(
        eq(applicationEvents.applicationId, applicationId),
        eq(applicationEvents.toStatus, 'changes_requested'),
      ),
    )
    .orderBy(desc(applicationEvents.id))
    .limit(1)
  return row ?? null
}

/**
 * Where a resubmitted application goes back to: in review when the program's review has started
 * (it may have started while the group was editing), else where it was when the changes were
 * asked.
 */
export async function statusBeforeChangesRequested(
  tx: Db,
  application: { id: string },
  program: { status: ProgramStatus },
): Promise<'submitted' | 'in_review'> {
  // The program's review has started exactly when its rubric is locked (in review or decided).
  if (isRubricLocked(program.status)) return 'in_review'
  const [row] = await tx
    .select({ from: applicationEvents.fromStatus })
    .from(applicationEvents)
    .where(
      and(
        eq(applicationEvents.applicationId, application.id),
        eq(applicationEvents.toStatus, 'changes_requested'),
      ),
    )
    .orderBy(desc(applicationEvents.id))
    .limit(1)
  return row?.from === 'in_review' ? 'in_review' : 'submitted'
}
