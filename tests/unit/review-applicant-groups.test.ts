import { describe, expect, it } from 'vitest'
import { BUDGET_BANDS } from '#app/domain/organizations.ts'
import { isCommunityLed, isSmallBudget } from '#app/domain/review/applicant-groups.ts'
import { LENIENCY_IN_LINE_SD, leniencyReading } from '#app/domain/review/fairness-report.ts'

describe('the groups of applicants', () => {
  it('counts as community-led only a group most of whose leaders share the experience', () => {
    expect(isCommunityLed('yes')).toBe(true)
    expect(isCommunityLed('partly')).toBe(false)
    expect(isCommunityLed('no')).toBe(false)
    expect(isCommunityLed('')).toBeNull()
    expect(isCommunityLed('maybe')).toBeNull()
  })

  it('counts as small a budget band wholly under $250k', () => {
    expect(BUDGET_BANDS.map((band) => isSmallBudget(band))).toEqual([
      true, // under_50k
      true, // 50k_250k
      false, // 250k_1m
      false, // 1m_5m
      false, // over_5m
    ])
    expect(isSmallBudget(null)).toBeNull()
  })

  it('reads leniency in words around the panel', () => {
    expect(leniencyReading(0.6)).toBe('above')
    expect(leniencyReading(-0.6)).toBe('below')
    expect(leniencyReading(LENIENCY_IN_LINE_SD / 2)).toBe('in_line')
    expect(leniencyReading(null)).toBe('unknown')
  })
})
