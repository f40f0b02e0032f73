import { describe, expect, it } from 'vitest'
import { formatDate, formatDateTime } from '#app/utils/format.ts'

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
