import { describe, expect, it } from 'vitest'
import {
  addMonths,
  defaultTerms,
  instalments,
  isCalendarDay,
  scheduleProblems,
  splitAmount,
} from '#app/domain/grants/schedule.ts'

describe('grant schedule', () => {
  it('knows real calendar days', () => {
    expect(isCalendarDay('2026-02-28')).toBe(true)
    expect(isCalendarDay('2028-02-29')).toBe(true)
    expect(isCalendarDay('2026-02-29')).toBe(false)
    expect(isCalendarDay('2026-13-01')).toBe(false)
    expect(isCalendarDay('2026-1-01')).toBe(false)
  })

  it('adds months keeping the day, or the shorter month’s last day', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28')
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28')
    expect(addMonths('2026-05-15', 12)).toBe('2027-05-15')
  })

  it('runs a year from the award day by default', () => {
    expect(defaultTerms('2026-11-30')).toEqual({ startsOn: '2026-11-30', endsOn: '2027-11-29' })
    expect(defaultTerms('2028-02-29')).toEqual({ startsOn: '2028-02-29', endsOn: '2029-02-27' })
  })

  it('splits an amount into whole parts that sum to it, the remainder first', () => {
    expect(splitAmount(1_000_00, 3)).toEqual([33_334, 33_333, 33_333])
    expect(splitAmount(10, 4)).toEqual([3, 3, 2, 2])
    expect(() => splitAmount(2, 3)).toThrow(RangeError)
  })

  it('generates quarterly instalments from the start day', () => {
    expect(instalments(900_00, '2026-01-31', 3, 3)).toEqual([
      { dueOn: '2026-01-31', amountMinor: 300_00 },
      { dueOn: '2026-04-30', amountMinor: 300_00 },
      { dueOn: '2026-07-31', amountMinor: 300_00 },
    ])
  })

  it('names what is wrong with a schedule', () => {
    const terms = { startsOn: '2026-01-01', endsOn: '2026-12-31' }
    expect(scheduleProblems(500, terms, [{ dueOn: '2026-01-01', amountMinor: 500 }])).toEqual([])
    expect(scheduleProblems(500, terms, [])).toEqual([{ code: 'empty' }])
    expect(
      scheduleProblems(500, terms, [
        { dueOn: '2025-12-31', amountMinor: 200 },
        { dueOn: '2026-02-30', amountMinor: 0 },
        { dueOn: '2026-06-01', amountMinor: 250 },
      ]),
    ).toEqual([
      { code: 'outside_term', index: 0 },
      { code: 'bad_day', index: 1 },
      { code: 'not_positive', index: 1 },
      { code: 'sum_mismatch', scheduled: 450, awarded: 500 },
    ])
  })
})
