import { z } from 'zod'
import { LIVED_EXPERIENCE } from '#app/domain/applications/application-steps.ts'
import { YES_NO, type QuestionKind } from '#app/domain/programs/program-questions.ts'
import { SDOH_DOMAINS } from '#app/domain/places/sdoh.ts'
import { SKILLS, WORK_MODES } from '#app/domain/skills.ts'
import { OptionalMoneySchema } from '#app/lib/money.ts'
import { optionalText, optionalWholeNumber } from '#app/schemas/fields.ts'
import { msg } from '#app/lib/i18n/message.ts'

/*
 * Step schemas validate one step's form for saving a draft: anything may still be empty, but what
 * is there must make sense (an amount must be an amount). `submissionSchema` then checks the whole
 * application strictly before it can be submitted. Both run in the browser and on the server.
 */

/** A repeated form field: absent → [], one value → [value]. */
const list = <T extends z.ZodTypeAny>(item: T) =>
  z.preprocess(
    (v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
    z.array(item),
  )

export const wordCount = (text: string) => (text.trim() ? text.trim().split(/\s+/).length : 0)

const withinWords = (max: number) =>
  optionalText(max * 12).refine((v) => wordCount(v) <= max, {
    message: msg('validation:application.tooManyWords', { count: max }),
  })

// The version the user started editing from; a string in the form, a number once parsed.
const versionField = {
  version: z
    .string()
    .regex(/^\d{1,9}$/, 'validation:application.reload')
    .transform(Number),
}

/** How many people an applicant may ask not to be reviewed by. */
export const EXCLUSIONS_MAX = 5

/** An email address that may be left empty (a draft's fields may all be). */
const optionalEmail = z
  .string()
  .trim()
  .max(254, msg('validation:email.tooLong', { count: 254 }))
  .refine((v) => v === '' || z.string().email().safeParse(v).success, {
    message: 'validation:email.invalid',
  })
  .optional()
  .default('')

/** Someone the applicant asks not to be reviewed by: a name, an email, or both. */
const ExclusionSchema = z.object({
  name: optionalText(100),
  email: optionalEmail.transform((v) => v.toLowerCase()),
})

export const OrganizationStepSchema = z.object({
  ...versionField,
  leadership: optionalText(3000),
  ledByLivedExperience: z.enum(LIVED_EXPERIENCE).or(z.literal('')).optional().default(''),
  contactName: optionalText(100),
  contactEmail: optionalEmail,
  // Honoured silently by assignment: the reviewer never learns of it (db/schema/review.ts).
  exclusions: list(ExclusionSchema)
    .transform((rows) => rows.filter((r) => r.name || r.email))
    .refine((rows) => rows.length <= EXCLUSIONS_MAX, {
      message: msg('validation:application.exclusionsTooMany', { count: EXCLUSIONS_MAX }),
    }),
})

export const CommunityStepSchema = z.object({
  ...versionField,
  communityServed: optionalText(3000),
  placeFips: list(z.string().regex(/^\d{5}$/, 'validation:application.countiesFromList')),
  /** Without JavaScript the picker is a textarea of "County, State" lines. */
  placeFipsText: optionalText(5000),
  placesOutsideUs: optionalText(1000),
})

export const PROJECT_SUMMARY_WORDS = 500

export const ProjectStepSchema = z.object({
  ...versionField,
  title: optionalText(150),
  summary: withinWords(PROJECT_SUMMARY_WORDS),
  sdohDomains: list(z.enum(SDOH_DOMAINS)),
})

const BudgetLineSchema = z
  .object({
    description: optionalText(200),
    amount: OptionalMoneySchema('validation:application.budget.lineAmountInvalid'),
  })
  .superRefine((line, ctx) => {
    if (line.amount !== null && !line.description) {
      ctx.addIssue({
        code: 'custom',
        path: ['description'],
        message: 'validation:application.budget.lineDescription',
      })
    }
    if (line.description && line.amount === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['amount'],
        message: 'validation:application.budget.lineAmount',
      })
    }
  })

