import { z } from 'zod'

/** Minor units per major unit; every currency we accept has two decimals. */
const MINOR = 100

/**
 * Reads an amount as people type it ("1500", "1,500.50", "$1,500") into integer minor units.
 * Returns null for anything that is not a non-negative amount with at most two decimals.
 */
export function parseMoney(input: string): number | null {
  const cleaned = input.trim().replace(/^\$/, '').replace(/,/g, '').trim()
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null
  const [whole = '0', cents = ''] = cleaned.split('.')
  const minor = Number(whole) * MINOR + Number(cents.padEnd(2, '0'))
  return Number.isSafeInteger(minor) ? minor : null
}

// Building an Intl formatter costs far more than formatting with one, and a funder's page formats
// hundreds of amounts: one formatter per locale and currency, kept.
const moneyFormats = new Map<string, Intl.NumberFormat>()

/** "$1,500.00" style, in the given currency and locale (es-US writes dollars the same way). */
export function formatMoney(minor: number, currency = 'USD', locale = 'en-US'): string {
  const key = `${locale}|${currency}`
  let format = moneyFormats.get(key)
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency })
    moneyFormats.set(key, format)
  }
  return format.format(minor / MINOR)
}

/** The plain number for an input's value: 150050 → "1500.50". */
export function moneyInputValue(minor: number | null | undefined): string {
  if (minor === null || minor === undefined) return ''
  return (minor / MINOR).toFixed(2)
}

/** Parses typed text to integer minor units, or puts `invalid` (a message key) at the field. */
function toMinor(text: string, ctx: z.RefinementCtx, invalid: string): number {
  const minor = parseMoney(text)
  if (minor !== null) return minor
  ctx.addIssue({ code: 'custom', message: invalid })
  return z.NEVER
}

/**
 * A form field holding an amount; parses to integer minor units. The messages are translation
 * keys (docs/i18n.md): `required` for an empty field, `invalid` for text that is not an amount.
 */
export const MoneySchema = (required: string, invalid: string) =>
  z
    .string({ required_error: required })
    .trim()
    .min(1, required)
    .transform((v, ctx) => toMinor(v, ctx, invalid))

/** The same, for an amount that may be left empty (null then). */
export const OptionalMoneySchema = (invalid: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => (v ? toMinor(v, ctx, invalid) : null))
