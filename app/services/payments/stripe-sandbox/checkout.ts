import type { StripeApi } from './api.ts'
import { monthAfter, unixNow, type StripeObject } from './store.ts'

/**
 * What a person can do on the sandbox's hosted checkout page, and what Stripe would then do:
 * - pay: a card that succeeds at once (`checkout.session.completed`, paid);
 * - delayed: a bank debit that clears later (completed unpaid, then `async_payment_succeeded`);
 * - fail: a bank debit that bounces later (completed unpaid, then `async_payment_failed`);
 * - expire: leaving without paying (`checkout.session.expired`).
 */
export const CHECKOUT_OUTCOMES = ['pay', 'delayed', 'fail', 'expire'] as const
export type CheckoutOutcome = (typeof CHECKOUT_OUTCOMES)[number]

/** Events now, and events for later (a delayed method clears or fails after a while). */
export interface OutcomeEvents {
  now: Array<[type: string, object: StripeObject]>
  later: () => Array<[type: string, object: StripeObject]>
}

export function completeCheckout(
  api: StripeApi,
  session: StripeObject,
  outcome: CheckoutOutcome,
): OutcomeEvents {
  const { store } = api
  if (session.status !== 'open')
    throw new Error(`Checkout session ${session.id} is ${String(session.status)}`)
  if (outcome === 'expire') {
    const expired = store.update(session.id, { status: 'expired' })
    return { now: [['checkout.session.expired', expired]], later: () => [] }
  }
  const intent = openPaymentIntent(api, session)
  const card = outcome === 'pay'
  if (card) api.settleCharge(intent.id)
  else store.update(intent.id, { status: 'processing' })
  const completed = store.update(session.id, {
    status: 'complete',
    payment_status: card ? 'paid' : 'unpaid',
  })
  const invoiceNow = markInvoice(api, session.id, card)
  const later = () => {
    if (card) return []
    if (outcome === 'fail') {
      store.update(intent.id, { status: 'requires_payment_method' })
      return [
        ['checkout.session.async_payment_failed', store.get(session.id)!],
      ] as OutcomeEvents['now']
    }
    api.settleCharge(intent.id)
    const invoiceLater = markInvoice(api, session.id, true)
    const paid = store.update(session.id, { payment_status: 'paid' })
    return [
      ['checkout.session.async_payment_succeeded', paid],
      ...invoiceLater,
    ] as OutcomeEvents['now']
  }
  return { now: [['checkout.session.completed', completed], ...invoiceNow], later }
}

/**
 * The payment intent that pays the session: its own in payment mode; in subscription mode the
 * first invoice's, with the customer, subscription and invoice Stripe makes at the same time.
 */
function openPaymentIntent(api: StripeApi, session: StripeObject): StripeObject {
  const { store } = api
  const extras = api.extras.get(session.id)!
  const subscription = session.mode === 'subscription'
  const intent = store.put({
    id: store.newId('pi'),
    object: 'payment_intent',
    amount: session.amount_total,
    amount_received: 0,
    created: unixNow(),
    currency: session.currency,
    latest_charge: null,
    livemode: false,
    metadata: subscription ? extras.subscriptionMetadata : extras.paymentIntentMetadata,
    status: 'requires_payment_method',
  })
  if (!subscription) {
    store.update(session.id, { payment_intent: intent.id })
    return intent
  }
  const customer = store.newId('cus')
  const invoiceId = store.newId('in')
  const sub = store.put({
    id: store.newId('sub'),
    object: 'subscription',
    cancel_at_period_end: false,
    canceled_at: null,
    created: unixNow(),
    currency: session.currency,
    customer,
    ended_at: null,
    items: {
      object: 'list',
      data: [
        {
          object: 'subscription_item',
          // The month the first invoice pays for; Stripe charges the next at its end.
          current_period_start: unixNow(),
          current_period_end: monthAfter(unixNow()),
          price: {
            object: 'price',
            currency: session.currency,
            unit_amount: session.amount_total,
            recurring: { interval: extras.interval, interval_count: 1 },
          },
          quantity: 1,
        },
      ],
    },
    latest_invoice: invoiceId,
    livemode: false,
    metadata: extras.subscriptionMetadata,
    status: 'incomplete',
  })
  store.put({
    id: invoiceId,
    object: 'invoice',
    amount_due: session.amount_total,
    amount_paid: 0,
    billing_reason: 'subscription_create',
    created: unixNow(),
    currency: session.currency,
    customer,
    livemode: false,
    parent: {
      type: 'subscription_details',
      subscription_details: { subscription: sub.id, metadata: extras.subscriptionMetadata },
    },
    payments: {
      object: 'list',
      data: [
        {
          object: 'invoice_payment',
          amount_paid: null,
          payment: { type: 'payment_intent', payment_intent: intent.id },
          status: 'open',
        },
      ],
    },
    status: 'open',
  })
  store.update(session.id, { customer, subscription: sub.id, invoice: invoiceId })
  return intent
}

/**
 * A subscription session's first invoice (and so its subscription) paid or still open; once paid,
 * Stripe also sends `invoice.paid` for it (which the app must not count a second time).
 */
function markInvoice(
  api: StripeApi,
  sessionId: string,
  paid: boolean,
): Array<[type: string, object: StripeObject]> {
  const { store } = api
  const session = store.get(sessionId)!
  if (session.mode !== 'subscription' || !paid) return []
  const invoice = store.get(session.invoice as string)!
  const payments = invoice.payments as { data: Array<Record<string, unknown>> }
  payments.data[0]!.status = 'paid'
  payments.data[0]!.amount_paid = invoice.amount_due
  const done = store.update(invoice.id, { status: 'paid', amount_paid: invoice.amount_due })
  store.update(session.subscription as string, { status: 'active' })
  return [['invoice.paid', done]]
}
