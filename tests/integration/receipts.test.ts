import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '#db/client.server.ts'
import { donations, mailMessages, organizations } from '#db/schema/index.ts'
import { appOrigin } from '#app/config/env.server.ts'
import * as receiptPage from '#app/routes/receipts.$token.tsx'
import * as receiptPdfRoute from '#app/routes/receipts.$token_.pdf.ts'
import * as orgSettings from '#app/routes/orgs.$slug.settings.tsx'
import { grossUp } from '#app/domain/donations/fees.ts'
import type { ReceiptText } from '#app/domain/donations/receipt.ts'
import { addUserToOrg, cookieFor } from '#tests/support/factories.ts'
import { raceTest, withTestDatabase } from '#tests/support/database.ts'
import { pageCount, pdfLines } from '#tests/support/pdf-text.ts'
import { call, makeRequest } from '#tests/support/routes.ts'
import { refundGift } from '#tests/support/settled-gifts.ts'
import {
  answerOf,
  delivered,
  donationNow,
  eventsHeld,
  give,
  heldWhile,
  standIn,
  twin,
  typeOf,
  withStripeStandIn,
} from '#tests/support/stripe-webhook.ts'

/*
 * Receipts (issue 10): the mails a settled gift sends (once, however its webhooks arrive), the
 * receipt page and its PDF, and who may set what a receipt names.
 */

withTestDatabase()
withStripeStandIn()

/** A gift in memory of Rosa Díaz, whose family is told at `notifyEmail`. */
const inMemory = (notifyEmail: string) => ({
  kind: 'memory' as const,
  name: 'Rosa Díaz',
  notifyEmail,
})

const mailsOf = (kind: 'donation-receipt' | 'tribute-notice', to: string) =>
  db()
    .select()
    .from(mailMessages)
    .where(and(eq(mailMessages.kind, kind), eq(mailMessages.toAddress, to)))

/** The receipt page as a reader in `language` gets it. */
function openReceipt(token: string, language: 'en' | 'es' = 'en') {
  return call(receiptPage.loader, makeRequest(`/receipts/${token}?lang=${language}`), { token })
}

async function downloadPdf(token: string, language: 'en' | 'es' = 'en') {
  const request = makeRequest(`/receipts/${token}/pdf?lang=${language}`)
  const context = { ip: '127.0.0.1', cspNonce: '' }
  return (await receiptPdfRoute.loader({ request, params: { token }, context })) as Response
}

/** A one-time gift paid through the stand-in, its events delivered (the completion twice). */
async function paidGift(options: Parameters<typeof give>[1] = {}) {
  const gift = await give(50_00, { coverFee: true, ...options })
  await standIn().checkout(gift.donation.stripeCheckoutSessionId!, 'pay')
  return { ...gift, settled: await donationNow(gift.donation.id) }
}

