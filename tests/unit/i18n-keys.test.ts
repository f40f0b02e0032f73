import { describe, expect, it } from 'vitest'
import { LANGUAGES, NAMESPACES } from '#app/lib/i18n/config.ts'
import {
  compareLanguages,
  compareUsage,
  readResources,
  readSources,
  usedInCode,
} from '#tests/support/i18n-keys.ts'

describe('translation keys', () => {
  const resources = readResources()

  it('has every namespace file in every language', () => {
    for (const language of LANGUAGES)
      expect(Object.keys(resources[language] ?? {}).sort()).toEqual([...NAMESPACES].sort())
  })

  it('has every key in both languages, with the plural forms of each', () => {
    expect(compareLanguages(resources)).toEqual([])
  })

  it('has every key the code uses, and uses every key it has', () => {
    expect(compareUsage(resources.en!, usedInCode(readSources()))).toEqual([])
  })
})

describe('the key check itself', () => {
  it('finds a key missing from one language', () => {
    expect(
      compareLanguages({ en: { common: { a: 'A', b: 'B' } }, es: { common: { a: 'A' } } }),
    ).toEqual(['es: common:b is missing'])
  })

  it('asks for the plural forms of each language (es has "many", en does not)', () => {
    const problems = compareLanguages({
      en: { common: { n_one: '1', n_other: 'n', n_many: 'm' } },
      es: { common: { n_one: '1', n_other: 'n' } },
    })
    expect(problems).toEqual([
      'en: common:n (cardinal) has _many, not a form of this language',
      'es: common:n (cardinal) lacks _many',
    ])
  })

  it('checks ordinal forms by the ordinal rules', () => {
    const problems = compareLanguages({
      en: { programs: { p_ordinal_one: '1st', p_ordinal_other: 'nth' } },
      es: { programs: { p_ordinal_other: 'n.º' } },
    })
    expect(problems).toEqual([
      'en: programs:p (ordinal) lacks _ordinal_few',
      'en: programs:p (ordinal) lacks _ordinal_two',
    ])
  })

  it('finds keys used but missing, keys never used, and unknown namespaces', () => {
    const used = usedInCode([
      {
        file: 'a.tsx',
        text: "t('auth:login.title'); t('auth:gone', { count: 2 }); export const handle = { i18n: ['auth', 'nope'] }",
      },
    ])
    const problems = compareUsage(
      { auth: { login: { title: 'x' }, unused: 'y', gone_one: '1', gone_other: 'n' } },
      used,
    )
    expect(problems).toEqual([
      'auth:unused is in the files but used nowhere',
      'a.tsx declares unknown namespace nope',
    ])
  })
})
