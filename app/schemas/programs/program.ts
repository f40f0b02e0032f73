import { z } from 'zod'
import { PROGRAM_STATUSES } from '#app/domain/programs/program-status.ts'
import { SDOH_DOMAINS } from '#app/domain/places/sdoh.ts'
import { msg } from '#app/lib/i18n/message.ts'
import { moneyInputValue, MoneySchema } from '#app/lib/money.ts'
import { dateToZonedInput, isTimeZone, zonedInputToDate } from '#app/lib/time-zones.ts'
import { CONFIRMED } from '#app/schemas/confirmation.ts'
import { optionalText } from '#app/schemas/fields.ts'
import { ContentLanguageSchema, translationText } from '#app/schemas/content.ts'

/** A repeated form field (checkboxes): absent → [], one value → [value]. */
export const listOf = <T extends z.ZodTypeAny>(item: T) =>
  z.preprocess(
    (v) => (v === undefined || v === '' || v === false ? [] : Array.isArray(v) ? v : [v]),
    z.array(item),
  )

/** A checkbox: the browser posts "on" (or react-hook-form gives true) when ticked, nothing when not. */
export const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean())

/** A whole number typed into a text or number input. */
export const wholeNumber = (min: number, max: number, message: string) =>
  z
    .string({ required_error: message })
    .trim()
    .transform((v, ctx) => {
      const n = Number(v)
      if (v === '' || !Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message })
        return z.NEVER
      }
      return n
    })

const dateTimeInput = (message: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => v ?? '')
    .refine((v) => v === '' || zonedInputToDate(v, 'UTC') !== null, { message })

export const REVIEWERS_MIN = 1
export const REVIEWERS_MAX = 10

/** The most a community reviewer's score may count, as a percentage of a staff reviewer's. */
export const COMMUNITY_WEIGHT_MAX_PERCENT = 1000

/**
 * A percentage typed into a text input ("100", "62.5", "150 %"), read as per-mille, the unit the
 * database keeps (1000 = 100%): at most one decimal, so every percentage typed is stored exactly.
 */
export const percentAsPerMille = (max: number, message: string) =>
  z
    .string({ required_error: message })
    .trim()
    .transform((v, ctx) => {
      const typed = v.replace(/\s*%$/, '')
      const n = Number(typed)
      if (!/^\d+(\.\d)?$/.test(typed) || n > max) {
        ctx.addIssue({ code: 'custom', message })
        return z.NEVER
      }
      return Math.round(n * 10)
    })

/** Per-mille as the percentage input shows it: 1000 → "100", 625 → "62.5". */
export const perMilleAsPercent = (perMille: number) => String(perMille / 10)