describe('the mails of a settled gift', () => {
  it('sends one receipt and one tribute notice though the completion arrives twice', async () => {
    const { settled, fund } = await paidGift({
      gift: {
        tribute: inMemory('familia@example.org'),
        language: 'es',
        donorEmail: 'ana.es@example.org',
      },
    })
    expect(delivered.map((d) => d.answer)).toEqual([
      { received: 'applied' },
      { received: 'duplicate' },
    ])
    const receipts = await mailsOf('donation-receipt', 'ana.es@example.org')
    expect(receipts).toHaveLength(1)
    const [receipt] = receipts
    // In the language the donor gave in, with the charge, the fund and the receipt's address.
    expect(receipt).toMatchObject({
      language: 'es',
      subject: `Su recibo de la donación a ${fund.name}`,
    })
    expect(receipt!.text).toContain(`Recibimos su donación de $51.80 a ${fund.name}`)
    expect(receipt!.text).toContain(`${appOrigin()}/receipts/${settled.receiptToken}`)

    const notices = await mailsOf('tribute-notice', 'familia@example.org')
    expect(notices).toHaveLength(1)
    expect(notices[0]!.subject).toBe(
      `Ana Donor hizo una donación a ${fund.name} en memoria de Rosa Díaz`,
    )
    // Never the amount.
    expect(notices[0]!.text).not.toMatch(/\$|51[.,]80|50[.,]00/)
  })

  it('sends them once whichever order the delayed payment’s events come in, and again', async () => {
    const { donation } = await give(30_00, {
      coverFee: false,
      gift: { tribute: inMemory('order.family@example.org'), donorEmail: 'order@example.org' },
    })
    const events = await eventsHeld(donation.stripeCheckoutSessionId!, 'delayed')
    for (const d of [...events].reverse()) await answerOf(d)
    for (const [i, d] of events.entries()) await answerOf(twin(d, `evt_receipt_again_${i}`))
    expect((await donationNow(donation.id)).status).toBe('succeeded')
    expect(await mailsOf('donation-receipt', 'order@example.org')).toHaveLength(1)
    expect(await mailsOf('tribute-notice', 'order.family@example.org')).toHaveLength(1)
  })

  raceTest('sends one receipt when two deliveries of the completion race', async () => {
    const { donation } = await give(35_00, { gift: { donorEmail: 'race@example.org' } })
    const [completed] = await eventsHeld(donation.stripeCheckoutSessionId!, 'pay')
    const racing = [completed!, twin(completed!, 'evt_receipt_race_1')]
    await Promise.all(racing.map((d) => answerOf(d)))
    expect(await mailsOf('donation-receipt', 'race@example.org')).toHaveLength(1)
  })

  it('says "Someone" for an anonymous donor, and sends no notice without an address', async () => {
    await paidGift({
      gift: {
        tribute: { kind: 'honour', name: 'Luis', notifyEmail: 'luis@example.org' },
        anonymous: true,
        donorEmail: 'anon@example.org',
      },
    })
    const [notice] = await mailsOf('tribute-notice', 'luis@example.org')
    expect(notice!.subject).toMatch(/^Someone made a gift to Fund .+ in honour of Luis$/)
    expect(notice!.text).not.toContain('Ana Donor')

    const before = await db()
      .select()
      .from(mailMessages)
      .where(eq(mailMessages.kind, 'tribute-notice'))
    await paidGift({
      gift: { tribute: { kind: 'honour', name: 'Luis' }, donorEmail: 'x@example.org' },
    })
    const after = await db()
      .select()
      .from(mailMessages)
      .where(eq(mailMessages.kind, 'tribute-notice'))
    expect(after).toHaveLength(before.length)
    expect(await mailsOf('donation-receipt', 'x@example.org')).toHaveLength(1)
  })

  it('sends nothing for a gift that fails or expires', async () => {
    for (const outcome of ['fail', 'expire'] as const) {
      const email = `${outcome}@example.org`
      const family = `${outcome}.family@example.org`
      const { donation } = await give(20_00, {
        gift: { tribute: inMemory(family), donorEmail: email },
      })
      for (const d of await eventsHeld(donation.stripeCheckoutSessionId!, outcome)) {
        await answerOf(d)
      }
      expect((await donationNow(donation.id)).status).toBe(
        outcome === 'fail' ? 'failed' : 'expired',
      )
      expect(await mailsOf('donation-receipt', email)).toEqual([])
      expect(await mailsOf('tribute-notice', family)).toEqual([])
    }
  })

  it('sends each month of a monthly gift its own receipt, and the tribute notice once', async () => {
    const email = 'monthly@example.org'
    const { donation } = await give(40_00, {
      coverFee: false,
      monthly: true,
      gift: { tribute: inMemory('monthly.family@example.org'), donorEmail: email },
    })
    await standIn().checkout(donation.stripeCheckoutSessionId!, 'pay')
    // The checkout's completion (twice) and the first month's invoice.paid: one first month.
    expect(delivered.map(typeOf)).toEqual([
      'checkout.session.completed',
      'checkout.session.completed',
      'invoice.paid',
    ])
    expect(await mailsOf('donation-receipt', email)).toHaveLength(1)
    const first = await donationNow(donation.id)
    const [renewal] = await heldWhile(() => standIn().renew(first.stripeSubscriptionId!))
    await answerOf(renewal!)
    await answerOf(twin(renewal!, 'evt_receipt_month_twin'))
    const receipts = await mailsOf('donation-receipt', email)
    expect(receipts).toHaveLength(2)
    expect(new Set(receipts.map((r) => r.idempotencyKey)).size).toBe(2)
    for (const r of receipts) expect(r.text).toContain('each month brings its own')
    expect(await mailsOf('tribute-notice', 'monthly.family@example.org')).toHaveLength(1)
  })
})

