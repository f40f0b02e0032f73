import { describe, expect, it } from 'vitest'
import { csvRow } from '#app/lib/csv.ts'

describe('csvRow', () => {
  it('quotes commas, quotes and line breaks, and ends with CRLF', () => {
    expect(csvRow(['plain', 'a, b', 'say "hi"', 'two\nlines', 12.5, null, undefined])).toBe(
      'plain,"a, b","say ""hi""","two\nlines",12.5,,\r\n',
    )
  })

  it('keeps text that a spreadsheet would run as a formula as text', () => {
    expect(csvRow(['=HYPERLINK("http://x")', '+1', '-2', '@SUM(A1)'])).toBe(
      `"'=HYPERLINK(""http://x"")",'+1,'-2,'@SUM(A1)\r\n`,
    )
  })

  it('leaves numbers alone, negative ones included', () => {
    expect(csvRow([-5, 0])).toBe('-5,0\r\n')
  })
})
