/**
 * Languages volunteers speak and requests need, as ISO 639-1 codes (stored in text[] columns with a
 * GIN index, so matching filters with `&&`). The list holds the languages most spoken in US homes
 * plus a few more; the names come from Intl.DisplayNames, in the reader's language.
 */
export const LANGUAGE_CODES = [
  'en',
  'es',
  'zh',
  'vi',
  'tl',
  'ar',
  'fr',
  'ht',
  'ko',
  'ru',
  'pt',
  'de',
  'it',
  'pl',
  'hi',
  'ur',
  'bn',
  'pa',
  'gu',
  'fa',
  'ja',
  'so',
  'sw',
  'am',
  'ne',
  'my',
  'uk',
] as const
export type LanguageCode = (typeof LANGUAGE_CODES)[number]

export const isLanguageCode = (value: string): value is LanguageCode =>
  (LANGUAGE_CODES as readonly string[]).includes(value)

/** The language's name in `locale` ("Spanish", "español"); the code itself where Intl has none. */
export function languageName(code: string, locale: string): string {
  try {
    const name = new Intl.DisplayNames([locale], { type: 'language' }).of(code)
    return name && name !== code ? name : code
  } catch {
    return code
  }
}

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim()

let byName: Map<string, LanguageCode> | undefined

/**
 * The code of a language typed by name, in English or Spanish, or as a code ("Spanish", "español",
 * "es"); null when it is none of the list. Applications' skill requests store typed names; a
 * request made from one keeps only the languages this recognises.
 */
export function languageCodeOf(text: string): LanguageCode | null {
  const key = fold(text)
  if (isLanguageCode(key)) return key
  if (!byName) {
    byName = new Map()
    for (const code of LANGUAGE_CODES) {
      for (const locale of ['en', 'es']) byName.set(fold(languageName(code, locale)), code)
    }
  }
  return byName.get(key) ?? null
}

/** The distinct codes among typed language names, in their order; unknown names are dropped. */
export const languageCodesOf = (names: readonly string[]): LanguageCode[] => [
  ...new Set(names.map(languageCodeOf).filter((c): c is LanguageCode => c !== null)),
]
