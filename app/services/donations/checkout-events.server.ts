import { sql } from 'drizzle-orm'
import type Stripe from 'stripe'
import type { Tx } from '#db/client.server.ts'
import { donations, type Donation } from '#db/schema/index.ts'
import { canMove } from '#app/domain/donations/donation-status.ts'
import { stripe } from '#app/services/payments/stripe.server.ts'
import {
  AUDIT,
  auditEvents,
  lockDonations,
  moveTo,
  type Locked,
  type Move,
} from './donation-moves.server.ts'
import { donorLanguage, mailSettledGifts } from './gift-mails.server.ts'
import { invoiceIntent, paidChargeOf, postSettlements, settledFields } from './settlement.server.ts'

/**
 * What the Checkout events do to a donation. Each event is first re-read from Stripe (outside the
 * database transaction: no network wait holds a row lock), then applied in the webhook's
 * transaction: the status only moves forward, and a settled charge posts the gift and the
 * processor's actual fee to the ledger, keyed by the charge's balance transaction, so whichever
 * of `completed` or `async_payment_succeeded` comes first (or both, or twice) posts it once.
 */

export const CHECKOUT_EVENTS = [
  'checkout.session.completed',
  'checkout.session.async_payment_succeeded',
  'checkout.session.async_payment_failed',
  'checkout.session.expired',
] as const

/** The session as Stripe has it now, and its charge and balance transaction once paid. */
export interface CheckoutFacts {
  session: Stripe.Checkout.Session
  charge: Stripe.Charge | null
  balance: Stripe.BalanceTransaction | null
}

/**
 * The session re-read from Stripe (it may have moved on since the event was sent). A one-time
 * checkout (the common case) is one call: the session with its payment intent's charge and
 * balance transaction (the actual fee) expanded; a subscription's goes through its invoice.
 */
export async function readCheckoutFacts(event: Stripe.Event): Promise<CheckoutFacts> {
  const client = await stripe()
  const sent = event.data.object as Stripe.Checkout.Session
  if (sent.mode === 'payment') {
    const session = await client.checkout.sessions.retrieve(sent.id, {
      expand: ['payment_intent.latest_charge.balance_transaction'],
    })
    const intent = session.payment_intent as Stripe.PaymentIntent | null
    const charge = (intent?.latest_charge ?? null) as Stripe.Charge | null
    const balance = (charge?.balance_transaction ?? null) as Stripe.BalanceTransaction | null
    const paid = session.payment_status === 'paid' && charge && balance
    return paid ? { session, charge, balance } : { session, charge: null, balance: null }
  }
  const session = await client.checkout.sessions.retrieve(sent.id)
  if (session.payment_status !== 'paid') return { session, charge: null, balance: null }
  const intentId = await invoiceIntent(
    client,
    await client.invoices.retrieve(String(session.invoice)),
  )
  const paid = await paidChargeOf(client, intentId)
  return { session, charge: paid?.charge ?? null, balance: paid?.balance ?? null }
}

/** Why an event cannot be applied (kept on the event row for the admin); null: it can. */
export type NotApplied =
  'unknown_donation' | 'session_mismatch' | 'amount_mismatch' | 'object_missing'

/** The donation the session names (our id in its metadata); null when it names none. */
function donationIdOf(session: Stripe.Checkout.Session): string | null {
  const donationId = session.metadata?.donationId ?? session.client_reference_id
  return donationId && /^[0-9a-f-]{36}$/i.test(donationId) ? donationId : null
}

/** The charge Stripe made for the session matches what the donor was asked for. */
function mismatch(donation: Donation, facts: CheckoutFacts): NotApplied | null {
  const { session, charge } = facts
  if (donation.stripeCheckoutSessionId && donation.stripeCheckoutSessionId !== session.id) {
    return 'session_mismatch'
  }
  const expected = donation.amountMinor + donation.feeCoveredMinor
  const currency = donation.currency.toLowerCase()
  const sessionOff = session.amount_total !== expected || session.currency !== currency
  const chargeOff = charge !== null && (charge.amount !== expected || charge.currency !== currency)
  return sessionOff || chargeOff ? 'amount_mismatch' : null
}

export interface Applied {
  donationId: string | null
  notApplied: NotApplied | null
}

