/**
 * What a receipt costs the CPU, without a database: drawing its PDF (the /receipts/<token>/pdf
 * download) and rendering its mail (done inside the webhook's transaction when a gift settles,
 * so it adds to webhook ingest), in English and Spanish.
 * Usage: npx vite-node bench/receipts.ts -- [RUNS=200] (vite-node, not tsx: the translations are
 * read through import.meta.glob).
 */
import { receiptOf, receiptText, type ReceiptSource } from '#app/domain/donations/receipt.ts'
import { receiptPdf } from '#app/services/donations/receipt-pdf.server.ts'
import { renderMail } from '#app/services/mail/mail.server.ts'
import { MAIL_TEMPLATES } from '#app/services/mail/templates/index.ts'
import { fixedT } from '#app/services/translations.server.ts'
import { measure, report } from './stats.ts'

const RUNS = Number(process.argv.slice(2).find((a) => a !== '--') ?? 200)

const source: ReceiptSource = {
  donation: {
    id: 'a1b2c3d4-0000-4000-8000-000000000001',
    amountMinor: 50_00,
    feeCoveredMinor: 1_80,
    refundedMinor: 10_00,
    currency: 'USD',
    interval: 'month',
    donorName: 'Ana Ruiz Peña',
    donorEmail: 'ana@example.org',
    tributeKind: 'memory',
    tributeName: 'Rosa Díaz',
    settledAt: new Date('2026-12-01T03:30:00Z'),
  },
  fund: 'Riverbend Health Equity Fund',
  designation: 'Community Health Access 2027',
  owner: {
    name: 'Riverbend Community Foundation',
    legalName: 'Riverbend Community Foundation, Inc.',
    registrationNumber: '31-1234567',
  },
  refundedAt: new Date('2026-12-02T15:00:00Z'),
  timeZone: 'America/New_York',
}

console.log(`${RUNS} runs each`)
for (const language of ['en', 'es'] as const) {
  const text = receiptText(receiptOf(source), fixedT(language), language)
  const bytes = (await receiptPdf(text, { language, issuer: 'Commons Fund' })).byteLength
  report(
    `receipt PDF (${language}, ${bytes} bytes)`,
    await measure(() => receiptPdf(text, { language, issuer: 'Commons Fund' }), RUNS, 20),
  )
  const example = MAIL_TEMPLATES['donation-receipt'].example
  report(
    `receipt mail render (${language})`,
    await measure(() => renderMail('donation-receipt', language, example), RUNS, 20),
  )
}
