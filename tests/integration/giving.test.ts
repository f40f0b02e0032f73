import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '#db/client.server.ts'
import { donations, funds, grants } from '#db/schema/index.ts'
import { grossUp, processorFee } from '#app/domain/donations/fees.ts'
import { settledGiftsMinor } from '#app/services/donations/giving.server.ts'
import type { StripeStandIn } from '#app/services/payments/stripe-sandbox/stand-in.server.ts'
import { stripe } from '#app/services/payments/stripe.server.ts'
import { action as webhook } from '#app/routes/webhooks.stripe.ts'
import * as givePage from '#app/routes/funds.$fundSlug.give.tsx'
import * as thanksPage from '#app/routes/funds.$fundSlug.thanks.tsx'
import * as fundPage from '#app/routes/funds.$fundSlug._index.tsx'
import * as fundEdit from '#app/routes/orgs.$slug.funds.$fundSlug.edit.tsx'
import { cookieFor, createOpenProgram } from '#tests/support/factories.ts'
import { awardedGrant } from '#tests/support/grants.ts'
import { call, makeRequest } from '#tests/support/routes.ts'
import { withTestDatabase } from '#tests/support/database.ts'
import { startTestStandIn } from '#tests/support/sandbox-stand-in.ts'

/*
 * The donate page through the sandbox: the form's post opens a real checkout session with the
 * stand-in, the stand-in's signed webhooks reach the real route, and the return page and the
 * fund's goal bar read what the webhook settled.
 */

withTestDatabase()

const SECRET = 'whsec_giving_test_secret_0123456789'
let standIn: StripeStandIn
let stop: () => Promise<void>

beforeAll(async () => {
  ;({ standIn, stop } = await startTestStandIn(SECRET, async (payload, signature) => {
    const request = new Request('http://localhost/webhooks/stripe', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signature },
      body: payload,
    })
    const response = await webhook({
      request,
      params: {},
      context: { ip: '127.0.0.1', cspNonce: '' },
    })
    if (response.status !== 200) throw new Error(`webhook answered ${response.status}`)
  }))
})
afterAll(() => stop())

const FORM = {
  preset: '5000',
  interval: 'one_time',
  coverFee: 'on',
  donorName: 'Ana Donor',
  donorEmail: 'ana@example.org',
}

async function post(fundSlug: string, form: Record<string, string>) {
  return call(givePage.action, makeRequest(`/funds/${fundSlug}/give`, { form }), { fundSlug })
}

/** Posts the form, then pays the session the way the donor chose; answers the donation row. */
async function give(fundSlug: string, form: Record<string, string>, outcome: 'pay' | 'fail') {
  const answer = await post(fundSlug, form)
  expect(answer.status).toBe(302)
  const sessionId = /\/sandbox\/checkout\/(cs_test_\w+)$/.exec(answer.location ?? '')![1]!
  const back = await standIn.checkout(sessionId, outcome)
  await standIn.idle()
  const [row] = await db()
    .select()
    .from(donations)
    .where(eq(donations.stripeCheckoutSessionId, sessionId))
  return { donation: row!, back, sessionId }
}

const raised = async (fundSlug: string) => {
  const page = await call(fundPage.loader, makeRequest(`/funds/${fundSlug}`), { fundSlug })
  return (page.data as { raisedMinor: number }).raisedMinor
}

describe("a fund's goal", () => {
  it('is set in the fund form, and shown on the public page once set', async () => {
    const { fund, owner, org } = await createOpenProgram()
    const page = () =>
      call(fundPage.loader, makeRequest(`/funds/${fund.slug}`), { fundSlug: fund.slug })
    expect((await page()).data).toMatchObject({ fund: { goalMinor: null } })
    const edit = (goalMinor: string) =>
      call(
        fundEdit.action,
        makeRequest('/', {
          cookie,
          form: { name: fund.name, currency: 'USD', visibility: 'public', goalMinor },
        }),
        { slug: org.slug, fundSlug: fund.slug },
      )
    const cookie = await cookieFor(owner.id)
    expect((await edit('0')).status).toBe(400)
    expect((await edit('30,000')).status).toBe(302)
    expect((await page()).data).toMatchObject({ fund: { goalMinor: 3_000_000 }, raisedMinor: 0 })
    expect((await edit('')).status).toBe(302)
    expect((await page()).data).toMatchObject({ fund: { goalMinor: null } })
  })
})

