import { describe, expect, it } from 'vitest'
import { formatMoney, moneyInputValue, MoneySchema, parseMoney } from '#app/lib/money.ts'

describe('money', () => {
  it.each([
    ['1500', 150_000],
    ['1,500.5', 150_050],
    ['$1,500.05', 150_005],
    [' 0.99 ', 99],
    ['0', 0],
  ])('parses %s to %i minor units', (input, minor) => expect(parseMoney(input)).toBe(minor))

  it.each(['', '-5', '1.234', 'abc', '1e5', '12.'])('refuses %j', (input) =>
    expect(parseMoney(input)).toBeNull(),
  )

  it('formats and round-trips without float drift', () => {
    expect(formatMoney(123_456_789)).toBe('$1,234,567.89')
    expect(moneyInputValue(150_050)).toBe('1500.50')
    expect(parseMoney(moneyInputValue(10))).toBe(10)
  })

  it('gives a clear message for a bad amount', () => {
    const result = MoneySchema('the amount').safeParse('lots')
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toMatch(/amount like 1500/)
  })
})
