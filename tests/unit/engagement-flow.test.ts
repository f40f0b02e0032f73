import { describe, expect, it } from 'vitest'
import {
  addMonths,
  cadenceDates,
  checkInState,
  checkInToFill,
  dayInZone,
  isDay,
} from '#app/domain/engagements/check-ins.ts'
import { rateFor, type InKindRate } from '#app/domain/engagements/in-kind.ts'
import { requestStatusAfter } from '#app/domain/volunteers/request-status.ts'
import {
  CheckInPlanSchema,
  CheckInSchema,
  planDates,
  RespondSchema,
} from '#app/schemas/engagements/engagement.ts'
import { InKindRateSchema, maxRateYear } from '#app/schemas/engagements/in-kind-rate.ts'

describe("a request's status after an engagement moves", () => {
  it('is matched when an engagement on an open request is accepted', () => {
    expect(requestStatusAfter('open', 'accepted', 1)).toBe('matched')
    expect(requestStatusAfter('matched', 'accepted', 2)).toBe('matched')
  })

  it('opens again when the last accepted or active engagement is released', () => {
    expect(requestStatusAfter('matched', 'released', 0)).toBe('open')
    expect(requestStatusAfter('matched', 'released', 1)).toBe('matched')
  })

  it('closes when the last accepted or active engagement completes', () => {
    expect(requestStatusAfter('matched', 'completed', 0)).toBe('closed')
    expect(requestStatusAfter('matched', 'completed', 1)).toBe('matched')
  })

  it('never moves a draft, closed or expired request', () => {
    for (const status of ['draft', 'closed', 'expired'] as const) {
      for (const event of ['accepted', 'released', 'completed'] as const) {
        expect(requestStatusAfter(status, event, 0)).toBe(status)
      }
    }
  })
})

describe('check-in dates', () => {
  it('follows a cadence from the first date, at most six', () => {
    expect(cadenceDates('2027-01-05', 'weekly', 3)).toEqual([
      '2027-01-05',
      '2027-01-12',
      '2027-01-19',
    ])
    expect(cadenceDates('2027-12-20', 'biweekly', 2)).toEqual(['2027-12-20', '2028-01-03'])
    expect(cadenceDates('2027-01-31', 'monthly', 3)).toEqual([
      '2027-01-31',
      '2027-02-28',
      '2027-03-31',
    ])
    expect(cadenceDates('2027-01-05', 'weekly', 10)).toHaveLength(6)
    expect(cadenceDates('2027-01-05', 'none', 4)).toEqual([])
    expect(addMonths('2028-01-30', 1)).toBe('2028-02-29')
  })

  it('knows real days', () => {
    expect(isDay('2027-02-28')).toBe(true)
    expect(isDay('2027-02-30')).toBe(false)
    expect(isDay('27-2-3')).toBe(false)
  })

  it('says where an agreed check-in stands today', () => {
    const at = (dueOn: string) => checkInState({ dueOn, checkedOn: null }, '2027-01-10')
    expect(at('2027-01-11')).toBe('upcoming')
    expect(at('2027-01-10')).toBe('due')
    expect(at('2027-01-08')).toBe('late')
    expect(at('2027-01-07')).toBe('overdue')
    expect(checkInState({ dueOn: '2027-01-01', checkedOn: '2027-01-02' }, '2027-01-10')).toBe(
      'recorded',
    )
  })

  it("reads today as the calendar day in the request's zone", () => {
    // 6 pm in Honolulu and 4 pm in Los Angeles on 10 January are already 11 January in UTC.
    const evening = new Date('2027-01-11T04:00:00Z')
    expect(dayInZone(evening, 'UTC')).toBe('2027-01-11')
    expect(dayInZone(evening, 'Pacific/Honolulu')).toBe('2027-01-10')
    expect(dayInZone(evening, 'America/Los_Angeles')).toBe('2027-01-10')
    expect(dayInZone(evening, 'America/New_York')).toBe('2027-01-10')
    // Ahead of UTC: the day starts before UTC's.
    expect(dayInZone(new Date('2027-01-10T20:00:00Z'), 'Asia/Tokyo')).toBe('2027-01-11')
    expect(dayInZone(new Date('2027-01-10T23:59:59Z'), 'Pacific/Kiritimati')).toBe('2027-01-11')
    // Midnight exactly is the new day; daylight saving moves the hour, not the day's edge.
    expect(dayInZone(new Date('2027-07-01T04:00:00Z'), 'America/New_York')).toBe('2027-07-01')
    expect(dayInZone(new Date('2027-07-01T03:59:59Z'), 'America/New_York')).toBe('2027-06-30')
    expect(dayInZone(new Date('2027-01-01T05:00:00Z'), 'America/New_York')).toBe('2027-01-01')
    expect(dayInZone(new Date('2027-01-01T04:59:59Z'), 'America/New_York')).toBe('2026-12-31')
    // A due date turns due at the group's midnight, not UTC's.
    const due = { dueOn: '2027-01-11', checkedOn: null }
    expect(checkInState(due, dayInZone(evening, 'Pacific/Honolulu'))).toBe('upcoming')
    expect(checkInState(due, dayInZone(evening, 'UTC'))).toBe('due')
    // An unknown zone reads as UTC.
    expect(dayInZone(evening, 'Not/AZone')).toBe('2027-01-11')
  })

  it('fills the earliest one due by then or within a week, else none', () => {
    const rows = [
      { id: 'later', dueOn: '2027-01-20', checkedOn: null },
      { id: 'missed', dueOn: '2027-01-01', checkedOn: null },
      { id: 'done', dueOn: '2026-12-20', checkedOn: '2026-12-20' },
    ]
    expect(checkInToFill(rows, '2027-01-10')?.id).toBe('missed')
    expect(checkInToFill(rows.slice(0, 1), '2027-01-13')?.id).toBe('later')
    expect(checkInToFill(rows.slice(0, 1), '2027-01-12')).toBeNull()
  })
})

