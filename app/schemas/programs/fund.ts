import { z } from 'zod'
import { CURRENCIES, FUND_VISIBILITIES } from '#app/domain/programs/funds.ts'
import { msg } from '#app/lib/i18n/message.ts'
import { OptionalMoneySchema } from '#app/lib/money.ts'
import { optionalText } from '#app/schemas/fields.ts'
import { ContentLanguageSchema, translationText } from '#app/schemas/content.ts'
import { checkbox } from '#app/schemas/programs/program.ts'

export const FundSchema = z.object({
  name: z
    .string({ required_error: 'validation:fund.nameRequired' })
    .trim()
    .min(3, msg('validation:fund.nameTooShort', { count: 3 }))
    .max(120, msg('validation:fund.nameTooLong', { count: 120 })),
  currency: z.enum(CURRENCIES, {
    errorMap: () => ({ message: 'validation:fund.currency' }),
  }),
  description: optionalText(3000),
  // The description in the other language (docs/decisions/015-bilingual-content.md).
  contentLanguage: ContentLanguageSchema,
  descriptionTranslation: translationText(3000),
  visibility: z.enum(FUND_VISIBILITIES, {
    errorMap: () => ({ message: 'validation:fund.visibility' }),
  }),
  // What the fund hopes to raise (the progress bar on its public page); empty: no goal.
  goalMinor: OptionalMoneySchema('validation:fund.goal').refine(
    (v) => v === null || v > 0,
    'validation:fund.goal',
  ),
  // Ticked: the fund takes no new gifts (an unticked box posts nothing: open, as before).
  givingClosed: checkbox,
})
export type FundInput = z.infer<typeof FundSchema>
