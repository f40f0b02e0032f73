import { eq, inArray, type SQL } from 'drizzle-orm'
import type Stripe from 'stripe'
import type { Db } from '#db/client.server.ts'
import { donations, funds, type Donation } from '#db/schema/index.ts'
import { canMove } from '#app/domain/donations/donation-status.ts'
import type { AuditAction } from '#app/domain/audit-actions.ts'
import { recordAudits } from '#app/services/admin/audit.server.ts'

/** A donation locked for the event's transaction, with its fund's organisation (for the audit). */
export type Locked = Donation & { organizationId: string }

/** The donation `where` names, locked until the transaction ends (events for it take turns). */
export async function lockDonation(tx: Db, where: SQL): Promise<Locked | null> {
  const [row] = await tx
    .select({ donation: donations, organizationId: funds.organizationId })
    .from(donations)
    .innerJoin(funds, eq(funds.id, donations.fundId))
    .where(where)
    .for('update', { of: donations })
  return row ? { ...row.donation, organizationId: row.organizationId } : null
}

/**
 * The donations named, locked in id order, by id (unknown ids are left out): two batches of
 * events naming the same gifts take their locks in one order, so neither waits on the other in
 * a circle.
 */
export async function lockDonations(tx: Db, ids: readonly string[]): Promise<Map<string, Locked>> {
  if (ids.length === 0) return new Map()
  const rows = await tx
    .select({ donation: donations, organizationId: funds.organizationId })
    .from(donations)
    .innerJoin(funds, eq(funds.id, donations.fundId))
    .where(inArray(donations.id, [...new Set(ids)]))
    .orderBy(donations.id)
    .for('update', { of: donations })
  return new Map(
    rows.map((row) => [row.donation.id, { ...row.donation, organizationId: row.organizationId }]),
  )
}

export const AUDIT = {
  processing: 'donation.checkout_completed',
  succeeded: 'donation.settled',
  failed: 'donation.failed',
  expired: 'donation.expired',
  refunded: 'donation.refunded',
  disputed: 'donation.disputed',
} as const
export type Move = keyof typeof AUDIT

/**
 * Moves the status forward and audits the move; a backward or repeated move does nothing and
 * answers false (how events that arrive late or twice converge).
 */
export async function moveTo(
  tx: Db,
  donation: Locked,
  to: Move,
  event: Stripe.Event,
  fields: Partial<Donation>,
): Promise<boolean> {
  if (!canMove(donation.status, to)) return false
  await tx
    .update(donations)
    .set({ ...fields, status: to })
    .where(eq(donations.id, donation.id))
  await auditEvent(tx, donation, AUDIT[to], event, { from: donation.status })
  return true
}

/** The audit row of a change an event made (Stripe is the actor: no user). */
export async function auditEvent(
  tx: Db,
  donation: Locked,
  action: AuditAction,
  event: Stripe.Event,
  details: Record<string, unknown>,
) {
  await auditEvents(tx, [{ donation, action, event, details }])
}

/** The audit rows of changes a batch of events made, in one statement. */
export async function auditEvents(
  tx: Db,
  changes: readonly {
    donation: Locked
    action: AuditAction
    event: Stripe.Event
    details: Record<string, unknown>
  }[],
) {
  await recordAudits(
    tx,
    changes.map(({ donation, action, event, details }) => ({
      actorUserId: null,
      action,
      entityType: 'donation',
      entityId: donation.id,
      organizationId: donation.organizationId,
      details: { ...details, event: event.id, type: event.type },
    })),
  )
}
