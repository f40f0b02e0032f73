import { eq } from 'drizzle-orm'
import type Stripe from 'stripe'
import { describe, expect, it } from 'vitest'
import { donations } from '#db/schema/index.ts'
import { db } from '#db/client.server.ts'
import { grossUp, processorFee } from '#app/domain/donations/fees.ts'
import { balanceOf, driftedAccounts } from '#app/services/ledger/ledger.server.ts'
import { SANDBOX_DISPUTE_FEE } from '#app/services/payments/stripe-sandbox/renewals-disputes.ts'
import { stripe } from '#app/services/payments/stripe.server.ts'
import { raceTest, withTestDatabase } from '#tests/support/database.ts'
import {
  answerOf,
  auditsOf,
  delivered,
  donationNow,
  eventsHeld,
  give,
  heldWhile,
  postedFor,
  standIn,
  twin,
  typeOf,
  withStripeStandIn,
} from '#tests/support/stripe-webhook.ts'

/*
 * What happens after a gift settles: a monthly gift's later months and its end, and disputes.
 * Each event is applied once however often it is delivered, and any order converges.
 */

withTestDatabase()
withStripeStandIn()

const answers = () => delivered.map((d) => (d.answer as { received: string }).received)

const monthsOf = (firstId: string) =>
  db().select().from(donations).where(eq(donations.parentDonationId, firstId))

async function monthlyGift(amountMinor: number) {
  const gift = await give(amountMinor, { coverFee: false, monthly: true })
  await standIn().checkout(gift.donation.stripeCheckoutSessionId!, 'pay')
  const first = await donationNow(gift.donation.id)
  return { ...gift, first }
}

const month = (amount: number) => amount - processorFee(amount)

describe('a monthly gift', () => {
  it("counts the first month once: the checkout's completion and the first invoice.paid", async () => {
    const { first, fundAccount } = await monthlyGift(40_00)
    expect(delivered.map(typeOf)).toEqual([
      'checkout.session.completed',
      'checkout.session.completed',
      'invoice.paid',
    ])
    expect(answers()).toEqual(['applied', 'duplicate', 'applied'])
    expect(first.status).toBe('succeeded')
    expect(await postedFor(first.id)).toEqual(['gift_settled', 'processor_fee'])
    expect(await balanceOf(db(), fundAccount)).toBe(month(40_00))
    expect(await monthsOf(first.id)).toEqual([])
  })

  it('settles the first month from invoice.paid when it arrives before the completion', async () => {
    const { donation, fundAccount } = await give(45_00, { coverFee: true, monthly: true })
    const events = await eventsHeld(donation.stripeCheckoutSessionId!, 'pay')
    for (const d of [...events].reverse()) await answerOf(d)
    const charged = grossUp(45_00)
    expect(await donationNow(donation.id)).toMatchObject({
      status: 'succeeded',
      stripeSubscriptionId: expect.stringMatching(/^sub_/),
    })
    expect(await postedFor(donation.id)).toEqual(['gift_settled', 'processor_fee'])
    expect(await balanceOf(db(), fundAccount)).toBe(charged - processorFee(charged))
    expect(await auditsOf(donation.id)).toEqual(['donation.settled'])
  })

  it('records each later month as a gift of its own, once per invoice', async () => {
    const { first, fundAccount } = await monthlyGift(30_00)
    const [renewal] = await heldWhile(() => standIn().renew(first.stripeSubscriptionId!))
    expect(typeOf(renewal!)).toBe('invoice.paid')
    expect(await answerOf(renewal!)).toEqual({ received: 'applied' })
    expect(await answerOf(renewal!)).toEqual({ received: 'duplicate' })
    // Another event about the same invoice finds the month recorded.
    expect(await answerOf(twin(renewal!, 'evt_twin_renewal_1'))).toEqual({ received: 'applied' })
    const months = await monthsOf(first.id)
    expect(months).toHaveLength(1)
    expect(months[0]).toMatchObject({
      status: 'succeeded',
      amountMinor: 30_00,
      interval: 'month',
      stripeInvoiceId: expect.stringMatching(/^in_/),
      processorFeeMinor: processorFee(30_00),
      donorEmail: first.donorEmail,
    })
    expect(months[0]!.stripeChargeId).not.toBe(first.stripeChargeId)
    expect(await postedFor(months[0]!.id)).toEqual(['gift_settled', 'processor_fee'])
    await standIn().renew(first.stripeSubscriptionId!)
    expect(await monthsOf(first.id)).toHaveLength(2)
    expect(await balanceOf(db(), fundAccount)).toBe(3 * month(30_00))
    expect(await driftedAccounts(db())).toEqual([])
  })

  raceTest('records a month once when two events for its invoice race', async () => {
    const { first, fundAccount } = await monthlyGift(35_00)
    const [renewal] = await heldWhile(() => standIn().renew(first.stripeSubscriptionId!))
    const racing = [renewal!, twin(renewal!, 'evt_twin_race_1'), twin(renewal!, 'evt_twin_race_2')]
    const got = await Promise.all(racing.map((d) => answerOf(d)))
    expect(got).toEqual(Array(3).fill({ received: 'applied' }))
    const months = await monthsOf(first.id)
    expect(months).toHaveLength(1)
    expect(await postedFor(months[0]!.id)).toEqual(['gift_settled', 'processor_fee'])
    expect(await balanceOf(db(), fundAccount)).toBe(2 * month(35_00))
  })

  it('ends when its subscription is cancelled, once', async () => {
    const { first } = await monthlyGift(20_00)
    const events = await heldWhile(async () =>
      (await stripe()).subscriptions.cancel(first.stripeSubscriptionId!),
    )
    expect(events.map(typeOf)).toEqual(['customer.subscription.deleted'])
    expect(await answerOf(events[0]!)).toEqual({ received: 'applied' })
    expect(await answerOf(twin(events[0]!, 'evt_twin_cancel_1'))).toEqual({ received: 'applied' })
    expect((await donationNow(first.id)).subscriptionEndedAt).toBeInstanceOf(Date)
    expect(
      (await auditsOf(first.id)).filter((a) => a === 'donation.subscription_ended'),
    ).toHaveLength(1)
    expect(() => standIn().renew(first.stripeSubscriptionId!)).toThrow(/not active/)
  })
})

