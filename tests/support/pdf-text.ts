import { inflateSync } from 'node:zlib'

/*
 * Reading back the PDFs PDFKit writes, enough for tests: its pages, and the lines its standard
 * fonts drew (each a `[<hex> kerning <hex> …] TJ` array of Windows-1252 codes in a deflated
 * content stream).
 */

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1')

/** How many pages the document has (page objects, not the page tree). */
export const pageCount = (pdf: Uint8Array) => (latin1(pdf).match(/\/Type \/Page\b/g) ?? []).length

/** Every line of text drawn, in order. */
export function pdfLines(pdf: Uint8Array): string[] {
  const decoder = new TextDecoder('windows-1252')
  const lines: string[] = []
  for (const stream of latin1(pdf).matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string
    try {
      content = inflateSync(Buffer.from(stream[1]!, 'latin1')).toString('latin1')
    } catch {
      continue // not a deflated content stream (a font's or the metadata's)
    }
    for (const array of content.matchAll(/\[([^\]]*)\] TJ/g)) {
      const hex = [...array[1]!.matchAll(/<([0-9a-f]*)>/gi)].map((m) => m[1]).join('')
      lines.push(decoder.decode(Buffer.from(hex, 'hex')))
    }
  }
  return lines
}
