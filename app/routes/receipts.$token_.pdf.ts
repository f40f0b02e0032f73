import type { LoaderFunctionArgs } from '@remix-run/node'
import { receiptText } from '#app/domain/donations/receipt.ts'
import { receiptPdf } from '#app/services/donations/receipt-pdf.server.ts'
import { findReceiptByToken } from '#app/services/donations/receipts.server.ts'
import { fixedT, requestLanguage } from '#app/utils/i18n.server.ts'
import { RECEIPT_HEADERS } from '#app/utils/receipts.server.ts'

/**
 * The receipt as a PDF download, in the reader's language (the site's language switch): the
 * same link holder as the receipt page may have it; an unknown link and a gift not received yet
 * are both 404. The file is named by the receipt's number ("receipt-CF-2026-1A2B3C4D.pdf").
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const language = await requestLanguage(request)
  const gift = await findReceiptByToken(params.token ?? '', language)
  const t = fixedT(language)
  if (!gift) {
    return new Response(t('donations:receipt.notFound'), {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', ...RECEIPT_HEADERS },
    })
  }
  const text = receiptText(gift.receipt, t, language)
  const pdf = await receiptPdf(text, { language, issuer: t('common:site.name') })
  // The number is letters, digits and hyphens only: safe in the header as it is.
  const fileName = `${t('donations:receipt.fileName')}-${gift.receipt.number}.pdf`
  return new Response(new Uint8Array(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Length': String(pdf.byteLength),
      'Content-Disposition': `attachment; filename="${fileName}"`,
      'X-Content-Type-Options': 'nosniff',
      ...RECEIPT_HEADERS,
    },
  })
}