describe('giving through the donate page', () => {
  it('records the gift as the form said, and only the webhook settles it', async () => {
    const { fund, program } = await createOpenProgram()
    await db().update(funds).set({ goalMinor: 1_000_000 }).where(eq(funds.id, fund.id))
    expect(await raised(fund.slug)).toBe(0)

    const { donation, back, sessionId } = await give(
      fund.slug,
      {
        ...FORM,
        interval: 'month',
        anonymous: 'on',
        tributeKind: 'honour',
        tributeName: 'Rosa',
        programId: program.id,
      },
      'pay',
    )
    expect(donation).toMatchObject({
      amountMinor: 5000,
      feeCoveredMinor: grossUp(5000) - 5000,
      interval: 'month',
      anonymous: true,
      tributeKind: 'honour',
      tributeName: 'Rosa',
      programId: program.id,
      status: 'succeeded',
    })
    expect(back).toBe(`http://localhost/funds/${fund.slug}/thanks?session_id=${sessionId}`)
    const thanks = await call(
      thanksPage.loader,
      makeRequest(new URL(back).pathname + new URL(back).search),
      {
        fundSlug: fund.slug,
      },
    )
    // Received: the page links to the gift's receipt.
    expect(thanks.data).toMatchObject({
      state: 'received',
      receiptPath: `/receipts/${donation.receiptToken}`,
    })
    // The fund received the gift: the charge less the processor's fee is exactly $50.
    expect(await raised(fund.slug)).toBe(5000)
  })

  it('a gift not yet paid shows processing and counts nothing; settled money counts net', async () => {
    const { fund } = await createOpenProgram()
    await db().update(funds).set({ goalMinor: 1_000_000 }).where(eq(funds.id, fund.id))
    const held = await post(fund.slug, { ...FORM, coverFee: '' })
    const sessionId = /(cs_test_\w+)$/.exec(held.location ?? '')![1]!
    const query = `/funds/${fund.slug}/thanks?session_id=${sessionId}`
    const page = async () =>
      (await call(thanksPage.loader, makeRequest(query), { fundSlug: fund.slug })).data as {
        state: string
        receiptPath: string | null
      }
    // Pending (never paid) counts nothing, says processing and has no receipt yet.
    expect(await page()).toMatchObject({ state: 'processing', receiptPath: null })
    expect(await raised(fund.slug)).toBe(0)

    const paid = await give(fund.slug, { ...FORM, coverFee: '' }, 'pay')
    const net = 5000 - processorFee(5000)
    expect(await raised(fund.slug)).toBe(net)

    // A partial refund comes off; a failed or pending gift never counts.
    await (await stripe()).refunds.create({ charge: paid.donation.stripeChargeId!, amount: 1000 })
    await standIn.idle()
    expect(await raised(fund.slug)).toBe(net - 1000)

    const failed = await give(fund.slug, FORM, 'fail')
    expect(failed.donation.status).toBe('failed')
    const failedPage = await call(
      thanksPage.loader,
      makeRequest(new URL(failed.back).pathname + new URL(failed.back).search),
      { fundSlug: fund.slug },
    )
    expect(failedPage.data).toMatchObject({ state: 'unsuccessful', receiptPath: null })
    expect(await settledGiftsMinor({ id: fund.id, currency: 'USD' })).toBe(net - 1000)
  })

  it('refuses a gift out of bounds, a program of another fund, and a private fund', async () => {
    const { fund } = await createOpenProgram()
    const other = await createOpenProgram()
    const tooBig = await post(fund.slug, { ...FORM, preset: 'custom', customAmount: '30000' })
    expect(tooBig.status).toBe(400)
    expect(tooBig.data).toMatchObject({ values: { customAmount: '30000', donorName: 'Ana Donor' } })
    const elsewhere = await post(fund.slug, { ...FORM, programId: other.program.id })
    expect(elsewhere.status).toBe(400)
    expect(elsewhere.data).toMatchObject({ errors: { programId: 'validation:gift.program' } })

    await db().update(funds).set({ visibility: 'private' }).where(eq(funds.id, fund.id))
    expect((await post(fund.slug, FORM)).status).toBe(404)
    const page = await call(givePage.loader, makeRequest(`/funds/${fund.slug}/give`), {
      fundSlug: fund.slug,
    })
    expect(page.status).toBe(404)
    expect(await db().select().from(donations).where(eq(donations.fundId, fund.id))).toEqual([])
  })
})

