import { describe, expect, it } from 'vitest'
import { goalPercent } from '#app/domain/donations/giving.ts'
import { GiveSchema } from '#app/schemas/donations/give.ts'
import { fieldErrors } from '#app/utils/forms.server.ts'
import { english } from '#tests/support/english.ts'

const gift = {
  preset: '5000',
  interval: 'one_time',
  donorName: ' Ana Ruiz ',
  donorEmail: 'Ana@Example.org',
}

function errorsOf(input: Record<string, unknown>) {
  const parsed = GiveSchema.safeParse(input)
  if (parsed.success) return {}
  return Object.fromEntries(
    Object.entries(fieldErrors(parsed.error)).map(([k, v]) => [k, english(v)]),
  )
}

describe('GiveSchema', () => {
  it('takes a preset gift as minor units, with the donor and no tribute', () => {
    expect(GiveSchema.parse(gift)).toEqual({
      amountMinor: 5000,
      interval: 'one_time',
      coverFee: false,
      donorName: 'Ana Ruiz',
      donorEmail: 'ana@example.org',
      anonymous: false,
      tribute: null,
      programId: null,
      grantId: null,
    })
  })

  it('takes another amount, monthly, the fee covered, anonymously, with a tribute', () => {
    const parsed = GiveSchema.parse({
      ...gift,
      preset: 'custom',
      customAmount: '$1,075.50',
      interval: 'month',
      coverFee: 'on',
      anonymous: 'on',
      tributeKind: 'memory',
      tributeName: 'Rosa Díaz',
      tributeNotifyEmail: '',
    })
    expect(parsed).toMatchObject({
      amountMinor: 107550,
      interval: 'month',
      coverFee: true,
      anonymous: true,
      tribute: { kind: 'memory', name: 'Rosa Díaz', notifyEmail: null },
    })
  })

  it('refuses amounts outside the bounds, not amounts, and presets it does not offer', () => {
    const custom = (customAmount: string) => errorsOf({ ...gift, preset: 'custom', customAmount })
    expect(custom('4.99')).toEqual({ customAmount: 'Gifts are at least 5.00' })
    expect(custom('25000.01')).toEqual({
      customAmount: expect.stringMatching(/^Gifts through this page are at most 25000.00/),
    })
    expect(custom('-5')).toEqual({ customAmount: 'Enter an amount like 40 or 75.50' })
    expect(custom('1.234')).toEqual({ customAmount: 'Enter an amount like 40 or 75.50' })
    expect(custom('')).toEqual({ customAmount: 'Enter the amount you want to give' })
    expect(errorsOf({ ...gift, preset: '1' })).toEqual({ preset: 'Choose an amount' })
    expect(errorsOf({ ...gift, interval: 'yearly' })).toEqual({
      interval: 'Choose once or every month',
    })
  })

  it('wants a tribute to name its person, and a notification address to be one', () => {
    expect(errorsOf({ ...gift, tributeKind: 'honour' })).toEqual({
      tributeName: 'Enter the name of the person you honour or remember',
    })
    expect(
      errorsOf({ ...gift, tributeKind: 'honour', tributeName: 'Jo', tributeNotifyEmail: 'jo' }),
    ).toEqual({ tributeNotifyEmail: 'Enter an email address like name@example.org' })
    expect(errorsOf({ ...gift, tributeKind: 'birthday', tributeName: 'Jo' })).toHaveProperty(
      'tributeKind',
    )
  })
})

describe('goalPercent', () => {
  it('is the whole percentage reached, never above 100 or below 0', () => {
    expect(goalPercent(0, 2_500_000)).toBe(0)
    expect(goalPercent(1_249_999, 2_500_000)).toBe(49)
    expect(goalPercent(2_500_000, 2_500_000)).toBe(100)
    expect(goalPercent(9_000_000, 2_500_000)).toBe(100)
    expect(goalPercent(-10, 2_500_000)).toBe(0)
    expect(goalPercent(10, 0)).toBe(0)
  })
})