/** Each field of the program form on its own; the cross-field checks come below. */
const ProgramFields = z.object({
  title: z
    .string({ required_error: 'validation:program.titleRequired' })
    .trim()
    .min(3, msg('validation:program.titleTooShort', { count: 3 }))
    .max(150, msg('validation:program.titleTooLong', { count: 150 })),
  description: optionalText(5000),
  eligibility: optionalText(5000),
  placeServed: optionalText(200),
  // The texts above in the other language (docs/decisions/015-bilingual-content.md).
  contentLanguage: ContentLanguageSchema,
  titleTranslation: translationText(150),
  descriptionTranslation: translationText(5000),
  eligibilityTranslation: translationText(5000),
  eligibleStates: listOf(z.string().trim().min(1).max(60)),
  /** Counties chosen in the place picker, by FIPS code. */
  eligibleCountyFips: listOf(z.string().regex(/^\d{5}$/, 'validation:program.countyFromList'))
    .refine(
      (codes) => codes.length <= 1000,
      msg('validation:program.tooManyCounties', { count: 1000 }),
    )
    .transform((codes) => [...new Set(codes)]),
  /** Without JavaScript the picker is a textarea of "County, State" lines. */
  eligibleCountyFipsText: optionalText(20_000),
  sdohDomains: listOf(
    z.enum(SDOH_DOMAINS, { errorMap: () => ({ message: 'validation:program.sdohFromList' }) }),
  ),
  timeZone: z
    .string({ required_error: 'validation:program.timeZoneRequired' })
    .trim()
    .refine(isTimeZone, { message: 'validation:program.timeZoneFromList' }),
  opensAt: dateTimeInput('validation:program.opensAtInvalid'),
  closesAt: dateTimeInput('validation:program.closesAtInvalid'),
  budget: MoneySchema('validation:program.budgetRequired', 'validation:program.budgetInvalid'),
  minAward: MoneySchema(
    'validation:program.minAwardRequired',
    'validation:program.minAwardInvalid',
  ),
  maxAward: MoneySchema(
    'validation:program.maxAwardRequired',
    'validation:program.maxAwardInvalid',
  ),
  allowSkillRequests: checkbox,
  reviewersPerApplication: wholeNumber(
    REVIEWERS_MIN,
    REVIEWERS_MAX,
    msg('validation:program.reviewers', { min: REVIEWERS_MIN, max: REVIEWERS_MAX }),
  ),
  blindReview: checkbox,
  /** Typed as a percentage of a staff reviewer's weight; parsed to per-mille. */
  communityReviewerWeight: percentAsPerMille(
    COMMUNITY_WEIGHT_MAX_PERCENT,
    msg('validation:program.communityWeight', { max: COMMUNITY_WEIGHT_MAX_PERCENT }),
  ),
  showScoresAfterSubmit: checkbox,
  /** When reviews are due, in the program's zone; past it, an unsubmitted review is late. */
  reviewsDueAt: dateTimeInput('validation:program.reviewsDueInvalid'),
})

/** The fields the place checks read (states ticked, counties picked or typed). */
export const ProgramPlacesSchema = ProgramFields.pick({
  eligibleStates: true,
  eligibleCountyFips: true,
  eligibleCountyFipsText: true,
})

type Problem = { path: string[]; message: string }

/**
 * Checks that compare fields. Each field is read with its own schema, so the checks run even
 * when other fields are wrong: one submission shows every problem at once, instead of zod's
 * rounds (an object's refinements are skipped while any field fails).
 */
function crossFieldProblems(raw: unknown): Problem[] {
  const input = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>
  const read = <K extends keyof typeof ProgramFields.shape>(key: K) => {
    const parsed = ProgramFields.shape[key].safeParse(input[key])
    return parsed.success ? (parsed.data as z.output<(typeof ProgramFields.shape)[K]>) : undefined
  }
  const problems: Problem[] = []
  const timeZone = read('timeZone') ?? 'UTC'
  const opensAt = read('opensAt')
  const closesAt = read('closesAt')
  const opens = opensAt ? zonedInputToDate(opensAt, timeZone) : null
  const closes = closesAt ? zonedInputToDate(closesAt, timeZone) : null
  if (opens && closes && closes.getTime() <= opens.getTime()) {
    problems.push({
      path: ['closesAt'],
      message: 'validation:program.closesBeforeOpens',
    })
  }
  const reviewsDueAt = read('reviewsDueAt')
  const due = reviewsDueAt ? zonedInputToDate(reviewsDueAt, timeZone) : null
  if (due && closes && due.getTime() <= closes.getTime()) {
    problems.push({ path: ['reviewsDueAt'], message: 'validation:program.reviewsDueBeforeCloses' })
  }
  // Amounts that failed their own checks are already reported; comparing them would be noise.
  const [budget, minAward, maxAward] = [read('budget'), read('minAward'), read('maxAward')]
  if (Number.isInteger(minAward) && Number.isInteger(maxAward) && minAward! > maxAward!) {
    problems.push({
      path: ['minAward'],
      message: 'validation:program.minOverMax',
    })
  }
  if (Number.isInteger(maxAward) && Number.isInteger(budget) && maxAward! > budget!) {
    problems.push({
      path: ['maxAward'],
      message: 'validation:program.maxOverBudget',
    })
  }
  return problems
}

const CrossFieldChecks = z
  .unknown()
  .superRefine((raw, ctx) => {
    for (const p of crossFieldProblems(raw)) ctx.addIssue({ code: 'custom', ...p })
  })
  // Nothing of its own to add to the parsed fields.
  .transform(() => ({}))