describe('the receipt page', () => {
  it('shows a settled gift’s receipt to whoever has its link, never to be cached', async () => {
    const { settled, funder } = await paidGift()
    await db()
      .update(organizations)
      .set({ legalName: 'Funder Legal Name, Inc.', registrationNumber: '12-3456789' })
      .where(eq(organizations.id, funder.org.id))
    const page = await openReceipt(settled.receiptToken)
    expect(page.status).toBe(200)
    expect(page.headers.get('Cache-Control')).toBe('private, no-store')
    expect(page.headers.get('X-Robots-Tag')).toBe('noindex')
    const { text, pdfPath } = page.data as { text: ReceiptText; pdfPath: string }
    expect(pdfPath).toBe(`/receipts/${settled.receiptToken}/pdf`)
    expect(text.rows).toEqual(
      expect.arrayContaining([
        { label: 'Received by', value: 'Funder Legal Name, Inc.' },
        { label: 'Registration number', value: '12-3456789' },
        { label: 'Gift', value: '$50.00' },
        { label: 'Total charged', value: `$${(grossUp(50_00) / 100).toFixed(2)}` },
        { label: 'Donor', value: 'Ana Donor' },
      ]),
    )
    expect(text.statement).toBe(
      'No goods or services were provided in exchange for this contribution.',
    )
    const spanish = await openReceipt(settled.receiptToken, 'es')
    expect((spanish.data as { title: string }).title).toBe('Recibo de donación')
  })

  it('is 404 for an unknown link and for a gift not received', async () => {
    const unknown = 'f'.repeat(64)
    for (const token of [unknown, 'not-a-token', '']) {
      expect((await openReceipt(token)).status).toBe(404)
      expect((await downloadPdf(token)).status).toBe(404)
    }
    const { donation } = await give(25_00)
    for (const status of ['pending', 'processing', 'failed', 'expired'] as const) {
      await db().update(donations).set({ status }).where(eq(donations.id, donation.id))
      expect((await openReceipt(donation.receiptToken)).status).toBe(404)
      expect((await downloadPdf(donation.receiptToken)).status).toBe(404)
    }
  })

  it('says what was refunded, and that a receipt refunded whole is void', async () => {
    const { settled } = await paidGift()
    await refundGift(settled.id, 10_00)
    const partly = (await openReceipt(settled.receiptToken)).data as { text: ReceiptText }
    expect(partly.text.refund).toMatch(/^Refunded: \$10\.00 on [A-Z][a-z]+ \d{1,2}, \d{4}\.$/)
    expect(partly.text.void).toBe(false)
    await refundGift(settled.id, grossUp(50_00) - 10_00)
    const wholly = (await openReceipt(settled.receiptToken)).data as { text: ReceiptText }
    expect(wholly.text.void).toBe(true)
    expect(wholly.text.refund).toMatch(/^This receipt is void: the whole gift \(\$51\.80\)/)
  })
})

