import { describe, expect, it } from 'vitest'
import { translatePercentile, translateSvi } from '#app/domain/places/vulnerability.ts'
import { translateMessage } from '#app/lib/i18n/message.ts'
import { fixedT } from '#app/utils/i18n.server.ts'

const en = fixedT('en')
const es = fixedT('es')

describe('percentiles in the reader’s language (ordinal plural rules, no concatenation)', () => {
  it('writes English ordinals by their rules, 11th–13th included', () => {
    expect([0.8683, 0.22, 0.43, 0.11, 0.12, 0.01].map((p) => translatePercentile(en, p))).toEqual([
      '87th percentile',
      '22nd percentile',
      '43rd percentile',
      '11th percentile',
      '12th percentile',
      '1st percentile',
    ])
  })

  it('writes Spanish ordinals as "65.º percentil", with the SVI year', () => {
    expect(translatePercentile(es, 0.65)).toBe('65.º percentil')
    expect(translateSvi(es, 0.8683, 2022)).toBe('SVI 2022: 87.º percentil')
  })
})

describe('a colleague’s save, told in the reader’s language', () => {
  const at = Date.parse('2026-03-05T20:29:00.000Z')
  const message = { key: 'applications:refusals.conflict', values: { name: 'Ana', at } }

  it('formats the moment for each language, in UTC with the zone named', () => {
    expect(translateMessage(en, message)).toMatch(
      /^Ana saved this step at Mar 5, 2026, 8:29 PM UTC /,
    )
    // es-US, as every other time on the pages: 12-hour, "p.m.", never "20:29".
    expect(translateMessage(es, message)).toMatch(
      /^Ana guardó este paso el 5 mar 2026, 8:29\sp\.m\.\sUTC /,
    )
  })
})
