import type { StripeApi } from './api.ts'
import { monthAfter, unixNow, type StripeObject } from './store.ts'

/**
 * What Stripe does later in a payment's life, which the sandbox triggers on demand (tests, and a
 * person trying the admin page): a subscription's next month, and a cardholder's dispute.
 */
type Emitted = Array<[type: string, object: StripeObject]>

/** Stripe's fee for a dispute in USD (15.00), kept whatever the outcome. */
export const SANDBOX_DISPUTE_FEE = 15_00

/** The subscription's next month: a new invoice paid by a new charge (`invoice.paid`). */
export function renewSubscription(api: StripeApi, subscriptionId: string): Emitted {
  const { store } = api
  const sub = store.get(subscriptionId, 'subscription')
  if (!sub || sub.status !== 'active')
    throw new Error(`Subscription ${subscriptionId} is not active`)
  const first = store.get(sub.latest_invoice as string, 'invoice')!
  const amount = first.amount_due as number
  const intent = store.put({
    id: store.newId('pi'),
    object: 'payment_intent',
    amount,
    amount_received: 0,
    created: unixNow(),
    currency: sub.currency,
    latest_charge: null,
    livemode: false,
    metadata: sub.metadata,
    status: 'requires_payment_method',
  })
  api.settleCharge(intent.id)
  const invoice = store.put({
    ...structuredClone(first),
    id: store.newId('in'),
    amount_paid: amount,
    billing_reason: 'subscription_cycle',
    created: unixNow(),
    payments: {
      object: 'list',
      data: [
        {
          object: 'invoice_payment',
          amount_paid: amount,
          payment: { type: 'payment_intent', payment_intent: intent.id },
          status: 'paid',
        },
      ],
    },
    status: 'paid',
  })
  // The next month is the current period now.
  const items = structuredClone(sub.items) as { data: Array<Record<string, unknown>> }
  for (const item of items.data) {
    const end = (item.current_period_end as number | undefined) ?? unixNow()
    item.current_period_start = end
    item.current_period_end = monthAfter(end)
  }
  store.update(sub.id, { latest_invoice: invoice.id, items })
  return [['invoice.paid', invoice]]
}

/** A balance transaction of a dispute: the charge withdrawn (with the fee) or reinstated. */
function disputeTxn(api: StripeApi, dispute: StripeObject, amount: number, fee: number) {
  return api.store.put({
    id: api.store.newId('txn'),
    object: 'balance_transaction',
    amount,
    created: unixNow(),
    currency: dispute.currency,
    fee,
    fee_details: fee ? [{ amount: fee, currency: dispute.currency, type: 'stripe_fee' }] : [],
    net: amount - fee,
    reporting_category: amount < 0 ? 'dispute' : 'dispute_reversal',
    source: dispute.id,
    status: 'available',
    type: 'adjustment',
  })
}

/** The cardholder disputes the charge: Stripe opens it and withdraws the money and its fee. */
export function openDispute(api: StripeApi, chargeId: string): Emitted {
  const { store } = api
  const charge = store.get(chargeId, 'charge')
  if (!charge || charge.disputed) throw new Error(`Charge ${chargeId} cannot be disputed`)
  const dispute = store.put({
    id: store.newId('dp'),
    object: 'dispute',
    amount: charge.amount,
    balance_transactions: [],
    charge: charge.id,
    created: unixNow(),
    currency: charge.currency,
    livemode: false,
    payment_intent: charge.payment_intent,
    reason: 'fraudulent',
    status: 'needs_response',
  })
  store.update(charge.id, { disputed: true })
  const created = structuredClone(dispute)
  const withdrawn = disputeTxn(api, dispute, -(charge.amount as number), SANDBOX_DISPUTE_FEE)
  store.update(dispute.id, { balance_transactions: [withdrawn] })
  return [
    ['charge.dispute.created', created],
    ['charge.dispute.funds_withdrawn', structuredClone(dispute)],
  ]
}

/** The dispute is decided: won gives the money back (not the fee), lost keeps it withdrawn. */
export function closeDispute(api: StripeApi, disputeId: string, outcome: 'won' | 'lost'): Emitted {
  const { store } = api
  const dispute = store.get(disputeId, 'dispute')
  if (!dispute || dispute.status === 'won' || dispute.status === 'lost') {
    throw new Error(`Dispute ${disputeId} is not open`)
  }
  const txns = dispute.balance_transactions as StripeObject[]
  if (outcome === 'won') {
    const back = disputeTxn(api, dispute, dispute.amount as number, 0)
    store.update(dispute.id, { balance_transactions: [...txns, back], status: 'won' })
    return [
      ['charge.dispute.funds_reinstated', structuredClone(dispute)],
      ['charge.dispute.closed', structuredClone(dispute)],
    ]
  }
  store.update(dispute.id, { status: 'lost' })
  return [['charge.dispute.closed', structuredClone(dispute)]]
}
