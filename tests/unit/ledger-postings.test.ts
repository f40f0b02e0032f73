import { describe, expect, it } from 'vitest'
import { move, postingProblems, reversed, type AccountRef } from '#app/domain/ledger/postings.ts'

const processor: AccountRef = { kind: 'processor', currency: 'USD' }
const fund: AccountRef = { kind: 'fund', fundId: 'f1', currency: 'USD' }
const fees: AccountRef = { kind: 'processor_fees', currency: 'USD' }

describe('ledger postings', () => {
  it('moves an amount out of one account into another', () => {
    expect(move(processor, fund, 50_00)).toEqual([
      { account: processor, amountMinor: -50_00 },
      { account: fund, amountMinor: 50_00 },
    ])
    expect(() => move(processor, { kind: 'fund', fundId: 'f', currency: 'EUR' }, 1)).toThrow(
      RangeError,
    )
  })

  it('accepts balanced postings and names what breaks double entry', () => {
    // A $50 gift with its $1.75 fee: gross in, fee out, in one transaction.
    expect(postingProblems([...move(processor, fund, 50_00), ...move(fund, fees, 1_75)])).toEqual(
      [],
    )
    expect(postingProblems([{ account: fund, amountMinor: 5 }])).toEqual([
      { code: 'too_few' },
      { code: 'unbalanced', currency: 'USD', total: 5 },
    ])
    expect(
      postingProblems([
        { account: fund, amountMinor: 0.5 },
        { account: fees, amountMinor: 0 },
        { account: processor, amountMinor: -1 },
      ]),
    ).toEqual([
      { code: 'not_whole', index: 0 },
      { code: 'zero', index: 1 },
      { code: 'unbalanced', currency: 'USD', total: -0.5 },
    ])
  })

  it('reverses by negating every posting', () => {
    const gift = move(processor, fund, 20_00)
    expect(reversed(gift)).toEqual([
      { account: processor, amountMinor: 20_00 },
      { account: fund, amountMinor: -20_00 },
    ])
    expect(postingProblems([...gift, ...reversed(gift)])).toEqual([])
  })
})
