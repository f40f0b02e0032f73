import Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { processorFee } from '#app/domain/donations/fees.ts'
import { parseStripeForm } from '#app/services/payments/stripe-sandbox/form.ts'
import {
  assertLoopback,
  StripeStandIn,
} from '#app/services/payments/stripe-sandbox/stand-in.server.ts'

/*
 * The real stripe-node SDK against the sandbox's stand-in, over HTTP on the loopback interface:
 * the same calls the app makes, answered in Stripe's shapes.
 */

const secret = 'whsec_test_stand_in_secret_0123456789'
const delivered: Array<{ payload: string; signature: string }> = []
let standIn: StripeStandIn
let stripe: Stripe

beforeAll(async () => {
  standIn = await new StripeStandIn({
    checkoutPageBase: 'http://localhost:3000/sandbox/checkout',
    webhookSecret: secret,
    delayMs: 0,
    deliver: async (payload, signature) => {
      delivered.push({ payload, signature })
    },
  }).start()
  const { host, port } = standIn.address
  stripe = new Stripe('sk_test_sandbox', {
    host,
    port,
    protocol: 'http',
    maxNetworkRetries: 0,
    telemetry: false,
  })
})
afterAll(() => standIn.stop())

const donationSession = (overrides: Partial<Stripe.Checkout.SessionCreateParams> = {}) =>
  ({
    mode: 'payment',
    submit_type: 'donate',
    success_url: 'http://localhost:3000/give/thanks?session={CHECKOUT_SESSION_ID}',
    cancel_url: 'http://localhost:3000/give',
    client_reference_id: 'don_1',
    metadata: { donationId: 'don_1' },
    payment_intent_data: { metadata: { donationId: 'don_1' } },
    line_items: [
      {
        quantity: 1,
        price_data: { currency: 'usd', unit_amount: 50_00, product_data: { name: 'Gift' } },
      },
      {
        quantity: 1,
        price_data: { currency: 'usd', unit_amount: 1_85, product_data: { name: 'Fee' } },
      },
    ],
    ...overrides,
  }) satisfies Stripe.Checkout.SessionCreateParams

