import { describe, expect, it } from 'vitest'
import { REDACTED, redactIdentity, websiteForms } from '#app/domain/review/blind-review.ts'

describe('redactIdentity', () => {
  it('replaces whole-word mentions, ignoring case, the longest first', () => {
    expect(
      redactIdentity('EASTSIDE Health Collective and Eastside; Ana runs analysis; ana@x.org.', [
        'Eastside Health Collective',
        'Eastside',
        'Ana',
        'ana@x.org',
      ]),
    ).toBe(`${REDACTED} and ${REDACTED}; ${REDACTED} runs analysis; ${REDACTED}.`)
  })

  it('leaves text alone with nothing long enough to look for', () => {
    expect(redactIdentity('Jo and Al', ['Jo', 'Al', '  '])).toBe('Jo and Al')
    expect(redactIdentity('', ['Eastside'])).toBe('')
  })

  it('treats the identifiers as text, not patterns', () => {
    expect(redactIdentity('Call (555) now or A.B.C. Co-op', ['(555)', 'A.B.C. Co-op'])).toBe(
      `Call ${REDACTED} now or ${REDACTED}`,
    )
  })

  it('knows a website by its address and its bare host', () => {
    expect(websiteForms('https://www.eastside.org/about?x=1')).toEqual([
      'https://www.eastside.org/about?x=1',
      'eastside.org',
    ])
    expect(websiteForms(' ')).toEqual([])
    expect(redactIdentity('See www.eastside.org.', websiteForms('http://eastside.org'))).toBe(
      `See www.${REDACTED}.`,
    )
  })
})
