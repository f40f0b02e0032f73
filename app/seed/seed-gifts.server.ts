import { and, asc, eq } from 'drizzle-orm'
import type Stripe from 'stripe'
import type { Tx } from '#db/client.server.ts'
import { donations, funds, grants, type Donation } from '#db/schema/index.ts'
import { grossUp, processorFee } from '#app/domain/donations/fees.ts'
import { allocateToGrant } from '#app/services/donations/allocation.server.ts'
import { postSettlement, settledFields } from '#app/services/donations/settlement.server.ts'
import { officerGrant } from '#app/services/grants/grant-access.server.ts'

const DAY_MS = 86_400_000

/**
 * The demo donor's gifts to the demo fund, so /gifts has something to show (issue 10): an older
 * gift with the fee covered, funded into the first awarded grant by the officer's "Fund this
 * grant" (allocateToGrant), and a newer one still in the fund. Each is settled the way the Stripe
 * webhook settles a gift (postSettlement, under Stripe-shaped ids of its own), never marked paid
 * by hand: the ledger holds the money and the trace reads it.
 */
export async function seedDonorGifts(
  tx: Tx,
  donor: { email: string; name: string },
  officerId: string,
) {
  const [fund] = await tx.select().from(funds).where(eq(funds.slug, 'riverbend-health-equity-fund'))
  if (!fund) throw new Error('The demo fund is missing')
  const now = Date.now()
  const older = await settledDemoGift(tx, fund, donor, {
    key: 'demo-1',
    amountMinor: 150_00,
    coverFee: true,
    at: new Date(now - 20 * DAY_MS),
  })
  const [grant] = await tx
    .select({ id: grants.id })
    .from(grants)
    .where(and(eq(grants.fundId, fund.id), eq(grants.status, 'active')))
    .orderBy(asc(grants.createdAt), asc(grants.id))
    .limit(1)
  if (!grant) throw new Error('The demo has no awarded grant to fund')
  const officer = { id: officerId, ip: null }
  const found = await officerGrant(tx, officer, grant.id, { lock: true })
  if (!found.ok) throw new Error('The demo officer cannot fund the demo grant')
  await allocateToGrant(tx, found, officer)
  await settledDemoGift(tx, fund, donor, {
    key: 'demo-2',
    amountMinor: 50_00,
    coverFee: false,
    at: new Date(now - 3 * DAY_MS),
  })
  return older.id
}

async function settledDemoGift(
  tx: Tx,
  fund: { id: string; currency: string },
  donor: { email: string; name: string },
  gift: { key: string; amountMinor: number; coverFee: boolean; at: Date },
): Promise<Donation> {
  const charged = gift.coverFee ? grossUp(gift.amountMinor) : gift.amountMinor
  const [row] = await tx
    .insert(donations)
    .values({
      fundId: fund.id,
      amountMinor: gift.amountMinor,
      feeCoveredMinor: charged - gift.amountMinor,
      currency: fund.currency,
      donorName: donor.name,
      donorEmail: donor.email,
      status: 'processing',
      createdAt: gift.at,
    })
    .returning()
  const paid = {
    charge: {
      id: `ch_${gift.key}`,
      amount: charged,
      payment_intent: `pi_${gift.key}`,
    } as Stripe.Charge,
    balance: { id: `txn_${gift.key}`, fee: processorFee(charged) } as Stripe.BalanceTransaction,
  }
  await postSettlement(tx, row!, { id: `evt_${gift.key}` } as Stripe.Event, paid)
  const [settled] = await tx
    .update(donations)
    .set({ ...settledFields(paid), status: 'succeeded', settledAt: gift.at })
    .where(eq(donations.id, row!.id))
    .returning()
  return settled!
}
