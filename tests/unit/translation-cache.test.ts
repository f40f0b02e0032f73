import { createInstance, type i18n as I18n } from 'i18next'
import { describe, expect, it, vi } from 'vitest'
import { LANGUAGES, NAMESPACES, baseOptions, type Language } from '#app/lib/i18n/config.ts'
import { fixedT as serverT, resources, serverI18n } from '#app/utils/i18n.server.ts'
import { LIMIT, rememberTranslations } from '#app/services/translation-cache.server.ts'
import { flatten, pluralBase, readResources } from '#tests/support/i18n-keys.ts'

type Fixed = (key: unknown, options?: unknown) => unknown

/** A fresh instance as the server makes one, remembering or not. */
function instance(language: Language, remember: boolean): I18n {
  const made = createInstance()
  void made.init({
    ...baseOptions,
    lng: language,
    ns: [...NAMESPACES],
    resources,
    initAsync: false,
  })
  return remember ? rememberTranslations(made) : made
}

const fixedT = (i18n: I18n, ns: string | null = null) => i18n.getFixedT(null, ns) as Fixed

/** How often the instance's translator is reached: the work a remembered answer saves. */
function translations(i18n: I18n) {
  const translator = (i18n as unknown as { translator: { translate: () => unknown } }).translator
  return vi.spyOn(translator, 'translate')
}

/** Every call a page could make of each key: plain, with values, and counted where plural. */
function calls(): { key: string; options?: Record<string, unknown> }[] {
  const found: { key: string; options?: Record<string, unknown> }[] = []
  const values = { name: 'Ana', amount: '$1,500.00', year: 2022, page: '2', min: 'a', max: 'b' }
  const en = readResources().en!
  for (const ns of Object.keys(en)) {
    const bases = new Map(flatten(en[ns]!).map((k) => [pluralBase(k).base, pluralBase(k).kind]))
    for (const [base, kind] of bases) {
      const key = `${ns}:${base}`
      found.push({ key }, { key, options: values })
      if (!kind) continue
      for (const count of [0, 1, 2, 3, 11, 21, 22, 23, 1000])
        found.push({ key, options: { ...values, count, ordinal: kind === 'ordinal' } })
    }
  }
  return found
}

describe('the server remembers its translations', () => {
  it('answers every key in both languages as i18next does, the first time and the next', () => {
    for (const language of LANGUAGES) {
      const plain = fixedT(instance(language, false), 'funder')
      const remembering = fixedT(instance(language, true), 'funder')
      for (const { key, options } of calls()) {
        const expected = plain(key, options)
        expect(remembering(key, options), `${language} ${key}`).toBe(expected)
        expect(remembering(key, options), `${language} ${key} again`).toBe(expected)
      }
    }
  })

  it('translates a call once: the same call again does not reach i18next', () => {
    const i18n = instance('en', true)
    const t = fixedT(i18n, 'funder')
    const reached = translations(i18n)
    expect(t('funder:applications.percentile', { count: 87, ordinal: true })).toBe(
      '87th percentile',
    )
    expect(t('common:applicationStatus.submitted')).toBe('Submitted')
    expect(reached).toHaveBeenCalledTimes(2)
    // Another render asks for its own `t` and gets the same, remembering one.
    const again = fixedT(i18n, 'funder')
    expect(again).toBe(t)
    expect(again('funder:applications.percentile', { count: 87, ordinal: true })).toBe(
      '87th percentile',
    )
    expect(again('common:applicationStatus.submitted')).toBe('Submitted')
    expect(reached).toHaveBeenCalledTimes(2)
  })

  it('keeps calls with different options apart, including the kind of each value', () => {
    const i18n = instance('en', true)
    const t = fixedT(i18n, 'funder')
    expect(t('funder:applications.percentile', { count: 1, ordinal: true })).toBe('1st percentile')
    expect(t('funder:applications.percentile', { count: 2, ordinal: true })).toBe('2nd percentile')
    expect(t('funder:overview.submitted', { count: 1, amount: '$5.00' })).toBe(
      '1 application submitted, asking for $5.00 in all',
    )
    expect(t('funder:overview.submitted', { count: 2, amount: '$5.00' })).toBe(
      '2 applications submitted, asking for $5.00 in all',
    )
    expect(t('funder:overview.submitted', { count: 2, amount: '$9.00' })).toBe(
      '2 applications submitted, asking for $9.00 in all',
    )
    const reached = translations(i18n)
    t('funder:overview.submitted', { count: '2', amount: '$9.00' })
    expect(reached).toHaveBeenCalledTimes(1)
    // A `t` for another namespace or language has answers of its own.
    expect(fixedT(instance('es', true), 'funder')('common:applicationStatus.submitted')).toBe(
      fixedT(instance('es', false), 'funder')('common:applicationStatus.submitted'),
    )
  })

  it('sends calls it cannot key safely to i18next every time', () => {
    const i18n = instance('en', true)
    const t = fixedT(i18n, 'funder')
    const reached = translations(i18n)
    const withObject = { count: 2, when: new Date(0) }
    t('funder:applications.submitted', withObject)
    t('funder:applications.submitted', withObject)
    t(['funder:nope', 'common:applicationStatus.submitted'])
    t(['funder:nope', 'common:applicationStatus.submitted'])
    t('funder:nope', 'a default value')
    t('funder:nope', 'a default value')
    expect(reached).toHaveBeenCalledTimes(6)
  })

  it(`keeps at most ${LIMIT} answers per function, then starts afresh`, () => {
    const i18n = instance('en', true)
    const t = fixedT(i18n, 'funder')
    for (let count = 0; count < LIMIT; count++) t('funder:applications.submitted', { count })
    const reached = translations(i18n)
    t('funder:applications.submitted', { count: 0 })
    expect(reached).toHaveBeenCalledTimes(0)
    t('funder:applications.submitted', { count: LIMIT })
    t('funder:applications.submitted', { count: 0 })
    expect(reached).toHaveBeenCalledTimes(2)
  })

  it('is what the server renders with', () => {
    const i18n = serverI18n('es')
    expect(i18n.getFixedT(null, 'funder')).toBe(i18n.getFixedT(null, 'funder'))
    const reached = translations(i18n)
    const t = fixedT(i18n, 'funder')
    t('common:applicationStatus.withdrawn')
    t('common:applicationStatus.withdrawn')
    expect(reached).toHaveBeenCalledTimes(1)
  })

  it('is what loaders, the export and mails translate with', () => {
    const i18n = serverI18n('en')
    const reached = translations(i18n)
    const t = serverT('en')
    expect(t('common:applicationStatus.in_review')).toBe('In review')
    expect(serverT('en')('common:applicationStatus.in_review')).toBe('In review')
    expect(reached).toHaveBeenCalledTimes(1)
  })
})
