import { and, desc, eq, inArray, ne } from 'drizzle-orm'
import { db, type Db } from '#db/client.server.ts'
import { grantDisbursements, grantMilestones, grantReports, grants } from '#db/schema/index.ts'
import { fail, type Actor, type Result } from '#app/domain/result.ts'
import { recordAudit } from '#app/services/admin/audit.server.ts'
import { databaseNow } from '#app/services/clock.server.ts'
import { activeOfficerGrant, type GrantInContext } from './grant-access.server.ts'

/**
 * Completes the grant when nothing is left to do: every payment paid and the report of its last
 * milestone (the final report) accepted. Called inside the transaction that paid the last payment
 * or accepted the report, under the grant's lock. Answers whether it completed the grant.
 */
export async function completeIfDone(
  tx: Db,
  actor: Actor,
  found: GrantInContext,
): Promise<boolean> {
  if (found.grant.status !== 'active') return false
  const unpaid = await tx
    .select({ id: grantDisbursements.id })
    .from(grantDisbursements)
    .where(
      and(eq(grantDisbursements.grantId, found.grant.id), ne(grantDisbursements.status, 'paid')),
    )
    .limit(1)
  if (unpaid.length > 0) return false
  const [last] = await tx
    .select({ id: grantMilestones.id })
    .from(grantMilestones)
    .where(eq(grantMilestones.grantId, found.grant.id))
    .orderBy(desc(grantMilestones.dueOn), desc(grantMilestones.createdAt))
    .limit(1)
  if (last) {
    const accepted = await tx
      .select({ id: grantReports.id })
      .from(grantReports)
      .where(and(eq(grantReports.milestoneId, last.id), eq(grantReports.status, 'accepted')))
      .limit(1)
    if (accepted.length === 0) return false
  }
  await tx
    .update(grants)
    .set({ status: 'completed', updatedAt: await databaseNow(tx) })
    .where(eq(grants.id, found.grant.id))
  await recordAudit(tx, {
    actorUserId: actor.id,
    action: 'grant.completed',
    entityType: 'grant',
    entityId: found.grant.id,
    organizationId: found.funderId,
    ip: actor.ip,
    details: {},
  })
  return true
}

/**
 * Cancels an active grant with the reason the grantee reads: its unpaid payments are cancelled
 * (paid ones stay paid), and the database no longer holds its schedule to the award.
 */
export async function cancelGrant(actor: Actor, grantId: string, reason: string): Promise<Result> {
  return db().transaction(async (tx) => {
    const found = await activeOfficerGrant(tx, actor, grantId)
    if (!found.ok) return found
    if (!reason.trim()) {
      return fail({ fieldErrors: { reason: 'grants:errors.cancelReasonRequired' } })
    }
    const now = await databaseNow(tx)
    const cancelled = await tx
      .update(grantDisbursements)
      .set({ status: 'cancelled', holdReason: null, updatedAt: now })
      .where(
        and(
          eq(grantDisbursements.grantId, grantId),
          inArray(grantDisbursements.status, ['scheduled', 'held']),
        ),
      )
      .returning({ id: grantDisbursements.id, amountMinor: grantDisbursements.amountMinor })
    await tx
      .update(grants)
      .set({ status: 'cancelled', cancelReason: reason.trim(), updatedAt: now })
      .where(eq(grants.id, grantId))
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: 'grant.cancelled',
      entityType: 'grant',
      entityId: grantId,
      organizationId: found.funderId,
      ip: actor.ip,
      details: {
        reason: reason.trim(),
        cancelledPayments: cancelled.length,
        cancelledMinor: cancelled.reduce((sum, p) => sum + p.amountMinor, 0),
      },
    })
    return { ok: true }
  })
}
