import { eq } from 'drizzle-orm'
import type Stripe from 'stripe'
import { db, type Tx } from '#db/client.server.ts'
import { stripeEvents } from '#db/schema/index.ts'
import { stripe, webhookSecret } from '#app/services/payments/stripe.server.ts'
import {
  applyCheckoutEvent,
  CHECKOUT_EVENTS,
  readCheckoutFacts,
  type Applied,
} from './checkout-events.server.ts'
import { applyDisputeEvent, DISPUTE_EVENTS, readDispute } from './dispute-events.server.ts'
import {
  applyInvoiceEvent,
  applySubscriptionEnded,
  readInvoiceFacts,
  readSubscription,
} from './invoice-events.server.ts'
import { applyRefundEvent, readRefundedCharge } from './refund-events.server.ts'

/**
 * Stripe's webhooks, the source of truth for money (issue 10): verified, recorded once, applied
 * in one database transaction with the status change, the ledger entries and the audit row.
 */

/** The event, when the signature is ours and fresh (5 minutes); null for anything else. */
export async function verifiedEvent(
  raw: string,
  signature: string | null,
): Promise<Stripe.Event | null> {
  if (!signature) return null
  try {
    const client = await stripe()
    return await client.webhooks.constructEventAsync(raw, signature, webhookSecret())
  } catch {
    return null
  }
}

/**
 * - applied: the event changed what it concerns (or found it already there);
 * - duplicate: this event id was received before (a redelivery, or a twin racing from another
 *   process): nothing is done again;
 * - ignored: a type the app does not act on (recorded, acknowledged);
 * - not_applied: the event concerns an unknown donation or disagrees with it; recorded with why.
 */
export type Receipt = 'applied' | 'duplicate' | 'ignored' | 'not_applied'

/**
 * An event about an object Stripe does not have (signed with our secret by another tool, or sent
 * to the sandbox before a restart made it forget): recorded as not applied, for the admin, rather
 * than refused, which would have it retried for days.
 */
function missingAtStripe(error: unknown): (tx: Tx) => Promise<Applied> {
  const missing = (error as { code?: string }).code === 'resource_missing'
  if (!missing) throw error
  return async () => ({ donationId: null, notApplied: 'object_missing' })
}

const isCheckoutEvent = (type: string) => (CHECKOUT_EVENTS as readonly string[]).includes(type)
const isDisputeEvent = (type: string) => (DISPUTE_EVENTS as readonly string[]).includes(type)

/**
 * What applies the event in the transaction, after re-reading from Stripe what it concerns
 * (outside the transaction: no network wait holds a lock); null for a type the app ignores.
 */
async function applierFor(event: Stripe.Event): Promise<((tx: Tx) => Promise<Applied>) | null> {
  if (isCheckoutEvent(event.type)) {
    const facts = await readCheckoutFacts(event)
    return (tx) => applyCheckoutEvent(tx, event, facts)
  }
  if (event.type === 'charge.refunded') {
    const charge = await readRefundedCharge(event)
    return (tx) => applyRefundEvent(tx, event, charge)
  }
  if (event.type === 'invoice.paid') {
    const facts = await readInvoiceFacts(event)
    return (tx) => applyInvoiceEvent(tx, event, facts)
  }
  if (event.type === 'customer.subscription.deleted') {
    const subscription = await readSubscription(event)
    return (tx) => applySubscriptionEnded(tx, event, subscription)
  }
  if (isDisputeEvent(event.type)) {
    const dispute = await readDispute(event)
    return (tx) => applyDisputeEvent(tx, event, dispute)
  }
  return null
}

export async function receiveEvent(event: Stripe.Event): Promise<Receipt> {
  // A redelivery is answered without asking Stripe anything.
  const [seen] = await db()
    .select({ id: stripeEvents.id })
    .from(stripeEvents)
    .where(eq(stripeEvents.id, event.id))
  if (seen) return 'duplicate'
  const apply = await applierFor(event).catch(missingAtStripe)
  return db().transaction(async (tx) => {
    // The unique id decides between two deliveries racing here: the second waits, then skips.
    const [inserted] = await tx
      .insert(stripeEvents)
      .values({
        id: event.id,
        type: event.type,
        payload: event as unknown as Record<string, unknown>,
      })
      .onConflictDoNothing()
      .returning({ id: stripeEvents.id })
    if (!inserted) return 'duplicate'
    if (!apply) return 'ignored'
    return applyAndNote(tx, event.id, apply)
  })
}

/** Applies the event in the transaction and notes on its row whether it could be, and why not. */
async function applyAndNote(
  tx: Tx,
  eventId: string,
  apply: (tx: Tx) => Promise<Applied>,
): Promise<'applied' | 'not_applied'> {
  const applied = await apply(tx)
  await tx
    .update(stripeEvents)
    .set({
      donationId: applied.donationId,
      appliedAt: applied.notApplied ? null : new Date(),
      error: applied.notApplied,
    })
    .where(eq(stripeEvents.id, eventId))
  return applied.notApplied ? 'not_applied' : 'applied'
}

/**
 * The admin's retry of an event that could not be applied (say its donation's checkout had not
 * settled yet): what it concerns is re-read from Stripe, then applied as on first receipt. The
 * event's row is locked, so a retry racing another (or a late delivery) applies it once; one
 * already applied is left alone.
 */
export async function retryEvent(eventId: string): Promise<Receipt | 'unknown_event'> {
  const [row] = await db().select().from(stripeEvents).where(eq(stripeEvents.id, eventId))
  if (!row) return 'unknown_event'
  if (row.appliedAt) return 'duplicate'
  const event = row.payload as unknown as Stripe.Event
  const apply = await applierFor(event).catch(missingAtStripe)
  if (!apply) return 'ignored'
  return db().transaction(async (tx) => {
    const [locked] = await tx
      .select({ appliedAt: stripeEvents.appliedAt })
      .from(stripeEvents)
      .where(eq(stripeEvents.id, eventId))
      .for('update')
    if (locked!.appliedAt) return 'duplicate'
    return applyAndNote(tx, eventId, apply)
  })
}
