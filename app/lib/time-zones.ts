import { TZDate } from '@date-fns/tz'

/**
 * Zones offered when a funder writes a program's dates. Programs serve US counties, so the US
 * zones come first; any zone the runtime knows is accepted (see isTimeZone).
 */
export const TIME_ZONES = [
  { value: 'America/New_York', label: 'Eastern time (New York)' },
  { value: 'America/Chicago', label: 'Central time (Chicago)' },
  { value: 'America/Denver', label: 'Mountain time (Denver)' },
  { value: 'America/Phoenix', label: 'Arizona time (Phoenix, no daylight saving)' },
  { value: 'America/Los_Angeles', label: 'Pacific time (Los Angeles)' },
  { value: 'America/Anchorage', label: 'Alaska time (Anchorage)' },
  { value: 'Pacific/Honolulu', label: 'Hawaii time (Honolulu)' },
  { value: 'America/Puerto_Rico', label: 'Atlantic time (Puerto Rico)' },
  { value: 'UTC', label: 'UTC' },
] as const

const knownZones = new Set<string>()
const MAX_KNOWN_ZONES = 1000

export function isTimeZone(zone: string): boolean {
  if (!zone) return false
  if (knownZones.has(zone)) return true
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone })
  } catch {
    return false
  }
  // Names are checked per request (the viewer's cookie) and per formatted moment, and building
  // a formatter to check one costs more than the rest of the check: the valid ones are kept
  // (a bounded set, since spellings of a name in other cases are valid too).
  if (knownZones.size < MAX_KNOWN_ZONES) knownZones.add(zone)
  return true
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate()

/**
 * The instant a wall-clock time ("2027-06-30T17:00", as a datetime-local input posts it) names in
 * `zone`, or null when the text is not a real date and time. A time skipped by daylight saving
 * moves forward; a time that happens twice is the earlier one.
 */
export function zonedInputToDate(value: string, zone: string): Date | null {
  const match = LOCAL_DATE_TIME.exec(value.trim())
  if (!match || !isTimeZone(zone)) return null
  const [year, month, day, hour, minute, second] = match.slice(1).map((n) => Number(n ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ]
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null
  if (hour > 23 || minute > 59 || second > 59) return null
  return new Date(new TZDate(year, month - 1, day, hour, minute, second, zone).getTime())
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** The wall-clock time of `date` in `zone`, in the datetime-local input's format. */
export function dateToZonedInput(date: Date | string | null | undefined, zone: string): string {
  if (!date) return ''
  const zoned = new TZDate(new Date(date).getTime(), isTimeZone(zone) ? zone : 'UTC')
  return (
    `${pad(zoned.getFullYear(), 4)}-${pad(zoned.getMonth() + 1)}-${pad(zoned.getDate())}` +
    `T${pad(zoned.getHours())}:${pad(zoned.getMinutes())}`
  )
}
