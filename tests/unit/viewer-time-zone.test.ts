import { describe, expect, it } from 'vitest'
import { timeZoneFromCookie } from '#app/lib/viewer-time-zone.ts'

describe('timeZoneFromCookie', () => {
  it('reads the zone the browser remembered among other cookies', () => {
    expect(timeZoneFromCookie('cf_session=abc; tz=America%2FChicago; other=1')).toBe(
      'America/Chicago',
    )
    expect(timeZoneFromCookie('tz=Europe/Berlin')).toBe('Europe/Berlin')
  })

  it('falls back to UTC when there is no cookie, or its value is not a zone', () => {
    expect(timeZoneFromCookie(null)).toBe('UTC')
    expect(timeZoneFromCookie('cf_session=abc')).toBe('UTC')
    expect(timeZoneFromCookie('tz=Mars%2FOlympus')).toBe('UTC')
    expect(timeZoneFromCookie('tz=%E0%A4%A')).toBe('UTC')
    expect(timeZoneFromCookie('xtz=America/Chicago')).toBe('UTC')
  })
})
