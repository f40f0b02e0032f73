import { describe, expect, it } from 'vitest'
import { nestValues } from '#app/utils/nested-values.ts'

describe('nestValues', () => {
  it('nests dotted names into arrays of objects', () => {
    expect(
      nestValues({
        amount: '10',
        'lines.0.description': 'Rent',
        'lines.0.amount': '5',
        'lines.2.description': 'Food',
        'lines.2.amount': '5',
      }),
    ).toEqual({
      amount: '10',
      lines: [
        { description: 'Rent', amount: '5' },
        { description: 'Food', amount: '5' },
      ],
    })
  })

  it('keeps repeated plain names as arrays', () => {
    expect(nestValues({ sdohDomains: ['education', 'health_care'] })).toEqual({
      sdohDomains: ['education', 'health_care'],
    })
  })

  it('ignores prototype-polluting names', () => {
    const out = nestValues({ '__proto__.polluted': 'yes', 'a.constructor.x': '1' })
    expect(out).toEqual({})
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})
