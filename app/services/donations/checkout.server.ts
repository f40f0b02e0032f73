import { eq } from 'drizzle-orm'
import type Stripe from 'stripe'
import { db } from '#db/client.server.ts'
import { donations, funds, type NewDonation } from '#db/schema/index.ts'
import type { DonationInterval } from '#app/domain/donations/donation-status.ts'
import { grossUp } from '#app/domain/donations/fees.ts'
import type { Language } from '#app/lib/i18n/config.ts'
import { onceFor, stripe } from '#app/services/payments/stripe.server.ts'
import { fixedT } from '#app/services/translations.server.ts'

/** A gift as the donate form gives it, already validated (amounts in minor units). */
export interface DonationInput {
  fundId: string
  programId?: string | null
  grantId?: string | null
  amountMinor: number
  coverFee: boolean
  interval: DonationInterval
  donorName: string
  donorEmail: string
  anonymous: boolean
  tribute?: { kind: 'honour' | 'memory'; name: string; notifyEmail?: string | null } | null
  language: Language
  /** Where Stripe sends the donor back; `{CHECKOUT_SESSION_ID}` is filled in by Stripe. */
  successUrl: string
  cancelUrl: string
}

export type CheckoutStart =
  { ok: true; donationId: string; url: string } | { ok: false; reason: 'fund_not_found' }

/**
 * Records the donation (pending) and opens its Stripe Checkout session; the donor is then sent to
 * `url`. Nothing is paid here: the webhook settles the gift. The session is created with the
 * donation's own idempotency key, so a retried call reopens the same session.
 */
export async function createCheckoutForDonation(input: DonationInput): Promise<CheckoutStart> {
  const [fund] = await db()
    .select({ id: funds.id, name: funds.name, currency: funds.currency })
    .from(funds)
    .where(eq(funds.id, input.fundId))
  if (!fund) return { ok: false, reason: 'fund_not_found' }
  const feeCoveredMinor = input.coverFee ? grossUp(input.amountMinor) - input.amountMinor : 0
  const row: NewDonation = {
    fundId: fund.id,
    programId: input.programId ?? null,
    grantId: input.grantId ?? null,
    amountMinor: input.amountMinor,
    feeCoveredMinor,
    currency: fund.currency,
    interval: input.interval,
    donorName: input.donorName,
    donorEmail: input.donorEmail,
    anonymous: input.anonymous,
    tributeKind: input.tribute?.kind ?? null,
    tributeName: input.tribute?.name ?? null,
    tributeNotifyEmail: input.tribute?.notifyEmail ?? null,
  }
  const [donation] = await db().insert(donations).values(row).returning({ id: donations.id })
  const client = await stripe()
  const session = await client.checkout.sessions.create(
    sessionParams(donation!.id, input, fund, feeCoveredMinor),
    onceFor(donation!.id, 'checkout'),
  )
  await db()
    .update(donations)
    .set({ stripeCheckoutSessionId: session.id })
    .where(eq(donations.id, donation!.id))
  return { ok: true, donationId: donation!.id, url: session.url! }
}

function sessionParams(
  donationId: string,
  input: DonationInput,
  fund: { name: string; currency: string },
  feeCoveredMinor: number,
): Stripe.Checkout.SessionCreateParams {
  const t = fixedT(input.language)
  const monthly = input.interval === 'month'
  const line = (name: string, amount: number) => ({
    quantity: 1,
    price_data: {
      currency: fund.currency.toLowerCase(),
      unit_amount: amount,
      product_data: { name },
      ...(monthly ? { recurring: { interval: 'month' as const } } : {}),
    },
  })
  const giftName = t(
    monthly ? 'donations:checkout.monthlyGiftLine' : 'donations:checkout.giftLine',
    {
      fund: fund.name,
    },
  )
  // The donor's language travels with the payment, for the mails its webhooks send.
  const metadata = { donationId, language: input.language }
  return {
    mode: monthly ? 'subscription' : 'payment',
    submit_type: 'donate',
    client_reference_id: donationId,
    customer_email: input.donorEmail,
    locale: input.language,
    metadata,
    ...(monthly ? { subscription_data: { metadata } } : { payment_intent_data: { metadata } }),
    line_items: [
      line(giftName, input.amountMinor),
      ...(feeCoveredMinor > 0 ? [line(t('donations:checkout.feeLine'), feeCoveredMinor)] : []),
    ],
    success_url: input.successUrl,
    cancel_url: input.cancelUrl,
  }
}
