import { and, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm'
import Stripe from 'stripe'
import { db } from '#db/client.server.ts'
import {
  donationAllocations,
  donations,
  funds,
  grants,
  ledgerEntries,
  ledgerTransactions,
  organizations,
  programs,
  type Donation,
} from '#db/schema/index.ts'
import { fail, type Result } from '#app/domain/result.ts'
import type { Language } from '#app/lib/i18n/config.ts'
import { recordAudit } from '#app/services/admin/audit.server.ts'
import { onceFor, stripe } from '#app/services/payments/stripe.server.ts'
import { showProgram } from '#app/services/programs/program-content.server.ts'
import { giftWhereabouts, type GiftWhereabouts } from './gift-trace.server.ts'

/**
 * "Your gifts" (issue 10): the gifts given from the viewer's addresses, each with where its money
 * went. Who the viewer is (a verified account, a donor link) is settled by the request layer
 * (app/utils/donor-viewer.server.ts); everything here is limited to the addresses it hands over.
 */

export const GIFTS_PAGE_SIZE = 20

/** Whose gifts: lower-cased addresses; `actorUserId` is the account acting, if any. */
export interface DonorViewer {
  emails: string[]
  actorUserId: string | null
  ip?: string | null
}

const ofViewer = (viewer: DonorViewer): SQL =>
  viewer.emails.length === 0
    ? sql`false`
    : inArray(sql`lower(${donations.donorEmail})`, viewer.emails)

/** A monthly gift that is running and may be stopped: its first month, with a subscription. */
export const isStoppable = (d: Donation) =>
  d.interval === 'month' &&
  !d.parentDonationId &&
  !!d.stripeSubscriptionId &&
  !d.subscriptionEndedAt

/** Whether any gift was given from these addresses (the dashboard's card). */
export async function hasDonorGifts(emails: string[]): Promise<boolean> {
  if (emails.length === 0) return false
  const [row] = await db()
    .select({ id: donations.id })
    .from(donations)
    .where(ofViewer({ emails, actorUserId: null }))
    .limit(1)
  return !!row
}

/** The page cursor: the last gift shown, as `<created at ISO>_<id>`. */
export function parseGiftCursor(text: string | null): { createdAt: Date; id: string } | null {
  const match = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z)_([0-9a-f-]{36})$/i.exec(text ?? '')
  if (!match) return null
  const createdAt = new Date(match[1]!)
  return Number.isNaN(createdAt.getTime()) ? null : { createdAt, id: match[2]! }
}

/**
 * The order and the cursor compare creation times to the millisecond, as JavaScript keeps them:
 * the database's microseconds would put a gift made in the same millisecond as the cursor's on
 * neither page.
 */
const createdMs = sql`date_trunc('milliseconds', ${donations.createdAt})`

const cursorOf = (d: Donation) => `${d.createdAt.toISOString()}_${d.id}`

/**
 * One page of the viewer's gifts, newest first (keyset: as cheap deep as on the first page). A
 * monthly gift is one line, its later months summarised under it.
 */
