import { z } from 'zod'
import { isChoiceKind, QUESTION_KINDS } from '#app/domain/programs/program-questions.ts'
import { msg } from '#app/lib/i18n/message.ts'
import { optionalText, optionalWholeNumber } from '#app/schemas/fields.ts'
import { checkbox } from './program.ts'

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
    helpText: optionalText(1000, 'The help text'),
    required: checkbox,
    options: optionalText(OPTIONS_MAX * 200, 'The options'),
    wordLimit: optionalWholeNumber(
      1,
      WORD_LIMIT_MAX,
      msg('validation:question.wordLimit', { max: WORD_LIMIT_MAX }),
    ),
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
