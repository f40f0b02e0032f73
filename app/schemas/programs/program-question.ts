import { z } from 'zod'
import { msg } from '#app/lib/i18n/message.ts'
import { isChoiceKind, QUESTION_KINDS } from '#app/domain/programs/program-questions.ts'
import { optionalText, optionalWholeNumber } from '#app/schemas/fields.ts'
import { checkbox } from './program.ts'
import { ContentLanguageSchema, linesOf, translationText } from '#app/schemas/content.ts'

export const OPTIONS_MAX = 30
export const WORD_LIMIT_MAX = 5000

/**
 * One question. Options are a textarea, one choice per line, so the form is the same with or
 * without JavaScript; they are kept only for choice questions, the word limit only for long text.
 */
export const QuestionSchema = z
  .object({
    kind: z.enum(QUESTION_KINDS, {
      errorMap: () => ({ message: 'validation:question.kind' }),
    }),
    label: z
      .string({ required_error: 'validation:question.labelRequired' })
      .trim()
      .min(3, msg('validation:question.labelTooShort', { count: 3 }))
      .max(500, msg('validation:question.labelTooLong', { count: 500 })),
    helpText: optionalText(1000),
    required: checkbox,
    options: optionalText(OPTIONS_MAX * 200),
    wordLimit: optionalWholeNumber(
      1,
      WORD_LIMIT_MAX,
      msg('validation:question.wordLimit', { max: WORD_LIMIT_MAX }),
    ),
    // The texts above in the other language (docs/decisions/015-bilingual-content.md).
    contentLanguage: ContentLanguageSchema,
    labelTranslation: translationText(500),
    helpTextTranslation: translationText(1000),
    optionsTranslation: optionalText(OPTIONS_MAX * 200),
  })
  .transform((v) => ({
    ...v,
    options: isChoiceKind(v.kind)
      ? [
          ...new Set(
            v.options
              .split('\n')
              .map((o) => o.trim())
              .filter(Boolean),
          ),
        ]
      : [],
    wordLimit: v.kind === 'long_text' ? v.wordLimit : null,
    // One line per option, in the options' order; none given: not translated.
    optionsTranslation:
      isChoiceKind(v.kind) && linesOf(v.optionsTranslation).length > 0
        ? linesOf(v.optionsTranslation)
        : null,
  }))
  .superRefine((v, ctx) => {
    if (isChoiceKind(v.kind) && v.options.length < 2) {
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: msg('validation:question.tooFewOptions', { count: 2 }),
      })
    }
    if (v.options.length > OPTIONS_MAX) {
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: msg('validation:question.tooManyOptions', { count: OPTIONS_MAX }),
      })
    }
    if (v.optionsTranslation && v.optionsTranslation.length !== v.options.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['optionsTranslation'],
        message: msg('validation:content.optionsCount', { count: v.options.length }),
      })
    }
    if (v.options.some((o) => o.length > 200)) {
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: msg('validation:question.optionTooLong', { count: 200 }),
      })
    }
  })
export type QuestionInput = z.output<typeof QuestionSchema>

export const QuestionRefSchema = z.object({ questionId: z.string().uuid() })
