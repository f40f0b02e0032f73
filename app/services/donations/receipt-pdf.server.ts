import PDFDocument from 'pdfkit'
import type { ReceiptText } from '#app/domain/donations/receipt.ts'
import { LOCALES, type Language } from '#app/lib/i18n/config.ts'

/**
 * A receipt as a one-page PDF (docs/decisions/027-pdf-receipts.md), drawn with PDFKit's standard
 * Helvetica: no font files ship, and its Windows-1252 encoding has every letter English and
 * Spanish need (á, ñ, ü, ¿, “ ”, €).
 */

/** Every character Windows-1252 encodes: what the standard fonts can draw. */
const DRAWABLE = new Set(
  new TextDecoder('windows-1252').decode(Uint8Array.from({ length: 224 }, (_, i) => i + 32)),
)

/**
 * Text the standard fonts can draw: a letter they lack loses its accent when it has one ("ł"
 * stays "?", "ő" becomes "o"), anything else becomes "?", rather than drawing the wrong glyph.
 */
export function drawable(text: string): string {
  return [...text]
    .map((char) => {
      if (DRAWABLE.has(char)) return char
      const base = char.normalize('NFKD').replace(/\p{M}/gu, '')
      return [...base].every((c) => DRAWABLE.has(c)) && base ? base : '?'
    })
    .join('')
}

const PAGE = { size: 'LETTER', margin: 72 } as const
const LABEL_WIDTH = 170
const GAP = 12
const INK = '#1b1f23'
const MUTED = '#4a5560'
const VOID_RED = '#a4161a'

/** The receipt's PDF, in the words of `text` (already in the reader's language). */
export function receiptPdf(
  text: ReceiptText,
  meta: { language: Language; issuer: string },
): Promise<Buffer> {
  const doc = new PDFDocument({
    ...PAGE,
    lang: LOCALES[meta.language],
    info: { Title: drawable(text.title), Author: drawable(meta.issuer) },
  })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  drawReceipt(doc, text, meta.issuer)
  doc.end()
  return done
}

function drawReceipt(doc: PDFKit.PDFDocument, text: ReceiptText, issuer: string) {
  const left = doc.page.margins.left
  const width = doc.page.width - left - doc.page.margins.right
  doc.fillColor(MUTED).font('Helvetica').fontSize(10).text(drawable(issuer))
  doc.moveDown(0.5)
  doc.fillColor(INK).font('Helvetica-Bold').fontSize(20).text(drawable(text.title))
  doc.moveDown(0.8)
  if (text.void && text.refund) {
    doc.fillColor(VOID_RED).font('Helvetica-Bold').fontSize(13).text(drawable(text.refund))
    doc.moveDown(0.8)
  }
  doc.fontSize(11)
  for (const row of text.rows) drawRow(doc, row, left, width)
  doc.moveDown(0.8)
  doc.fillColor(INK).font('Helvetica')
  if (text.tribute) doc.text(drawable(text.tribute), left, doc.y, { width }).moveDown(0.5)
  if (text.refund && !text.void) {
    doc.font('Helvetica-Bold').text(drawable(text.refund), left, doc.y, { width }).moveDown(0.5)
  }
  doc.font('Helvetica-Bold').text(drawable(text.statement), left, doc.y, { width })
}

/** A label and its value side by side; the taller of the two sets where the next row starts. */
function drawRow(
  doc: PDFKit.PDFDocument,
  row: { label: string; value: string },
  left: number,
  width: number,
) {
  const top = doc.y
  const valueWidth = width - LABEL_WIDTH - GAP
  const label = drawable(row.label)
  const value = drawable(row.value)
  doc.fillColor(MUTED).font('Helvetica').text(label, left, top, { width: LABEL_WIDTH })
  const labelBottom = doc.y
  doc
    .fillColor(INK)
    .font('Helvetica-Bold')
    .text(value, left + LABEL_WIDTH + GAP, top, { width: valueWidth })
  doc.y = Math.max(labelBottom, doc.y) + 4
  doc.x = left
}
