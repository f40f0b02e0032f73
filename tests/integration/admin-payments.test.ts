import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '#db/client.server.ts'
import { donations, stripeEvents } from '#db/schema/index.ts'
import { processorFee } from '#app/domain/donations/fees.ts'
import { balanceOf } from '#app/services/ledger/ledger.server.ts'
import * as page from '#app/routes/admin.payments.tsx'
import { cookieFor, createOrgWithOwner, createUser } from '#tests/support/factories.ts'
import { withTestDatabase } from '#tests/support/database.ts'
import { call, makeRequest } from '#tests/support/routes.ts'
import {
  answerOf,
  delivered,
  donationNow,
  eventsHeld,
  give,
  heldWhile,
  standIn,
  typeOf,
  withStripeStandIn,
} from '#tests/support/stripe-webhook.ts'

/*
 * The admin payments page (/admin/payments): who may see it, the reconciliation it shows, the
 * retry of an event that could not be applied, refunds and cancelling a monthly gift.
 */

withTestDatabase()
withStripeStandIn()

let admin: string
let member: string
beforeAll(async () => {
  admin = await cookieFor((await createUser({ admin: true })).id)
  const { owner } = await createOrgWithOwner()
  member = await cookieFor(owner.id)
})

const show = (cookie: string | undefined, query = '') =>
  call(page.loader, makeRequest(`/admin/payments${query}`, { cookie }))
const post = (cookie: string | undefined, form: Record<string, string>) =>
  call(page.action, makeRequest('/admin/payments', { cookie, form }))

type Loaded = Awaited<ReturnType<typeof page.loader>>

