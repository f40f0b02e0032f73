import { z } from 'zod'
import { CURRENCIES, FUND_VISIBILITIES } from '#app/domain/programs/funds.ts'
import { optionalText } from '#app/schemas/fields.ts'
import { ContentLanguageSchema, translationText } from '#app/schemas/content.ts'

export const FundSchema = z.object({
  name: z
    .string({ required_error: 'Enter the fund’s name' })
    .trim()
    .min(3, 'Enter the fund’s name (at least 3 characters)')
    .max(120, 'Names are at most 120 characters'),
  currency: z.enum(CURRENCIES, { errorMap: () => ({ message: 'Choose a currency' }) }),
  description: optionalText(3000, 'The description'),
  // The description in the other language (docs/decisions/015-bilingual-content.md).
  contentLanguage: ContentLanguageSchema,
  descriptionTranslation: translationText(3000),
  visibility: z.enum(FUND_VISIBILITIES, {
    errorMap: () => ({ message: 'Choose whether the fund is public or private' }),
  }),
})
export type FundInput = z.infer<typeof FundSchema>
