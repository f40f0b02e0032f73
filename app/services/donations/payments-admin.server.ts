import { desc, eq, isNotNull } from 'drizzle-orm'
import Stripe from 'stripe'
import { db } from '#db/client.server.ts'
import { donations, funds, stripeEvents } from '#db/schema/index.ts'
import { DONATION_STATUSES, type DonationStatus } from '#app/domain/donations/donation-status.ts'
import { fail, type Actor, type Result } from '#app/domain/result.ts'
import { recordAudit } from '#app/services/admin/audit.server.ts'
import { ADMIN_PAGE_SIZE } from '#app/services/admin/admin.server.ts'
import { isSandbox, onceFor, sandbox, stripe } from '#app/services/payments/stripe.server.ts'
import { receiptPath } from './receipts.server.ts'
import { cancelSubscription, isStoppable } from './donor-gifts.server.ts'

/**
 * The platform admin's reconciliation of payments (issue 10): every donation with its Stripe ids
 * and money, the events that could not be applied, and the two things an admin asks Stripe to
 * do (refund, cancel a monthly gift). Those only ask: the webhook that follows changes the
 * donation and the ledger, as for a refund made in Stripe's dashboard.
 */

export const isDonationStatus = (text: string | undefined): text is DonationStatus =>
  (DONATION_STATUSES as readonly string[]).includes(text ?? '')

export async function listPayments(opts: { page: number; status?: DonationStatus }) {
  const page = Math.max(1, Math.floor(opts.page))
  const rows = await db()
    .select({ donation: donations, fundName: funds.name })
    .from(donations)
    .innerJoin(funds, eq(funds.id, donations.fundId))
    .where(opts.status ? eq(donations.status, opts.status) : undefined)
    .orderBy(desc(donations.createdAt), desc(donations.id))
    .limit(ADMIN_PAGE_SIZE + 1)
    .offset((page - 1) * ADMIN_PAGE_SIZE)
  return {
    rows: rows.slice(0, ADMIN_PAGE_SIZE).map(paymentRow),
    page,
    hasNext: rows.length > ADMIN_PAGE_SIZE,
  }
}

/** Gross is what the donor was charged; net what the fund kept of it before any refund. */
function paymentRow({
  donation: d,
  fundName,
}: {
  donation: typeof donations.$inferSelect
  fundName: string
}) {
  const gross = d.amountMinor + d.feeCoveredMinor
  const fee = d.processorFeeMinor ?? 0
  return {
    id: d.id,
    createdAt: d.createdAt.toISOString(),
    fundName,
    donorName: d.donorName,
    donorEmail: d.donorEmail,
    status: d.status,
    interval: d.interval,
    currency: d.currency,
    grossMinor: gross,
    feeMinor: fee,
    netMinor: d.processorFeeMinor === null ? 0 : gross - fee,
    refundedMinor: d.refundedMinor,
    refundableMinor: d.stripeChargeId && d.status !== 'refunded' ? gross - d.refundedMinor : 0,
    cancellable: isStoppable(d),
    disputeStatus: d.disputeStatus,
    // A settled gift has a receipt (its page says what the donor was sent).
    receiptPath: d.settledAt ? receiptPath(d.receiptToken) : null,
    stripeIds: [
      d.stripeCheckoutSessionId,
      d.stripePaymentIntentId,
      d.stripeChargeId,
      d.stripeSubscriptionId,
      d.stripeInvoiceId,
      d.stripeDisputeId,
    ].filter((id): id is string => !!id),
  }
}

/** The events that could not be applied, newest first, with why. */
export async function listFailedEvents() {
  const rows = await db()
    .select({
      id: stripeEvents.id,
      type: stripeEvents.type,
      error: stripeEvents.error,
      donationId: stripeEvents.donationId,
      receivedAt: stripeEvents.receivedAt,
    })
    .from(stripeEvents)
    .where(isNotNull(stripeEvents.error))
    .orderBy(desc(stripeEvents.receivedAt))
    .limit(ADMIN_PAGE_SIZE)
  return rows.map((r) => ({ ...r, receivedAt: r.receivedAt.toISOString() }))
}

