import type { AddressInfo } from 'node:net'
import { count, eq, inArray } from 'drizzle-orm'
import express from 'express'
import type Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { donations, mailMessages, stripeEvents } from '#db/schema/index.ts'
import { db } from '#db/client.server.ts'
import { processorFee } from '#app/domain/donations/fees.ts'
import { driftedAccounts } from '#app/services/ledger/ledger.server.ts'
import { arrivalOf, recordAndApply } from '#app/services/donations/stripe-events.server.ts'
import { stripeWebhookEndpoint } from '#app/utils/stripe-webhook-endpoint.server.ts'
import { raceTest, withTestDatabase } from '#tests/support/database.ts'
import {
  answerOf,
  auditsOf,
  donationNow,
  eventsHeld,
  give,
  postedFor,
  twin,
  withStripeStandIn,
  type Delivery,
} from '#tests/support/stripe-webhook.ts'

/*
 * Ingest at rate (issue 10, Performance): the HTTP server's own endpoint in front of Remix, and
 * deliveries that arrive together recorded and applied in one transaction (app/lib/group-commit.ts).
 */

withTestDatabase()
withStripeStandIn()

let base = ''
let server: ReturnType<express.Express['listen']>
beforeAll(async () => {
  const app = express()
  app.use(stripeWebhookEndpoint)
  app.use((_req, res) => void res.status(404).send('not the endpoint'))
  server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise((resolve) => server.close(resolve)))

const post = (d: Delivery, init: RequestInit = {}) =>
  fetch(`${base}/webhooks/stripe`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Stripe-Signature': d.signature },
    body: d.payload,
    ...init,
  })

/** A paid gift's completion, held (one at a time: the harness holds one trigger's events). */
const completionOf = async (amount: number) => {
  const { donation } = await give(amount, { coverFee: false })
  const [completed] = await eventsHeld(donation.stripeCheckoutSessionId!, 'pay')
  return { donation, completed: completed! }
}

const eventCount = async () => (await db().select({ n: count() }).from(stripeEvents))[0]!.n

async function completionsOf(amounts: number[]) {
  const gifts = []
  for (const amount of amounts) gifts.push(await completionOf(amount))
  return gifts
}

describe("the server's webhook endpoint", () => {
  it('settles a signed delivery once, and refuses a forged one without recording it', async () => {
    const { donation, completed } = await completionOf(40_00)
    const before = await eventCount()
    const forged = { ...completed, payload: completed.payload.replace('4000', '4001') }
    const refused = await post(forged)
    expect([refused.status, await refused.text()]).toEqual([400, 'Invalid signature'])
    expect(await eventCount()).toBe(before)

    const first = await post(completed)
    expect([first.status, await first.json()]).toEqual([200, { received: 'applied' }])
    const again = await post(completed)
    expect(await again.json()).toEqual({ received: 'duplicate' })
    expect(await postedFor(donation.id)).toEqual(['gift_settled', 'processor_fee'])
    expect((await donationNow(donation.id)).processorFeeMinor).toBe(processorFee(40_00))
  })

  it('answers only POST on its path, and refuses a body past the form limit unread', async () => {
    const { completed } = await completionOf(41_00)
    const before = await eventCount()
    const get = await fetch(`${base}/webhooks/stripe`)
    expect([get.status, get.headers.get('allow')]).toEqual([405, 'POST'])
    expect((await fetch(`${base}/elsewhere`, { method: 'POST' })).status).toBe(404)
    const huge = await post({ ...completed, payload: 'x'.repeat(1024 * 1024 + 1) })
    expect(huge.status).toBe(413)
    expect(await eventCount()).toBe(before)
  })

  it('applies many deliveries arriving together each exactly once', async () => {
    const gifts = await completionsOf([1, 2, 3, 4, 5, 6, 7, 8].map((n) => 30_00 + n))
    // Each delivered twice at once, as two Stripe retries (or two processes) would.
    const answers = await Promise.all(
      gifts.flatMap((g) => [answerOf(g.completed), answerOf(g.completed)]),
    )
    const received = answers.map((a) => (a as { received: string }).received)
    expect(received.filter((r) => r === 'applied')).toHaveLength(8)
    expect(received.filter((r) => r === 'duplicate')).toHaveLength(8)
    for (const { donation } of gifts) {
      expect(await postedFor(donation.id)).toEqual(['gift_settled', 'processor_fee'])
      expect(await auditsOf(donation.id)).toEqual(['donation.settled'])
    }
    expect(await driftedAccounts(db())).toEqual([])
  })
})

