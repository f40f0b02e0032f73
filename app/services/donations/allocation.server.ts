import { and, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm'
import { db, type Db } from '#db/client.server.ts'
import {
  donationAllocations,
  donations,
  grants,
  ledgerAccounts,
  ledgerEntries,
} from '#db/schema/index.ts'
import {
  eligibleLots,
  planAllocation,
  replaceRefundedAllocations,
  type Allocation,
  type Designation,
  type RefundReplacement,
  type Lot,
  type Take,
} from '#app/domain/donations/allocation.ts'
import { move, type AccountRef } from '#app/domain/ledger/postings.ts'
import { fail, type Actor, type Result } from '#app/domain/result.ts'
import { recordAudit } from '#app/services/admin/audit.server.ts'
import { officerGrant, type GrantInContext } from '#app/services/grants/grant-access.server.ts'
import { accountId, balanceOf, postTransaction } from '#app/services/ledger/ledger.server.ts'

/**
 * Funding a grant from its fund (issue 10, "allocation"): the grant's still unfunded amount moves
 * fund → grant in the ledger, and the gifts that pay for it are named, first in first out, in
 * `donation_allocations` rows, all in one transaction.
 *
 * It is the officer's action ("Fund this grant from the fund"), not part of the award: an award
 * is a decision about merit made before the money is counted, and the fund may not hold enough
 * yet. Funding later, as often as gifts arrive, lets the officer see the shortfall and fund the
 * rest when it comes, while the award itself never fails for want of gifts.
 */

/**
 * Gifts whose money may still be in their fund: settled, and perhaps partly refunded or disputed
 * (what a refund or a dispute took back is subtracted from the lot, so a dispute the fund won
 * brings the gift's money back).
 */
const HELD_STATUSES = ['succeeded', 'refunded', 'disputed'] as const

/**
 * The fund's account row, locked until the transaction ends: two allocations from one fund take
 * turns, so the second reads the lots the first left and never consumes one twice.
 */
async function lockFundAccount(tx: Db, fund: AccountRef & { kind: 'fund' }): Promise<void> {
  const id = await accountId(tx, fund)
  // Gifts add to the account's running totals, not to this row, so settling never waits here
  // (NO KEY UPDATE: a new total's foreign key check on this row does not wait either).
  await tx
    .select({ id: ledgerAccounts.id })
    .from(ledgerAccounts)
    .where(eq(ledgerAccounts.id, id))
    .for('no key update')
}

const designationOf = (row: { programId: string | null; grantId: string | null }): Designation =>
  row.grantId
    ? { kind: 'grant', grantId: row.grantId }
    : row.programId
      ? { kind: 'program', programId: row.programId }
      : { kind: 'fund' }

/**
 * The fund's open lots: each held gift's settled net (the charge, less the processor's fee,
 * refunds and what a dispute withdrew) less what it has already funded. Read under the fund
 * account's lock.
 */
export async function openLots(tx: Db, fundId: string): Promise<Lot[]> {
  const allocated = sql<number>`coalesce((SELECT sum(${donationAllocations.amountMinor}) FROM ${donationAllocations} WHERE ${donationAllocations.donationId} = ${donations.id}), 0)::bigint`
  const rows = await tx
    .select({
      donationId: donations.id,
      settledAt: donations.settledAt,
      programId: donations.programId,
      grantId: donations.grantId,
      available:
        sql<number>`(${donations.amountMinor} + ${donations.feeCoveredMinor} - coalesce(${donations.processorFeeMinor}, 0) - ${donations.refundedMinor} - ${donations.disputedMinor} - ${allocated})::bigint`.mapWith(
          Number,
        ),
    })
    .from(donations)
    .where(
      and(
        eq(donations.fundId, fundId),
        inArray(donations.status, [...HELD_STATUSES]),
        isNotNull(donations.settledAt),
      ),
    )
  return rows
    .filter((row) => row.available > 0)
    .map((row) => ({
      donationId: row.donationId,
      settledAt: row.settledAt!,
      availableMinor: row.available,
      designation: designationOf(row),
    }))
}

/** What the grant has been given from its fund so far. */
export async function allocatedToGrant(tx: Db, grantId: string): Promise<number> {
  const [row] = await tx
    .select({ total: sql<number>`coalesce(sum(${donationAllocations.amountMinor}), 0)::bigint` })
    .from(donationAllocations)
    .where(eq(donationAllocations.grantId, grantId))
  return Number(row?.total ?? 0)
}

export interface Funding {
  /** Moved fund → grant by this call (0 when nothing was open or nothing was owed). */
  allocatedMinor: number
  /** What the grant still lacks after this call. */
  shortfallMinor: number
}

/**
 * Funds what the grant still lacks (or `upToMinor` of it) from the eligible lots, as far as they
 * and the fund's balance go. The idempotency
 * key names the grant's account and how many entries it had before (stable under the grant's
 * and the fund's locks), so one allocation posts once and the next one is a new cause.
 */
export async function allocateToGrant(
  tx: Db,
  found: GrantInContext,
  actor: Actor,
  upToMinor = Infinity,
): Promise<Funding> {
  const { grant, currency } = found
  const fund = { kind: 'fund', fundId: grant.fundId, currency } as const
  await lockFundAccount(tx, fund)
  const fundBalance = await balanceOf(tx, fund)
  const before = await allocatedToGrant(tx, grant.id)
  const owed = grant.amountMinor - before
  if (owed <= 0) return { allocatedMinor: 0, shortfallMinor: 0 }
  // The fund's own balance bounds it too: fees the fund absorbed on refunded or disputed gifts
  // are not in any lot, and the fund's account never goes below zero by an allocation.
  const affordable = Math.min(owed, upToMinor, Math.max(0, fundBalance))
  const lots = await openLots(tx, grant.fundId)
  const plan =
    affordable > 0
      ? planAllocation(lots, {
          grantId: grant.id,
          programId: grant.programId,
          amountMinor: affordable,
        })
      : { takes: [], shortfallMinor: 0 }
  const allocatedMinor = affordable - plan.shortfallMinor
  if (allocatedMinor > 0) await recordAllocation(tx, found, plan.takes, actor)
  return { allocatedMinor, shortfallMinor: owed - allocatedMinor }
}

async function recordAllocation(
  tx: Db,
  found: GrantInContext,
  takes: readonly Take[],
  actor: Actor,
) {
  const { grant, currency } = found
  const amount = takes.reduce((sum, t) => sum + t.amountMinor, 0)
  const grantAccount = { kind: 'grant', grantId: grant.id, currency } as const
  const [history] = await tx
    .select({ entries: sql<number>`count(*)::int` })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.accountId, await accountId(tx, grantAccount)))
  const posted = await postTransaction(tx, {
    idempotencyKey: `allocation:${grant.id}:after:${history!.entries}`,
    movement: 'allocation',
    postings: move({ kind: 'fund', fundId: grant.fundId, currency }, grantAccount, amount),
    memo: `Grant ${grant.id} funded from its fund`,
    refs: { grantId: grant.id },
    createdByUserId: actor.id,
  })
  if (!posted.recorded) return
  await tx.insert(donationAllocations).values(
    takes.map((take) => ({
      donationId: take.donationId,
      grantId: grant.id,
      amountMinor: take.amountMinor,
      ledgerTransactionId: posted.transactionId,
    })),
  )
  await recordAudit(tx, {
    actorUserId: actor.id,
    action: 'grant.funded',
    entityType: 'grant',
    entityId: grant.id,
    organizationId: found.funderId,
    ip: actor.ip,
    details: { amountMinor: amount, gifts: takes.length, transactionId: posted.transactionId },
  })
}

