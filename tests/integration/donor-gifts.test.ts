import { and, desc, eq, sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '#db/client.server.ts'
import { auditLog, donations, donorAccess, mailMessages, programs } from '#db/schema/index.ts'
import { fundGrant } from '#app/services/donations/allocation.server.ts'
import { createCheckoutForDonation } from '#app/services/donations/checkout.server.ts'
import { tokenDigest } from '#app/services/accounts/secret-tokens.server.ts'
import { openGiftLink } from '#app/services/donations/donor-access.server.ts'
import { listDonorGifts } from '#app/services/donations/donor-gifts.server.ts'
import { deleteExpiredRecords } from '#app/services/jobs/clean-up.server.ts'
import * as giftsPage from '#app/routes/gifts._index.tsx'
import * as lookupPage from '#app/routes/gifts.lookup.tsx'
import * as accessPage from '#app/routes/gifts.access.$token.tsx'
import * as adminPayments from '#app/routes/admin.payments.tsx'
import * as dashboard from '#app/routes/_index.tsx'
import { cookieFor, createOpenProgram, createUser } from '#tests/support/factories.ts'
import { raceTest, withTestDatabase } from '#tests/support/database.ts'
import { awardedGrant } from '#tests/support/grants.ts'
import { call, makeRequest } from '#tests/support/routes.ts'
import { refundGift, settledGift } from '#tests/support/settled-gifts.ts'
import {
  answerOf,
  donationNow,
  heldWhile,
  standIn,
  withStripeStandIn,
} from '#tests/support/stripe-webhook.ts'

/*
 * "Your gifts" (/gifts): who sees which gifts (a verified account's address, a mailed donor link,
 * nobody else), the link's rules (no enumeration, throttled, single use, an hour), where each gift
 * went, and stopping a monthly gift through the SDK against the stand-in.
 */

withTestDatabase()
withStripeStandIn()

type Page = Awaited<ReturnType<typeof giftsPage.loader>>

let n = 0
const address = () => `giver-${++n}-${Date.now()}@example.test`

/** A gift (pending, straight to the table) given from `email` to a new fund. */
async function giftFrom(email: string, values: Partial<typeof donations.$inferInsert> = {}) {
  const { fund } = await createOpenProgram()
  const [row] = await db()
    .insert(donations)
    .values({
      fundId: fund.id,
      amountMinor: 25_00,
      currency: 'USD',
      donorName: 'A giver',
      donorEmail: email,
      ...values,
    })
    .returning()
  return row!
}

/** A gift through the app's own checkout service, as a donor at `email`. */
async function checkoutAs(email: string, monthly = false) {
  const { fund } = await createOpenProgram()
  const started = await createCheckoutForDonation({
    fundId: fund.id,
    amountMinor: 20_00,
    coverFee: false,
    interval: monthly ? 'month' : 'one_time',
    donorName: 'Dana Giver',
    donorEmail: email,
    anonymous: false,
    language: 'en',
    successUrl: 'http://localhost/thanks?session={CHECKOUT_SESSION_ID}',
    cancelUrl: 'http://localhost/give',
  })
  if (!started.ok) throw new Error(started.reason)
  const donation = await donationNow(started.donationId)
  await standIn().checkout(donation.stripeCheckoutSessionId!, 'pay')
  await standIn().idle()
  return donationNow(donation.id)
}

const show = async (cookie?: string, query = '') =>
  call(giftsPage.loader, makeRequest(`/gifts${query}`, { cookie }))
const giftsOf = async (cookie?: string, query = '') =>
  ((await show(cookie, query)).data as Page).gifts
const post = (cookie: string | undefined, form: Record<string, string>) =>
  call(giftsPage.action, makeRequest('/gifts', { cookie, form }))

let ips = 0
/** Each request from its own address unless told, so only the per-IP test meets that limit. */
const nextIp = () => `198.18.${Math.floor(++ips / 250)}.${(ips % 250) + 1}`

/** "Email me a link" posted from `ip`, answered as the browser would get it. */
async function ask(email: string, query = '', ip = nextIp()) {
  const answer: unknown = await lookupPage.action({
    request: makeRequest(`/gifts/lookup${query}`, { form: { email } }),
    params: {},
    context: { ip, cspNonce: '' },
  })
  if (answer instanceof Response) {
    return {
      status: answer.status,
      location: answer.headers.get('Location'),
      headers: answer.headers,
      data: null as unknown,
    }
  }
  const { data, init } = answer as { data: unknown; init: ResponseInit | null }
  return { status: init?.status ?? 200, location: null, headers: new Headers(), data }
}

/** The newest donor link mailed to `to`, and its token. */
async function mailedLink(to: string) {
  const [mail] = await db()
    .select()
    .from(mailMessages)
    .where(and(eq(mailMessages.toAddress, to), eq(mailMessages.kind, 'donor-access')))
    .orderBy(desc(mailMessages.createdAt))
    .limit(1)
  return { mail, token: /\/gifts\/access\/([A-Za-z0-9_-]+)/.exec(mail?.text ?? '')?.[1] ?? '' }
}

/** Opens a link with the button; answers the donor cookie it sets (the Cookie header's part). */
async function open(token: string) {
  const opened = await call(
    accessPage.action,
    makeRequest(`/gifts/access/${token}`, { form: {} }),
    { token },
  )
  return { opened, cookie: opened.headers.get('Set-Cookie')?.split(';')[0] ?? '' }
}

/** A donor cookie for `email`, through the whole link flow. */
async function linkCookie(email: string) {
  expect((await ask(email)).status).toBe(302)
  const { cookie } = await open((await mailedLink(email)).token)
  return cookie
}

describe('who sees which gifts', () => {
  it('shows a verified account the gifts of its address (any case), nobody else’s', async () => {
    const email = address()
    const dana = await createUser({ email })
    const mine = await giftFrom(email.toUpperCase())
    const theirs = await giftFrom(address())
    const seen = await giftsOf(await cookieFor(dana.id))
    expect(seen.map((g) => g.id)).toEqual([mine.id])

    // A second account sees only its own (here: none), never Dana's.
    const other = await createUser()
    const page = (await show(await cookieFor(other.id))).data as Page
    expect(page.gifts).toEqual([])
    expect(page.emails).toEqual([other.email])
    expect((await giftsOf(await cookieFor(other.id))).map((g) => g.id)).not.toContain(theirs.id)

    // The dashboard offers the card to Dana only.
    const home = (cookie: string) =>
      call(dashboard.loader, makeRequest('/', { cookie })).then(
        (o) => (o.data as { gifts: boolean }).gifts,
      )
    expect(await home(await cookieFor(dana.id))).toBe(true)
    expect(await home(await cookieFor(other.id))).toBe(false)
  })

  it('shows an unverified account nothing and asks for the address to be confirmed', async () => {
    const email = address()
    const unverified = await createUser({ email, verified: false })
    await giftFrom(email)
    const page = (await show(await cookieFor(unverified.id))).data as Page
    expect(page.gifts).toEqual([])
    expect(page.unverifiedEmail).toBe(email)
    const home = await call(
      dashboard.loader,
      makeRequest('/', { cookie: await cookieFor(unverified.id) }),
    )
    expect((home.data as { gifts: boolean }).gifts).toBe(false)
  })

  it('sends a guest to ask for a link', async () => {
    const guest = await show(undefined)
    expect(guest.status).toBe(302)
    expect(guest.location).toBe('/gifts/lookup')
  })

  it('pages newest first, 20 at a time, by keyset', async () => {
    const email = address()
    const { fund } = await createOpenProgram()
    const base = Date.UTC(2026, 0, 1)
    await db()
      .insert(donations)
      .values(
        Array.from({ length: 23 }, (_, i) => ({
          fundId: fund.id,
          amountMinor: (i + 1) * 100,
          currency: 'USD',
          donorName: 'Many',
          donorEmail: email,
          createdAt: new Date(base + i * 60_000),
        })),
      )
    const user = await createUser({ email })
    const cookie = await cookieFor(user.id)
    const first = (await show(cookie)).data as Page
    expect(first.gifts).toHaveLength(20)
    expect(first.gifts[0]!.amountMinor).toBe(23_00)
    expect(first.next).not.toBeNull()
    const second = (await show(cookie, `?after=${encodeURIComponent(first.next!)}`)).data as Page
    expect(second.gifts.map((g) => g.amountMinor)).toEqual([3_00, 2_00, 1_00])
    expect(second.next).toBeNull()
    // Gifts made within one millisecond (the database keeps microseconds) are each on one page.
    const sameMs = address()
    const { fund: other } = await createOpenProgram()
    await db()
      .insert(donations)
      .values(
        Array.from({ length: 25 }, (_, i) => ({
          fundId: other.id,
          amountMinor: 100 + i,
          currency: 'USD',
          donorName: 'Quick',
          donorEmail: sameMs,
          createdAt: sql`'2026-02-01T00:00:00.123Z'::timestamptz + make_interval(secs => ${i} / 1000000.0)`,
        })),
      )
    const quick = await cookieFor((await createUser({ email: sameMs })).id)
    const one = (await show(quick)).data as Page
    const two = (await show(quick, `?after=${encodeURIComponent(one.next!)}`)).data as Page
    const seen = [...one.gifts, ...two.gifts].map((g) => g.id)
    expect(new Set(seen).size).toBe(25)
    expect(two.next).toBeNull()
    // A cursor that is not one is the first page.
    expect(((await show(cookie, '?after=nonsense')).data as Page).gifts).toHaveLength(20)
  })
})

describe('the donor link', () => {
  it('answers the same whether or not the address gave, and mails only a giver, in the asker’s language', async () => {
    const giver = address()
    await giftFrom(giver)
    const stranger = address()
    const a = await ask(giver, '?lang=es')
    const b = await ask(stranger, '?lang=es')
    expect([a.status, a.location]).toEqual([302, '/gifts/lookup'])
    expect([b.status, b.location]).toEqual([302, '/gifts/lookup'])
    expect(a.headers.get('Set-Cookie')?.split('=')[0]).toBe(
      b.headers.get('Set-Cookie')?.split('=')[0],
    )
    const { mail } = await mailedLink(giver)
    expect(mail?.language).toBe('es')
    expect(mail?.subject).toBe('Su enlace a sus donaciones')
    expect((await mailedLink(stranger)).mail).toBeUndefined()
    // Only the digest of the link is stored.
    const { token } = await mailedLink(giver)
    const [row] = await db().select().from(donorAccess).where(eq(donorAccess.email, giver))
    expect(row?.tokenHash).toBe(tokenDigest(token))
    expect(JSON.stringify(row)).not.toContain(token)
  })

  it('refuses a form without a valid address beside the field, keeping what was typed', async () => {
    const bad = await ask('not-an-address')
    expect(bad.status).toBe(400)
    expect(bad.data).toMatchObject({
      errors: { email: 'validation:email.invalid' },
      values: { email: 'not-an-address' },
    })
  })

  it('is throttled per address, alike for a giver and a stranger, and per IP', async () => {
    const giver = address()
    await giftFrom(giver)
    const stranger = address()
    for (const email of [giver, stranger]) {
      for (let i = 0; i < 3; i++) expect((await ask(email)).status).toBe(302)
      const refused = await ask(email)
      expect(refused.status).toBe(429)
      expect(refused.data).toMatchObject({
        errors: { form: { key: 'gifts:lookup.throttled', values: { count: 15 } } },
      })
    }
    expect(
      await db().select().from(mailMessages).where(eq(mailMessages.toAddress, giver)),
    ).toHaveLength(3)
    // Per IP: one address sends 20 requests at most, whatever the addresses asked about.
    for (let i = 0; i < 20; i++) expect((await ask(address(), '', '203.0.113.77')).status).toBe(302)
    expect((await ask(address(), '', '203.0.113.77')).status).toBe(429)
  })

  it('opens once, for an hour, giving that address’s gifts only for a day; a tampered cookie opens nothing', async () => {
    const giver = address()
    const gift = await giftFrom(giver)
    const otherGift = await giftFrom(address())
    expect((await ask(giver)).status).toBe(302)
    const { token } = await mailedLink(giver)

    const page = await call(accessPage.loader, makeRequest(`/gifts/access/${token}`), { token })
    expect(page.data).toMatchObject({ refusal: null, email: giver })
    const { opened, cookie } = await open(token)
    expect(opened.status).toBe(302)
    expect(opened.location).toBe('/gifts')
    const setCookie = opened.headers.get('Set-Cookie') ?? ''
    expect(setCookie).toMatch(/HttpOnly/i)
    expect(setCookie).toMatch(/SameSite=Lax/i)
    const seen = (await show(cookie)).data as Page
    expect(seen.gifts.map((g) => g.id)).toEqual([gift.id])
    expect(seen.viaLink).toBe(true)
    expect(seen.gifts.map((g) => g.id)).not.toContain(otherGift.id)

    // Used: refused, and nothing more opens.
    const again = await open(token)
    expect(again.opened.status).toBe(410)
    expect(again.opened.data).toEqual({ refusal: 'used' })
    // Unknown.
    expect((await open('not-a-real-token')).opened.status).toBe(404)
    // Tampered: the signature no longer matches, so it reads as no access.
    const [name, value] = cookie.split('=') as [string, string]
    const tampered = `${name}=${value.slice(0, -3)}${value.endsWith('abc') ? 'xyz' : 'abc'}`
    const forged = await show(tampered)
    expect(forged.status).toBe(302)
    expect(forged.location).toBe('/gifts/lookup')

    // Expired link: refused.
    expect((await ask(giver)).status).toBe(302)
    const late = (await mailedLink(giver)).token
    await db()
      .update(donorAccess)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(donorAccess.tokenHash, tokenDigest(late)))
    expect((await open(late)).opened.data).toEqual({ refusal: 'expired' })

    // The day's access ends: the cookie opens nothing after.
    await db()
      .update(donorAccess)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(and(eq(donorAccess.email, giver), eq(donorAccess.kind, 'session')))
    expect((await show(cookie)).location).toBe('/gifts/lookup')

    // The hourly clean-up deletes what has expired and keeps what still works.
    expect((await ask(giver)).status).toBe(302)
    const live = (await mailedLink(giver)).token
    await deleteExpiredRecords()
    const left = await db().select().from(donorAccess).where(eq(donorAccess.email, giver))
    // The first link (used, still within its hour) and the new one; not the expired link or the
    // ended session.
    expect(left.map((r) => r.tokenHash).sort()).toEqual(
      [tokenDigest(token), tokenDigest(live)].sort(),
    )
  })

  raceTest('a link opened twice at the same moment opens once', async () => {
    const giver = address()
    await giftFrom(giver)
    expect((await ask(giver)).status).toBe(302)
    const { token } = await mailedLink(giver)
    const both = await Promise.all([openGiftLink(token), openGiftLink(token)])
    expect(both.filter((r) => r.ok)).toHaveLength(1)
    expect(both.find((r) => !r.ok)).toMatchObject({ reason: 'used' })
    const sessions = await db()
      .select()
      .from(donorAccess)
      .where(and(eq(donorAccess.email, giver), eq(donorAccess.kind, 'session')))
    expect(sessions).toHaveLength(1)
  })

  it('another address’s link sees only that address’s gifts; “forget” ends the access', async () => {
    const first = address()
    const second = address()
    const a = await giftFrom(first)
    const b = await giftFrom(second)
    const cookieA = await linkCookie(first)
    const cookieB = await linkCookie(second)
    expect((await giftsOf(cookieA)).map((g) => g.id)).toEqual([a.id])
    expect((await giftsOf(cookieB)).map((g) => g.id)).toEqual([b.id])
    const forgot = await post(cookieB, { intent: 'forget' })
    expect(forgot.status).toBe(302)
    expect((await show(cookieB)).location).toBe('/gifts/lookup')
  })
})