describe('/admin/payments', () => {
  it('is for platform admins only', async () => {
    expect((await show(member)).status).toBe(403)
    expect((await show(undefined)).status).toBe(302)
    const { donation } = await give(10_00)
    expect((await post(member, { intent: 'refund', id: donation.id })).status).toBe(403)
    expect((await post(undefined, { intent: 'cancel', id: donation.id })).status).toBe(302)
    expect((await show(admin)).status).toBe(200)
  })

  it('lists donations with Stripe ids and money, filtered by status', async () => {
    const { donation } = await give(50_00, { coverFee: false })
    await standIn().checkout(donation.stripeCheckoutSessionId!, 'pay')
    const pending = await give(12_00)
    const received = (await show(admin, '?status=succeeded')).data as Loaded
    const row = received.rows.find((r) => r.id === donation.id)
    expect(row).toMatchObject({
      status: 'succeeded',
      grossMinor: 50_00,
      feeMinor: processorFee(50_00),
      netMinor: 50_00 - processorFee(50_00),
      refundableMinor: 50_00,
    })
    expect(row!.stripeIds).toEqual([
      expect.stringMatching(/^cs_test_/),
      expect.stringMatching(/^pi_/),
      expect.stringMatching(/^ch_/),
    ])
    expect(received.rows.every((r) => r.status === 'succeeded')).toBe(true)
    const waiting = (await show(admin, '?status=pending')).data as Loaded
    expect(waiting.rows.map((r) => r.id)).toContain(pending.donation.id)
    expect(waiting.rows.map((r) => r.id)).not.toContain(donation.id)
  })

  it('retries an event that failed to apply, once', async () => {
    const { donation, fundAccount } = await give(40_00, { coverFee: false })
    const checkout = await eventsHeld(donation.stripeCheckoutSessionId!, 'pay')
    const charge = (await standIn().api.store.get(
      String(standIn().api.store.get(donation.stripeCheckoutSessionId!)!.payment_intent),
    )!.latest_charge) as string
    // The dispute's events arrive before the gift settled here: no donation has that charge yet.
    const disputed = await heldWhile(() => standIn().dispute(charge))
    for (const d of disputed) expect(await answerOf(d)).toEqual({ received: 'not_applied' })
    const failed = ((await show(admin)).data as Loaded).failed
    const ids = disputed.map((d) => (JSON.parse(d.payload) as { id: string }).id)
    expect(failed.map((e) => e.id)).toEqual(expect.arrayContaining(ids))
    expect(failed.find((e) => e.id === ids[0])).toMatchObject({ error: 'unknown_donation' })
    // Retried before the gift settles: still failing, nothing changed.
    expect((await post(admin, { intent: 'retry', id: ids[0]! })).status).toBe(302)
    expect((await donationNow(donation.id)).status).toBe('pending')
    for (const d of checkout) await answerOf(d)
    for (const id of ids) expect((await post(admin, { intent: 'retry', id })).status).toBe(302)
    expect(await donationNow(donation.id)).toMatchObject({ status: 'disputed' })
    const rows = await db().select().from(stripeEvents).where(eq(stripeEvents.id, ids[0]!))
    expect(rows[0]).toMatchObject({ error: null, appliedAt: expect.any(Date) })
    const settledThenWithdrawn = 40_00 - processorFee(40_00) - 40_00 - 15_00
    expect(await balanceOf(db(), fundAccount)).toBe(settledThenWithdrawn)
    // A second retry of an applied event does nothing.
    await post(admin, { intent: 'retry', id: ids[1]! })
    expect(await balanceOf(db(), fundAccount)).toBe(settledThenWithdrawn)
    expect(((await show(admin)).data as Loaded).failed.map((e) => e.id)).not.toContain(ids[0])
  })

  it('refunds part of a gift, refuses more than is left, then refunds the rest', async () => {
    const { donation, fundAccount } = await give(30_00, { coverFee: false })
    await standIn().checkout(donation.stripeCheckoutSessionId!, 'pay')
    const tooMuch = await post(admin, { intent: 'refund', id: donation.id, amount: '30.01' })
    expect(tooMuch.status).toBe(400)
    expect(tooMuch.data).toMatchObject({ errors: { amount: 'admin:payments.refundTooLarge' } })
    const garbled = await post(admin, { intent: 'refund', id: donation.id, amount: '-3' })
    expect(garbled.status).toBe(400)
    expect((await donationNow(donation.id)).refundedMinor).toBe(0)
    delivered.length = 0
    expect((await post(admin, { intent: 'refund', id: donation.id, amount: '10' })).status).toBe(
      302,
    )
    await standIn().idle()
    expect(delivered.map(typeOf)).toContain('charge.refunded')
    expect(await donationNow(donation.id)).toMatchObject({
      status: 'succeeded',
      refundedMinor: 10_00,
    })
    expect((await post(admin, { intent: 'refund', id: donation.id, amount: '' })).status).toBe(302)
    await standIn().idle()
    expect(await donationNow(donation.id)).toMatchObject({
      status: 'refunded',
      refundedMinor: 30_00,
    })
    expect(await balanceOf(db(), fundAccount)).toBe(-processorFee(30_00))
    expect((await post(admin, { intent: 'refund', id: donation.id })).status).toBe(400)
  })

  it('cancels a monthly gift', async () => {
    const { donation } = await give(25_00, { monthly: true })
    await standIn().checkout(donation.stripeCheckoutSessionId!, 'pay')
    expect((await post(admin, { intent: 'cancel', id: donation.id })).status).toBe(302)
    await standIn().idle()
    expect((await donationNow(donation.id)).subscriptionEndedAt).toBeInstanceOf(Date)
    expect((await post(admin, { intent: 'cancel', id: donation.id })).status).toBe(400)
    const oneTime = await give(5_00)
    expect((await post(admin, { intent: 'cancel', id: oneTime.donation.id })).status).toBe(400)
    expect(
      (await post(admin, { intent: 'refund', id: '00000000-0000-4000-8000-000000000000' })).status,
    ).toBe(404)
  })

  it('in the sandbox, charges a next month and opens and decides a dispute on demand', async () => {
    const { donation } = await give(15_00, { coverFee: false, monthly: true })
    await standIn().checkout(donation.stripeCheckoutSessionId!, 'pay')
    expect((await post(admin, { intent: 'sandbox-renew', id: donation.id })).status).toBe(302)
    const months = await db()
      .select()
      .from(donations)
      .where(eq(donations.parentDonationId, donation.id))
    expect(months).toHaveLength(1)
    expect((await post(admin, { intent: 'sandbox-dispute', id: months[0]!.id })).status).toBe(302)
    expect(await donationNow(months[0]!.id)).toMatchObject({
      status: 'disputed',
      disputeStatus: 'needs_response',
    })
    expect((await post(admin, { intent: 'sandbox-lose', id: months[0]!.id })).status).toBe(302)
    expect((await donationNow(months[0]!.id)).disputeStatus).toBe('lost')
    const again = await post(admin, { intent: 'sandbox-win', id: months[0]!.id })
    expect(again.status).toBe(400)
    expect(again.data).toMatchObject({ errors: { form: 'admin:payments.sandbox.refused' } })
    expect((await post(member, { intent: 'sandbox-renew', id: donation.id })).status).toBe(403)
  })
})
