import { and, eq, inArray } from 'drizzle-orm'
import { db, type Tx } from '#db/client.server.ts'
import { grantMilestones, grantReports } from '#db/schema/index.ts'
import { fail, type Actor, type Result } from '#app/domain/result.ts'
import { recordAudit } from '#app/services/admin/audit.server.ts'
import { databaseNow } from '#app/services/clock.server.ts'
import {
  notifyGrantReportReviewed,
  notifyGrantReportSubmitted,
} from '#app/services/notifications/notification-events.server.ts'
import type { ReportInput, ReportReviewInput } from '#app/schemas/grants/grants.ts'
import { activeOfficerGrant, granteeGrant, refuseUnlessActive } from './grant-access.server.ts'
import { completeIfDone } from './grant-lifecycle.server.ts'

/**
 * The grantee submits its report on one of the grant's milestones (a first report, or a revision
 * after the funder asked for changes: a new submission, the earlier one kept as it was read).
 * Refused while an earlier submission awaits review or once one is accepted. The funder's
 * officers are told.
 */
export async function submitReport(
  actor: Actor,
  grantId: string,
  input: ReportInput,
): Promise<Result<{ reportId: string }>> {
  return db().transaction((tx) => submitReportInTransaction(tx, actor, grantId, input))
}

/** `submitReport` inside a transaction the caller holds (the demo seed). */
export async function submitReportInTransaction(
  tx: Tx,
  actor: Actor,
  grantId: string,
  input: ReportInput,
): Promise<Result<{ reportId: string }>> {
  const found = await granteeGrant(tx, actor, grantId, { lock: true })
  if (!found.ok) return found
  const inactive = refuseUnlessActive(found.grant)
  if (inactive) return inactive
  const [milestone] = await tx
    .select()
    .from(grantMilestones)
    .where(and(eq(grantMilestones.id, input.milestoneId), eq(grantMilestones.grantId, grantId)))
  if (!milestone) return fail({ status: 404, message: 'grants:refusals.noSuchMilestone' })
  const open = await tx
    .select({ status: grantReports.status })
    .from(grantReports)
    .where(
      and(
        eq(grantReports.milestoneId, milestone.id),
        inArray(grantReports.status, ['submitted', 'accepted']),
      ),
    )
    .limit(1)
  if (open[0]) {
    return fail({
      status: 409,
      message:
        open[0].status === 'accepted'
          ? 'grants:refusals.reportAccepted'
          : 'grants:refusals.reportAwaitingReview',
    })
  }
  const [report] = await tx
    .insert(grantReports)
    .values({
      milestoneId: milestone.id,
      grantId,
      body: input.body,
      figures: input.figures,
      submittedByUserId: actor.id,
      submittedAt: await databaseNow(tx),
    })
    .returning({ id: grantReports.id })
  const reportId = report!.id
  await recordAudit(tx, {
    actorUserId: actor.id,
    action: 'grant_report.submitted',
    entityType: 'grant_report',
    entityId: reportId,
    organizationId: found.grant.organizationId,
    ip: actor.ip,
    details: { grantId, milestoneId: milestone.id },
  })
  await notifyGrantReportSubmitted(tx, found, { id: reportId, milestone: milestone.title })
  return { ok: true, reportId }
}

/**
 * The funder's officer accepts a submitted report, or asks for changes with a message the
 * grantee reads above its next revision. Accepting the final report of a grant whose payments are
 * all made completes the grant.
 */
export async function reviewReport(
  actor: Actor,
  grantId: string,
  input: ReportReviewInput,
): Promise<Result<{ completed: boolean }>> {
  return db().transaction(async (tx) => {
    const found = await activeOfficerGrant(tx, actor, grantId)
    if (!found.ok) return found
    const [report] = await tx
      .select({
        id: grantReports.id,
        status: grantReports.status,
        milestone: grantMilestones.title,
      })
      .from(grantReports)
      .innerJoin(grantMilestones, eq(grantMilestones.id, grantReports.milestoneId))
      .where(and(eq(grantReports.id, input.reportId), eq(grantReports.grantId, grantId)))
    if (!report) return fail({ status: 404, message: 'grants:refusals.noSuchReport' })
    if (report.status !== 'submitted') {
      return fail({ status: 409, message: 'grants:refusals.reportAlreadyReviewed' })
    }
    const accepted = input.decision === 'accept'
    const message = input.decision === 'changes' ? input.message : null
    await tx
      .update(grantReports)
      .set({
        status: accepted ? 'accepted' : 'changes_requested',
        reviewedByUserId: actor.id,
        reviewedAt: await databaseNow(tx),
        reviewMessage: message,
      })
      .where(eq(grantReports.id, report.id))
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: accepted ? 'grant_report.accepted' : 'grant_report.changes_requested',
      entityType: 'grant_report',
      entityId: report.id,
      organizationId: found.funderId,
      ip: actor.ip,
      details: { grantId, ...(message ? { message } : {}) },
    })
    await notifyGrantReportReviewed(tx, found, report, accepted ? 'accepted' : 'changes')
    const completed = accepted ? await completeIfDone(tx, actor, found) : false
    return { ok: true, completed }
  })
}
