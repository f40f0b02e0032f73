import { z } from 'zod'
import { MAX_SCORE_LIMIT, MIN_SCORE } from '#app/domain/programs/rubric-template.ts'
import { TOTAL_WEIGHT } from '#app/domain/programs/rubric.ts'
import { msg } from '#app/lib/i18n/message.ts'
import { optionalText } from '#app/schemas/fields.ts'
import { checkbox, wholeNumber } from './program.ts'
import { ContentLanguageSchema, linesOf, translationText } from '#app/schemas/content.ts'

export const GUIDANCE_MAX = 1000

/** Guidance inputs are flat names (level1…level10) so each has its own label and error. */
const LEVEL_NAMES = [
  'level1',
  'level2',
  'level3',
  'level4',
  'level5',
  'level6',
  'level7',
  'level8',
  'level9',
  'level10',
] as const satisfies readonly `level${number}`[]
type LevelName = (typeof LEVEL_NAMES)[number]

export const levelField = (score: number) => `level${score}` as LevelName

const levelFields = Object.fromEntries(
  LEVEL_NAMES.slice(0, MAX_SCORE_LIMIT).map((name) => [name, optionalText(GUIDANCE_MAX)]),
) as Record<LevelName, ReturnType<typeof optionalText>>

/** One criterion's editor. Weights are edited together (WeightsSchema), since they are shares. */
export const CriterionSchema = z
  .object({
    label: z
      .string({ required_error: 'validation:rubric.labelRequired' })
      .trim()
      .min(2, msg('validation:rubric.labelTooShort', { count: 2 }))
      .max(120, msg('validation:rubric.labelTooLong', { count: 120 })),
    description: optionalText(2000),
    maxScore: wholeNumber(
      MIN_SCORE + 1,
      MAX_SCORE_LIMIT,
      msg('validation:rubric.maxScore', { min: MIN_SCORE + 1, max: MAX_SCORE_LIMIT }),
    ),
    isEquity: checkbox,
    ...levelFields,
    // The texts above in the other language (docs/decisions/015-bilingual-content.md); the
    // guidance one line per score, lowest first.
    contentLanguage: ContentLanguageSchema,
    labelTranslation: translationText(120),
    descriptionTranslation: translationText(2000),
    guidanceTranslation: optionalText(MAX_SCORE_LIMIT * (GUIDANCE_MAX + 1)),
  })
  .superRefine((v, ctx) => {
    const levels = v.maxScore - MIN_SCORE + 1
    if (Number.isInteger(levels) && linesOf(v.guidanceTranslation).length > levels) {
      ctx.addIssue({
        code: 'custom',
        path: ['guidanceTranslation'],
        message: msg('validation:content.guidanceCount', { count: levels }),
      })
    }
  })
  .transform(({ label, description, maxScore, isEquity, ...rest }) => {
    const { contentLanguage, labelTranslation, descriptionTranslation } = rest
    const lines = linesOf(rest.guidanceTranslation)
    const guidance = rest as unknown as Record<string, string | undefined>
    return {
      label,
      description,
      maxScore,
      isEquity,
      contentLanguage,
      labelTranslation,
      descriptionTranslation,
      /** One per level (lowest first, '' where none), or null: not translated. */
      guidanceTranslation:
        lines.length === 0
          ? null
          : Array.from({ length: maxScore - MIN_SCORE + 1 }, (_, i) => lines[i] ?? ''),
      levels: Array.from({ length: maxScore - MIN_SCORE + 1 }, (_, i) => ({
        score: i + MIN_SCORE,
        guidance: guidance[levelField(i + MIN_SCORE)] ?? '',
      })),
    }
  })
export type CriterionInput = z.output<typeof CriterionSchema>

/** All weights at once, named "weights.<criterion id>"; they must add up to 100. */
export const WeightsSchema = z
  .object({
    weights: z.record(
      z.string().uuid(),
      wholeNumber(1, TOTAL_WEIGHT, msg('validation:rubric.weight', { max: TOTAL_WEIGHT })),
    ),
  })
  .superRefine(({ weights }, ctx) => {
    const values = Object.values(weights)
    // A weight that failed its own check is already reported; a sum of it would be noise.
    if (!values.every((w) => Number.isInteger(w))) return
    const total = values.reduce((sum, w) => sum + w, 0)
    if (total !== TOTAL_WEIGHT) {
      ctx.addIssue({
        code: 'custom',
        message: msg('validation:rubric.weightsTotal', { total, expected: TOTAL_WEIGHT }),
      })
    }
  })
export type WeightsInput = z.output<typeof WeightsSchema>

export const CriterionRefSchema = z.object({ criterionId: z.string().uuid() })
export const MoveSchema = z.object({
  direction: z.enum(['up', 'down'], {
    errorMap: () => ({ message: 'validation:rubric.direction' }),
  }),
})