export const BudgetStepSchema = z.object({
  ...versionField,
  amountRequested: OptionalMoneySchema('validation:application.budget.requestedInvalid'),
  lines: list(BudgetLineSchema).transform((lines) =>
    lines.filter((l) => l.description || l.amount !== null),
  ),
})

const SkillRequestSchema = z
  .object({
    skill: z.enum(SKILLS).or(z.literal('')).default(''),
    hours: optionalWholeNumber(1, 2000, 'validation:application.skills.hoursRange'),
    workMode: z.enum(WORK_MODES).default('either'),
    languages: optionalText(200),
    description: optionalText(1000),
  })
  .superRefine((row, ctx) => {
    if ((row.hours !== null || row.description) && !row.skill) {
      ctx.addIssue({
        code: 'custom',
        path: ['skill'],
        message: 'validation:application.skills.skill',
      })
    }
    // A request with no hours means nothing to a volunteer (and the database refuses it).
    if (row.skill && row.hours === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['hours'],
        message: 'validation:application.skills.hours',
      })
    }
  })

export const SkillsStepSchema = z.object({
  ...versionField,
  requests: list(SkillRequestSchema).transform((rows) => rows.filter((r) => r.skill)),
})

export type OrganizationStep = z.output<typeof OrganizationStepSchema>
export type CommunityStep = z.output<typeof CommunityStepSchema>
export type ProjectStep = z.output<typeof ProjectStepSchema>
export type BudgetStep = z.output<typeof BudgetStepSchema>
export type SkillsStep = z.output<typeof SkillsStepSchema>

/** Splits "Spanish, Haitian Creole" into a clean list. */
export const splitLanguages = (text: string) =>
  text
    .split(/[,;\n]/)
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, 20)

type DraftQuestion = {
  id: string
  kind: QuestionKind
  label: string
  options: string[]
  wordLimit: number | null
}

/** A draft answer to one question: may be empty, must fit the question when given. */
function draftAnswer(q: DraftQuestion): z.ZodTypeAny {
  // An unchecked radio group is null in react-hook-form and absent in a plain post.
  const text = z.preprocess((v) => v ?? '', z.string().trim())
  switch (q.kind) {
    case 'short_text':
      return text.refine(
        (v) => v.length <= 300,
        msg('validation:application.answer.shortTooLong', { count: 300 }),
      )
    case 'long_text':
      return text
        .refine((v) => v.length <= 20_000, 'validation:application.answer.tooLong')
        .refine((v) => !q.wordLimit || wordCount(v) <= q.wordLimit, {
          message: msg('validation:application.tooManyWords', { count: q.wordLimit ?? 0 }),
        })
    case 'single_choice':
      return text.refine((v) => v === '' || q.options.includes(v), 'validation:invalidChoice')
    case 'multi_choice':
      return list(z.string()).refine(
        (v) => v.every((o) => q.options.includes(o)),
        'validation:application.answer.fromOptions',
      )
    case 'yes_no':
      return z.preprocess((v) => v ?? '', z.enum(YES_NO).or(z.literal('')))
    case 'number':
      return text.transform((v, ctx) => {
        if (v === '') return null
        const n = Number(v.replace(/,/g, ''))
        if (!Number.isFinite(n)) {
          ctx.addIssue({ code: 'custom', message: 'validation:application.answer.number' })
          return z.NEVER
        }
        return n
      })
    case 'file':
      return z.undefined()
  }
}

/** The program-questions step, built from the program's own questions (files upload apart). */
export function questionsStepSchema(questions: DraftQuestion[]) {
  const shape = Object.fromEntries(
    questions.filter((q) => q.kind !== 'file').map((q) => [q.id, draftAnswer(q)]),
  )
  return z.object({ ...versionField, answers: z.object(shape).default({}) })
}