export async function listDonorGifts(
  viewer: DonorViewer,
  options: { after: string | null; reader: Language },
) {
  const after = parseGiftCursor(options.after)
  const rows = await db()
    .select({ gift: donations, fundName: funds.name })
    .from(donations)
    .innerJoin(funds, eq(funds.id, donations.fundId))
    .where(
      and(
        ofViewer(viewer),
        isNull(donations.parentDonationId),
        after
          ? or(
              sql`${createdMs} < ${after.createdAt.toISOString()}`,
              and(
                sql`${createdMs} = ${after.createdAt.toISOString()}`,
                sql`${donations.id} < ${after.id}`,
              ),
            )
          : undefined,
      ),
    )
    .orderBy(desc(createdMs), desc(donations.id))
    .limit(GIFTS_PAGE_SIZE + 1)
  const page = rows.slice(0, GIFTS_PAGE_SIZE)
  const gifts = page.map((r) => r.gift)
  const [months, designations, nextPayments] = await Promise.all([
    laterMonths(gifts),
    designationNames(gifts, options.reader),
    nextPaymentDates(gifts),
  ])
  const settled = [...gifts, ...months].filter((g) => g.settledAt !== null)
  const [traces, refundEffects] = await Promise.all([
    giftWhereabouts(
      db(),
      settled.map((g) => g.id),
    ),
    refundEffectsOf(settled.filter((g) => g.refundedMinor > 0).map((g) => g.id)),
  ])
  const titles = await programTitlesOf(
    traces.flatMap((t) => t.funded.map((f) => f.grantId)),
    options.reader,
  )
  for (const funded of traces.flatMap((t) => t.funded)) {
    funded.programTitle = titles.get(funded.grantId) ?? funded.programTitle
  }
  return {
    gifts: page.map(({ gift, fundName }) => {
      const own = months.filter((m) => m.parentDonationId === gift.id)
      const family = [gift, ...own]
      return describeGift(gift, {
        fundName,
        designation: designations.get(gift.id) ?? null,
        months: gift.interval === 'month' ? monthsSummary(family) : null,
        nextPaymentAt: nextPayments.get(gift.id) ?? null,
        trace: mergeTraces(family.map((g) => traces.find((t) => t.donationId === g.id))),
        refund: sumEffects(family.map((g) => refundEffects.get(g.id))),
      })
    }),
    next: rows.length > GIFTS_PAGE_SIZE ? cursorOf(page.at(-1)!.gift) : null,
  }
}
export type DonorGift = Awaited<ReturnType<typeof listDonorGifts>>['gifts'][number]

async function laterMonths(gifts: Donation[]): Promise<Donation[]> {
  const monthly = gifts.filter((g) => g.interval === 'month').map((g) => g.id)
  if (monthly.length === 0) return []
  return db().select().from(donations).where(inArray(donations.parentDonationId, monthly))
}

/** What each gift was designated to, in words a donor recognises (a program, a grant's group). */
async function designationNames(gifts: Donation[], reader: Language) {
  const names = new Map<string, { kind: 'program' | 'grant'; name: string }>()
  const programIds = gifts.filter((g) => g.programId && !g.grantId).map((g) => g.programId!)
  const grantIds = gifts.filter((g) => g.grantId).map((g) => g.grantId!)
  const [designatedPrograms, designatedGrants] = await Promise.all([
    programIds.length ? db().select().from(programs).where(inArray(programs.id, programIds)) : [],
    grantIds.length
      ? db()
          .select({ id: grants.id, group: organizations.name, program: programs })
          .from(grants)
          .innerJoin(organizations, eq(organizations.id, grants.organizationId))
          .innerJoin(programs, eq(programs.id, grants.programId))
          .where(inArray(grants.id, grantIds))
      : [],
  ])
  for (const gift of gifts) {
    const grant = designatedGrants.find((g) => g.id === gift.grantId)
    const program = designatedPrograms.find((p) => p.id === gift.programId)
    if (grant) {
      const title = showProgram(grant.program, reader).title.text
      names.set(gift.id, { kind: 'grant', name: `${grant.group} (${title})` })
    } else if (program) {
      names.set(gift.id, { kind: 'program', name: showProgram(program, reader).title.text })
    }
  }
  return names
}

/**
 * When each running monthly gift's next payment is expected: the end of its subscription's
 * current period, as Stripe has it now (not stored here, so never stale). A gift Stripe cannot
 * answer about (an error, a sandbox restarted since) is left without a date.
 */
async function nextPaymentDates(gifts: Donation[]): Promise<Map<string, string>> {
  const dates = new Map<string, string>()
  const running = gifts.filter((g) => isStoppable(g) && !g.cancelRequestedAt)
  if (running.length === 0) return dates
  const client = await stripe()
  await Promise.all(
    running.map(async (gift) => {
      try {
        const subscription = await client.subscriptions.retrieve(
          gift.stripeSubscriptionId!,
          {},
          { timeout: 3_000 },
        )
        const end = subscription.items.data[0]?.current_period_end
        if (subscription.status === 'active' && typeof end === 'number') {
          dates.set(gift.id, new Date(end * 1000).toISOString())
        }
      } catch (error) {
        if (!(error instanceof Stripe.errors.StripeError)) throw error
      }
    }),
  )
  return dates
}

/** The title of each grant's program in the reader's language (the trace has the written one). */
async function programTitlesOf(grantIds: string[], reader: Language) {
  const titles = new Map<string, string>()
  if (grantIds.length === 0) return titles
  const rows = await db()
    .select({ grantId: grants.id, program: programs })
    .from(grants)
    .innerJoin(programs, eq(programs.id, grants.programId))
    .where(inArray(grants.id, [...new Set(grantIds)]))
  for (const row of rows) titles.set(row.grantId, showProgram(row.program, reader).title.text)
  return titles
}