describe('the receipt PDF', () => {
  it('is a one-page PDF download, never cached, in the reader’s language', async () => {
    const { settled } = await paidGift({ gift: { tribute: inMemory('pdf.family@example.org') } })
    const english = await downloadPdf(settled.receiptToken)
    expect(english.status).toBe(200)
    expect(english.headers.get('Content-Type')).toBe('application/pdf')
    expect(english.headers.get('Cache-Control')).toBe('private, no-store')
    expect(english.headers.get('X-Robots-Tag')).toBe('noindex')
    const number = `CF-\\d{4}-${settled.id.slice(0, 8).toUpperCase()}`
    expect(english.headers.get('Content-Disposition')).toMatch(
      new RegExp(`^attachment; filename="receipt-${number}\\.pdf"$`),
    )
    const bytes = new Uint8Array(await english.arrayBuffer())
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-')
    expect(pageCount(bytes)).toBe(1)
    const lines = pdfLines(bytes)
    expect(lines).toContain('Donation receipt')
    expect(lines).toContain('Given in memory of Rosa Díaz.')
    expect(lines).toContain('No goods or services were provided in exchange for this contribution.')

    const spanish = await downloadPdf(settled.receiptToken, 'es')
    expect(spanish.headers.get('Content-Disposition')).toMatch(/filename="recibo-CF-/)
    const spanishLines = pdfLines(new Uint8Array(await spanish.arrayBuffer()))
    expect(spanishLines).toContain('Recibo de donación')
    expect(spanishLines).toContain('Donación en memoria de Rosa Díaz.')
    expect(spanishLines).toContain(
      'No se proporcionaron bienes ni servicios a cambio de esta contribución.',
    )
  })
})

describe('what a receipt names, in the organisation settings', () => {
  const post = (slug: string, cookie: string, form: Record<string, string>) =>
    call(orgSettings.action, makeRequest(`/orgs/${slug}/settings`, { cookie, form }), { slug })
  const receiptsForm = {
    intent: 'receipts',
    legalName: 'Legal Name, Inc.',
    registrationNumber: '98-7654321',
  }

  it('is set by an owner, and refused to an admin and a member, who change nothing', async () => {
    const { funder } = await give(20_00)
    const { org, owner } = funder
    for (const role of ['admin', 'member'] as const) {
      const other = await addUserToOrg(funder, role)
      const refused = await post(org.slug, await cookieFor(other.id), receiptsForm)
      expect(refused.status).toBe(403)
    }
    const [unchanged] = await db().select().from(organizations).where(eq(organizations.id, org.id))
    expect(unchanged).toMatchObject({ legalName: '', registrationNumber: '' })

    const saved = await post(org.slug, await cookieFor(owner.id), receiptsForm)
    expect(saved).toMatchObject({ status: 302, location: `/orgs/${org.slug}/settings` })
    const [now] = await db().select().from(organizations).where(eq(organizations.id, org.id))
    expect(now).toMatchObject({ legalName: 'Legal Name, Inc.', registrationNumber: '98-7654321' })
  })

  it('keeps what was typed beside the error for a number with other characters', async () => {
    const { funder } = await give(20_00)
    const refused = await post(funder.org.slug, await cookieFor(funder.owner.id), {
      ...receiptsForm,
      registrationNumber: 'EIN: 12_3',
    })
    expect(refused.status).toBe(400)
    expect(refused.data).toMatchObject({
      errors: { registrationNumber: 'validation:organization.registrationNumber.invalid' },
      values: { registrationNumber: 'EIN: 12_3', intent: 'receipts' },
    })
  })

  it('shows owners the form and admins the values', async () => {
    const { funder } = await give(20_00)
    const admin = await addUserToOrg(funder, 'admin')
    const load = async (userId: string) =>
      (
        await call(
          orgSettings.loader,
          makeRequest(`/orgs/${funder.org.slug}/settings`, { cookie: await cookieFor(userId) }),
          { slug: funder.org.slug },
        )
      ).data as { canEditReceipts: boolean }
    expect((await load(funder.owner.id)).canEditReceipts).toBe(true)
    expect((await load(admin.id)).canEditReceipts).toBe(false)
  })
})