/** A Checkout event with the session as Stripe has it now. */
export interface CheckoutArrival {
  event: Stripe.Event
  facts: CheckoutFacts
}

/**
 * Applies Checkout events together, answering for each in order (a batch of deliveries settles
 * its gifts in a few statements: issue 10's ingest rate). The donations are locked at once, in
 * id order; each event is judged against its donation as the events before it left it, so the
 * same gift twice in a batch settles once.
 */
export async function applyCheckoutEvents(
  tx: Tx,
  arrivals: readonly CheckoutArrival[],
): Promise<Applied[]> {
  const ids = arrivals.map(({ facts }) => donationIdOf(facts.session))
  const locked = await lockDonations(
    tx,
    ids.filter((id): id is string => id !== null),
  )
  const settling: SettlingCheckout[] = []
  const applied: Applied[] = []
  for (const [n, { event, facts }] of arrivals.entries()) {
    const donation = locked.get(ids[n] ?? '')
    if (!donation) {
      applied.push({ donationId: null, notApplied: 'unknown_donation' })
      continue
    }
    const problem = mismatch(donation, facts)
    applied.push({ donationId: donation.id, notApplied: problem })
    if (problem) continue
    const target = targetStatus(event.type, facts)
    if (target === 'succeeded' && canMove(donation.status, target)) {
      settling.push({ donation: { ...donation }, event, facts })
      donation.status = target
    } else if (target && target !== 'succeeded') {
      if (await moveTo(tx, donation, target, event, {})) donation.status = target
    }
  }
  await settle(tx, settling)
  return applied
}

/**
 * Where the event points the donation. The re-read session decides, not the event's snapshot: a
 * `completed` that arrives after the delayed payment cleared finds the session paid and settles.
 */
function targetStatus(type: string, facts: CheckoutFacts): Move | null {
  if (facts.session.payment_status === 'paid' && facts.balance) return 'succeeded'
  if (type === 'checkout.session.completed') return 'processing'
  if (type === 'checkout.session.async_payment_failed') return 'failed'
  if (type === 'checkout.session.expired') return 'expired'
  return null
}

interface SettlingCheckout extends CheckoutArrival {
  donation: Locked
}

/**
 * The gifts settle: for each, the whole charge comes from the processor into the fund, and the
 * processor's actual fee (from the balance transaction) goes from the fund to the fees account. A
 * donor who covered the fee paid it on top, so the fund keeps at least the gift. Their mails
 * (receipt, tribute) are written with them, once: only the move to settled sends them. One
 * statement per kind of change, whatever the number of gifts.
 */
async function settle(tx: Tx, settling: readonly SettlingCheckout[]) {
  if (settling.length === 0) return
  const paid = (facts: CheckoutFacts) => ({ charge: facts.charge!, balance: facts.balance! })
  await tx.execute(sql`
    UPDATE ${donations} AS d
       SET status = 'succeeded', settled_at = s.settled_at, processor_fee_minor = s.fee,
           stripe_payment_intent_id = s.intent, stripe_charge_id = s.charge,
           stripe_checkout_session_id = s.session, stripe_subscription_id = s.subscription,
           updated_at = now()
      FROM (VALUES ${sql.join(
        settling.map(({ donation, facts }) => {
          const fields = settledFields(paid(facts))
          const { subscription } = facts.session
          return sql`(${donation.id}::uuid, ${fields.settledAt.toISOString()}::timestamptz,
            ${fields.processorFeeMinor}::bigint, ${fields.stripePaymentIntentId}::text,
            ${fields.stripeChargeId}::text, ${facts.session.id}::text,
            ${typeof subscription === 'string' ? subscription : null}::text)`
        }),
        sql`, `,
      )}) AS s (id, settled_at, fee, intent, charge, session, subscription)
     WHERE d.id = s.id`)
  await auditEvents(
    tx,
    settling.map(({ donation, event }) => ({
      donation,
      action: AUDIT.succeeded,
      event,
      details: { from: donation.status },
    })),
  )
  await postSettlements(
    tx,
    settling.map(({ donation, event, facts }) => ({ donation, event, paid: paid(facts) })),
  )
  await mailSettledGifts(
    tx,
    new Map(
      settling.map(({ donation, facts }) => [
        donation.id,
        donorLanguage(facts.session.metadata, facts.session.locale),
      ]),
    ),
  )
}