describe('a gift to one grant', () => {
  it("is offered on the fund's page for each active grant and designates that grant alone", async () => {
    const { s, grantId } = await awardedGrant({ amountMinor: 2_000_00 })
    const fundSlug = s.fund.slug
    const page = await call(fundPage.loader, makeRequest(`/funds/${fundSlug}`), { fundSlug })
    expect(page.data).toMatchObject({
      grants: [{ id: grantId, amountMinor: 2_000_00, fundedMinor: 0 }],
    })
    const form = await call(
      givePage.loader,
      makeRequest(`/funds/${fundSlug}/give?grant=${grantId}`),
      { fundSlug },
    )
    expect(form.data).toMatchObject({ grant: { id: grantId }, defaults: { grantId } })

    const { donation } = await give(fundSlug, { ...FORM, grantId, programId: s.program.id }, 'pay')
    // The grant is the designation; the program choice a stale form also sent is dropped.
    expect(donation).toMatchObject({ grantId, programId: null, status: 'succeeded' })
  })

  it('refuses a grant of another fund, an ended grant and a malformed id, keeping what was typed', async () => {
    const { s, grantId } = await awardedGrant()
    const other = await createOpenProgram()
    const before = await db().select({ id: donations.id }).from(donations)
    const refused = async (fundSlug: string, grantIdValue: string) => {
      const answer = await post(fundSlug, { ...FORM, grantId: grantIdValue })
      expect(answer.status).toBe(400)
      expect(answer.data).toMatchObject({
        errors: { form: 'validation:gift.grant' },
        values: { donorName: 'Ana Donor' },
      })
    }
    await refused(other.fund.slug, grantId)
    await refused(s.fund.slug, 'not-a-uuid')
    await db()
      .update(grants)
      .set({ status: 'cancelled', cancelReason: 'Group dissolved' })
      .where(eq(grants.id, grantId))
    await refused(s.fund.slug, grantId)
    // A grant that is no longer active is not offered either.
    const page = await call(fundPage.loader, makeRequest(`/funds/${s.fund.slug}`), {
      fundSlug: s.fund.slug,
    })
    expect(page.data).toMatchObject({ grants: [] })
    expect(await db().select({ id: donations.id }).from(donations)).toHaveLength(before.length)
  })
})

describe('a fund closed to new gifts', () => {
  it('keeps its page but refuses a gift, recording nothing and keeping what was typed', async () => {
    const { fund, owner, org } = await createOpenProgram()
    const cookie = await cookieFor(owner.id)
    const closed = await call(
      fundEdit.action,
      makeRequest('/', {
        cookie,
        form: { name: fund.name, currency: 'USD', visibility: 'public', givingClosed: 'on' },
      }),
      { slug: org.slug, fundSlug: fund.slug },
    )
    expect(closed.status).toBe(302)
    const page = await call(fundPage.loader, makeRequest(`/funds/${fund.slug}`), {
      fundSlug: fund.slug,
    })
    expect(page.data).toMatchObject({ fund: { givingClosed: true } })
    const before = await db().select({ id: donations.id }).from(donations)
    const answer = await post(fund.slug, FORM)
    expect(answer.status).toBe(409)
    expect(answer.data).toMatchObject({
      errors: { form: 'donations:give.closed' },
      values: { donorName: 'Ana Donor', donorEmail: 'ana@example.org' },
    })
    expect(await db().select({ id: donations.id }).from(donations)).toHaveLength(before.length)
    // Reopened (the box left unticked), it takes gifts again.
    await call(
      fundEdit.action,
      makeRequest('/', {
        cookie,
        form: { name: fund.name, currency: 'USD', visibility: 'public' },
      }),
      { slug: org.slug, fundSlug: fund.slug },
    )
    expect((await post(fund.slug, FORM)).status).toBe(302)
  })
})