async function findDonation(id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null
  const [row] = await db()
    .select({ donation: donations, organizationId: funds.organizationId })
    .from(donations)
    .innerJoin(funds, eq(funds.id, donations.fundId))
    .where(eq(donations.id, id))
  return row ?? null
}

const notFound = () => fail({ status: 404, message: 'admin:payments.notFound' })

/**
 * Asks Stripe to refund `amountMinor` of the gift's charge (all that is left when null). More
 * than is left is refused here, before Stripe would. The idempotency key names how much had been
 * refunded and how much is asked, so a double-click refunds once.
 */
export async function requestRefund(
  admin: Actor,
  donationId: string,
  amountMinor: number | null,
): Promise<Result> {
  const found = await findDonation(donationId)
  if (!found) return notFound()
  const d = found.donation
  const left = d.amountMinor + d.feeCoveredMinor - d.refundedMinor
  if (!d.stripeChargeId || d.status === 'refunded' || left <= 0) {
    return fail({ message: 'admin:payments.notRefundable' })
  }
  const amount = amountMinor ?? left
  if (amount < 1 || amount > left) {
    return fail({ fieldErrors: { amount: 'admin:payments.refundTooLarge' } })
  }
  const client = await stripe()
  const asked = await askStripe(() =>
    client.refunds.create(
      { charge: d.stripeChargeId!, amount },
      onceFor(d.id, `refund:${d.refundedMinor}:${amount}`),
    ),
  )
  if (!asked) return fail({ message: 'admin:payments.stripeRefused' })
  await audit(admin, found, 'donation.refund_requested', { amountMinor: amount })
  return { ok: true }
}

/**
 * Asks Stripe to end a monthly gift (as its donor can on /gifts); `customer.subscription.deleted`
 * then records it. The audit row names the admin.
 */
export async function requestCancel(admin: Actor, donationId: string): Promise<Result> {
  const found = await findDonation(donationId)
  if (!found) return notFound()
  if (!isStoppable(found.donation)) return fail({ message: 'admin:payments.notCancellable' })
  const asked = await cancelSubscription(found.donation, found.organizationId, {
    actorUserId: admin.id,
    ip: admin.ip ?? null,
    by: 'admin',
  })
  return asked.ok ? asked : fail({ message: 'admin:payments.stripeRefused' })
}

export const SANDBOX_STEPS = ['renew', 'dispute', 'win', 'lose'] as const
export type SandboxStep = (typeof SANDBOX_STEPS)[number]

/**
 * Sandbox only (no Stripe keys): makes the stand-in do what Stripe does later in a gift's life,
 * so a person can try it: charge a monthly gift's next month, open a dispute on the charge, or
 * decide it. The stand-in then delivers the webhooks, as Stripe would.
 */
export async function sandboxStep(donationId: string, step: SandboxStep): Promise<Result> {
  if (!isSandbox()) return notFound()
  const found = await findDonation(donationId)
  if (!found) return notFound()
  const d = found.donation
  const box = await sandbox()
  try {
    if (step === 'renew') await box.renew(d.stripeSubscriptionId ?? '')
    else if (step === 'dispute') await box.dispute(d.stripeChargeId ?? '')
    else await box.decideDispute(d.stripeDisputeId ?? '', step === 'win' ? 'won' : 'lost')
  } catch {
    // The stand-in refuses a step that does not fit (no running subscription, no open dispute).
    return fail({ message: 'admin:payments.sandbox.refused' })
  }
  return { ok: true }
}

/** Whether Stripe did what was asked; its refusals (a typed StripeError) answer false. */
async function askStripe(call: () => Promise<unknown>): Promise<boolean> {
  try {
    await call()
    return true
  } catch (error) {
    if (error instanceof Stripe.errors.StripeError) return false
    throw error
  }
}

async function audit(
  admin: Actor,
  found: { donation: { id: string }; organizationId: string },
  action: 'donation.refund_requested',
  details: Record<string, unknown>,
) {
  await recordAudit(db(), {
    actorUserId: admin.id,
    action,
    entityType: 'donation',
    entityId: found.donation.id,
    organizationId: found.organizationId,
    ip: admin.ip,
    details,
  })
}