/** A monthly gift's months that were paid (the first included): how many, and what in all. */
function monthsSummary(family: Donation[]) {
  const paid = family.filter((g) => g.settledAt !== null)
  return {
    paidCount: paid.length,
    paidMinor: paid.reduce((sum, g) => sum + g.amountMinor + g.feeCoveredMinor, 0),
  }
}

/** A monthly gift's traces added up month by month, grant by grant. */
function mergeTraces(traces: (GiftWhereabouts | undefined)[]) {
  const present = traces.filter((t): t is GiftWhereabouts => !!t)
  if (present.length === 0) return null
  const funded = new Map<string, GiftWhereabouts['funded'][number]>()
  for (const f of present.flatMap((t) => t.funded)) {
    const seen = funded.get(f.grantId)
    funded.set(f.grantId, seen ? { ...seen, amountMinor: seen.amountMinor + f.amountMinor } : f)
  }
  return {
    netMinor: present.reduce((sum, t) => sum + t.netMinor, 0),
    unallocatedMinor: present.reduce((sum, t) => sum + t.unallocatedMinor, 0),
    funded: [...funded.values()],
  }
}

interface RefundEffect {
  /** What other gifts in the fund now fund in this gift's place. */
  replacedMinor: number
  /** What nothing could replace: taken back from the grants, which are short by it. */
  shortMinor: number
}

/**
 * What refunds of these gifts did to the grants they had funded (allocation.server.ts,
 * replaceAfterRefund): the allocation rows written under each refund's ledger transaction are
 * other gifts replacing it; the grant → fund movements naming the refund are the shortfall.
 */
async function refundEffectsOf(donationIds: string[]): Promise<Map<string, RefundEffect>> {
  const effects = new Map<string, RefundEffect>()
  if (donationIds.length === 0) return effects
  const refunds = await db()
    .select({
      id: ledgerTransactions.id,
      donationId: sql<string>`${ledgerTransactions.refs}->>'donationId'`,
    })
    .from(ledgerTransactions)
    .where(
      and(
        eq(ledgerTransactions.movement, 'refund'),
        inArray(sql`${ledgerTransactions.refs}->>'donationId'`, donationIds),
      ),
    )
  if (refunds.length === 0) return effects
  const refundIds = refunds.map((r) => r.id)
  const [replaced, short] = await Promise.all([
    db()
      .select({
        refundId: donationAllocations.ledgerTransactionId,
        total: sql<number>`sum(${donationAllocations.amountMinor})::bigint`.mapWith(Number),
      })
      .from(donationAllocations)
      .where(inArray(donationAllocations.ledgerTransactionId, refundIds))
      .groupBy(donationAllocations.ledgerTransactionId),
    db()
      .select({
        refundId: sql<string>`${ledgerTransactions.refs}->>'refund'`,
        total:
          sql<number>`sum(${ledgerEntries.amountMinor}) filter (where ${ledgerEntries.amountMinor} > 0)::bigint`.mapWith(
            Number,
          ),
      })
      .from(ledgerTransactions)
      .innerJoin(ledgerEntries, eq(ledgerEntries.transactionId, ledgerTransactions.id))
      .where(
        and(
          eq(ledgerTransactions.movement, 'allocation'),
          inArray(sql`${ledgerTransactions.refs}->>'refund'`, refundIds),
        ),
      )
      .groupBy(sql`${ledgerTransactions.refs}->>'refund'`),
  ])
  for (const refund of refunds) {
    const before = effects.get(refund.donationId) ?? { replacedMinor: 0, shortMinor: 0 }
    effects.set(refund.donationId, {
      replacedMinor:
        before.replacedMinor + (replaced.find((r) => r.refundId === refund.id)?.total ?? 0),
      shortMinor: before.shortMinor + (short.find((r) => r.refundId === refund.id)?.total ?? 0),
    })
  }
  return effects
}

