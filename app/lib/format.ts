// Building an Intl formatter costs far more than formatting with one, and list pages format a date
// per row: one formatter per locale and time zone, kept. The locale comes from the reader's
// language (LOCALES in app/lib/i18n/config.ts; components get these through useFormatters()).
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>()
const dateFormats = new Map<string, Intl.DateTimeFormat>()
const numberFormats = new Map<string, Intl.NumberFormat>()
const percentFormats = new Map<string, Intl.NumberFormat>()

/** Date and time with the zone named, so nothing is ambiguous (UTC unless a zone is given). */
export function formatDateTime(iso: string | Date, timeZone = 'UTC', locale = 'en-US'): string {
  const key = `${locale}|${timeZone}`
  let format = dateTimeFormats.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZone,
      timeZoneName: 'short',
    })
    dateTimeFormats.set(key, format)
  }
  return format.format(new Date(iso))
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
