import { describe, expect, it } from 'vitest'
import {
  formatMoney,
  moneyInputValue,
  MoneySchema,
  OptionalMoneySchema,
  parseMoney,
} from '#app/lib/money.ts'
import { translateMessage } from '#app/lib/i18n/message.ts'
import { fixedT } from '#app/utils/i18n.server.ts'
import { english } from '#tests/support/english.ts'

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

  it('says how to write an amount, in the reader’s language (keys, not English)', () => {
    const schema = MoneySchema(
      'validation:program.budgetRequired',
      'validation:program.budgetInvalid',
    )
    const bad = schema.safeParse('lots')
    expect(bad.success).toBe(false)
    const invalid = bad.error?.issues[0]?.message ?? ''
    expect(invalid).toBe('validation:program.budgetInvalid')
    expect(english(invalid)).toMatch(/amount like 1500/)
    expect(translateMessage(fixedT('es'), invalid)).toMatch(/1500 o 1,500.50/)
    expect(schema.safeParse('').error?.issues[0]?.message).toBe('validation:program.budgetRequired')
    expect(schema.safeParse('$1,500.50').data).toBe(150_050)
    expect(OptionalMoneySchema('validation:program.budgetInvalid').safeParse('').data).toBeNull()
  })
})
