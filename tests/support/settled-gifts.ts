import { eq } from 'drizzle-orm'
import { db } from '#db/client.server.ts'
import { donations } from '#db/schema/index.ts'
import { move } from '#app/domain/ledger/postings.ts'
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

/** A refund applied as `charge.refunded` applies it: the new part fund → refunds, keyed by the total. */
export async function refundGift(donationId: string, newlyMinor: number) {
  await db().transaction(async (tx) => {
    const [d] = await tx.select().from(donations).where(eq(donations.id, donationId)).for('update')
    const refunded = d!.refundedMinor + newlyMinor
    await postTransaction(tx, {
      idempotencyKey: `stripe:${d!.stripeChargeId}:refunded:${refunded}`,
      movement: 'refund',
      postings: move(
        { kind: 'fund', fundId: d!.fundId, currency: d!.currency },
        { kind: 'refunds', currency: d!.currency },
        newlyMinor,
      ),
    })
    await tx
      .update(donations)
      .set({
        refundedMinor: refunded,
        ...(refunded === d!.amountMinor + d!.feeCoveredMinor
          ? { status: 'refunded' as const }
          : {}),
      })
      .where(eq(donations.id, donationId))
  })
}
