import { describe, expect, it } from 'vitest'
import { fundFigures, raisedMinor } from '#app/domain/donations/fund-figures.ts'

describe("a fund's raised money (its goal bar)", () => {
  it('counts settled charges less fees, refunds and disputes, and still counts what went to grants', () => {
    const figures = fundFigures(
      {
        gift_settled: 100_00,
        processor_fee: -3_20,
        refund: -10_00,
        dispute: -25_00 - 15_00,
        dispute_reinstated: 25_00,
        allocation: -40_00,
      },
      -30_00,
    )
    expect(raisedMinor(figures)).toBe(100_00 - 3_20 - 10_00 - 15_00)
    expect(figures.availableMinor).toBe(raisedMinor(figures) - 40_00)
  })

  it('is nothing for a fund no gift has reached', () => {
    expect(raisedMinor(fundFigures({}, 0))).toBe(0)
  })
})