/**
 * "Fund this grant from the fund": the funder's program officers, for an active grant. Funds
 * what the open gifts cover and says what is still short.
 */
export async function fundGrant(actor: Actor, grantId: string): Promise<Result<Funding>> {
  return db().transaction(async (tx) => {
    const found = await officerGrant(tx, actor, grantId, { lock: true })
    if (!found.ok) return found
    if (found.grant.status !== 'active') {
      return fail({ status: 409, message: 'grants:funding.notActive' })
    }
    const funding = await allocateToGrant(tx, found, actor)
    return { ok: true, ...funding }
  })
}

/**
 * The officer grant page's funding card: what is funded, what is owed, what could fund it now,
 * and what was paid beyond what gifts funded (the funder's own money).
 */
export async function grantFunding(tx: Db, found: GrantInContext) {
  const { grant, currency } = found
  const allocatedMinor = await allocatedToGrant(tx, grant.id)
  const target = { grantId: grant.id, programId: grant.programId, amountMinor: 1 }
  const lotsMinor = eligibleLots(await openLots(tx, grant.fundId), target).reduce(
    (sum, lot) => sum + lot.availableMinor,
    0,
  )
  const fundBalance = await balanceOf(tx, { kind: 'fund', fundId: grant.fundId, currency })
  const grantBalance = await balanceOf(tx, { kind: 'grant', grantId: grant.id, currency })
  return {
    allocatedMinor,
    owedMinor: Math.max(0, grant.amountMinor - allocatedMinor),
    /** The open gifts this grant may use (its own, its program's, the fund's unrestricted). */
    openMinor: Math.min(lotsMinor, Math.max(0, fundBalance)),
    /** Paid out beyond what gifts funded: the grant's account below zero. */
    paidBeyondMinor: Math.max(0, -grantBalance),
  }
}

