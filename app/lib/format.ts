// Building an Intl formatter costs far more than formatting with one, and list pages format a date
// per row: one formatter per time zone, kept.
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>()
const dateFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' })

/** Date and time with the zone named, so nothing is ambiguous (UTC unless a zone is given). */
export function formatDateTime(iso: string | Date, timeZone = 'UTC'): string {
  let format = dateTimeFormats.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZone,
      timeZoneName: 'short',
    })
    dateTimeFormats.set(timeZone, format)
  }
  return format.format(new Date(iso))
}

export function formatDate(iso: string | Date): string {
  return dateFormat.format(new Date(iso))
}
