import { eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '#db/client.server.ts'
import { donationAllocations, grantDisbursements } from '#db/schema/index.ts'
import { fundGrant, grantFunding } from '#app/services/donations/allocation.server.ts'
import { giftWhereabouts } from '#app/services/donations/gift-trace.server.ts'
import { readFundFigures } from '#app/services/donations/fund-figures.server.ts'
import { markDisbursementPaid } from '#app/services/grants/disbursements.server.ts'
import { officerGrant } from '#app/services/grants/grant-access.server.ts'
import { balanceOf, driftedAccounts } from '#app/services/ledger/ledger.server.ts'
import * as officerPage from '#app/routes/orgs.$slug.grants.$grantId.tsx'
import * as fundPage from '#app/routes/orgs.$slug.funds.$fundSlug._index.tsx'
import { addUserToOrg, cookieFor } from '#tests/support/factories.ts'
import { call, makeRequest } from '#tests/support/routes.ts'
import { raceTest, withTestDatabase } from '#tests/support/database.ts'
import { awardedGrant, grantInProgram } from '#tests/support/grants.ts'
import { disputeGift, refundGift, settledGift } from '#tests/support/settled-gifts.ts'

withTestDatabase()

const day = (n: number) => new Date(Date.UTC(2026, 0, n))

/** Another grant of the same program (so of the same fund). */
const secondGrant = async (setup: Awaited<ReturnType<typeof awardedGrant>>, amountMinor: number) =>
  (await grantInProgram(setup.s.program.id, setup.officer.id, { amountMinor })).grantId

const rowsOf = (grantId: string) =>
  db()
    .select({ donationId: donationAllocations.donationId, amount: donationAllocations.amountMinor })
    .from(donationAllocations)
    .where(eq(donationAllocations.grantId, grantId))
    .orderBy(donationAllocations.amountMinor)

describe('funding a grant from its fund', () => {
  it('consumes the oldest gifts first, posts fund → grant, and shows the shortfall', async () => {
    const setup = await awardedGrant({ amountMinor: 100_00 })
    const fundId = setup.s.fund.id
    const newer = await settledGift(fundId, {
      amountMinor: 50_00,
      feeMinor: 1_75,
      settledAt: day(3),
    })
    const older = await settledGift(fundId, {
      amountMinor: 40_00,
      feeMinor: 1_46,
      settledAt: day(1),
    })

    const first = await fundGrant(setup.officer, setup.grantId)
    expect(first).toEqual({ ok: true, allocatedMinor: 86_79, shortfallMinor: 13_21 })
    expect(await rowsOf(setup.grantId)).toEqual([
      { donationId: older.id, amount: 38_54 },
      { donationId: newer.id, amount: 48_25 },
    ])
    const grantAccount = { kind: 'grant', grantId: setup.grantId, currency: 'USD' } as const
    const fundAccount = { kind: 'fund', fundId, currency: 'USD' } as const
    expect(await balanceOf(db(), grantAccount)).toBe(86_79)
    expect(await balanceOf(db(), fundAccount)).toBe(0)

    // A new gift funds the rest, and only the rest.
    const later = await settledGift(fundId, { amountMinor: 20_00, settledAt: day(5) })
    expect(await fundGrant(setup.officer, setup.grantId)).toEqual({
      ok: true,
      allocatedMinor: 13_21,
      shortfallMinor: 0,
    })
    expect(await fundGrant(setup.officer, setup.grantId)).toEqual({
      ok: true,
      allocatedMinor: 0,
      shortfallMinor: 0,
    })
    expect((await rowsOf(setup.grantId)).find((r) => r.donationId === later.id)?.amount).toBe(13_21)
    expect(await balanceOf(db(), fundAccount)).toBe(6_79)
    expect(await driftedAccounts(db())).toEqual([])
  })

  it('uses gifts designated to the grant first and never gifts designated elsewhere', async () => {
    const setup = await awardedGrant({ amountMinor: 60_00 })
    const fundId = setup.s.fund.id
    const other = await secondGrant(setup, 50_00)
    const open = await settledGift(fundId, { amountMinor: 30_00, settledAt: day(1) })
    const forOther = await settledGift(fundId, {
      amountMinor: 80_00,
      grantId: other,
      settledAt: day(1),
    })
    const forThis = await settledGift(fundId, {
      amountMinor: 40_00,
      grantId: setup.grantId,
      settledAt: day(9),
    })
    expect(await fundGrant(setup.officer, setup.grantId)).toMatchObject({ shortfallMinor: 0 })
    const rows = await rowsOf(setup.grantId)
    expect(rows).toEqual([
      { donationId: open.id, amount: 20_00 },
      { donationId: forThis.id, amount: 40_00 },
    ])
    expect(rows.some((r) => r.donationId === forOther.id)).toBe(false)
  })

  it('counts refunds out of a lot, and refuses anyone but the funder’s officers', async () => {
    const setup = await awardedGrant({ amountMinor: 50_00 })
    const gift = await settledGift(setup.s.fund.id, { amountMinor: 50_00 })
    await refundGift(gift.id, 20_00)
    expect(await fundGrant(setup.grantee, setup.grantId)).toMatchObject({ ok: false, status: 404 })
    expect(await fundGrant(setup.officer, setup.grantId)).toEqual({
      ok: true,
      allocatedMinor: 30_00,
      shortfallMinor: 20_00,
    })
  })

  it('posts a paid disbursement grant → paid out once, in the payment’s transaction', async () => {
    const setup = await awardedGrant({ amountMinor: 30_00 })
    await settledGift(setup.s.fund.id, { amountMinor: 30_00 })
    await fundGrant(setup.officer, setup.grantId)
    const [payment] = await db()
      .select()
      .from(grantDisbursements)
      .where(eq(grantDisbursements.grantId, setup.grantId))
    expect(await markDisbursementPaid(setup.officer, setup.grantId, payment!.id)).toMatchObject({
      ok: true,
    })
    expect(await markDisbursementPaid(setup.officer, setup.grantId, payment!.id)).toMatchObject({
      ok: false,
    })
    const grantAccount = { kind: 'grant', grantId: setup.grantId, currency: 'USD' } as const
    expect(await balanceOf(db(), grantAccount)).toBe(0)
    expect(await readFundFigures(db(), { id: setup.s.fund.id, currency: 'USD' })).toMatchObject({
      receivedMinor: 30_00,
      allocatedMinor: 30_00,
      disbursedMinor: 30_00,
      availableMinor: 0,
      inGrantsMinor: 0,
    })
  })

  it('pays an unfunded grant from open gifts first, then from the funder’s own money', async () => {
    const setup = await awardedGrant({ amountMinor: 100_00 })
    const fundId = setup.s.fund.id
    const gift = await settledGift(fundId, { amountMinor: 40_00 })
    const [payment] = await db()
      .select()
      .from(grantDisbursements)
      .where(eq(grantDisbursements.grantId, setup.grantId))
    expect(await markDisbursementPaid(setup.officer, setup.grantId, payment!.id)).toMatchObject({
      ok: true,
    })
    // The gift's donor sees it funded the grant; the other 60 was the funder's own.
    expect(await rowsOf(setup.grantId)).toEqual([{ donationId: gift.id, amount: 40_00 }])
    const grantAccount = { kind: 'grant', grantId: setup.grantId, currency: 'USD' } as const
    expect(await balanceOf(db(), grantAccount)).toBe(-60_00)
    const found = await officerGrant(db(), setup.officer, setup.grantId)
    if (!found.ok) throw new Error('the officer sees the grant')
    expect(await grantFunding(db(), found)).toEqual({
      allocatedMinor: 40_00,
      owedMinor: 60_00,
      openMinor: 0,
      paidBeyondMinor: 60_00,
    })
    expect(await driftedAccounts(db())).toEqual([])
  })

  raceTest('two grants funded at the same moment never consume one gift twice', async () => {
    const setup = await awardedGrant({ amountMinor: 70_00 })
    const other = await secondGrant(setup, 70_00)
    const gift = await settledGift(setup.s.fund.id, { amountMinor: 100_00 })
    // Both transactions are open and have read nothing yet when they start funding.
    const both = await Promise.all(
      [setup.grantId, other].map(async (grantId) => {
        await db().execute(sql`SELECT pg_sleep(0.02)`)
        return fundGrant(setup.officer, grantId)
      }),
    )
    const allocated = both.map((r) => (r.ok ? r.allocatedMinor : -1)).sort((a, b) => a - b)
    expect(allocated).toEqual([30_00, 70_00])
    const [used] = await db()
      .select({ total: sql<number>`sum(${donationAllocations.amountMinor})::int` })
      .from(donationAllocations)
      .where(eq(donationAllocations.donationId, gift.id))
    expect(used!.total).toBe(100_00)
    expect(await driftedAccounts(db())).toEqual([])
  })

  it('is the officer page’s “fund” action, and the fund page shows the figures', async () => {
    const setup = await awardedGrant({ amountMinor: 80_00 })
    const { s, grantId } = setup
    await settledGift(s.fund.id, { amountMinor: 50_00, feeMinor: 1_75 })
    const path = `/orgs/${s.org.slug}/grants/${grantId}`
    const params = { slug: s.org.slug, grantId }
    const member = await addUserToOrg(s, 'member')
    const refused = await call(
      officerPage.action,
      makeRequest(path, { cookie: await cookieFor(member.id), form: { intent: 'fund' } }),
      params,
    )
    expect(refused.status).toBe(403)
    const cookie = await cookieFor(s.owner.id)
    const funded = await call(
      officerPage.action,
      makeRequest(path, { cookie, form: { intent: 'fund' } }),
      params,
    )
    expect(funded.location).toBe(path)
    const page = await call(officerPage.loader, makeRequest(path, { cookie }), params)
    expect((page.data as { funding: unknown }).funding).toEqual({
      allocatedMinor: 48_25,
      owedMinor: 31_75,
      openMinor: 0,
      paidBeyondMinor: 0,
    })
    const fundPath = `/orgs/${s.org.slug}/funds/${s.fund.slug}`
    const figures = await call(fundPage.loader, makeRequest(fundPath, { cookie }), {
      slug: s.org.slug,
      fundSlug: s.fund.slug,
    })
    expect((figures.data as { figures: unknown }).figures).toMatchObject({
      receivedMinor: 50_00,
      feesMinor: 1_75,
      allocatedMinor: 48_25,
      inGrantsMinor: 48_25,
      availableMinor: 0,
    })
  })

  it('traces each gift to the grants it funded and what is still in the fund', async () => {
    const setup = await awardedGrant({ amountMinor: 30_00 })
    const other = await secondGrant(setup, 20_00)
    const gift = await settledGift(setup.s.fund.id, { amountMinor: 60_00, feeMinor: 2_04 })
    await fundGrant(setup.officer, setup.grantId)
    await fundGrant(setup.officer, other)
    const [trace] = await giftWhereabouts(db(), [gift.id])
    expect(trace).toMatchObject({
      chargedMinor: 60_00,
      feeMinor: 2_04,
      netMinor: 57_96,
      unallocatedMinor: 7_96,
    })
    expect(trace!.funded.map((f) => [f.grantId, f.amountMinor])).toEqual([
      [setup.grantId, 30_00],
      [other, 20_00],
    ])
    expect(trace!.funded[0]!.programTitle).toBe(setup.s.program.title)
  })

  it('replaces a refunded gift’s share of a grant from other gifts, else takes it back', async () => {
    const setup = await awardedGrant({ amountMinor: 50_00 })
    const fundId = setup.s.fund.id
    const first = await settledGift(fundId, { amountMinor: 40_00, settledAt: day(1) })
    const second = await settledGift(fundId, { amountMinor: 30_00, settledAt: day(2) })
    await fundGrant(setup.officer, setup.grantId)
    // first: 40, second: 10 (20 still open). Refunding 25 of first: 20 replaced by second, 5 short.
    await refundGift(first.id, 25_00)
    expect(await rowsOf(setup.grantId)).toEqual([
      { donationId: second.id, amount: 10_00 },
      { donationId: first.id, amount: 15_00 },
      { donationId: second.id, amount: 20_00 },
    ])
    const grantAccount = { kind: 'grant', grantId: setup.grantId, currency: 'USD' } as const
    expect(await balanceOf(db(), grantAccount)).toBe(45_00)
    expect(await balanceOf(db(), { kind: 'fund', fundId, currency: 'USD' })).toBe(0)
    const [page] = await giftWhereabouts(db(), [first.id])
    expect(page).toMatchObject({ netMinor: 15_00, unallocatedMinor: 0 })
    // A new gift funds the 5 the refund left short, and nothing more.
    await settledGift(fundId, { amountMinor: 9_00, settledAt: day(3) })
    expect(await fundGrant(setup.officer, setup.grantId)).toEqual({
      ok: true,
      allocatedMinor: 5_00,
      shortfallMinor: 0,
    })
    expect(await balanceOf(db(), grantAccount)).toBe(50_00)
    expect(await readFundFigures(db(), { id: fundId, currency: 'USD' })).toMatchObject({
      receivedMinor: 79_00,
      refundedMinor: 25_00,
      allocatedMinor: 50_00,
      availableMinor: 4_00,
    })
    expect(await driftedAccounts(db())).toEqual([])
  })

  it('treats a dispute like a refund, never lets the fund go below zero, and reopens a won gift', async () => {
    const setup = await awardedGrant({ amountMinor: 50_00 })
    const fundId = setup.s.fund.id
    const fund = { kind: 'fund', fundId, currency: 'USD' } as const
    const grantAccount = { kind: 'grant', grantId: setup.grantId, currency: 'USD' } as const
    const first = await settledGift(fundId, { amountMinor: 40_00, settledAt: day(1) })
    const second = await settledGift(fundId, { amountMinor: 30_00, settledAt: day(2) })
    await fundGrant(setup.officer, setup.grantId)
    // first: 40, second: 10 (20 open). The cardholder disputes first: 40 back, a 15 fee.
    await disputeGift(first.id, 'needs_response', [{ amount: -40_00, fee: 15_00 }])
    // second's open 20 replaces part of first's share; the other 20 goes back to the fund.
    expect(await rowsOf(setup.grantId)).toEqual([
      { donationId: second.id, amount: 10_00 },
      { donationId: second.id, amount: 20_00 },
    ])
    expect(await balanceOf(db(), grantAccount)).toBe(30_00)
    // 70 received − 40 withdrawn − 15 fee − 30 in the grant: the fund absorbed the fee.
    expect(await balanceOf(db(), fund)).toBe(-15_00)
    const [trace] = await giftWhereabouts(db(), [first.id])
    expect(trace).toMatchObject({ disputedMinor: 40_00, netMinor: 0, funded: [] })

    // A new 25 gift is a 25 lot, but the fund holds only 10 of it: 10 is all it may give.
    const third = await settledGift(fundId, { amountMinor: 25_00, settledAt: day(3) })
    expect(await fundGrant(setup.officer, setup.grantId)).toEqual({
      ok: true,
      allocatedMinor: 10_00,
      shortfallMinor: 10_00,
    })
    expect(await balanceOf(db(), fund)).toBe(0)

    // The fund wins: the 40 comes back (not the fee), and first's lot is open again.
    await disputeGift(first.id, 'won', [{ amount: -40_00, fee: 15_00 }, { amount: 40_00 }])
    expect(await balanceOf(db(), fund)).toBe(40_00)
    expect(await fundGrant(setup.officer, setup.grantId)).toEqual({
      ok: true,
      allocatedMinor: 10_00,
      shortfallMinor: 0,
    })
    expect((await rowsOf(setup.grantId)).map((r) => [r.donationId, r.amount])).toEqual(
      expect.arrayContaining([
        [first.id, 10_00],
        [third.id, 10_00],
      ]),
    )
    expect(await balanceOf(db(), grantAccount)).toBe(50_00)
    expect(await readFundFigures(db(), { id: fundId, currency: 'USD' })).toMatchObject({
      receivedMinor: 95_00,
      disputedMinor: 15_00,
      allocatedMinor: 50_00,
      availableMinor: 30_00,
    })
    expect(await driftedAccounts(db())).toEqual([])
  })
})
