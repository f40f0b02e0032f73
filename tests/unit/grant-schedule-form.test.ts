import { describe, expect, it } from 'vitest'
import { milestoneState } from '#app/domain/grants/grant-states.ts'
import { ReportSchema, scheduleSchema } from '#app/schemas/grants/grants.ts'

const context = { awardedMinor: 10_000_00, currency: 'USD', fixed: [] }
const terms = { startsOn: '2027-01-01', endsOn: '2027-12-31' }

function errorsOf(result: ReturnType<ReturnType<typeof scheduleSchema>['safeParse']>) {
  if (result.success) return {}
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]))
}

describe('the schedule form', () => {
  it('accepts two payments that add up to the award, ignoring a blank spare row', () => {
    const result = scheduleSchema(context).safeParse({
      ...terms,
      lines: [
        { dueOn: '2027-01-15', amount: '6,000.00' },
        { dueOn: '', amount: '' },
        { dueOn: '2027-07-01', amount: '4000' },
      ],
    })
    expect(result.success && result.data).toEqual({
      terms,
      payments: [
        { dueOn: '2027-01-15', amountMinor: 6_000_00 },
        { dueOn: '2027-07-01', amountMinor: 4_000_00 },
      ],
    })
  })

  it('puts a wrong total under the total, saying by how much', () => {
    const errors = errorsOf(
      scheduleSchema(context).safeParse({
        ...terms,
        lines: [{ dueOn: '2027-01-15', amount: '9000' }],
      }),
    )
    expect(JSON.parse(errors.total!)).toEqual({
      key: 'grants:errors.sumMismatch',
      values: { scheduled: '$9,000.00', awarded: '$10,000.00', difference: '$1,000.00' },
    })
  })

  it('puts a date outside the term and a bad amount next to their row (blank rows counted)', () => {
    const errors = errorsOf(
      scheduleSchema(context).safeParse({
        ...terms,
        lines: [
          { dueOn: '', amount: '' },
          { dueOn: '2028-02-01', amount: '5000' },
          { dueOn: '2027-03-01', amount: 'five' },
        ],
      }),
    )
    expect(errors['lines.1.dueOn']).toBe('grants:errors.outsideTerm')
    expect(errors['lines.2.amount']).toBe('grants:errors.amountNotPositive')
  })

  it('counts paid payments in the total and blames the dates when they fall outside', () => {
    const paid = { ...context, fixed: [{ dueOn: '2027-01-01', amountMinor: 5_000_00 }] }
    expect(
      scheduleSchema(paid).safeParse({ ...terms, lines: [{ dueOn: '2027-06-01', amount: '5000' }] })
        .success,
    ).toBe(true)
    const errors = errorsOf(
      scheduleSchema(paid).safeParse({
        startsOn: '2027-02-01',
        endsOn: '2027-12-31',
        lines: [{ dueOn: '2027-06-01', amount: '5000' }],
      }),
    )
    expect(errors.startsOn).toBe('grants:errors.paidOutsideTerm')
  })
})

describe('the report form', () => {
  it('keeps the figures given, as whole numbers, and refuses a fraction', () => {
    const id = '00000000-0000-4000-8000-000000000000'
    const ok = ReportSchema.safeParse({
      milestoneId: id,
      body: 'We met.',
      figures: { peopleReached: '1,200', activitiesHeld: '' },
    })
    expect(ok.success && ok.data.figures).toEqual({ peopleReached: 1200 })
    const bad = ReportSchema.safeParse({
      milestoneId: id,
      body: 'We met.',
      figures: { peopleReached: '2.5' },
    })
    expect(bad.success).toBe(false)
  })
})

describe('where a milestone stands', () => {
  it('is overdue once its day has passed with nothing submitted or accepted', () => {
    expect(milestoneState('2027-03-01', null, '2027-03-01')).toBe('due')
    expect(milestoneState('2027-03-01', null, '2027-03-02')).toBe('overdue')
    expect(milestoneState('2027-03-01', 'changes_requested', '2027-03-02')).toBe('overdue')
    expect(milestoneState('2027-03-01', 'submitted', '2027-03-02')).toBe('submitted')
    expect(milestoneState('2027-03-01', 'accepted', '2027-03-02')).toBe('accepted')
  })
})
