/**
 * Check-ins at agreed dates (pure). When the work is accepted or started the two sides agree a
 * few dates, as a cadence from a first date or as a list; each is recorded later as on track, at
 * risk or off track. Days are 'YYYY-MM-DD' calendar days in the request's time zone (the group's
 * working zone): "today" is dayInZone of now there, and days are then counted as plain dates.
 */
import { dateToZonedInput } from '#app/lib/time-zones.ts'

/** At most this many agreed dates at a time: enough for a few months of pro bono work. */
export const MAX_CHECK_INS = 6

export const CHECK_IN_CADENCES = ['none', 'weekly', 'biweekly', 'monthly'] as const
export type CheckInCadence = (typeof CHECK_IN_CADENCES)[number]

export const CHECK_IN_CADENCE_KEYS = {
  none: 'engagements:plan.cadence.none',
  weekly: 'engagements:plan.cadence.weekly',
  biweekly: 'engagements:plan.cadence.biweekly',
  monthly: 'engagements:plan.cadence.monthly',
} as const satisfies Record<CheckInCadence, string>

/** Both sides are reminded once more when a check-in is this many days overdue. */
export const OVERDUE_AFTER_DAYS = 3

/** A check-in recorded up to this many days before its agreed date fills it. */
export const EARLY_FILL_DAYS = 7

const DAY = /^\d{4}-\d{2}-\d{2}$/

/** Whether `text` is a real calendar day written 'YYYY-MM-DD' (not 2027-02-30). */
export function isDay(text: string): boolean {
  if (!DAY.test(text)) return false
  const at = new Date(`${text}T00:00:00Z`)
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === text
}

/**
 * The calendar day ('YYYY-MM-DD') it is in `zone` at the instant `at`. A check-in's day is the
 * group's day: at 6 pm in Honolulu it is still today there though UTC is on tomorrow. An unknown
 * zone reads as UTC (the requests' zones are checked when written).
 */
export const dayInZone = (at: Date, zone: string): string => dateToZonedInput(at, zone).slice(0, 10)

export function addDays(day: string, days: number): string {
  const at = new Date(`${day}T00:00:00Z`)
  at.setUTCDate(at.getUTCDate() + days)
  return at.toISOString().slice(0, 10)
}

/** The same day `months` later, or that month's last day (January 31 → February 28). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const month = m - 1 + months
  const last = new Date(Date.UTC(y, month + 1, 0)).getUTCDate()
  return new Date(Date.UTC(y, month, Math.min(d, last))).toISOString().slice(0, 10)
}

/** `count` dates from `firstOn` at the cadence ('none': no dates). */
export function cadenceDates(firstOn: string, cadence: CheckInCadence, count: number): string[] {
  if (cadence === 'none') return []
  const n = Math.max(0, Math.min(count, MAX_CHECK_INS))
  return Array.from({ length: n }, (_, i) =>
    cadence === 'monthly'
      ? addMonths(firstOn, i)
      : addDays(firstOn, i * (cadence === 'weekly' ? 7 : 14)),
  )
}

/** A typed list of dates ("2027-01-05, 2027-01-19"), split on commas, spaces or lines. */
export const splitDates = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((d) => d.trim())
    .filter(Boolean)

/** Where an agreed check-in stands on `today`. */
export type CheckInState = 'recorded' | 'upcoming' | 'due' | 'late' | 'overdue'

/**
 * Recorded once filled; else upcoming before its day, due on it, late for the first days after,
 * and overdue from OVERDUE_AFTER_DAYS on (when both sides are reminded again).
 */
export function checkInState(
  c: { dueOn: string | null; checkedOn: string | null },
  today: string,
): CheckInState {
  if (c.checkedOn !== null || c.dueOn === null) return 'recorded'
  if (c.dueOn > today) return 'upcoming'
  if (c.dueOn === today) return 'due'
  return c.dueOn <= addDays(today, -OVERDUE_AFTER_DAYS) ? 'overdue' : 'late'
}

/**
 * The agreed check-in a check-in recorded on `checkedOn` fills: the earliest one not yet recorded
 * that is due by then, or within EARLY_FILL_DAYS after. Null: it is recorded on its own.
 */
export function checkInToFill<
  T extends { id: string; dueOn: string | null; checkedOn: string | null },
>(scheduled: readonly T[], checkedOn: string): T | null {
  const limit = addDays(checkedOn, EARLY_FILL_DAYS)
  return (
    scheduled
      .filter((c) => c.checkedOn === null && c.dueOn !== null && c.dueOn <= limit)
      .sort((a, b) => (a.dueOn ?? '').localeCompare(b.dueOn ?? ''))[0] ?? null
  )
}
