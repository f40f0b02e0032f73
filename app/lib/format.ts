// Building an Intl formatter costs far more than formatting with one, and list pages format a date
// per row: one formatter per locale and time zone, kept. The locale comes from the reader's
// language (LOCALES in app/lib/i18n/config.ts; components get these through useFormatters()).
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>()
const dateFormats = new Map<string, Intl.DateTimeFormat>()
const numberFormats = new Map<string, Intl.NumberFormat>()
const percentFormats = new Map<string, Intl.NumberFormat>()

/** The formatter `key` names (locale, zone and style), built with `options` the first time. */
function dateTimeFormat(key: string, locale: string, options: () => Intl.DateTimeFormatOptions) {
  let format = dateTimeFormats.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options())
    dateTimeFormats.set(key, format)
  }
  return format
}

const CLOCK = { hour: 'numeric', minute: '2-digit' } as const

/** Date and time with the zone named, so nothing is ambiguous (UTC unless a zone is given). */
export function formatDateTime(iso: string | Date, timeZone = 'UTC', locale = 'en-US'): string {
  return dateTimeFormat(`stamp|${locale}|${timeZone}`, locale, () => ({
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    ...CLOCK,
    timeZone,
    timeZoneName: 'short',
  })).format(new Date(iso))
}

/**
 * A moment days away, in the zone it was set in, with the weekday and without the year: "Friday,
 * December 4 at 5:00 PM" (es-US "viernes, 4 de diciembre, 5:00 p.m."), or the day alone. For
 * deadlines a reminder names; the caller names the zone beside it.
 */
export function formatNearMoment(
  iso: string | Date,
  timeZone: string,
  locale = 'en-US',
  { time = true }: { time?: boolean } = {},
): string {
  return dateTimeFormat(`near|${locale}|${timeZone}|${time}`, locale, () => ({
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    ...(time ? CLOCK : {}),
    timeZone,
  })).format(new Date(iso))
}

export function formatDate(iso: string | Date, locale = 'en-US'): string {
  let format = dateFormats.get(locale)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })
    dateFormats.set(locale, format)
  }
  return format.format(new Date(iso))
}

/** A plain number with the locale's grouping ("1,234" in en-US and es-US alike). */
export function formatNumber(value: number, locale = 'en-US'): string {
  let format = numberFormats.get(locale)
  if (!format) {
    format = new Intl.NumberFormat(locale)
    numberFormats.set(locale, format)
  }
  return format.format(value)
}

/** A share as a whole percentage: 0.456 → "46%" (en-US and es-US alike). */
export function formatPercent(share: number, locale = 'en-US'): string {
  let format = percentFormats.get(locale)
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 })
    percentFormats.set(locale, format)
  }
  return format.format(share)
}
