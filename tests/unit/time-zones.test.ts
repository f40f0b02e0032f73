import { describe, expect, it } from 'vitest'
import { dateToZonedInput, isTimeZone, zonedInputToDate } from '#app/lib/time-zones.ts'

describe('zone conversion for program dates', () => {
  it('reads a wall-clock time in the chosen zone as the right instant', () => {
    expect(zonedInputToDate('2027-06-30T17:00', 'America/Chicago')?.toISOString()).toBe(
      '2027-06-30T22:00:00.000Z',
    )
    expect(zonedInputToDate('2027-01-15T09:30', 'America/New_York')?.toISOString()).toBe(
      '2027-01-15T14:30:00.000Z',
    )
    expect(zonedInputToDate('2027-06-30T17:00', 'UTC')?.toISOString()).toBe(
      '2027-06-30T17:00:00.000Z',
    )
  })

  it('moves a time skipped by daylight saving forward, and takes the earlier of a repeated one', () => {
    // 02:30 on 14 March 2027 does not exist in New York; 01:30 on 7 November happens twice.
    expect(zonedInputToDate('2027-03-14T02:30', 'America/New_York')?.toISOString()).toBe(
      '2027-03-14T07:30:00.000Z',
    )
    expect(zonedInputToDate('2027-11-07T01:30', 'America/New_York')?.toISOString()).toBe(
      '2027-11-07T05:30:00.000Z',
    )
  })

  it('refuses text that is not a real date and time, and unknown zones', () => {
    for (const bad of [
      '',
      'tomorrow',
      '2027-02-30T10:00',
      '2027-13-01T10:00',
      '2027-06-30 25:00',
    ]) {
      expect(zonedInputToDate(bad, 'America/Chicago')).toBeNull()
    }
    expect(zonedInputToDate('2027-06-30T17:00', 'Mars/Olympus_Mons')).toBeNull()
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false)
    expect(isTimeZone('Pacific/Honolulu')).toBe(true)
  })

  it('shows a stored instant back as the wall-clock time it was written in', () => {
    const instant = new Date('2027-06-30T22:00:00Z')
    expect(dateToZonedInput(instant, 'America/Chicago')).toBe('2027-06-30T17:00')
    expect(dateToZonedInput(instant.toISOString(), 'America/Los_Angeles')).toBe('2027-06-30T15:00')
    expect(dateToZonedInput(null, 'UTC')).toBe('')
  })
})
