import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { grossUp, processorFee } from '#app/domain/donations/fees.ts'
import { canMove, DONATION_STATUSES } from '#app/domain/donations/donation-status.ts'

describe('the processor fee (2.9% + 30, in minor units)', () => {
  it('rounds 2.9% half up, then adds 30', () => {
    expect(processorFee(100_00)).toBe(3_20)
    expect(processorFee(50_00)).toBe(1_75)
    expect(processorFee(51_85)).toBe(1_80) // 150.365 → 150
    expect(processorFee(1_00)).toBe(33) // 2.9 → 3
    expect(processorFee(50)).toBe(31) // 1.45 → 1
    expect(processorFee(1_724_14)).toBe(50_30) // 5000.006 → 5000
    expect(processorFee(0)).toBe(30)
  })

  it('refuses amounts that are not whole minor units', () => {
    expect(() => processorFee(10.5)).toThrow(RangeError)
    expect(() => processorFee(-1)).toThrow(RangeError)
    expect(() => grossUp(Number.NaN)).toThrow(RangeError)
  })
})

describe('covering the fee', () => {
  it('charges the smallest amount that leaves the whole gift after the fee', () => {
    expect(grossUp(50_00)).toBe(51_80)
    expect(51_80 - processorFee(51_80)).toBe(50_00)
    expect(grossUp(100_00)).toBe(103_30)
    expect(grossUp(1_00)).toBe(1_34)
  })

  it('holds for any gift: net ≥ gift, and one unit less would not be', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000_00 }), (gift) => {
        const charge = grossUp(gift)
        expect(Number.isSafeInteger(charge)).toBe(true)
        expect(charge - processorFee(charge)).toBeGreaterThanOrEqual(gift)
        expect(charge - 1 - processorFee(charge - 1)).toBeLessThan(gift)
      }),
      { numRuns: 2000 },
    )
  })
})

describe('a donation status', () => {
  it('moves forward only', () => {
    expect(canMove('pending', 'processing')).toBe(true)
    expect(canMove('processing', 'succeeded')).toBe(true)
    expect(canMove('succeeded', 'processing')).toBe(false)
    expect(canMove('succeeded', 'refunded')).toBe(true)
    expect(canMove('failed', 'succeeded')).toBe(false)
    expect(canMove('expired', 'processing')).toBe(false)
    for (const s of DONATION_STATUSES) expect(canMove(s, s)).toBe(false)
  })
})