/**
 * A refund of a gift that had already funded grants (issue 10, "a refund after allocation"), or
 * a dispute that withdrew its money: what the gift no longer brings is taken back from its
 * allocation rows, newest first, and
 * replaced grant by grant from the fund's other open gifts (replaceRefundedAllocations). The
 * replaced money stays in the grant, so only the rows change; what nothing can replace goes back
 * grant → fund in the ledger, so the grant is short by it and the officer sees it to fund again.
 * Runs in the refund's (or dispute's) transaction, after the donation row holds the new total.
 */
export async function replaceAfterWithdrawal(
  tx: Db,
  donationId: string,
  refund: { transactionId: string; key: string },
): Promise<{ shortfallMinor: number }> {
  const [gift] = await tx.select().from(donations).where(eq(donations.id, donationId))
  if (!gift) return { shortfallMinor: 0 }
  const fund = { kind: 'fund', fundId: gift.fundId, currency: gift.currency } as const
  await lockFundAccount(tx, fund)
  const rows = await tx
    .select({ row: donationAllocations, programId: grants.programId })
    .from(donationAllocations)
    .innerJoin(grants, eq(grants.id, donationAllocations.grantId))
    .where(eq(donationAllocations.donationId, donationId))
    .orderBy(desc(donationAllocations.createdAt), desc(donationAllocations.id))
  const net = gift.amountMinor + gift.feeCoveredMinor - (gift.processorFeeMinor ?? 0)
  const kept = Math.max(0, net - gift.refundedMinor - gift.disputedMinor)
  let excess = rows.reduce((sum, r) => sum + r.row.amountMinor, 0) - kept
  const takenBack: Allocation[] = []
  for (const { row, programId } of rows) {
    if (excess <= 0) break
    const amountMinor = Math.min(row.amountMinor, excess)
    excess -= amountMinor
    takenBack.push({ donationId, grantId: row.grantId, programId, amountMinor })
    await (amountMinor === row.amountMinor
      ? tx.delete(donationAllocations).where(eq(donationAllocations.id, row.id))
      : tx
          .update(donationAllocations)
          .set({ amountMinor: row.amountMinor - amountMinor })
          .where(eq(donationAllocations.id, row.id)))
  }
  if (takenBack.length === 0) return { shortfallMinor: 0 }
  const lots = (await openLots(tx, gift.fundId)).filter((lot) => lot.donationId !== donationId)
  const plan = replaceRefundedAllocations(takenBack, lots)
  for (const replacement of plan.replacements) {
    await recordReplacement(tx, fund, replacement, refund)
  }
  return { shortfallMinor: plan.shortfallMinor }
}

async function recordReplacement(
  tx: Db,
  fund: AccountRef & { kind: 'fund' },
  replacement: RefundReplacement['replacements'][number],
  refund: { transactionId: string; key: string },
) {
  const { grantId, takes, shortfallMinor } = replacement
  if (takes.length > 0) {
    await tx
      .insert(donationAllocations)
      .values(
        takes.map((take) => ({ ...take, grantId, ledgerTransactionId: refund.transactionId })),
      )
  }
  if (shortfallMinor === 0) return
  await postTransaction(tx, {
    idempotencyKey: `${refund.key}:unfunds:${grantId}`,
    movement: 'allocation',
    postings: move({ kind: 'grant', grantId, currency: fund.currency }, fund, shortfallMinor),
    memo: `Refunded money no open gift could replace, back from grant ${grantId}`,
    refs: { grantId, refund: refund.transactionId },
  })
}