/**
 * The program form, for creating a program and for editing its details. The fields and the
 * cross-field checks are parsed side by side (an intersection), so their errors come together.
 */
export const ProgramDetailsSchema = ProgramFields.and(CrossFieldChecks).transform((v) => ({
  ...v,
  opensAt: v.opensAt ? zonedInputToDate(v.opensAt, v.timeZone) : null,
  closesAt: v.closesAt ? zonedInputToDate(v.closesAt, v.timeZone) : null,
  reviewsDueAt: v.reviewsDueAt ? zonedInputToDate(v.reviewsDueAt, v.timeZone) : null,
}))
export type ProgramDetailsInput = z.output<typeof ProgramDetailsSchema>
export type ProgramPlacesInput = z.output<typeof ProgramPlacesSchema>

export const ProgramTransitionSchema = z
  .object({
    to: z.enum(PROGRAM_STATUSES, {
      errorMap: () => ({ message: 'validation:program.chooseTransition' }),
    }),
    // A lone checkbox reads as `false` in the browser when unticked, so any value is taken here.
    confirm: z.unknown().optional(),
  })
  // Closing early cannot be undone (a program never goes back to open), so it is confirmed.
  .superRefine((value, ctx) => {
    if (value.to === 'closed' && value.confirm !== CONFIRMED) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['confirm'],
        message: 'validation:program.confirmClose',
      })
    }
  })

/** What the program form shows for a saved program (or a new one), as the inputs hold it. */
export function programFormValues(
  program: {
    title: string
    description: string
    eligibility: string
    placeServed: string
    contentLanguage: string
    titleTranslation: string | null
    descriptionTranslation: string | null
    eligibilityTranslation: string | null
    eligibleStates: string[]
    eligibleCountyFips: string[]
    sdohDomains: string[]
    timeZone: string
    opensAt: Date | string | null
    closesAt: Date | string | null
    budgetMinor: number
    minAwardMinor: number
    maxAwardMinor: number
    allowSkillRequests: boolean
    reviewersPerApplication: number
    blindReview: boolean
    communityReviewerWeight: number
    showScoresAfterSubmit: boolean
    reviewsDueAt?: Date | string | null
  } | null,
) {
  if (!program) {
    return {
      timeZone: 'America/New_York',
      contentLanguage: 'en',
      allowSkillRequests: 'on',
      reviewersPerApplication: '3',
      // The database's defaults: equal weight, others' scores shown once one's own is in.
      communityReviewerWeight: '100',
      showScoresAfterSubmit: 'on',
      minAward: '0',
      eligibleStates: [] as string[],
      sdohDomains: [] as string[],
    }
  }
  return {
    title: program.title,
    description: program.description,
    eligibility: program.eligibility,
    placeServed: program.placeServed,
    contentLanguage: program.contentLanguage,
    titleTranslation: program.titleTranslation ?? '',
    descriptionTranslation: program.descriptionTranslation ?? '',
    eligibilityTranslation: program.eligibilityTranslation ?? '',
    eligibleStates: program.eligibleStates,
    eligibleCountyFips: program.eligibleCountyFips,
    sdohDomains: program.sdohDomains,
    timeZone: program.timeZone,
    opensAt: dateToZonedInput(program.opensAt, program.timeZone),
    closesAt: dateToZonedInput(program.closesAt, program.timeZone),
    budget: moneyInputValue(program.budgetMinor),
    minAward: moneyInputValue(program.minAwardMinor),
    maxAward: moneyInputValue(program.maxAwardMinor),
    allowSkillRequests: program.allowSkillRequests ? 'on' : '',
    reviewersPerApplication: String(program.reviewersPerApplication),
    blindReview: program.blindReview ? 'on' : '',
    communityReviewerWeight: perMilleAsPercent(program.communityReviewerWeight),
    showScoresAfterSubmit: program.showScoresAfterSubmit ? 'on' : '',
    reviewsDueAt: dateToZonedInput(program.reviewsDueAt ?? null, program.timeZone),
  }
}