describe('where a gift went', () => {
  let setup: Awaited<ReturnType<typeof awardedGrant>>
  beforeAll(async () => {
    setup = await awardedGrant({ amountMinor: 30_00 })
  })

  it('says which grants it funded, what is still in the fund, and how a refund was made good', async () => {
    const email = address()
    const fundId = setup.s.fund.id
    const gift = await settledGift(fundId, { amountMinor: 50_00, feeMinor: 1_75 })
    await db().update(donations).set({ donorEmail: email }).where(eq(donations.id, gift.id))
    expect(await fundGrant(setup.officer, setup.grantId)).toMatchObject({
      ok: true,
      allocatedMinor: 30_00,
    })
    const user = await createUser({ email })
    const cookie = await cookieFor(user.id)
    const [shown] = await giftsOf(cookie)
    expect(shown).toMatchObject({
      status: 'succeeded',
      amountMinor: 50_00,
      processorFeeMinor: 1_75,
      receiptToken: gift.receiptToken,
      trace: { netMinor: 48_25, unallocatedMinor: 18_25 },
    })
    expect(shown!.trace!.funded).toEqual([
      expect.objectContaining({ grantId: setup.grantId, amountMinor: 30_00 }),
    ])
    // In the reader's language: the grant's program by its Spanish title for a Spanish reader.
    await db()
      .update(programs)
      .set({ titleTranslation: 'Programa traducido' })
      .where(eq(programs.id, setup.s.program.id))
    const inSpanish = await listDonorGifts(
      { emails: [email], actorUserId: user.id },
      { after: null, reader: 'es' },
    )
    expect(inSpanish.gifts[0]!.trace!.funded[0]!.programTitle).toBe('Programa traducido')

    // Another gift arrives; then the first is refunded in full: the new gift replaces 20, and
    // the other 10 leaves the grant short.
    const other = await settledGift(fundId, { amountMinor: 20_00 })
    await refundGift(gift.id, 50_00)
    const [after] = await giftsOf(cookie)
    expect(after).toMatchObject({
      status: 'refunded',
      refundedMinor: 50_00,
      refundEffect: { replacedMinor: 20_00, shortMinor: 10_00 },
    })
    expect(after!.trace!.funded).toEqual([])
    expect(other.id).not.toBe(gift.id)
  })

  it('has no receipt or trace before the payment settles', async () => {
    const email = address()
    await giftFrom(email)
    const user = await createUser({ email })
    const [shown] = await giftsOf(await cookieFor(user.id))
    expect(shown).toMatchObject({ status: 'pending', receiptToken: null, trace: null })
  })
})

