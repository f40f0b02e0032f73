import { z } from 'zod'
import { LANGUAGES } from '#app/lib/i18n/config.ts'
import './fields.ts'

/** The header's language switch. */
export const LanguageSwitchSchema = z.object({
  language: z.enum(LANGUAGES, { message: 'validation:language.invalid' }),
  redirectTo: z.string().optional(),
})

/** The account page's preference: a language, or empty to follow the browser. */
export const LanguagePreferenceSchema = z.object({
  language: z
    .union([z.enum(LANGUAGES), z.literal('')], { message: 'validation:language.invalid' })
    .transform((v) => (v === '' ? null : v)),
})
