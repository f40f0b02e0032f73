import { eq } from 'drizzle-orm'
import type Stripe from 'stripe'
import type { Db } from '#db/client.server.ts'
import { donations } from '#db/schema/index.ts'
import { move } from '#app/domain/ledger/postings.ts'
import { postTransaction } from '#app/services/ledger/ledger.server.ts'
import { stripe } from '#app/services/payments/stripe.server.ts'
import type { Applied } from './checkout-events.server.ts'
import { replaceAfterWithdrawal } from './allocation.server.ts'
import { auditEvent, lockDonation, moveTo } from './donation-moves.server.ts'

/**
 * `charge.refunded`: a refund made here or in Stripe's dashboard, in part or in full. The charge
 * is re-read, and what it says has been refunded in all (`amount_refunded`) is compared with what
 * the donation has applied: only the difference is posted (fund → refunds), keyed by that total,
 * so repeated, racing or out-of-order refund events post each refunded unit once. The fee Stripe
 * kept stays booked against the fund (it does not return it on refunds).
 */
export async function readRefundedCharge(event: Stripe.Event): Promise<Stripe.Charge> {
  const sent = event.data.object as Stripe.Charge
  return (await stripe()).charges.retrieve(sent.id)
}

export async function applyRefundEvent(
  tx: Db,
  event: Stripe.Event,
  charge: Stripe.Charge,
): Promise<Applied> {
  // Known by its charge once settled; a refund of a gift not settled here yet waits for a retry.
  const donation = await lockDonation(tx, eq(donations.stripeChargeId, charge.id))
  if (!donation) return { donationId: null, notApplied: 'unknown_donation' }
  const refunded = charge.amount_refunded
  const newly = refunded - donation.refundedMinor
  if (newly <= 0) return { donationId: donation.id, notApplied: null }
  if (refunded > donation.amountMinor + donation.feeCoveredMinor) {
    return { donationId: donation.id, notApplied: 'amount_mismatch' }
  }
  const currency = donation.currency
  const key = `stripe:${charge.id}:refunded:${refunded}`
  const posted = await postTransaction(tx, {
    idempotencyKey: key,
    movement: 'refund',
    postings: move(
      { kind: 'fund', fundId: donation.fundId, currency },
      { kind: 'refunds', currency },
      newly,
    ),
    memo: `Refund of gift ${donation.id}`,
    refs: { donationId: donation.id, charge: charge.id, event: event.id },
  })
  const fields = { refundedMinor: refunded }
  const whole = charge.refunded && (await moveTo(tx, donation, 'refunded', event, fields))
  if (!whole) {
    await tx.update(donations).set(fields).where(eq(donations.id, donation.id))
    await auditEvent(tx, donation, 'donation.refunded', event, { amountMinor: newly, refunded })
  }
  // Grants this gift funded keep their money from other gifts, or are shown short.
  await replaceAfterWithdrawal(tx, donation.id, { transactionId: posted.transactionId, key })
  return { donationId: donation.id, notApplied: null }
}
