export type CsvCell = string | number | null | undefined

/**
 * Characters that make a spreadsheet read a cell as a formula. A cell starting with one is
 * prefixed with an apostrophe, so text an applicant typed ("=HYPERLINK(…)") stays text when a
 * funder opens the export (OWASP's CSV injection advice).
 */
const FORMULA_START = /^[=+\-@\t\r]/

function cell(value: CsvCell): string {
  if (value === null || value === undefined) return ''
  let text = String(value)
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** One CSV record (RFC 4180), ending in CRLF. */
export function csvRow(values: readonly CsvCell[]): string {
  return `${values.map(cell).join(',')}\r\n`
}
