import { describe, expect, it } from 'vitest'
import { routeNamespaces } from '#app/lib/i18n/config.ts'
import { formattersFor } from '#app/lib/i18n/formatters.ts'
import { msg, translateMessage, unpackMessage } from '#app/lib/i18n/message.ts'
import { chooseLanguage, fixedT, languageCookie } from '#app/utils/i18n.server.ts'

const request = (path: string, headers: Record<string, string> = {}) =>
  new Request(`http://localhost${path}`, { headers })

describe('the language a page is shown in', () => {
  const spanishBrowser = { 'Accept-Language': 'es-US,es;q=0.9,en;q=0.5' }

  it('follows the browser when nothing else is known, and falls back to English', () => {
    expect(chooseLanguage(request('/', spanishBrowser))).toBe('es')
    expect(chooseLanguage(request('/', { 'Accept-Language': 'fr-FR, de;q=0.5' }))).toBe('en')
    expect(chooseLanguage(request('/'))).toBe('en')
  })

  it('prefers the lang cookie to the browser', () => {
    expect(chooseLanguage(request('/', { ...spanishBrowser, Cookie: 'a=1; lang=en' }))).toBe('en')
    // A cookie with an unknown value is ignored.
    expect(chooseLanguage(request('/', { ...spanishBrowser, Cookie: 'lang=fr' }))).toBe('es')
  })

  it("prefers the account's saved language to the cookie", () => {
    const req = request('/', { ...spanishBrowser, Cookie: 'lang=es' })
    expect(chooseLanguage(req, { language: 'en' })).toBe('en')
    expect(chooseLanguage(req, { language: null })).toBe('es')
  })

  it('lets ?lang= choose this page, over everything else', () => {
    const req = request('/login?lang=es', { Cookie: 'lang=en' })
    expect(chooseLanguage(req, { language: 'en' })).toBe('es')
    expect(chooseLanguage(request('/login?lang=xx', { Cookie: 'lang=en' }))).toBe('en')
  })

  it('remembers the choice for a year, on same-site navigation only', () => {
    expect(languageCookie('es')).toBe('lang=es; Path=/; Max-Age=31536000; SameSite=Lax')
  })
})

describe('messages', () => {
  it('carry a key and its values through JSON and read in each language', () => {
    const packed = JSON.parse(
      JSON.stringify({ error: msg('validation:tooLong', { count: 100 }) }),
    ) as { error: string }
    expect(unpackMessage(packed.error)).toEqual({
      key: 'validation:tooLong',
      values: { count: 100 },
    })
    expect(translateMessage(fixedT('en'), packed.error)).toBe('Use at most 100 characters')
    expect(translateMessage(fixedT('es'), packed.error)).toBe('Use como máximo 100 caracteres')
    expect(
      translateMessage(fixedT('es'), { key: 'auth:refusals.loginThrottled', values: { count: 1 } }),
    ).toBe('Demasiados intentos fallidos. Intente de nuevo en 1 minuto.')
  })

  it('shows text that is not a key as it is (pages not yet converted)', () => {
    expect(translateMessage(fixedT('es'), 'Error: something went wrong')).toBe(
      'Error: something went wrong',
    )
  })
})

describe('formatting by language', () => {
  it('writes dollars, numbers and dates the way each locale reads them', () => {
    const en = formattersFor('en')
    const es = formattersFor('es')
    expect(en.money(150050)).toBe('$1,500.50')
    // es-US writes US dollars as "$", like the community's own receipts, not "US$".
    expect(es.money(150050)).toBe('$1,500.50')
    expect(es.number(1234567)).toBe('1,234,567')
    expect(en.date('2026-03-05T12:00:00Z')).toBe('Mar 5, 2026')
    expect(es.date('2026-03-05T12:00:00Z')).toBe('5 mar 2026')
  })
})

describe('namespaces a page needs', () => {
  it('are the common ones plus those its routes declare', () => {
    expect(routeNamespaces([undefined, { i18n: ['auth'] }, { i18n: ['account', 'nope'] }])).toEqual(
      ['common', 'validation', 'auth', 'account'],
    )
  })
})

describe('ordinals (the pattern for percentiles, docs/i18n.md)', () => {
  it('come from each language ordinal rules, never from concatenation', async () => {
    const { createInstance } = await import('i18next')
    const i18n = createInstance()
    await i18n.init({
      lng: 'en',
      resources: {
        en: {
          funder: {
            percentile_ordinal_one: '{{count}}st percentile',
            percentile_ordinal_two: '{{count}}nd percentile',
            percentile_ordinal_few: '{{count}}rd percentile',
            percentile_ordinal_other: '{{count}}th percentile',
          },
        },
        es: { funder: { percentile_ordinal_other: '{{count}}.º percentil' } },
      },
    })
    const en = i18n.getFixedT('en')
    const es = i18n.getFixedT('es')
    expect(en('funder:percentile', { count: 65, ordinal: true })).toBe('65th percentile')
    expect(en('funder:percentile', { count: 22, ordinal: true })).toBe('22nd percentile')
    expect(en('funder:percentile', { count: 43, ordinal: true })).toBe('43rd percentile')
    expect(es('funder:percentile', { count: 65, ordinal: true })).toBe('65.º percentil')
  })
})
