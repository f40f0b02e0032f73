import { eq, sql } from 'drizzle-orm'
import type Stripe from 'stripe'
import { currentDatabase, db, type Tx } from '#db/client.server.ts'
import { stripeEvents } from '#db/schema/index.ts'
import { GroupCommit } from '#app/lib/group-commit.ts'
import { stripe, webhookSecret } from '#app/services/payments/stripe.server.ts'
import {
  applyCheckoutEvents,
  CHECKOUT_EVENTS,
  readCheckoutFacts,
  type Applied,
  type CheckoutFacts,
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
 * What the webhook endpoint answers a delivery: 400 for a bad or stale signature (nothing
 * changed), else 200 with what became of the event. Shared by the HTTP server's own endpoint
 * (app/utils/stripe-webhook-endpoint.server.ts) and the Remix route.
 */
export async function answerDelivery(
  raw: string,
  signature: string | null,
): Promise<{ status: 200 | 400; body: string }> {
  const event = await verifiedEvent(raw, signature)
  if (!event) return { status: 400, body: 'Invalid signature' }
  return { status: 200, body: JSON.stringify({ received: await receiveEvent(event) }) }
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
function missingAtStripe(error: unknown): Pick<Arrival, 'apply'> {
  const missing = (error as { code?: string }).code === 'resource_missing'
  if (!missing) throw error
  return { apply: async () => ({ donationId: null, notApplied: 'object_missing' }) }
}

const isCheckoutEvent = (type: string) => (CHECKOUT_EVENTS as readonly string[]).includes(type)
const isDisputeEvent = (type: string) => (DISPUTE_EVENTS as readonly string[]).includes(type)

/**
 * What applies the event in the transaction, after re-reading from Stripe what it concerns
 * (outside the transaction: no network wait holds a lock); null for a type the app ignores. A
 * Checkout event also carries what it read, so that a batch applies its Checkout events together.
 */
async function applierFor(event: Stripe.Event): Promise<Pick<Arrival, 'apply' | 'checkout'>> {
  if (isCheckoutEvent(event.type)) {
    const facts = await readCheckoutFacts(event)
    const apply = async (tx: Tx) => (await applyCheckoutEvents(tx, [{ event, facts }]))[0]!
    return { apply, checkout: facts }
  }
  return { apply: await otherApplierFor(event) }
}

async function otherApplierFor(
  event: Stripe.Event,
): Promise<((tx: Tx) => Promise<Applied>) | null> {
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
  return arrivals().submit(await arrivalOf(event))
}

/** The event with what applies it, re-read from Stripe (outside any transaction). */
export async function arrivalOf(event: Stripe.Event): Promise<Arrival> {
  return { event, ...(await applierFor(event).catch(missingAtStripe)) }
}

export interface Arrival {
  event: Stripe.Event
  apply: ((tx: Tx) => Promise<Applied>) | null
  /** A Checkout event's session (and charge) as re-read: applied with the batch's others. */
  checkout?: CheckoutFacts
}

/**
 * Events that arrive together are recorded and applied in one transaction (one commit for many
 * deliveries: issue 10's ingest rate). Each keeps its own answer; a batch that fails (an event's
 * error, or a deadlock with another process whose batch locks the same donations in another
 * order) is retried event by event, so one event's error is only its own.
 */
let batcher: GroupCommit<Arrival, Receipt> | undefined
const arrivals = () => (batcher ??= new GroupCommit(recordAndApply, MAX_BATCH, lanes()))

const MAX_BATCH = 64
/**
 * Batches written at once: on PostgreSQL, four of the pool's ten connections, so a process is not
 * idle while one batch waits on round trips; PGlite has one connection, so one.
 */
const lanes = () => (currentDatabase()?.driver === 'pg' ? 4 : 1)

/** One batch's transaction (exported for the tests' two-process races). */
export async function recordAndApply(batch: readonly Arrival[]): Promise<Receipt[]> {
  // In id order: two processes recording overlapping batches take the ids' locks in one order.
  const ids = [...new Set(batch.map((a) => a.event.id))].sort()
  const first = new Map<string, Arrival>()
  for (const arrival of [...batch].reverse()) first.set(arrival.event.id, arrival)
  return db().transaction(async (tx) => {
    // The unique id decides between two deliveries racing here: the second waits, then skips.
    const inserted = await tx
      .insert(stripeEvents)
      .values(
        ids.map((id) => {
          const { event } = first.get(id)!
          return { id, type: event.type, payload: event as unknown as Record<string, unknown> }
        }),
      )
      .onConflictDoNothing()
      .returning({ id: stripeEvents.id })
    const fresh = new Set(inserted.map((row) => row.id))
    // The same event twice in one batch: only its first arrival applies it.
    const mine = (arrival: Arrival) =>
      fresh.has(arrival.event.id) && first.get(arrival.event.id) === arrival
    const applied = new Map<Arrival, Applied>()
    // Checkout events first, together (a batch's settled gifts in a few statements); the rest
    // one by one in arrival order. The outcome is the same in any order (events converge).
    const checkouts = batch.filter((a) => mine(a) && a.checkout)
    const settled = await applyCheckoutEvents(
      tx,
      checkouts.map((a) => ({ event: a.event, facts: a.checkout! })),
    )
    checkouts.forEach((arrival, n) => applied.set(arrival, settled[n]!))
    for (const arrival of batch) {
      if (mine(arrival) && arrival.apply && !applied.has(arrival)) {
        applied.set(arrival, await arrival.apply(tx))
      }
    }
    await noteOutcomes(
      tx,
      [...applied].map(([arrival, outcome]) => ({ eventId: arrival.event.id, applied: outcome })),
    )
    return batch.map((arrival) => {
      const outcome = applied.get(arrival)
      if (!mine(arrival)) return 'duplicate'
      if (!outcome) return 'ignored'
      return outcome.notApplied ? 'not_applied' : 'applied'
    })
  })
}

type Outcome = { eventId: string; applied: Applied }

/**
 * Notes on each event's row whether it could be applied, and why not: one statement for the
 * batch (the same change made event by event was a tenth of a settled gift's statements).
 */
async function noteOutcomes(tx: Tx, outcomes: readonly Outcome[]) {
  if (outcomes.length === 0) return
  const rows = sql.join(
    outcomes.map(
      ({ eventId, applied }) =>
        sql`(${eventId}::text, ${applied.donationId}::uuid, ${applied.notApplied}::text)`,
    ),
    sql`, `,
  )
  await tx.execute(sql`
    UPDATE ${stripeEvents} AS e
       SET donation_id = o.donation_id,
           applied_at = CASE WHEN o.error IS NULL THEN now() END,
           error = o.error
      FROM (VALUES ${rows}) AS o (id, donation_id, error)
     WHERE e.id = o.id`)
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
  const { apply } = await applierFor(event).catch(missingAtStripe)
  if (!apply) return 'ignored'
  return db().transaction(async (tx) => {
    const [locked] = await tx
      .select({ appliedAt: stripeEvents.appliedAt })
      .from(stripeEvents)
      .where(eq(stripeEvents.id, eventId))
      .for('update')
    if (locked!.appliedAt) return 'duplicate'
    const applied = await apply(tx)
    await noteOutcomes(tx, [{ eventId, applied }])
    return applied.notApplied ? 'not_applied' : 'applied'
  })
}
