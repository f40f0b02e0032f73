import { describe, expect, it } from 'vitest'
import { checkUpload } from '#app/services/file-checks.server.ts'

const pdf = new TextEncoder().encode('%PDF-1.7\n…')
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])

describe('checkUpload', () => {
  it('accepts a real PDF and PNG with their content types', () => {
    expect(checkUpload('Budget.PDF', pdf)).toMatchObject({
      ok: true,
      contentType: 'application/pdf',
    })
    expect(checkUpload('logo.png', png)).toMatchObject({ ok: true, contentType: 'image/png' })
  })

  it.each([
    ['tool.exe', pdf, /not a file type we accept/],
    ['budget.pdf', png, /does not look like a .pdf/],
    ['empty.pdf', new Uint8Array(), /is empty/],
    ['notes.txt', new Uint8Array([65, 0, 66]), /does not look like a .txt/],
  ])('refuses %s', (name, bytes, message) => {
    expect(checkUpload(name, bytes)).toMatchObject({
      ok: false,
      message: expect.stringMatching(message),
    })
  })

  it('refuses files over 10 MB', () => {
    const big = new Uint8Array(10 * 1024 * 1024 + 1)
    big.set(pdf)
    expect(checkUpload('big.pdf', big)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/10 MB/),
    })
  })

  it('strips path separators from names', () => {
    expect(checkUpload('../../etc/passwd.pdf', pdf)).toMatchObject({
      ok: true,
      fileName: '.._.._etc_passwd.pdf',
    })
  })
})
