import { describe, expect, it, vi } from 'vitest'
import { formatDate, formatDateTime, formatPercent } from '#app/lib/format.ts'
import { formatMoney } from '#app/lib/money.ts'

describe('formatting', () => {
  it('names the time zone of a date-time', () => {
    expect(formatDateTime('2026-03-01T15:04:00Z')).toBe('Mar 1, 2026, 3:04 PM UTC')
    expect(formatDateTime('2026-03-01T15:04:00Z', 'America/Chicago')).toBe(
      'Mar 1, 2026, 9:04 AM CST',
    )
  })
  it('shows dates without a time', () => {
    expect(formatDate(new Date('2026-11-28T23:59:00Z'))).toBe('Nov 28, 2026')
  })
})

describe('formatters are built once, not per value (a funder page formats hundreds)', () => {
  it('reuses one Intl formatter per currency and per time zone', () => {
    const numberFormat = vi.spyOn(Intl, 'NumberFormat')
    const dateTimeFormat = vi.spyOn(Intl, 'DateTimeFormat')
    try {
      for (let i = 0; i < 20; i++) {
        formatMoney(i * 100, 'EUR')
        formatDateTime('2026-03-01T15:04:00Z', 'America/Denver')
        formatDate('2026-03-01T15:04:00Z')
        formatPercent(i / 20, 'es-US')
      }
      expect(numberFormat.mock.calls.length).toBeLessThanOrEqual(2)
      expect(dateTimeFormat.mock.calls.length).toBeLessThanOrEqual(1)
      expect(formatMoney(150, 'EUR')).toBe('€1.50')
      expect(formatPercent(0.456, 'es-US')).toBe('46%')
      expect(formatPercent(1.234)).toBe('123%')
    } finally {
      numberFormat.mockRestore()
      dateTimeFormat.mockRestore()
    }
  })
})
