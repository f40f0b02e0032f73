import { and, eq, inArray, sql, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { db } from '#db/client.server.ts'
import {
  donationAllocations,
  donations,
  grantDisbursements,
  ledgerAccounts,
  ledgerEntries,
  ledgerTransactions,
} from '#db/schema/index.ts'
import { fundFigures, type FundSums } from '#app/domain/donations/fund-figures.ts'
import { allocatedToGrant, fundGrant } from '#app/services/donations/allocation.server.ts'
import { readFundFigures } from '#app/services/donations/fund-figures.server.ts'
import { markDisbursementPaid } from '#app/services/grants/disbursements.server.ts'
import { balanceOf, driftedAccounts, driftedTotals } from '#app/services/ledger/ledger.server.ts'
import { onPostgres, withTestDatabase } from '#tests/support/database.ts'
import { awardedGrant, grantInProgram } from '#tests/support/grants.ts'
import { refundGift, settledGift } from '#tests/support/settled-gifts.ts'

withTestDatabase()

type Step =
  | { kind: 'gift'; amount: number; fee: number; designatedTo: number | null }
  | { kind: 'refund'; gift: number; share: number }
  | { kind: 'allocate'; grant: number }
  | { kind: 'disburse'; grant: number }

const step: fc.Arbitrary<Step> = fc.oneof(
  fc
    .record({
      amount: fc.integer({ min: 1_00, max: 60_00 }),
      fee: fc.integer({ min: 0, max: 99 }),
      designatedTo: fc.option(fc.integer({ min: 0, max: 1 })),
    })
    .map((g) => ({ kind: 'gift' as const, ...g })),
  fc
    .record({ gift: fc.nat(), share: fc.double({ min: 0, max: 1, noNaN: true }) })
    .map((r) => ({ kind: 'refund' as const, ...r })),
  fc.integer({ min: 0, max: 1 }).map((grant) => ({ kind: 'allocate' as const, grant })),
  fc.integer({ min: 0, max: 1 }).map((grant) => ({ kind: 'disburse' as const, grant })),
)

/** A fund with two grants of one program, 50.00 and 80.00. */
async function fundWithTwoGrants() {
  const setup = await awardedGrant({ amountMinor: 50_00 })
  const second = await grantInProgram(setup.s.program.id, setup.officer.id, {
    amountMinor: 80_00,
  })
  return { setup, grantIds: [setup.grantId, second.grantId] }
}

/** What the history should show, counted independently of the ledger. */
interface Expected {
  received: number
  fees: number
  refunded: number
  allocated: number
  disbursed: number
}

async function play(steps: Step[]) {
  const { setup, grantIds } = await fundWithTwoGrants()
  const fundId = setup.s.fund.id
  const gifts: { id: string; amount: number; refunded: number }[] = []
  const want: Expected = { received: 0, fees: 0, refunded: 0, allocated: 0, disbursed: 0 }
  for (const s of steps) {
    if (s.kind === 'gift') {
      const fee = Math.min(s.fee, s.amount - 1)
      const grantId = s.designatedTo === null ? undefined : grantIds[s.designatedTo]
      const gift = await settledGift(fundId, { amountMinor: s.amount, feeMinor: fee, grantId })
      gifts.push({ id: gift.id, amount: s.amount, refunded: 0 })
      want.received += s.amount
      want.fees += fee
    } else if (s.kind === 'refund' && gifts.length > 0) {
      const gift = gifts[s.gift % gifts.length]!
      const newly = Math.floor((gift.amount - gift.refunded) * s.share)
      if (newly === 0) continue
      await refundGift(gift.id, newly)
      gift.refunded += newly
      want.refunded += newly
    } else if (s.kind === 'allocate') {
      const funded = await fundGrant(setup.officer, grantIds[s.grant]!)
      if (funded.ok) want.allocated += funded.allocatedMinor
    } else if (s.kind === 'disburse') {
      const grantId = grantIds[s.grant]!
      const [payment] = await db()
        .select()
        .from(grantDisbursements)
        .where(eq(grantDisbursements.grantId, grantId))
      // Paying funds what the grant lacks from open gifts first: counted from the allocation rows.
      const before = await allocatedToGrant(db(), grantId)
      const paid = await markDisbursementPaid(setup.officer, grantId, payment!.id)
      if (paid.ok) want.disbursed += payment!.amountMinor
      want.allocated += (await allocatedToGrant(db(), grantId)) - before
    }
  }
  return { fundId, grantIds, want }
}

/** Each gift's allocations: never more than what it still brings (less fee and refunds). */
async function overdrawnGifts(fundId: string) {
  return db()
    .select({ id: donations.id })
    .from(donations)
    .innerJoin(donationAllocations, eq(donationAllocations.donationId, donations.id))
    .where(eq(donations.fundId, fundId))
    .groupBy(donations.id)
    .having(
      sql`sum(${donationAllocations.amountMinor}) > max(${donations.amountMinor} + ${donations.feeCoveredMinor} - ${donations.processorFeeMinor} - ${donations.refundedMinor})`,
    )
}

const original = alias(ledgerTransactions, 'original')

/**
 * The fund's figures summed from every ledger entry, as they were read before the running
 * totals: what the page's few-row read must always equal.
 */
async function figuresFromEntries(fundId: string, grantIds: string[]) {
  const counted = sql<string>`coalesce(${original.movement}, ${ledgerTransactions.movement})`
  const sums = async (where: SQL | undefined): Promise<FundSums> => {
    const rows = await db()
      .select({ movement: counted, total: sql<string>`sum(${ledgerEntries.amountMinor})` })
      .from(ledgerEntries)
      .innerJoin(ledgerAccounts, eq(ledgerAccounts.id, ledgerEntries.accountId))
      .innerJoin(ledgerTransactions, eq(ledgerTransactions.id, ledgerEntries.transactionId))
      .leftJoin(original, eq(original.id, ledgerTransactions.reversesId))
      .where(where)
      .groupBy(counted)
    return Object.fromEntries(rows.map((r) => [r.movement, Number(r.total)]))
  }
  const fund = await sums(and(eq(ledgerAccounts.kind, 'fund'), eq(ledgerAccounts.fundId, fundId)))
  const grantSums = await sums(
    and(eq(ledgerAccounts.kind, 'grant'), inArray(ledgerAccounts.grantId, grantIds)),
  )
  return fundFigures(fund, grantSums.disbursement ?? 0)
}

describe('a fund’s figures', () => {
  it('reconcile to the ledger’s entries on random histories, counting nothing twice', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }), async (steps) => {
        const { fundId, grantIds, want } = await play(steps)
        const figures = await readFundFigures(db(), { id: fundId, currency: 'USD' })
        expect(figures).toMatchObject({
          receivedMinor: want.received,
          feesMinor: want.fees,
          refundedMinor: want.refunded,
          disputedMinor: 0,
          disbursedMinor: want.disbursed,
          unexplainedMinor: 0,
        })
        expect(figures.availableMinor).toBe(
          await balanceOf(db(), { kind: 'fund', fundId, currency: 'USD' }),
        )
        const inGrants = await Promise.all(
          grantIds.map((grantId) => balanceOf(db(), { kind: 'grant', grantId, currency: 'USD' })),
        )
        expect(figures.inGrantsMinor).toBe(inGrants[0]! + inGrants[1]!)
        // The allocation rows say exactly what the ledger moved fund → grant.
        const [rows] = await db()
          .select({ total: sql<number>`coalesce(sum(${donationAllocations.amountMinor}), 0)::int` })
          .from(donationAllocations)
          .where(inArray(donationAllocations.grantId, grantIds))
        expect(rows!.total).toBe(figures.allocatedMinor)
        // Refunds may take back what no other gift could replace, never add to it.
        expect(figures.allocatedMinor).toBeLessThanOrEqual(want.allocated)
        expect(await overdrawnGifts(fundId)).toEqual([])
        expect(await driftedAccounts(db())).toEqual([])
        // The running totals the page reads equal the sums of the entries they summarise.
        expect(figures).toEqual(await figuresFromEntries(fundId, grantIds))
        expect(await driftedTotals(db())).toEqual([])
      }),
      { numRuns: onPostgres ? 25 : 8 },
    )
  }, 120_000)
})