describe('two processes recording overlapping batches', () => {
  raceTest('apply each event once, whatever order their batches hold them in', async () => {
    const gifts = await completionsOf([1, 2, 3, 4].map((n) => 20_00 + n))
    const arrivals = await Promise.all(
      gifts.map((g) => arrivalOf(JSON.parse(g.completed.payload) as Stripe.Event)),
    )
    const ids = arrivals.map((a) => a.event.id)
    // Each process's batch holds the same events in the opposite order.
    const [one, two] = await Promise.all([
      recordAndApply(arrivals),
      recordAndApply([...arrivals].reverse()),
    ])
    const both = [...one!, ...two!.reverse()]
    expect(both.filter((r) => r === 'applied')).toHaveLength(4)
    expect(both.filter((r) => r === 'duplicate')).toHaveLength(4)
    for (const { donation } of gifts) {
      expect(await postedFor(donation.id)).toEqual(['gift_settled', 'processor_fee'])
    }
    const rows = await db()
      .select({ id: stripeEvents.id })
      .from(stripeEvents)
      .where(inArray(stripeEvents.id, ids))
    expect(rows).toHaveLength(4)
    expect(await driftedAccounts(db())).toEqual([])
  })

  it('apply an event a batch holds twice only once', async () => {
    const { donation, completed } = await completionOf(25_00)
    const arrival = await arrivalOf(JSON.parse(completed.payload) as Stripe.Event)
    expect(await recordAndApply([arrival, { ...arrival }])).toEqual(['applied', 'duplicate'])
    expect(await postedFor(donation.id)).toEqual(['gift_settled', 'processor_fee'])
    const [row] = await db()
      .select({ appliedAt: stripeEvents.appliedAt })
      .from(stripeEvents)
      .where(eq(stripeEvents.id, arrival.event.id))
    expect(row!.appliedAt).toBeInstanceOf(Date)
  })
})

describe('one batch of Checkout events', () => {
  it('settles its gifts together, each once, and keeps each event’s own answer', async () => {
    const [a, b, c] = await completionsOf([41_00, 42_00, 43_00])
    const event = (d: Delivery) => JSON.parse(d.payload) as Stripe.Event
    const arrivals = await Promise.all(
      [a!.completed, twin(a!.completed, 'evt_batch_twin_a'), b!.completed, c!.completed].map((d) =>
        arrivalOf(event(d)),
      ),
    )
    // B's donation no longer matches what Stripe charged: its event alone is not applied.
    await db().update(donations).set({ amountMinor: 99_00 }).where(eq(donations.id, b!.donation.id))
    const answers = await recordAndApply(arrivals)
    expect(answers).toEqual(['applied', 'applied', 'not_applied', 'applied'])
    for (const gift of [a!, c!]) {
      expect((await donationNow(gift.donation.id)).status).toBe('succeeded')
      expect(await postedFor(gift.donation.id)).toEqual(['gift_settled', 'processor_fee'])
      expect(await auditsOf(gift.donation.id)).toEqual(['donation.settled'])
      const receipts = await db()
        .select({ id: mailMessages.id })
        .from(mailMessages)
        .where(eq(mailMessages.idempotencyKey, `donation-receipt:${gift.donation.id}`))
      expect(receipts).toHaveLength(1)
    }
    expect((await donationNow(b!.donation.id)).status).toBe('pending')
    expect(await postedFor(b!.donation.id)).toEqual([])
    const [noted] = await db()
      .select({ error: stripeEvents.error })
      .from(stripeEvents)
      .where(eq(stripeEvents.id, arrivals[2]!.event.id))
    expect(noted!.error).toBe('amount_mismatch')
    expect(await driftedAccounts(db())).toEqual([])
  })
})