describe('the Stripe stand-in', () => {
  it('creates and retrieves a checkout session as Stripe shapes it', async () => {
    const session = await stripe.checkout.sessions.create(donationSession())
    expect(session).toMatchObject({
      object: 'checkout.session',
      mode: 'payment',
      submit_type: 'donate',
      status: 'open',
      payment_status: 'unpaid',
      amount_total: 51_85,
      currency: 'usd',
      metadata: { donationId: 'don_1' },
      client_reference_id: 'don_1',
      livemode: false,
    })
    expect(session.id).toMatch(/^cs_test_/)
    expect(session.url).toBe(`http://localhost:3000/sandbox/checkout/${session.id}`)
    const again = await stripe.checkout.sessions.retrieve(session.id)
    expect(again).toEqual(expect.objectContaining({ id: session.id, amount_total: 51_85 }))
  })

  it('honours an idempotency key: the same key answers the same session', async () => {
    const key = { idempotencyKey: 'donation:don_2:checkout' }
    const first = await stripe.checkout.sessions.create(donationSession(), key)
    const second = await stripe.checkout.sessions.create(donationSession(), key)
    expect(second.id).toBe(first.id)
    const other = await stripe.checkout.sessions.create(donationSession())
    expect(other.id).not.toBe(first.id)
    // The same key with other parameters is refused, as Stripe does.
    await expect(
      stripe.checkout.sessions.create(donationSession({ client_reference_id: 'don_3' }), key),
    ).rejects.toMatchObject({ type: 'StripeInvalidRequestError', code: 'idempotency_key_in_use' })
  })

  it('refuses what Stripe refuses, with its error types', async () => {
    await expect(stripe.checkout.sessions.retrieve('cs_test_nope')).rejects.toMatchObject({
      type: 'StripeInvalidRequestError',
      statusCode: 404,
      code: 'resource_missing',
    })
    await expect(
      stripe.checkout.sessions.create(donationSession({ mode: 'subscription' })),
    ).rejects.toMatchObject({ statusCode: 400, param: 'line_items' })
  })

  it('pays a session: charge, balance transaction with the exact fee, signed events', async () => {
    const session = await stripe.checkout.sessions.create(donationSession())
    delivered.length = 0
    const redirect = await standIn.checkout(session.id, 'pay')
    expect(redirect).toBe(`http://localhost:3000/give/thanks?session=${session.id}`)
    const paid = await stripe.checkout.sessions.retrieve(session.id)
    expect(paid).toMatchObject({ status: 'complete', payment_status: 'paid' })
    const intent = await stripe.paymentIntents.retrieve(String(paid.payment_intent), {
      expand: ['latest_charge.balance_transaction'],
    })
    expect(intent.metadata).toEqual({ donationId: 'don_1' })
    const charge = intent.latest_charge as Stripe.Charge
    const txn = charge.balance_transaction as Stripe.BalanceTransaction
    expect(txn).toMatchObject({ amount: 51_85, fee: processorFee(51_85), net: 51_85 - 1_80 })
    expect(processorFee(51_85)).toBe(1_80) // 2.9% of 51.85 = 1.50365 → 1.50, + 0.30
    const byCharge = await stripe.charges.retrieve(charge.id, { expand: ['balance_transaction'] })
    expect((byCharge.balance_transaction as Stripe.BalanceTransaction).id).toBe(txn.id)
    expect((await stripe.balanceTransactions.retrieve(txn.id)).fee).toBe(1_80)

    // The completion is delivered twice, the same event, each delivery verifiable.
    expect(delivered).toHaveLength(2)
    const events = await Promise.all(
      delivered.map((d) => stripe.webhooks.constructEventAsync(d.payload, d.signature, secret)),
    )
    expect(events.map((e) => e.type)).toEqual([
      'checkout.session.completed',
      'checkout.session.completed',
    ])
    expect(events[0]!.id).toBe(events[1]!.id)
    await expect(
      stripe.webhooks.constructEventAsync(
        delivered[0]!.payload,
        delivered[0]!.signature,
        'whsec_other_secret_000',
      ),
    ).rejects.toThrow(Stripe.errors.StripeSignatureVerificationError)
  })

  it('clears a delayed method later, and fails one', async () => {
    for (const [outcome, last] of [
      ['delayed', 'checkout.session.async_payment_succeeded'],
      ['fail', 'checkout.session.async_payment_failed'],
    ] as const) {
      const session = await stripe.checkout.sessions.create(donationSession())
      delivered.length = 0
      await standIn.checkout(session.id, outcome)
      const first = JSON.parse(delivered[0]!.payload) as Stripe.Event
      expect(first.data.object).toMatchObject({ payment_status: 'unpaid' })
      await standIn.idle()
      const types = delivered.map((d) => (JSON.parse(d.payload) as Stripe.Event).type)
      expect(types.at(-1)).toBe(last)
    }
  })

  it('refunds, partly then the rest, and no more', async () => {
    const session = await stripe.checkout.sessions.create(donationSession())
    await standIn.checkout(session.id, 'pay')
    const pi = String((await stripe.checkout.sessions.retrieve(session.id)).payment_intent)
    const part = await stripe.refunds.create({ payment_intent: pi, amount: 10_00 })
    expect(part).toMatchObject({ object: 'refund', amount: 10_00, status: 'succeeded' })
    const rest = await stripe.refunds.create({ payment_intent: pi })
    expect(rest.amount).toBe(41_85)
    const charge = await stripe.charges.retrieve(String(rest.charge))
    expect(charge).toMatchObject({ amount_refunded: 51_85, refunded: true })
    await expect(stripe.refunds.create({ payment_intent: pi, amount: 1 })).rejects.toMatchObject({
      code: 'charge_already_refunded',
    })
  })

  it('runs a monthly gift as a subscription, and cancels it', async () => {
    const session = await stripe.checkout.sessions.create(
      donationSession({
        mode: 'subscription',
        payment_intent_data: undefined,
        subscription_data: { metadata: { donationId: 'don_m' } },
        line_items: [
          {
            quantity: 1,
            price_data: {
              currency: 'usd',
              unit_amount: 50_00,
              recurring: { interval: 'month' },
              product_data: { name: 'Monthly gift' },
            },
          },
        ],
      }),
    )
    await standIn.checkout(session.id, 'pay')
    const done = await stripe.checkout.sessions.retrieve(session.id)
    const sub = await stripe.subscriptions.retrieve(String(done.subscription))
    expect(sub).toMatchObject({ status: 'active', metadata: { donationId: 'don_m' } })
    const invoice = await stripe.invoices.retrieve(String(done.invoice))
    expect(invoice.payments?.data[0]?.payment.payment_intent).toMatch(/^pi_/)
    const cancelled = await stripe.subscriptions.cancel(sub.id)
    expect(cancelled.status).toBe('canceled')
  })

  it('works on this machine only', () => {
    expect(() => assertLoopback('10.0.0.5', 'to listen on')).toThrow(/loopback/)
    expect(() => assertLoopback('api.stripe.com', 'to send Stripe calls to')).toThrow(/loopback/)
    expect(() => assertLoopback('127.0.0.1', 'to listen on')).not.toThrow()
    expect(
      () =>
        new StripeStandIn({
          checkoutPageBase: 'x',
          webhookSecret: secret,
          webhookUrl: 'http://example.org/webhooks/stripe',
        }),
    ).toThrow(/loopback/)
  })
})

describe('the stand-in reading the SDK’s form encoding', () => {
  it('nests bracketed names and makes indexed keys arrays', () => {
    expect(
      parseStripeForm('a[b]=c&expand[0]=x&expand[1]=y&line_items[0][price_data][currency]=usd'),
    ).toEqual({
      a: { b: 'c' },
      expand: ['x', 'y'],
      line_items: [{ price_data: { currency: 'usd' } }],
    })
  })

  it('never reaches a built-in through an inherited name', () => {
    const parsed = parseStripeForm(
      '__proto__[polluted]=1&constructor[prototype][polluted]=2&toString[x]=3&a[hasOwnProperty][y]=4',
    )
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false)
    expect(parsed.toString).toEqual({ x: '3' })
    expect(parsed.a).toEqual({ hasOwnProperty: { y: '4' } })
  })
})
