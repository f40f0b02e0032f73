import { z } from 'zod'
import { LANGUAGES } from '#app/lib/i18n/config.ts'
import { optionalText } from '#app/schemas/fields.ts'

/**
 * The language the funder writes a record's main fields in. Absent (a form from before this
 * field) means English, the language every record had until then.
 */
export const ContentLanguageSchema = z.preprocess(
  (v) => (v === undefined || v === '' ? 'en' : v),
  z.enum(LANGUAGES, { errorMap: () => ({ message: 'validation:content.language' }) }),
)

/** The same text in the other language; empty means "not translated", stored as null. */
export const translationText = (max: number) =>
  optionalText(max).transform((v) => (v === '' ? null : v))

/** Lines of a textarea, one item each, trimmed (empty lines kept out). */
export const linesOf = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
