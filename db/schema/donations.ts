import { sql } from 'drizzle-orm'
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  index,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { DONATION_INTERVALS, DONATION_STATUSES } from '#app/domain/donations/donation-status.ts'
import { createdAt, id, updatedAt } from './columns.ts'
import { grants } from './grants.ts'
import { ledgerTransactions } from './ledger.ts'
import { funds, programs } from './programs.ts'

export const donationStatus = pgEnum('donation_status', DONATION_STATUSES)
export const donationInterval = pgEnum('donation_interval', DONATION_INTERVALS)

/**
 * One gift (or the first of a monthly gift) to a fund, optionally designated to one of its
 * programs or grants. `amount_minor` is the gift; `fee_covered_minor` what the donor added to
 * cover the processor's fee, so the charge is their sum. The status moves forward only
 * (app/domain/donations/donation-status.ts); the money itself is in the ledger, posted by the
 * Stripe webhook when the charge settles, never by this row.
 */
export const donations = pgTable(
  'donations',
  {
    id: id(),
    fundId: uuid('fund_id')
      .notNull()
      .references(() => funds.id),
    programId: uuid('program_id').references(() => programs.id),
    grantId: uuid('grant_id').references(() => grants.id),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    feeCoveredMinor: bigint('fee_covered_minor', { mode: 'number' }).notNull().default(0),
    currency: text('currency').notNull(),
    interval: donationInterval('interval').notNull().default('one_time'),
    status: donationStatus('status').notNull().default('pending'),
    donorName: text('donor_name').notNull(),
    donorEmail: text('donor_email').notNull(),
    /** Hidden from the public, never from the fund's staff (receipts). */
    anonymous: boolean('anonymous').notNull().default(false),
    tributeKind: text('tribute_kind'),
    tributeName: text('tribute_name'),
    tributeNotifyEmail: text('tribute_notify_email'),
    stripeCheckoutSessionId: text('stripe_checkout_session_id'),
    stripePaymentIntentId: text('stripe_payment_intent_id'),
    stripeChargeId: text('stripe_charge_id'),
    stripeSubscriptionId: text('stripe_subscription_id'),
    /** How much of the charge has been refunded (Stripe's `amount_refunded`, as applied). */
    refundedMinor: bigint('refunded_minor', { mode: 'number' }).notNull().default(0),
    /** The processor's actual fee, from the charge's balance transaction, once settled. */
    processorFeeMinor: bigint('processor_fee_minor', { mode: 'number' }),
    settledAt: timestamp('settled_at', { withTimezone: true, mode: 'date' }),
    /**
     * A monthly gift's later months are donations of their own (decision 026): each names the
     * first month's donation and the invoice that paid it (unique, so an invoice is one gift).
     */
    parentDonationId: uuid('parent_donation_id').references((): AnyPgColumn => donations.id),
    stripeInvoiceId: text('stripe_invoice_id'),
    /** When the monthly gift ended (its subscription was cancelled); on the first month's row. */
    subscriptionEndedAt: timestamp('subscription_ended_at', { withTimezone: true, mode: 'date' }),
    /**
     * When the donor or an admin asked Stripe to end the monthly gift: until the webhook sets
     * `subscription_ended_at`, the donor's page says it is stopping.
     */
    cancelRequestedAt: timestamp('cancel_requested_at', { withTimezone: true, mode: 'date' }),
    /** The charge's dispute, as Stripe last said: its id and status, and the fee it cost. */
    stripeDisputeId: text('stripe_dispute_id'),
    disputeStatus: text('dispute_status'),
    disputeFeeMinor: bigint('dispute_fee_minor', { mode: 'number' }).notNull().default(0),
    /**
     * What the dispute has taken back from the fund and not reinstated (its balance transactions'
     * amounts, fee apart): money the gift no longer brings, like a refund, so its lot and the
     * grants it funded count without it.
     */
    disputedMinor: bigint('disputed_minor', { mode: 'number' }).notNull().default(0),
    /**
     * The unguessable part of this gift's receipt address (/receipts/<token>), so a receipt can be
     * mailed and opened without an account; 64 hex digits from two random UUIDs (244 random bits).
     */
    receiptToken: text('receipt_token')
      .notNull()
      .default(sql`replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '')`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('donations_checkout_session_key').on(t.stripeCheckoutSessionId),
    uniqueIndex('donations_payment_intent_key').on(t.stripePaymentIntentId),
    uniqueIndex('donations_charge_key').on(t.stripeChargeId),
    index('donations_subscription_idx').on(t.stripeSubscriptionId),
    uniqueIndex('donations_invoice_key').on(t.stripeInvoiceId),
    uniqueIndex('donations_receipt_token_key').on(t.receiptToken),
    index('donations_parent_idx').on(t.parentDonationId),
    index('donations_fund_idx').on(t.fundId, t.status, t.createdAt),
    index('donations_grant_idx').on(t.grantId),
    index('donations_donor_email_idx').on(sql`lower(${t.donorEmail})`, t.createdAt),
    index('donations_status_idx').on(t.status, t.createdAt),
    check('donations_amount_positive', sql`${t.amountMinor} > 0`),
    check('donations_fee_covered_not_negative', sql`${t.feeCoveredMinor} >= 0`),
    check(
      'donations_disputed_within_charge',
      sql`${t.disputedMinor} >= 0 AND ${t.disputedMinor} <= ${t.amountMinor} + ${t.feeCoveredMinor}`,
    ),
    check(
      'donations_refund_within_charge',
      sql`${t.refundedMinor} >= 0 AND ${t.refundedMinor} <= ${t.amountMinor} + ${t.feeCoveredMinor}`,
    ),
    check('donations_currency_code', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check(
      'donations_tribute_kind_known',
      sql`${t.tributeKind} IS NULL OR ${t.tributeKind} IN ('honour', 'memory')`,
    ),
    check(
      'donations_settled_at_matches',
      sql`(${t.settledAt} IS NOT NULL) = (${t.status} IN ('succeeded', 'refunded', 'disputed'))`,
    ),
  ],
)

/**
 * Every Stripe event the webhook accepted, once: the unique id turns a second delivery (even one
 * racing the first from another process) into a no-op. `applied_at` is set when the event changed
 * what it concerns in the same transaction; `error` says why one could not be applied (an unknown
 * donation, an amount that does not match), for the admin's reconciliation.
 */
export const stripeEvents = pgTable(
  'stripe_events',
  {
    id: text('id').primaryKey(),
    type: text('type').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    donationId: uuid('donation_id').references(() => donations.id),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'date' })
      .notNull()
      .defaultNow(),
    appliedAt: timestamp('applied_at', { withTimezone: true, mode: 'date' }),
    error: text('error'),
  },
  (t) => [
    index('stripe_events_donation_idx').on(t.donationId),
    // The reconciliation page lists events that failed to apply.
    index('stripe_events_failed_idx')
      .on(t.receivedAt)
      .where(sql`${t.error} IS NOT NULL`),
  ],
)