describe('stopping a monthly gift', () => {
  it('cancels the subscription through the SDK; the page says stopping until the webhook, then stopped', async () => {
    const email = address()
    const monthly = await checkoutAs(email, true)
    expect(monthly.stripeSubscriptionId).toMatch(/^sub_/)
    const cookie = await linkCookie(email)
    const [running] = await giftsOf(cookie)
    expect(running).toMatchObject({
      monthly: { state: 'active' },
      months: { paidCount: 1, paidMinor: 20_00 },
    })
    // The next payment, as Stripe expects it: a month on; after the next month is paid, a month later.
    const days = (iso: string | null) => (new Date(iso ?? 0).getTime() - Date.now()) / 86_400_000
    expect(days(running!.nextPaymentAt)).toBeGreaterThan(27)
    expect(days(running!.nextPaymentAt)).toBeLessThan(32)
    await standIn().renew(monthly.stripeSubscriptionId!)
    await standIn().idle()
    const [renewed] = await giftsOf(cookie)
    expect(renewed).toMatchObject({ months: { paidCount: 2, paidMinor: 40_00 } })
    expect(days(renewed!.nextPaymentAt)).toBeGreaterThan(55)
    expect(days(renewed!.nextPaymentAt)).toBeLessThan(63)

    // Others may not: another account, another address's link, a guest.
    const stranger = await cookieFor((await createUser()).id)
    expect((await post(stranger, { intent: 'stop', id: monthly.id })).status).toBe(404)
    const elsewhere = address()
    await giftFrom(elsewhere)
    expect(
      (await post(await linkCookie(elsewhere), { intent: 'stop', id: monthly.id })).status,
    ).toBe(404)
    expect((await post(undefined, { intent: 'stop', id: monthly.id })).status).toBe(404)
    expect((await donationNow(monthly.id)).cancelRequestedAt).toBeNull()

    const held = await heldWhile(async () => {
      const stopped = await post(cookie, { intent: 'stop', id: monthly.id })
      expect(stopped.status).toBe(302)
      // A second click asks Stripe again with the same key: still one cancellation.
      expect((await post(cookie, { intent: 'stop', id: monthly.id })).status).toBe(302)
    })
    expect(held.map((d) => JSON.parse(d.payload).type)).toEqual(['customer.subscription.deleted'])
    const stopping = (await giftsOf(cookie))[0]!
    expect(stopping.monthly).toEqual({ state: 'stopping' })
    expect(stopping.nextPaymentAt).toBeNull()

    for (const delivery of held) await answerOf(delivery)
    const [ended] = await giftsOf(cookie)
    expect(ended!.monthly).toEqual({ state: 'stopped' })
    expect(ended!.stoppedAt).not.toBeNull()
    const audits = await db()
      .select({ action: auditLog.action, details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'donation'), eq(auditLog.entityId, monthly.id)))
    expect(audits.filter((a) => a.action === 'donation.cancel_requested')).toHaveLength(2)
    expect(audits.some((a) => a.action === 'donation.subscription_ended')).toBe(true)
    // Stopped: nothing more to stop.
    expect((await post(cookie, { intent: 'stop', id: monthly.id })).status).toBe(409)
  })

  it('an admin can stop one from /admin/payments (audited as the admin); a member may not', async () => {
    const monthly = await checkoutAs(address(), true)
    const member = await cookieFor((await createUser()).id)
    const adminPost = (cookie: string) =>
      call(
        adminPayments.action,
        makeRequest('/admin/payments', { cookie, form: { intent: 'cancel', id: monthly.id } }),
      )
    expect((await adminPost(member)).status).toBe(403)
    const admin = await createUser({ admin: true })
    expect((await adminPost(await cookieFor(admin.id))).status).toBe(302)
    await standIn().idle()
    expect((await donationNow(monthly.id)).subscriptionEndedAt).toBeInstanceOf(Date)
    const [audit] = await db()
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.entityId, monthly.id), eq(auditLog.action, 'donation.cancel_requested')),
      )
    expect(audit).toMatchObject({ actorUserId: admin.id, details: { by: 'admin' } })
  })
})

describe('the queries of a donor’s page', () => {
  /** The plan of `query` with sequential scans off: whether an index can serve it at all. */
  const planWithIndexes = (query: ReturnType<typeof sql>) =>
    db().transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL enable_seqscan = off`)
      const result = (await tx.execute(sql`EXPLAIN ${query}`)) as unknown as {
        rows: Record<string, string>[]
      }
      return result.rows.map((r) => Object.values(r)[0]).join('\n')
    })

  it('find a gift’s refunds and what they left grants short by small partial indexes, not the whole ledger', async () => {
    const id = '00000000-0000-4000-8000-000000000001'
    expect(
      await planWithIndexes(sql`SELECT id FROM ledger_transactions
        WHERE movement = 'refund' AND refs->>'donationId' IN (${id})`),
    ).toContain('ledger_transactions_refund_donation_idx')
    expect(
      await planWithIndexes(sql`SELECT id FROM ledger_transactions
        WHERE movement = 'allocation' AND refs->>'refund' IN (${id})`),
    ).toContain('ledger_transactions_unfunded_refund_idx')
  })
})
