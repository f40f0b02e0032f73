import { and, eq } from 'drizzle-orm'
import { db, type Db } from '#db/client.server.ts'
import { grantDisbursements } from '#db/schema/index.ts'
import { isUuid } from '#app/lib/uuid.ts'
import type { AuditAction } from '#app/domain/audit-actions.ts'
import { fail, type Actor, type Result } from '#app/domain/result.ts'
import { recordAudit } from '#app/services/admin/audit.server.ts'
import { databaseNow } from '#app/services/clock.server.ts'
import { move } from '#app/domain/ledger/postings.ts'
import { allocateToGrant } from '#app/services/donations/allocation.server.ts'
import { balanceOf, postTransaction } from '#app/services/ledger/ledger.server.ts'
import { notifyGrantPaymentMade } from '#app/services/notifications/notification-events.server.ts'
import { activeOfficerGrant, officerGrant, type GrantInContext } from './grant-access.server.ts'
import { completeIfDone } from './grant-lifecycle.server.ts'

function auditPayment(
  tx: Db,
  actor: Actor,
  found: GrantInContext,
  action: AuditAction,
  disbursementId: string,
  details: Record<string, unknown>,
) {
  return recordAudit(tx, {
    actorUserId: actor.id,
    action,
    entityType: 'grant_disbursement',
    entityId: disbursementId,
    organizationId: found.funderId,
    ip: actor.ip,
    details: { grantId: found.grant.id, ...details },
  })
}

/** The payment of the grant, read under the grant's lock. */
async function paymentOf(tx: Db, grantId: string, disbursementId: string) {
  if (!isUuid(disbursementId)) return null
  const [payment] = await tx
    .select()
    .from(grantDisbursements)
    .where(and(eq(grantDisbursements.id, disbursementId), eq(grantDisbursements.grantId, grantId)))
  return payment ?? null
}

/**
 * The payment's money leaves the grant's account for the grantees'. Open gifts fund what the
 * grant's account lacks for it first (allocation.server.ts, so their donors see where the money
 * went); what they cannot cover is paid from the funder's own money, and the grant's account goes
 * below zero by it (the grant page shows it as paid beyond what gifts funded).
 */
async function postPayment(
  tx: Db,
  found: GrantInContext,
  payment: { id: string; amountMinor: number },
  actor: Actor,
) {
  const currency = found.currency
  const held = await balanceOf(tx, { kind: 'grant', grantId: found.grant.id, currency })
  if (held < payment.amountMinor) {
    await allocateToGrant(tx, found, actor, payment.amountMinor - Math.max(0, held))
  }
  return postTransaction(tx, {
    idempotencyKey: `disbursement:${payment.id}:paid`,
    movement: 'disbursement',
    postings: move(
      { kind: 'grant', grantId: found.grant.id, currency },
      { kind: 'paid_out', currency },
      payment.amountMinor,
    ),
    memo: `Payment ${payment.id} of grant ${found.grant.id}`,
    refs: { grantId: found.grant.id, disbursementId: payment.id },
    createdByUserId: actor.id,
  })
}

/**
 * THE way a grant payment becomes paid; nothing else writes `status = 'paid'`. Only the funder's
 * program officers may; a held, cancelled or already paid payment is refused, as is any payment
 * of a grant that is not active. The grant row is locked first, so two clicks (or two officers)
 * at once pay once: the second finds it paid. Audited; the grantee is notified; a grant whose
 * last payment this was and whose final report is accepted is completed.
 *
 * The same transaction posts the payment's ledger movement (grant → paid out, keyed by the
 * payment, so it is posted once), so a payment and its money move together or not at all. The
 * donation lots were consumed earlier, when the grant was funded (allocation.server.ts).
 */
export async function markDisbursementPaid(
  actor: Actor,
  grantId: string,
  disbursementId: string,
): Promise<Result<{ paidAt: Date }>> {
  return db().transaction(async (tx) => {
    const found = await officerGrant(tx, actor, grantId, { lock: true })
    if (!found.ok) return found
    const payment = await paymentOf(tx, grantId, disbursementId)
    if (!payment) return fail({ status: 404, message: 'grants:refusals.noSuchPayment' })
    if (payment.status === 'paid') {
      return fail({ status: 409, message: 'grants:refusals.alreadyPaid' })
    }
    if (payment.status === 'held') return fail({ status: 409, message: 'grants:refusals.held' })
    if (payment.status === 'cancelled' || found.grant.status !== 'active') {
      return fail({ status: 409, message: 'grants:refusals.paymentCancelled' })
    }
    const paidAt = await databaseNow(tx)
    const [paid] = await tx
      .update(grantDisbursements)
      .set({ status: 'paid', paidAt, paidByUserId: actor.id, updatedAt: paidAt })
      .where(and(eq(grantDisbursements.id, payment.id), eq(grantDisbursements.status, 'scheduled')))
      .returning({ id: grantDisbursements.id })
    if (!paid) return fail({ status: 409, message: 'grants:refusals.alreadyPaid' })
    await postPayment(tx, found, payment, actor)
    await auditPayment(tx, actor, found, 'grant_disbursement.paid', payment.id, {
      amountMinor: payment.amountMinor,
      dueOn: payment.dueOn,
    })
    await notifyGrantPaymentMade(tx, found, payment)
    await completeIfDone(tx, actor, found)
    return { ok: true, paidAt }
  })
}

/** Holds a scheduled payment while a report is overdue, with the reason the grantee reads. */
export async function holdDisbursement(
  actor: Actor,
  grantId: string,
  disbursementId: string,
  reason: string,
): Promise<Result> {
  return db().transaction(async (tx) => {
    const found = await activeOfficerGrant(tx, actor, grantId)
    if (!found.ok) return found
    const payment = await paymentOf(tx, grantId, disbursementId)
    if (!payment) return fail({ status: 404, message: 'grants:refusals.noSuchPayment' })
    if (payment.status !== 'scheduled') {
      return fail({ status: 409, message: 'grants:refusals.onlyScheduledHeld' })
    }
    await tx
      .update(grantDisbursements)
      .set({ status: 'held', holdReason: reason, updatedAt: await databaseNow(tx) })
      .where(eq(grantDisbursements.id, payment.id))
    await auditPayment(tx, actor, found, 'grant_disbursement.held', payment.id, { reason })
    return { ok: true }
  })
}

/** Releases a held payment: it is scheduled again and can be paid. */
export async function releaseDisbursement(
  actor: Actor,
  grantId: string,
  disbursementId: string,
): Promise<Result> {
  return db().transaction(async (tx) => {
    const found = await officerGrant(tx, actor, grantId, { lock: true })
    if (!found.ok) return found
    const payment = await paymentOf(tx, grantId, disbursementId)
    if (!payment) return fail({ status: 404, message: 'grants:refusals.noSuchPayment' })
    if (payment.status !== 'held') return fail({ status: 409, message: 'grants:refusals.notHeld' })
    await tx
      .update(grantDisbursements)
      .set({ status: 'scheduled', holdReason: null, updatedAt: await databaseNow(tx) })
      .where(eq(grantDisbursements.id, payment.id))
    await auditPayment(tx, actor, found, 'grant_disbursement.released', payment.id, {})
    return { ok: true }
  })
}