/** A settled one-time gift, disputed; answers its dispute's events, held. */
async function disputedGift(outcome: 'won' | 'lost') {
  const gift = await give(80_00, { coverFee: false })
  await standIn().checkout(gift.donation.stripeCheckoutSessionId!, 'pay')
  const settled = await donationNow(gift.donation.id)
  const opened = await heldWhile(() => standIn().dispute(settled.stripeChargeId!))
  const disputeId = (JSON.parse(opened[0]!.payload) as Stripe.Event).data.object as { id: string }
  const decided = await heldWhile(() => standIn().decideDispute(disputeId.id, outcome))
  return { ...gift, events: [...opened, ...decided] }
}

describe('a disputed gift', () => {
  const kept = month(80_00)

  it('lost: the charge and the dispute fee leave the fund, which absorbs the fee', async () => {
    const { donation, fundAccount, events } = await disputedGift('lost')
    expect(events.map(typeOf)).toEqual([
      'charge.dispute.created',
      'charge.dispute.funds_withdrawn',
      'charge.dispute.closed',
    ])
    // Each delivered twice, in order.
    for (const d of events) {
      expect(await answerOf(d)).toEqual({ received: 'applied' })
      expect(await answerOf(d)).toEqual({ received: 'duplicate' })
    }
    expect(await donationNow(donation.id)).toMatchObject({
      status: 'disputed',
      disputeStatus: 'lost',
      disputeFeeMinor: SANDBOX_DISPUTE_FEE,
      stripeDisputeId: expect.stringMatching(/^dp_/),
    })
    expect(await balanceOf(db(), fundAccount)).toBe(kept - 80_00 - SANDBOX_DISPUTE_FEE)
    expect(await postedFor(donation.id)).toEqual([
      'dispute',
      'dispute',
      'gift_settled',
      'processor_fee',
    ])
    expect(await balanceOf(db(), { kind: 'dispute_fees', currency: 'USD' })).toBeGreaterThanOrEqual(
      SANDBOX_DISPUTE_FEE,
    )
    expect(await auditsOf(donation.id)).toEqual([
      'donation.settled',
      'donation.disputed',
      'donation.dispute_closed',
    ])
  })

  it('won: the charge comes back, the fee does not; any order converges', async () => {
    const { donation, fundAccount, events } = await disputedGift('won')
    expect(events.map(typeOf)).toEqual([
      'charge.dispute.created',
      'charge.dispute.funds_withdrawn',
      'charge.dispute.funds_reinstated',
      'charge.dispute.closed',
    ])
    // Last first: the closed event re-reads the dispute, which already has both movements.
    for (const d of [...events].reverse()) {
      expect(await answerOf(d)).toEqual({ received: 'applied' })
    }
    expect(await donationNow(donation.id)).toMatchObject({
      status: 'disputed',
      disputeStatus: 'won',
      disputeFeeMinor: SANDBOX_DISPUTE_FEE,
    })
    expect(await balanceOf(db(), fundAccount)).toBe(kept - SANDBOX_DISPUTE_FEE)
    expect(await postedFor(donation.id)).toEqual([
      'dispute',
      'dispute',
      'dispute_reinstated',
      'gift_settled',
      'processor_fee',
    ])
    expect(await auditsOf(donation.id)).toEqual([
      'donation.settled',
      'donation.disputed',
      'donation.dispute_closed',
    ])
    expect(await driftedAccounts(db())).toEqual([])
  })

  it('records a dispute about a charge it does not know', async () => {
    const client = await stripe()
    const session = await client.checkout.sessions.create({
      mode: 'payment',
      success_url: 'http://localhost/x',
      line_items: [
        {
          quantity: 1,
          price_data: { currency: 'usd', unit_amount: 5_00, product_data: { name: 'x' } },
        },
      ],
    })
    await standIn().checkout(session.id, 'pay')
    const intent = await client.paymentIntents.retrieve(
      String((await client.checkout.sessions.retrieve(session.id)).payment_intent),
    )
    const events = await heldWhile(() => standIn().dispute(String(intent.latest_charge)))
    expect(await answerOf(events[0]!)).toEqual({ received: 'not_applied' })
  })
})
