import { z } from 'zod'
import { PROGRAM_STATUSES } from '#app/domain/program-status.ts'
import { SDOH_DOMAINS } from '#app/domain/sdoh.ts'
import { MoneySchema, moneyInputValue } from '#app/utils/money.ts'
import { dateToZonedInput, isTimeZone, zonedInputToDate } from '#app/utils/time-zones.ts'
import { optionalText } from './fields.ts'

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

const dateTimeInput = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => v ?? '')
    .refine((v) => v === '' || zonedInputToDate(v, 'UTC') !== null, {
      message: `Enter the ${label} as a date and time, like 2027-06-30T17:00`,
    })

/** "39049, 39041" or one code a line: 5-digit county FIPS codes, deduplicated. */
const countyFipsText = z
  .string()
  .max(6000, 'List at most 1,000 county codes')
  .optional()
  .transform((v, ctx) => {
    const codes = (v ?? '').split(/[\s,;]+/).filter(Boolean)
    const bad = codes.filter((c) => !/^\d{5}$/.test(c))
    if (bad.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `Not a 5-digit county FIPS code: ${bad.slice(0, 5).join(', ')}`,
      })
      return z.NEVER
    }
    return [...new Set(codes)]
  })

export const REVIEWERS_MIN = 1
export const REVIEWERS_MAX = 10

/** The program form, for creating a program and for editing its details. */
export const ProgramDetailsSchema = z
  .object({
    title: z
      .string({ required_error: 'Enter the program’s title' })
      .trim()
      .min(3, 'Enter the program’s title (at least 3 characters)')
      .max(150, 'Titles are at most 150 characters'),
    description: optionalText(5000, 'The description'),
    eligibility: optionalText(5000, 'Eligibility'),
    placeServed: optionalText(200, 'The place served'),
    eligibleStates: listOf(z.string().trim().min(1).max(60)),
    eligibleCountyFips: countyFipsText,
    sdohDomains: listOf(
      z.enum(SDOH_DOMAINS, { errorMap: () => ({ message: 'Choose domains from the list' }) }),
    ),
    timeZone: z
      .string({ required_error: 'Choose a time zone' })
      .trim()
      .refine(isTimeZone, { message: 'Choose a time zone from the list' }),
    opensAt: dateTimeInput('opening time'),
    closesAt: dateTimeInput('closing time'),
    budget: MoneySchema('the total budget'),
    minAward: MoneySchema('the minimum award'),
    maxAward: MoneySchema('the maximum award'),
    allowSkillRequests: checkbox,
    reviewersPerApplication: wholeNumber(
      REVIEWERS_MIN,
      REVIEWERS_MAX,
      `Enter a whole number of reviewers from ${REVIEWERS_MIN} to ${REVIEWERS_MAX}`,
    ),
    blindReview: checkbox,
  })
  .transform((v) => ({
    ...v,
    opensAt: v.opensAt ? zonedInputToDate(v.opensAt, v.timeZone) : null,
    closesAt: v.closesAt ? zonedInputToDate(v.closesAt, v.timeZone) : null,
  }))
  .superRefine((v, ctx) => {
    if (v.opensAt && v.closesAt && v.closesAt.getTime() <= v.opensAt.getTime()) {
      ctx.addIssue({
        code: 'custom',
        path: ['closesAt'],
        message: 'The closing time must be after the opening time',
      })
    }
    // Amounts that failed their own checks are already reported; comparing them would be noise.
    if (![v.budget, v.minAward, v.maxAward].every((a) => Number.isInteger(a))) return
    if (v.minAward > v.maxAward) {
      ctx.addIssue({
        code: 'custom',
        path: ['minAward'],
        message: 'The minimum award cannot be more than the maximum award',
      })
    }
    if (v.maxAward > v.budget) {
      ctx.addIssue({
        code: 'custom',
        path: ['maxAward'],
        message: 'The maximum award cannot be more than the total budget',
      })
    }
  })
export type ProgramDetailsInput = z.output<typeof ProgramDetailsSchema>

export const ProgramTransitionSchema = z.object({
  to: z.enum(PROGRAM_STATUSES, { errorMap: () => ({ message: 'Choose what to do' }) }),
})

/** What the program form shows for a saved program (or a new one), as the inputs hold it. */
export function programFormValues(
  program: {
    title: string
    description: string
    eligibility: string
    placeServed: string
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
  } | null,
) {
  if (!program) {
    return {
      timeZone: 'America/New_York',
      allowSkillRequests: 'on',
      reviewersPerApplication: '3',
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
    eligibleStates: program.eligibleStates,
    eligibleCountyFips: program.eligibleCountyFips.join('\n'),
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
  }
}
