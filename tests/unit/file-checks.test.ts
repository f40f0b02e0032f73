import { english } from '#tests/support/english.ts'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { crc32 } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { checkUpload, safeFileName } from '#app/services/applications/file-checks.server.ts'

const folder = mkdtempSync(path.join(tmpdir(), 'file-checks-'))
let written = 0

/** Writes the bytes to a real file, as an upload would arrive, and describes it. */
function onDisk(bytes: Uint8Array) {
  const file = path.join(folder, `f${written++}`)
  writeFileSync(file, bytes)
  return { path: file, sizeBytes: bytes.byteLength }
}

/** A ZIP archive with stored (uncompressed) entries, built by hand like any zip tool would. */
function zip(entries: Record<string, string>) {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const [name, text] of Object.entries(entries)) {
    const nameBytes = Buffer.from(name)
    const content = Buffer.from(text)
    const crc = crc32(content)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(content.length, 18)
    local.writeUInt32LE(content.length, 22)
    local.writeUInt16LE(nameBytes.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(content.length, 20)
    central.writeUInt32LE(content.length, 24)
    central.writeUInt16LE(nameBytes.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, nameBytes, content)
    centrals.push(central, nameBytes)
    offset += 30 + nameBytes.length + content.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(Object.keys(entries).length, 8)
  end.writeUInt16LE(Object.keys(entries).length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return new Uint8Array(Buffer.concat([...locals, directory, end]))
}

const WORD_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`
const docx = zip({
  '[Content_Types].xml': WORD_TYPES,
  'word/document.xml':
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>',
})
const bareZip = zip({ 'notes.txt': 'just a zip' })
const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n')
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
)

describe('checkUpload', () => {
  it('accepts a real PDF, PNG, Word file and UTF-8 text with their content types', async () => {
    expect(await checkUpload('Budget.PDF', onDisk(pdf))).toMatchObject({
      ok: true,
      contentType: 'application/pdf',
    })
    expect(await checkUpload('logo.png', onDisk(png))).toMatchObject({
      ok: true,
      contentType: 'image/png',
    })
    expect(await checkUpload('letter.docx', onDisk(docx))).toMatchObject({
      ok: true,
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    })
    const csv = new TextEncoder().encode('name,amount\nCafé,5\n')
    expect(await checkUpload('budget.csv', onDisk(csv))).toMatchObject({ ok: true })
  })

  it.each([
    ['tool.exe', pdf, /not a file type we accept/],
    ['budget.pdf', png, /does not look like a .pdf/],
    ['letter.docx', bareZip, /does not look like a .docx/],
    ['sheet.xlsx', docx, /does not look like a .xlsx/],
    ['logo.png', docx, /does not look like a .png/],
    ['empty.pdf', new Uint8Array(), /is empty/],
    ['notes.txt', new Uint8Array([65, 0, 66]), /does not look like a .txt/],
    ['notes.txt', new Uint8Array([65, 0xff, 0xfe, 66]), /does not look like a .txt/],
    ['notes.txt', pdf, /does not look like a .txt/],
  ])('refuses %s with the wrong content', async (name, bytes, message) => {
    const verdict = await checkUpload(name, onDisk(bytes))
    expect(verdict.ok).toBe(false)
    expect(english(verdict.ok ? undefined : verdict.message)).toMatch(message)
  })

  it('refuses files over 10 MB', async () => {
    const big = new Uint8Array(10 * 1024 * 1024 + 1)
    big.set(pdf)
    const verdict = await checkUpload('big.pdf', onDisk(big))
    expect(verdict.ok).toBe(false)
    expect(english(verdict.ok ? undefined : verdict.message)).toMatch(/10 MB/)
  })

  it('strips path separators from names', async () => {
    expect(await checkUpload('../../etc/passwd.pdf', onDisk(pdf))).toMatchObject({
      ok: true,
      fileName: '.._.._etc_passwd.pdf',
    })
  })
})

describe('safeFileName', () => {
  it('shortens a very long name to 200 characters, keeping its extension', () => {
    const name = safeFileName(`${'ä'.repeat(5000)}.pdf`)
    expect([...name].length).toBe(200)
    expect(name.endsWith('….pdf')).toBe(true)
  })

  it('keeps names with = and quotes', () => {
    expect(safeFileName('report=2026 "final".pdf')).toBe('report=2026 "final".pdf')
  })
})
