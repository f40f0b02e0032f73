import type { AvailabilityWindow } from './availability.ts'
import { MINUTES_PER_WEEK, type WeeklyWindow } from './matching.ts'

/**
 * A volunteer's windows are kept in their own zone (weekday 0 = Sunday); matching compares them
 * with other people's in UTC minutes from Monday 00:00. The zone's offset is taken at one instant
 * (the day the score is for): a daylight-saving change later moves a window by an hour, which
 * the overlap factor can bear.
 */

/** Minutes the zone is ahead of UTC at `at` (Chicago in winter: −360). */
export function zoneOffsetMinutes(timeZone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(at)
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0)
  const local = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'))
  const utc = Math.floor(at.getTime() / 60_000) * 60_000
  return Math.round((local - utc) / 60_000)
}

const mod = (n: number, m: number) => ((n % m) + m) % m

/** The windows as UTC minutes of the week; one that crosses Sunday midnight ends before it starts. */
export function windowsInUtc(
  windows: readonly AvailabilityWindow[],
  offsetMinutes: number,
): WeeklyWindow[] {
  return windows.map((w) => {
    // Monday first: JavaScript's Sunday (0) is the week's last day.
    const localStart = ((w.weekday + 6) % 7) * 24 * 60 + w.startMinute
    const start = mod(localStart - offsetMinutes, MINUTES_PER_WEEK)
    const end = mod(start + (w.endMinute - w.startMinute), MINUTES_PER_WEEK)
    return { start, end }
  })
}
