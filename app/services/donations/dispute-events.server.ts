import { eq } from 'drizzle-orm'
import type Stripe from 'stripe'
import type { Db } from '#db/client.server.ts'
import { donations } from '#db/schema/index.ts'
import { move, type AccountRef } from '#app/domain/ledger/postings.ts'
import { postTransaction } from '#app/services/ledger/ledger.server.ts'
import { stripe } from '#app/services/payments/stripe.server.ts'
import { replaceAfterWithdrawal } from './allocation.server.ts'
import type { Applied } from './checkout-events.server.ts'
import { auditEvent, lockDonation, moveTo, type Locked } from './donation-moves.server.ts'

/**
 * `charge.dispute.*`: the dispute is re-read, and every balance transaction it has is posted,
 * each keyed by its id: a withdrawal (fund → refunds, the charge going back to the cardholder,
 * and fund → dispute fees, Stripe's fee), a reinstatement (refunds → fund; the fee is not given
 * back). The fund absorbs the fee (recorded on the entry). Whichever of the four events comes,
 * in any order or twice, the ledger ends with exactly the dispute's balance transactions.
 */

export const DISPUTE_EVENTS = [
  'charge.dispute.created',
  'charge.dispute.funds_withdrawn',
  'charge.dispute.funds_reinstated',
  'charge.dispute.closed',
] as const

export async function readDispute(event: Stripe.Event): Promise<Stripe.Dispute> {
  const sent = event.data.object as Stripe.Dispute
  return (await stripe()).disputes.retrieve(sent.id)
}

export async function applyDisputeEvent(
  tx: Db,
  event: Stripe.Event,
  dispute: Stripe.Dispute,
): Promise<Applied> {
  const chargeId = typeof dispute.charge === 'string' ? dispute.charge : dispute.charge.id
  const donation = await lockDonation(tx, eq(donations.stripeChargeId, chargeId))
  if (!donation) return { donationId: null, notApplied: 'unknown_donation' }
  let fee = 0
  let withdrawal: string | null = null
  for (const txn of dispute.balance_transactions) {
    const posted = await postDisputeTxn(tx, donation, event, dispute, txn)
    if (txn.amount < 0) withdrawal = posted.transactionId
    fee += txn.fee
  }
  await moveTo(tx, donation, 'disputed', event, {})
  await followWithdrawn(tx, donation, dispute, withdrawal)
  const closed = dispute.status === 'won' || dispute.status === 'lost'
  if (donation.disputeStatus !== dispute.status) {
    await tx
      .update(donations)
      .set({ stripeDisputeId: dispute.id, disputeStatus: dispute.status, disputeFeeMinor: fee })
      .where(eq(donations.id, donation.id))
    if (closed) {
      await auditEvent(tx, donation, 'donation.dispute_closed', event, { outcome: dispute.status })
    }
  }
  return { donationId: donation.id, notApplied: null }
}

/**
 * What the dispute holds back (withdrawn, less reinstated; the fee apart) onto the donation, and
 * the grants the gift funded: money withdrawn is taken back from them and replaced from the fund's
 * other gifts, as after a refund; money reinstated returns to the gift's own lot (the grants keep
 * their replacements).
 */
async function followWithdrawn(
  tx: Db,
  donation: Locked,
  dispute: Stripe.Dispute,
  withdrawal: string | null,
) {
  const disputedMinor = Math.max(
    0,
    -dispute.balance_transactions.reduce((sum, txn) => sum + txn.amount, 0),
  )
  if (disputedMinor === donation.disputedMinor) return
  await tx.update(donations).set({ disputedMinor }).where(eq(donations.id, donation.id))
  if (disputedMinor > donation.disputedMinor && withdrawal) {
    const key = `stripe:${dispute.id}:withdrawn:${disputedMinor}`
    await replaceAfterWithdrawal(tx, donation.id, { transactionId: withdrawal, key })
  }
}

async function postDisputeTxn(
  tx: Db,
  donation: Locked,
  event: Stripe.Event,
  dispute: Stripe.Dispute,
  txn: Stripe.BalanceTransaction,
) {
  const currency = donation.currency
  const fund: AccountRef = { kind: 'fund', fundId: donation.fundId, currency }
  const refunds: AccountRef = { kind: 'refunds', currency }
  const refs = {
    donationId: donation.id,
    dispute: dispute.id,
    balanceTransaction: txn.id,
    event: event.id,
    feeAbsorbedBy: 'fund',
  }
  const withdrawn = txn.amount < 0
  const posted = await postTransaction(tx, {
    idempotencyKey: `stripe:${txn.id}`,
    movement: withdrawn ? 'dispute' : 'dispute_reinstated',
    postings: withdrawn ? move(fund, refunds, -txn.amount) : move(refunds, fund, txn.amount),
    memo: `Dispute ${withdrawn ? 'withdrawal' : 'reinstatement'} on gift ${donation.id}`,
    refs,
  })
  if (txn.fee > 0) {
    await postTransaction(tx, {
      idempotencyKey: `stripe:${txn.id}:fee`,
      movement: 'dispute',
      postings: move(fund, { kind: 'dispute_fees', currency }, txn.fee),
      memo: `Dispute fee on gift ${donation.id}, absorbed by the fund`,
      refs,
    })
  }
  return posted
}
