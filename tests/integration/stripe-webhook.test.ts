import { eq } from 'drizzle-orm'
import Stripe from 'stripe'
import { describe, expect, it } from 'vitest'
import { donations, stripeEvents } from '#db/schema/index.ts'
import { db } from '#db/client.server.ts'
import { grossUp, processorFee } from '#app/domain/donations/fees.ts'
import { balanceOf, driftedAccounts } from '#app/services/ledger/ledger.server.ts'
import { stripe } from '#app/services/payments/stripe.server.ts'
import * as sandboxPage from '#app/routes/sandbox.checkout.$sessionId.tsx'
import { call, makeRequest } from '#tests/support/routes.ts'
import { raceTest, withTestDatabase } from '#tests/support/database.ts'
import {
  answerOf,
  auditsOf,
  delivered,
  donationNow,
  eventsHeld,
  give,
  postedFor,
  SECRET,
  standIn as sandbox,
  typeOf,
  withStripeStandIn,
} from '#tests/support/stripe-webhook.ts'

/*
 * Stripe's webhook end to end (the harness: tests/support/stripe-webhook.ts): checkout events,
 * signatures, duplicates and races. Monthly renewals and disputes: stripe-webhook-later.test.ts.
 */

withTestDatabase()
withStripeStandIn()

describe('POST /webhooks/stripe', () => {
  it('settles a paid checkout once, though the completion is delivered twice', async () => {
    const { donation, fundAccount } = await give(50_00, { coverFee: true })
    const charged = grossUp(50_00)
    expect(donation).toMatchObject({ status: 'pending', feeCoveredMinor: charged - 50_00 })
    expect(donation.stripeCheckoutSessionId).toMatch(/^cs_test_/)

    await sandbox().checkout(donation.stripeCheckoutSessionId!, 'pay')
    expect(delivered.map((d) => d.answer)).toEqual([
      { received: 'applied' },
      { received: 'duplicate' },
    ])
    const fee = processorFee(charged)
    expect(await donationNow(donation.id)).toMatchObject({
      status: 'succeeded',
      processorFeeMinor: fee,
      stripeChargeId: expect.stringMatching(/^ch_/),
    })
    // The fund keeps the whole gift: the donor covered the fee.
    expect(await balanceOf(db(), fundAccount)).toBe(charged - fee)
    expect(charged - fee).toBeGreaterThanOrEqual(50_00)
    expect(await postedFor(donation.id)).toEqual(['gift_settled', 'processor_fee'])
    expect(await driftedAccounts(db())).toEqual([])
    expect(await auditsOf(donation.id)).toEqual(['donation.settled'])
  })

  it("is paid on the sandbox's hosted page, which sends the donor back to the app", async () => {
    const { donation } = await give(50_00, { coverFee: true })
    const sessionId = donation.stripeCheckoutSessionId!
    const path = `/sandbox/checkout/${sessionId}`
    const page = await call(sandboxPage.loader, makeRequest(path), { sessionId })
    expect(page.data).toMatchObject({
      open: true,
      monthly: false,
      amountMinor: grossUp(50_00),
      lines: [
        { name: expect.stringMatching(/^Gift to Fund /), amountMinor: 50_00 },
        { name: 'Covering the processing fee', amountMinor: grossUp(50_00) - 50_00 },
      ],
    })
    const refused = await call(sandboxPage.action, makeRequest(path, { form: { outcome: 'x' } }), {
      sessionId,
    })
    expect(refused.status).toBe(400)
    const paid = await call(sandboxPage.action, makeRequest(path, { form: { outcome: 'pay' } }), {
      sessionId,
    })
    expect(paid).toMatchObject({
      status: 302,
      location: `http://localhost/give/thanks?session=${sessionId}`,
    })
    expect((await donationNow(donation.id)).status).toBe('succeeded')
    const again = await call(sandboxPage.action, makeRequest(path, { form: { outcome: 'pay' } }), {
      sessionId,
    })
    expect(again.status).toBe(409)
  })

  it('refuses a bad or stale signature with 400, and changes nothing', async () => {
    const { donation } = await give()
    const [completed] = await eventsHeld(donation.stripeCheckoutSessionId!, 'pay')
    const signer = new Stripe('sk_test_x')
    const forged = signer.webhooks.generateTestHeaderString({
      payload: completed!.payload,
      secret: 'whsec_someone_else_0000000000',
    })
    const stale = signer.webhooks.generateTestHeaderString({
      payload: completed!.payload,
      secret: SECRET,
      timestamp: Math.floor(Date.now() / 1000) - 600,
    })
    const tampered = completed!.payload.replace('"livemode":false', '"livemode":true')
    expect(await answerOf({ payload: completed!.payload, signature: forged })).toBe(400)
    expect(await answerOf({ payload: completed!.payload, signature: stale })).toBe(400)
    expect(await answerOf({ payload: tampered, signature: completed!.signature })).toBe(400)
    expect(await answerOf({ payload: completed!.payload, signature: '' })).toBe(400)
    expect(await db().select().from(stripeEvents)).not.toContainEqual(
      expect.objectContaining({ id: (JSON.parse(completed!.payload) as Stripe.Event).id }),
    )
    expect((await donationNow(donation.id)).status).toBe('pending')
    // The genuine delivery is then applied.
    expect(await answerOf(completed!)).toEqual({ received: 'applied' })
  })

  it('moves a delayed payment through processing to settled', async () => {
    const { donation } = await give(25_00, { coverFee: false })
    const [completed, , succeeded] = await eventsHeld(donation.stripeCheckoutSessionId!, 'delayed')
    expect(typeOf(succeeded!)).toBe('checkout.session.async_payment_succeeded')
    // Replayed in order, but the session is re-read: by now Stripe says it is paid, so the
    // completion already settles, and the success event finds nothing left to do.
    expect(await answerOf(completed!)).toEqual({ received: 'applied' })
    expect(await answerOf(succeeded!)).toEqual({ received: 'applied' })
    expect(await donationNow(donation.id)).toMatchObject({ status: 'succeeded' })
    expect(await postedFor(donation.id)).toEqual(['gift_settled', 'processor_fee'])
  })

  it('shows processing until a delayed payment clears, then settles', async () => {
    const { donation } = await give(25_00, { coverFee: false })
    sandbox().delayMs = 500
    try {
      await sandbox().checkout(donation.stripeCheckoutSessionId!, 'delayed')
      // Delivered (twice) before the debit clears: the session is still unpaid.
      expect(delivered.map((d) => d.answer)).toEqual([
        { received: 'applied' },
        { received: 'duplicate' },
      ])
      expect((await donationNow(donation.id)).status).toBe('processing')
      expect(await postedFor(donation.id)).toEqual([])
      await sandbox().idle()
    } finally {
      sandbox().delayMs = 0
    }
    expect(delivered.map((d) => typeOf(d)).at(-1)).toBe('checkout.session.async_payment_succeeded')
    expect(await donationNow(donation.id)).toMatchObject({ status: 'succeeded' })
    expect(await postedFor(donation.id)).toEqual(['gift_settled', 'processor_fee'])
  })

  it('converges when the completion arrives after the delayed success', async () => {
    const { donation } = await give(30_00, { coverFee: false })
    const events = await eventsHeld(donation.stripeCheckoutSessionId!, 'delayed')
    const succeeded = events.find((d) => typeOf(d) === 'checkout.session.async_payment_succeeded')!
    const completed = events.find((d) => typeOf(d) === 'checkout.session.completed')!
    expect(await answerOf(succeeded)).toEqual({ received: 'applied' })
    expect(await answerOf(completed)).toEqual({ received: 'applied' })
    expect(await donationNow(donation.id)).toMatchObject({ status: 'succeeded' })
    expect(await postedFor(donation.id)).toEqual(['gift_settled', 'processor_fee'])
  })

  it('fails a bounced debit and expires an abandoned checkout, posting nothing', async () => {
    const bounced = await give(20_00)
    for (const d of await eventsHeld(bounced.donation.stripeCheckoutSessionId!, 'fail')) {
      await answerOf(d)
    }
    expect((await donationNow(bounced.donation.id)).status).toBe('failed')
    const abandoned = await give(20_00)
    for (const d of await eventsHeld(abandoned.donation.stripeCheckoutSessionId!, 'expire')) {
      await answerOf(d)
    }
    expect((await donationNow(abandoned.donation.id)).status).toBe('expired')
    expect(await postedFor(bounced.donation.id)).toEqual([])
    expect(await postedFor(abandoned.donation.id)).toEqual([])
  })

  it('records, without applying, an event whose amount does not match the donation', async () => {
    const { donation } = await give(40_00, { coverFee: false })
    // Someone changed the gift after the session was made: Stripe charged 40.00, not 41.00.
    await db().update(donations).set({ amountMinor: 41_00 }).where(eq(donations.id, donation.id))
    const [completed] = await eventsHeld(donation.stripeCheckoutSessionId!, 'pay')
    expect(await answerOf(completed!)).toEqual({ received: 'not_applied' })
    const id = (JSON.parse(completed!.payload) as Stripe.Event).id
    const [row] = await db().select().from(stripeEvents).where(eq(stripeEvents.id, id))
    expect(row).toMatchObject({
      error: 'amount_mismatch',
      appliedAt: null,
      donationId: donation.id,
    })
    expect((await donationNow(donation.id)).status).toBe('pending')
    expect(await postedFor(donation.id)).toEqual([])
  })

  it('records an event about a donation it does not know', async () => {
    const client = await stripe()
    const session = await client.checkout.sessions.create({
      mode: 'payment',
      success_url: 'http://localhost/x',
      metadata: { donationId: '00000000-0000-4000-8000-000000000000' },
      line_items: [
        {
          quantity: 1,
          price_data: { currency: 'usd', unit_amount: 5_00, product_data: { name: 'x' } },
        },
      ],
    })
    const [completed] = await eventsHeld(session.id, 'pay')
    expect(await answerOf(completed!)).toEqual({ received: 'not_applied' })
    // Nor one about a session Stripe does not have (signed by another tool with our secret).
    const payload = completed!.payload
      .replaceAll(session.id, 'cs_test_unknown')
      .replace(/"id":"evt_[0-9a-f]+"/, '"id":"evt_made_up_1"')
    const signature = new Stripe('sk_test_x').webhooks.generateTestHeaderString({
      payload,
      secret: SECRET,
    })
    expect(await answerOf({ payload, signature })).toEqual({ received: 'not_applied' })
    const [row] = await db().select().from(stripeEvents).where(eq(stripeEvents.id, 'evt_made_up_1'))
    expect(row).toMatchObject({ error: 'object_missing', appliedAt: null })
  })

  it('monthly: settles the first month of a subscription', async () => {
    const { donation, fundAccount } = await give(50_00, { coverFee: true, monthly: true })
    await sandbox().checkout(donation.stripeCheckoutSessionId!, 'pay')
    const charged = grossUp(50_00)
    expect(await donationNow(donation.id)).toMatchObject({
      status: 'succeeded',
      interval: 'month',
      stripeSubscriptionId: expect.stringMatching(/^sub_/),
    })
    expect(await balanceOf(db(), fundAccount)).toBe(charged - processorFee(charged))
  })

  raceTest(
    'applies the same event once when two processes receive it at the same moment',
    async () => {
      const { donation, fundAccount } = await give(60_00, { coverFee: false })
      const [completed] = await eventsHeld(donation.stripeCheckoutSessionId!, 'pay')
      const answers = await Promise.all([answerOf(completed!), answerOf(completed!)])
      expect(answers.map((a) => (a as { received: string }).received).sort()).toEqual([
        'applied',
        'duplicate',
      ])
      expect(await postedFor(donation.id)).toEqual(['gift_settled', 'processor_fee'])
      expect(await balanceOf(db(), fundAccount)).toBe(60_00 - processorFee(60_00))
    },
  )

  raceTest('settles once when two different events for one gift race', async () => {
    const { donation, fundAccount } = await give(70_00, { coverFee: false })
    const events = await eventsHeld(donation.stripeCheckoutSessionId!, 'delayed')
    const distinct = events.filter((d, i) => events.findIndex((e) => e.payload === d.payload) === i)
    expect(distinct.map(typeOf)).toEqual([
      'checkout.session.completed',
      'checkout.session.async_payment_succeeded',
    ])
    await Promise.all(distinct.map((d) => answerOf(d)))
    expect(await postedFor(donation.id)).toEqual(['gift_settled', 'processor_fee'])
    expect(await balanceOf(db(), fundAccount)).toBe(70_00 - processorFee(70_00))
    expect((await donationNow(donation.id)).status).toBe('succeeded')
    // The donation's row lock orders them: one settles, the other finds it settled.
    expect(await auditsOf(donation.id)).toEqual(['donation.settled'])
  })
})
