import { eq } from 'drizzle-orm'
import type Stripe from 'stripe'
import type { Db, Tx } from '#db/client.server.ts'
import { donations, type Donation } from '#db/schema/index.ts'
import { stripe } from '#app/services/payments/stripe.server.ts'
import { lockDonation, moveTo, type Locked, type Move } from './donation-moves.server.ts'
import { donorLanguage, mailSettledGift } from './gift-mails.server.ts'
import { invoiceIntent, paidChargeOf, postSettlement, settledFields } from './settlement.server.ts'

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

/** The donation the session names (our id in its metadata), locked for this transaction. */
function lockSessionDonation(tx: Db, session: Stripe.Checkout.Session) {
  const donationId = session.metadata?.donationId ?? session.client_reference_id
  if (!donationId || !/^[0-9a-f-]{36}$/i.test(donationId)) return null
  return lockDonation(tx, eq(donations.id, donationId))
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

export async function applyCheckoutEvent(
  tx: Tx,
  event: Stripe.Event,
  facts: CheckoutFacts,
): Promise<Applied> {
  const donation = await lockSessionDonation(tx, facts.session)
  if (!donation) return { donationId: null, notApplied: 'unknown_donation' }
  const problem = mismatch(donation, facts)
  if (problem) return { donationId: donation.id, notApplied: problem }
  const target = targetStatus(event.type, facts)
  if (target === 'succeeded') await settle(tx, donation, event, facts)
  else if (target) await moveTo(tx, donation, target, event, {})
  return { donationId: donation.id, notApplied: null }
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

/**
 * The gift settles: the whole charge comes from the processor into the fund, and the processor's
 * actual fee (from the balance transaction) goes from the fund to the fees account. A donor who
 * covered the fee paid it on top, so the fund keeps at least the gift. Its mails (receipt,
 * tribute) are written with it, once: only the move to settled sends them.
 */
async function settle(tx: Tx, donation: Locked, event: Stripe.Event, facts: CheckoutFacts) {
  const paid = { charge: facts.charge!, balance: facts.balance! }
  const moved = await moveTo(tx, donation, 'succeeded', event, {
    ...settledFields(paid),
    stripeCheckoutSessionId: facts.session.id,
    stripeSubscriptionId:
      typeof facts.session.subscription === 'string' ? facts.session.subscription : null,
  })
  if (!moved) return
  await postSettlement(tx, donation, event, paid)
  const { metadata, locale } = facts.session
  await mailSettledGift(tx, donation.id, donorLanguage(metadata, locale))
}
