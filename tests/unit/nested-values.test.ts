import { describe, expect, it } from 'vitest'
import { nestValues, valueAt } from '#app/lib/nested-values.ts'

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

  it('never writes into what objects inherit (hasOwnProperty.call, valueOf.x, toString)', () => {
    const out = nestValues({ 'hasOwnProperty.call': 'x', 'valueOf.x': 'y', toString: 'z' })
    // Plain data of their own, like any other name.
    expect(out).toEqual({ toString: 'z', hasOwnProperty: { call: 'x' }, valueOf: { x: 'y' } })
    expect(typeof Object.prototype.hasOwnProperty.call).toBe('function')
    expect((Object.prototype.valueOf as unknown as Record<string, unknown>).x).toBeUndefined()
  })

  it('lets the shorter of two colliding names win, whatever the order', () => {
    expect(nestValues({ 'email.x': 'y', email: 'a@b.c' })).toEqual({ email: 'a@b.c' })
    expect(nestValues({ email: 'a@b.c', 'email.x': 'y' })).toEqual({ email: 'a@b.c' })
    expect(nestValues({ 'lines.0.amount': '5', 'lines.length': '9', 'lines.x': '1' })).toEqual({
      lines: [{ amount: '5' }],
    })
  })

  it('ignores names that are too long, too deep or index past 999', () => {
    expect(
      nestValues({
        [`${'a'.repeat(201)}`]: 'x',
        'a.b.c.d.e.f.g': 'x',
        'lines.1000.amount': 'x',
        'lines.5.amount': '5',
      }),
    ).toEqual({ lines: [{ amount: '5' }] })
  })
})

describe('valueAt', () => {
  it('reads own values only', () => {
    expect(valueAt({ lines: [{ amount: '5' }] }, 'lines.0.amount')).toBe('5')
    expect(valueAt({}, 'toString')).toBeUndefined()
    expect(valueAt({ a: 'x' }, 'a.length')).toBeUndefined()
  })
})
