/**
 * A volunteer's weekly availability: windows of minutes after midnight on a weekday, in the
 * volunteer's own time zone (matching converts with it). Weekday 0 is Sunday, as in JavaScript's
 * getDay and PostgreSQL's `extract(dow …)`.
 */
export const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6] as const
export type Weekday = (typeof WEEKDAYS)[number]

/** The weekdays' names, as translation keys. */
export const WEEKDAY_KEYS: Record<Weekday, string> = {
  0: 'volunteers:weekdays.0',
  1: 'volunteers:weekdays.1',
  2: 'volunteers:weekdays.2',
  3: 'volunteers:weekdays.3',
  4: 'volunteers:weekdays.4',
  5: 'volunteers:weekdays.5',
  6: 'volunteers:weekdays.6',
}

export const MINUTES_PER_DAY = 24 * 60

/** More windows than anyone keeps in a week; stops a crafted post from becoming a flood of rows. */
export const MAX_AVAILABILITY_WINDOWS = 21

/** "18:30" as minutes after midnight (1110); "24:00" ends a day; null for anything else. */
export function minutesOf(text: string): number | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim())
  if (!match) return null
  const [hours, minutes] = [Number(match[1]), Number(match[2])]
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes > 0)) return null
  return hours * 60 + minutes
}

/** Minutes after midnight as a time input shows them ("09:05"). */
export function timeOf(minutes: number): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`
}

export interface AvailabilityWindow {
  weekday: Weekday
  startMinute: number
  endMinute: number
}

/** Whether two windows of the same day overlap (touching ends do not). */
export const overlaps = (a: AvailabilityWindow, b: AvailabilityWindow) =>
  a.weekday === b.weekday && a.startMinute < b.endMinute && b.startMinute < a.endMinute
