import { eq } from 'drizzle-orm'
import type Stripe from 'stripe'
import type { Db, Tx } from '#db/client.server.ts'
import { donations, type NewDonation } from '#db/schema/index.ts'
import { recordAudit } from '#app/services/admin/audit.server.ts'
import { stripe } from '#app/services/payments/stripe.server.ts'
import type { Applied } from './checkout-events.server.ts'
import { auditEvent, lockDonation, moveTo, type Locked } from './donation-moves.server.ts'
import { donorLanguage, mailSettledGift } from './gift-mails.server.ts'
import {
  invoiceIntent,
  paidChargeOf,
  postSettlement,
  settledFields,
  type PaidCharge,
} from './settlement.server.ts'

/**
 * A monthly gift's invoices (docs/decisions/026-stripe-sandbox.md): the first month is the
 * donation the checkout made, so its `invoice.paid` settles that row (or finds it settled: same
 * ledger key as `checkout.session.completed`); each later month becomes a donation row of its own,
 * named by its invoice (unique), and `customer.subscription.deleted` ends the monthly gift.
 */

export interface InvoiceFacts {
  invoice: Stripe.Invoice
  paid: PaidCharge | null
}

export async function readInvoiceFacts(event: Stripe.Event): Promise<InvoiceFacts> {
  const client = await stripe()
  const sent = event.data.object as Stripe.Invoice
  const invoice = await client.invoices.retrieve(sent.id!, { expand: ['payments'] })
  if (invoice.status !== 'paid') return { invoice, paid: null }
  return { invoice, paid: await paidChargeOf(client, await invoiceIntent(client, invoice)) }
}

/** The first month's donation, named in the subscription's metadata, locked. */
function lockFirstMonth(tx: Db, metadata: Stripe.Metadata | null | undefined) {
  const donationId = metadata?.donationId
  if (!donationId || !/^[0-9a-f-]{36}$/i.test(donationId)) return null
  return lockDonation(tx, eq(donations.id, donationId))
}

export async function applyInvoiceEvent(
  tx: Tx,
  event: Stripe.Event,
  { invoice, paid }: InvoiceFacts,
): Promise<Applied> {
  const details = invoice.parent?.subscription_details
  // Every month of one gift takes its turn on the first month's row lock.
  const first = await lockFirstMonth(tx, details?.metadata)
  if (!first) return { donationId: null, notApplied: 'unknown_donation' }
  if (!paid) return { donationId: first.id, notApplied: null }
  const charged = first.amountMinor + first.feeCoveredMinor
  const currency = first.currency.toLowerCase()
  if (paid.charge.amount !== charged || paid.charge.currency !== currency) {
    return { donationId: first.id, notApplied: 'amount_mismatch' }
  }
  const subscription = typeof details?.subscription === 'string' ? details.subscription : null
  const language = donorLanguage(details?.metadata)
  if (invoice.billing_reason === 'subscription_create') {
    const fields = { ...settledFields(paid), stripeSubscriptionId: subscription }
    if (await moveTo(tx, first, 'succeeded', event, fields)) {
      await postSettlement(tx, first, event, paid)
      await mailSettledGift(tx, first.id, language)
    }
    return { donationId: first.id, notApplied: null }
  }
  const month = await recordMonth(tx, first, event, invoice, paid)
  if (month.recorded) await mailSettledGift(tx, month.id, language)
  return { donationId: month.id, notApplied: null }
}

/** A later month: its own settled donation, once per invoice (`recorded`: this time). */
async function recordMonth(
  tx: Db,
  first: Locked,
  event: Stripe.Event,
  invoice: Stripe.Invoice,
  paid: PaidCharge,
): Promise<{ id: string; recorded: boolean }> {
  const [known] = await tx
    .select({ id: donations.id })
    .from(donations)
    .where(eq(donations.stripeInvoiceId, invoice.id!))
  if (known) return { id: known.id, recorded: false }
  const month: NewDonation = {
    ...copiedFromFirst(first),
    ...settledFields(paid),
    status: 'succeeded',
    parentDonationId: first.id,
    stripeInvoiceId: invoice.id!,
  }
  const [row] = await tx.insert(donations).values(month).returning()
  await recordAudit(tx, {
    actorUserId: null,
    action: 'donation.settled',
    entityType: 'donation',
    entityId: row!.id,
    organizationId: first.organizationId,
    details: { event: event.id, type: event.type, invoice: invoice.id, first: first.id },
  })
  await postSettlement(tx, row!, event, paid)
  return { id: row!.id, recorded: true }
}

/** What a later month shares with the first: the donor, the fund and the amounts. */
const copiedFromFirst = (first: Locked): NewDonation => ({
  fundId: first.fundId,
  programId: first.programId,
  grantId: first.grantId,
  amountMinor: first.amountMinor,
  feeCoveredMinor: first.feeCoveredMinor,
  currency: first.currency,
  interval: first.interval,
  donorName: first.donorName,
  donorEmail: first.donorEmail,
  anonymous: first.anonymous,
  tributeKind: first.tributeKind,
  tributeName: first.tributeName,
  tributeNotifyEmail: first.tributeNotifyEmail,
  stripeSubscriptionId: first.stripeSubscriptionId,
})

export async function readSubscription(event: Stripe.Event): Promise<Stripe.Subscription> {
  const sent = event.data.object as Stripe.Subscription
  return (await stripe()).subscriptions.retrieve(sent.id)
}

/** `customer.subscription.deleted`: the monthly gift ends (once; its months stay as they are). */
export async function applySubscriptionEnded(
  tx: Db,
  event: Stripe.Event,
  subscription: Stripe.Subscription,
): Promise<Applied> {
  const first = await lockFirstMonth(tx, subscription.metadata)
  if (!first) return { donationId: null, notApplied: 'unknown_donation' }
  if (subscription.status !== 'canceled' || first.subscriptionEndedAt) {
    return { donationId: first.id, notApplied: null }
  }
  const endedAt = new Date((subscription.ended_at ?? subscription.canceled_at ?? 0) * 1000)
  await tx.update(donations).set({ subscriptionEndedAt: endedAt }).where(eq(donations.id, first.id))
  await auditEvent(tx, first, 'donation.subscription_ended', event, {})
  return { donationId: first.id, notApplied: null }
}