function sumEffects(effects: (RefundEffect | undefined)[]): RefundEffect {
  return effects.reduce<RefundEffect>(
    (sum, e) => ({
      replacedMinor: sum.replacedMinor + (e?.replacedMinor ?? 0),
      shortMinor: sum.shortMinor + (e?.shortMinor ?? 0),
    }),
    { replacedMinor: 0, shortMinor: 0 },
  )
}

/** Where a monthly gift stands: running, asked to stop (until Stripe confirms), or stopped. */
function monthlyState(gift: Donation) {
  if (gift.interval !== 'month') return null
  if (gift.subscriptionEndedAt) return { state: 'stopped' as const }
  if (gift.cancelRequestedAt) return { state: 'stopping' as const }
  if (isStoppable(gift)) return { state: 'active' as const }
  return { state: 'starting' as const }
}

function describeGift(
  gift: Donation,
  about: {
    fundName: string
    designation: { kind: 'program' | 'grant'; name: string } | null
    months: ReturnType<typeof monthsSummary> | null
    nextPaymentAt: string | null
    trace: ReturnType<typeof mergeTraces>
    refund: RefundEffect
  },
) {
  return {
    id: gift.id,
    createdAt: gift.createdAt.toISOString(),
    settledAt: gift.settledAt?.toISOString() ?? null,
    fundName: about.fundName,
    designation: about.designation,
    currency: gift.currency,
    amountMinor: gift.amountMinor,
    feeCoveredMinor: gift.feeCoveredMinor,
    processorFeeMinor: gift.processorFeeMinor,
    refundedMinor: gift.refundedMinor,
    status: gift.status,
    disputeStatus: gift.disputeStatus,
    monthly: monthlyState(gift),
    stoppedAt: gift.subscriptionEndedAt?.toISOString() ?? null,
    months: about.months,
    /** When Stripe expects the next month's payment, if it says (omitted otherwise). */
    nextPaymentAt: about.nextPaymentAt,
    /** Settled gifts only: the receipt page (/receipts/<token>). */
    receiptToken: gift.settledAt ? gift.receiptToken : null,
    trace: about.trace,
    refundEffect: about.refund,
  }
}

/**
 * "Stop this monthly gift": asks Stripe to cancel the subscription (the same key however often
 * it is asked, so a double click cancels once) and notes the asking, so the page says "stopping";
 * `customer.subscription.deleted` then records the end. The donor may stop only a gift given from
 * their addresses; anything else is not found.
 */
export async function stopMonthlyGift(viewer: DonorViewer, donationId: string): Promise<Result> {
  if (!/^[0-9a-f-]{36}$/i.test(donationId)) return fail({ status: 404 })
  const [gift] = await db()
    .select({ gift: donations, organizationId: funds.organizationId })
    .from(donations)
    .innerJoin(funds, eq(funds.id, donations.fundId))
    .where(and(eq(donations.id, donationId), ofViewer(viewer)))
  if (!gift) return fail({ status: 404 })
  return cancelSubscription(gift.gift, gift.organizationId, {
    actorUserId: viewer.actorUserId,
    ip: viewer.ip ?? null,
    by: 'donor',
  })
}

/**
 * Cancels a running monthly gift at Stripe and records who asked (the audit row) and when (the
 * page's "stopping"). Shared by the donor's page and the admin's payments page.
 */
export async function cancelSubscription(
  gift: Donation,
  organizationId: string,
  who: { actorUserId: string | null; ip: string | null; by: 'donor' | 'admin' },
): Promise<Result> {
  if (!isStoppable(gift)) return fail({ status: 409, message: 'gifts:stop.notRunning' })
  const client = await stripe()
  try {
    await client.subscriptions.cancel(gift.stripeSubscriptionId!, {}, onceFor(gift.id, 'cancel'))
  } catch (error) {
    if (error instanceof Stripe.errors.StripeError) {
      return fail({ status: 502, message: 'gifts:stop.stripeRefused' })
    }
    throw error
  }
  await db().transaction(async (tx) => {
    await tx
      .update(donations)
      .set({ cancelRequestedAt: sql`coalesce(${donations.cancelRequestedAt}, now())` })
      .where(eq(donations.id, gift.id))
    await recordAudit(tx, {
      actorUserId: who.actorUserId,
      action: 'donation.cancel_requested',
      entityType: 'donation',
      entityId: gift.id,
      organizationId,
      ip: who.ip,
      details: { by: who.by },
    })
  })
  return { ok: true }
}