/**
 * Which gift funded which grant, and how much: one row per lot consumed by an allocation
 * (app/domain/donations/allocation.ts), written in the transaction that posts the allocation's
 * fund → grant movement (`ledger_transaction_id`). A donation's lot is its settled net (gift and
 * covered fee, less the processor's fee and refunds) less its rows here.
 */
export const donationAllocations = pgTable(
  'donation_allocations',
  {
    id: id(),
    donationId: uuid('donation_id')
      .notNull()
      .references(() => donations.id),
    grantId: uuid('grant_id')
      .notNull()
      .references(() => grants.id),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    ledgerTransactionId: uuid('ledger_transaction_id')
      .notNull()
      .references(() => ledgerTransactions.id),
    createdAt: createdAt(),
  },
  (t) => [
    // A gift's trace (donor page) and its lot; a grant's funders (officer page).
    index('donation_allocations_donation_idx').on(t.donationId, t.createdAt),
    index('donation_allocations_grant_idx').on(t.grantId, t.createdAt),
    index('donation_allocations_transaction_idx').on(t.ledgerTransactionId),
    check('donation_allocations_amount_positive', sql`${t.amountMinor} > 0`),
  ],
)

export type DonationAllocation = typeof donationAllocations.$inferSelect
export type Donation = typeof donations.$inferSelect
export type NewDonation = typeof donations.$inferInsert
export type StripeEvent = typeof stripeEvents.$inferSelect
