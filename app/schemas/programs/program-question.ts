import { z } from 'zod'
import { isChoiceKind, QUESTION_KINDS } from '#app/domain/programs/program-questions.ts'
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
    kind: z.enum(QUESTION_KINDS, { errorMap: () => ({ message: 'Choose the kind of answer' }) }),
    label: z
      .string({ required_error: 'Enter the question' })
      .trim()
      .min(3, 'Enter the question (at least 3 characters)')
      .max(500, 'Questions are at most 500 characters'),
    helpText: optionalText(1000, 'The help text'),
    required: checkbox,
    options: optionalText(OPTIONS_MAX * 200, 'The options'),
    wordLimit: optionalWholeNumber(
      1,
      WORD_LIMIT_MAX,
      `Enter a word limit from 1 to ${WORD_LIMIT_MAX.toLocaleString('en-US')}, or leave it empty`,
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
        message: 'Give at least two options, one per line',
      })
    }
    if (v.options.length > OPTIONS_MAX) {
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: `Give at most ${OPTIONS_MAX} options`,
      })
    }
    if (v.options.some((o) => o.length > 200)) {
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: 'Each option is at most 200 characters',
      })
    }
  })
export type QuestionInput = z.output<typeof QuestionSchema>

export const QuestionRefSchema = z.object({ questionId: z.string().uuid() })