describe('the check-in forms', () => {
  const plan = { cadence: 'none', firstOn: '', count: '', dates: '' }

  it('takes a typed list over a cadence, sorted', () => {
    const v = CheckInPlanSchema.parse({
      ...plan,
      cadence: 'weekly',
      dates: '2027-02-01, 2027-01-15',
    })
    expect(planDates(v)).toEqual(['2027-01-15', '2027-02-01'])
    const c = CheckInPlanSchema.parse({ ...plan, cadence: 'biweekly', firstOn: '2027-01-04' })
    expect(planDates(c)).toEqual(['2027-01-04', '2027-01-18', '2027-02-01', '2027-02-15'])
  })

  it('refuses a plan with nothing chosen, bad or too many dates, or a count out of range', () => {
    const issue = (values: Record<string, string>) =>
      CheckInPlanSchema.safeParse({ ...plan, ...values }).error?.issues.map((i) => [
        i.path.join('.'),
        i.message,
      ])
    expect(issue({})).toEqual([['cadence', 'engagements:plan.choose']])
    expect(issue({ dates: '2027-01-15, tomorrow' })).toEqual([
      ['dates', 'engagements:plan.badDates'],
    ])
    expect(issue({ dates: '2027-01-15 2027-01-15' })).toEqual([
      ['dates', 'engagements:plan.repeated'],
    ])
    expect(
      issue({ dates: Array.from({ length: 7 }, (_, i) => `2027-01-1${i}`).join(',') })?.[0]?.[0],
    ).toBe('dates')
    expect(issue({ cadence: 'weekly', firstOn: '2027-01-04', count: '9' })?.[0]?.[0]).toBe('count')
    expect(issue({ cadence: 'weekly' })?.[0]).toEqual(['firstOn', 'engagements:validation.day'])
  })

  it('lets an answer decline without a plan, and accept with none', () => {
    expect(RespondSchema.safeParse({ intent: 'decline', message: '', ...plan }).success).toBe(true)
    expect(RespondSchema.safeParse({ intent: 'accept', message: '', ...plan }).success).toBe(true)
    expect(
      RespondSchema.safeParse({ intent: 'accept', message: '', ...plan, dates: 'soon' }).success,
    ).toBe(false)
  })

  it('records a check-in as on track, at risk or off track', () => {
    expect(
      CheckInSchema.parse({ checkedOn: '2027-01-04', progress: 'at_risk', note: '' }).progress,
    ).toBe('at_risk')
    expect(
      CheckInSchema.safeParse({ checkedOn: '2027-01-04', progress: 'fine', note: '' }).error
        ?.issues[0],
    ).toMatchObject({ path: ['progress'], message: 'engagements:validation.choose' })
  })
})

describe('in-kind rates', () => {
  const rate = (values: Partial<InKindRate>): InKindRate => ({
    skill: null,
    rateMinor: 3180,
    currency: 'usd',
    year: 2022,
    source: 'x',
    createdAt: new Date('2026-01-01T00:00:00Z'),
    ...values,
  })

  it('values hours at the newest rate for the skill: latest year, then last added', () => {
    const rates = [
      rate({}),
      rate({ skill: 'legal', rateMinor: 12000, year: 2013 }),
      rate({ skill: 'legal', rateMinor: 15000, year: 2025 }),
      rate({
        skill: 'legal',
        rateMinor: 16000,
        year: 2025,
        createdAt: new Date('2026-06-01T00:00:00Z'),
      }),
      rate({ skill: 'legal', rateMinor: 14000, year: 2024, createdAt: new Date('2026-09-01') }),
    ]
    expect(rateFor('legal', rates)?.rateMinor).toBe(16000)
    expect(rateFor('design', rates)?.rateMinor).toBe(3180)
  })

  const form = { skill: '', amount: '31.80', year: '2026', source: 'Independent Sector' }
  const messages = (values: Record<string, string>) =>
    InKindRateSchema.safeParse({ ...form, ...values }).error?.issues.map((i) => i.path[0])

  it('takes the general value when no skill is chosen, in minor units', () => {
    expect(InKindRateSchema.parse(form)).toEqual({
      skill: null,
      amount: 3180,
      year: 2026,
      source: 'Independent Sector',
    })
    expect(InKindRateSchema.parse({ ...form, skill: 'legal' }).skill).toBe('legal')
  })

  it('refuses an unknown skill, a zero, negative or absurd amount, a year out of range, no source', () => {
    expect(messages({ skill: 'juggling' })).toEqual(['skill'])
    expect(messages({ skill: 'other' })).toEqual(['skill'])
    for (const amount of ['0', '-5', 'lots', '1000.01', '']) {
      expect(messages({ amount })).toEqual(['amount'])
    }
    expect(messages({ amount: '1000' })).toBeUndefined()
    for (const year of ['1999', String(maxRateYear() + 1), '20x6']) {
      expect(messages({ year })).toEqual(['year'])
    }
    expect(messages({ year: String(maxRateYear()) })).toBeUndefined()
    expect(messages({ source: '   ' })).toEqual(['source'])
  })
})
