import type { Language } from '#app/lib/i18n/config.ts'

/**
 * Words a funder wrote, as one reader sees them: in the reader's language when the funder wrote
 * it, else in the other with `untranslated` set, so the page can say so and mark the language
 * (docs/decisions/015-bilingual-content.md).
 */
export type ShownText = { text: string; lang: Language; untranslated: boolean }

export const otherLanguage = (language: Language): Language => (language === 'en' ? 'es' : 'en')

/** A record's text in its own language and, when the funder gave it, the other. */
export type Bilingual = { language: Language; text: string; translation: string | null }

export function showText(reader: Language, { language, text, translation }: Bilingual): ShownText {
  const inLanguage = (lang: Language) => (lang === language ? text : (translation ?? ''))
  const wanted = inLanguage(reader)
  if (wanted !== '') return { text: wanted, lang: reader, untranslated: false }
  const other = otherLanguage(reader)
  const fallback = inLanguage(other)
  // Nothing in either language: an empty text, which needs no note.
  if (fallback === '') return { text: '', lang: reader, untranslated: false }
  return { text: fallback, lang: other, untranslated: true }
}

/** Each item of a list (a question's options, a criterion's guidance by level), shown the same way. */
export function showList(
  reader: Language,
  language: Language,
  items: readonly string[],
  translations: readonly string[] | null,
): ShownText[] {
  return items.map((text, i) =>
    showText(reader, { language, text, translation: translations?.[i] || null }),
  )
}

/** The stored content language, read defensively (the column's check allows only these). */
export const contentLanguageOf = (value: string): Language => (value === 'es' ? 'es' : 'en')
