import type Stripe from 'stripe'
import { eq } from 'drizzle-orm'
import { db } from '#db/client.server.ts'
import { donations } from '#db/schema/index.ts'
import { move } from '#app/domain/ledger/postings.ts'
import { applyDisputeEvent } from '#app/services/donations/dispute-events.server.ts'
import { applyRefundEvent } from '#app/services/donations/refund-events.server.ts'
import { postTransaction } from '#app/services/ledger/ledger.server.ts'

let charges = 0

/**
 * A gift settled as the Stripe webhook settles one (checkout-events.server.ts): the donation row
 * succeeded with its fee, the whole charge processor → fund and the fee fund → processor fees,
 * under the webhook's keys. For tests of what happens to settled money (allocation, figures).
 */
export async function settledGift(
  fundId: string,
  gift: {
    amountMinor: number
    feeMinor?: number
    settledAt?: Date
    programId?: string
    grantId?: string
    currency?: string
  },
) {
  const currency = gift.currency ?? 'USD'
  const fee = gift.feeMinor ?? 0
  const charge = `ch_test_${++charges}_${Date.now()}`
  const [donation] = await db()
    .insert(donations)
    .values({
      fundId,
      programId: gift.programId ?? null,
      grantId: gift.grantId ?? null,
      amountMinor: gift.amountMinor,
      currency,
      status: 'succeeded',
      donorName: 'A donor',
      donorEmail: 'donor@example.test',
      stripeChargeId: charge,
      processorFeeMinor: fee,
      settledAt: gift.settledAt ?? new Date(),
    })
    .returning()
  const fund = { kind: 'fund', fundId, currency } as const
  await db().transaction(async (tx) => {
    await postTransaction(tx, {
      idempotencyKey: `stripe:txn_${charge}`,
      movement: 'gift_settled',
      postings: move({ kind: 'processor', currency }, fund, gift.amountMinor),
    })
    if (fee > 0) {
      await postTransaction(tx, {
        idempotencyKey: `stripe:txn_${charge}:fee`,
        movement: 'processor_fee',
        postings: move(fund, { kind: 'processor_fees', currency }, fee),
      })
    }
  })
  return donation!
}

/**
 * A refund through the webhook's own handler (refund-events.server.ts), with the charge as Stripe
 * would report it after `newlyMinor` more is refunded.
 */
export async function refundGift(donationId: string, newlyMinor: number) {
  const [d] = await db().select().from(donations).where(eq(donations.id, donationId))
  const refunded = d!.refundedMinor + newlyMinor
  const charged = d!.amountMinor + d!.feeCoveredMinor
  const charge = {
    id: d!.stripeChargeId!,
    amount_refunded: refunded,
    refunded: refunded === charged,
  } as Stripe.Charge
  const event = { id: `evt_refund_${charge.id}_${refunded}`, type: 'charge.refunded' }
  const applied = await db().transaction((tx) =>
    applyRefundEvent(tx, event as Stripe.Event, charge),
  )
  if (applied.notApplied) throw new Error(`refund not applied: ${applied.notApplied}`)
}

/**
 * A dispute through the webhook's own handler (dispute-events.server.ts), as Stripe would report
 * it with these balance transactions: a withdrawal (negative, with its fee) and perhaps a
 * reinstatement. Each call passes the dispute's whole list so far, as a re-read does.
 */
export async function disputeGift(
  donationId: string,
  status: Stripe.Dispute.Status,
  movements: { amount: number; fee?: number }[],
) {
  const [d] = await db().select().from(donations).where(eq(donations.id, donationId))
  const id = `dp_test_${d!.stripeChargeId}`
  const dispute = {
    id,
    charge: d!.stripeChargeId!,
    status,
    balance_transactions: movements.map((m, i) => ({
      id: `txn_${id}_${i}`,
      amount: m.amount,
      fee: m.fee ?? 0,
    })),
  } as Stripe.Dispute
  const event = { id: `evt_${id}_${movements.length}_${status}`, type: 'charge.dispute.updated' }
  const applied = await db().transaction((tx) =>
    applyDisputeEvent(tx, event as Stripe.Event, dispute),
  )
  if (applied.notApplied) throw new Error(`dispute not applied: ${applied.notApplied}`)
}
