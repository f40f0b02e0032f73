import { z } from 'zod'
import {
  CHECK_IN_CADENCES,
  cadenceDates,
  isDay,
  MAX_CHECK_INS,
  splitDates,
} from '#app/domain/engagements/check-ins.ts'
import { CHECK_IN_PROGRESS, PROPOSERS } from '#app/domain/engagements/engagement-status.ts'
import { msg } from '#app/lib/i18n/message.ts'
import { optionalText } from '#app/schemas/fields.ts'

const required = (max: number, message: string) =>
  z
    .string({ required_error: message })
    .trim()
    .min(1, message)
    .max(max, msg('validation:tooLong', { count: max }))

const day = z
  .string({ required_error: 'engagements:validation.day' })
  .trim()
  .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)), {
    message: 'engagements:validation.day',
  })

const uuid = z.string().uuid('engagements:validation.choose')

/** A volunteer's offer on an open request: a note to the group. */
export const OfferSchema = z.object({ message: optionalText(2000) })

/** A group's invitation of a volunteer to one of its open requests. */
export const InviteSchema = z.object({
  profileId: uuid,
  requestId: uuid,
  message: optionalText(2000),
})

/**
 * The check-in dates the two sides agree: a cadence from a first date (how many, up to six), or a
 * typed list of dates, which wins when both are given. Nothing chosen is no plan (an empty list).
 * Dates already past are refused by the service, which knows today.
 */
const planFields = {
  cadence: z.enum(CHECK_IN_CADENCES).default('none'),
  firstOn: optionalText(10),
  count: optionalText(2),
  dates: optionalText(200),
}

type PlanValues = {
  cadence: (typeof CHECK_IN_CADENCES)[number]
  firstOn: string
  count: string
  dates: string
}

function refinePlan(v: PlanValues, ctx: z.RefinementCtx) {
  if (v.dates) {
    const list = splitDates(v.dates)
    if (!list.every(isDay)) {
      ctx.addIssue({ code: 'custom', path: ['dates'], message: 'engagements:plan.badDates' })
    } else if (list.length > MAX_CHECK_INS) {
      ctx.addIssue({
        code: 'custom',
        path: ['dates'],
        message: msg('engagements:plan.tooMany', { max: MAX_CHECK_INS }),
      })
    } else if (new Set(list).size !== list.length) {
      ctx.addIssue({ code: 'custom', path: ['dates'], message: 'engagements:plan.repeated' })
    }
    return
  }
  if (v.cadence === 'none') return
  if (!isDay(v.firstOn)) {
    ctx.addIssue({ code: 'custom', path: ['firstOn'], message: 'engagements:validation.day' })
  }
  const n = Number(v.count || '4')
  if (!Number.isInteger(n) || n < 1 || n > MAX_CHECK_INS) {
    ctx.addIssue({
      code: 'custom',
      path: ['count'],
      message: msg('engagements:plan.countRange', { max: MAX_CHECK_INS }),
    })
  }
}

/** The agreed dates, sorted: the typed list, else the cadence's. */
export function planDates(v: PlanValues): string[] {
  const list = v.dates
    ? splitDates(v.dates)
    : cadenceDates(v.firstOn, v.cadence, Number(v.count || '4'))
  return [...new Set(list)].sort()
}

/** The answering side's accept or decline, with a message; accepting may agree check-in dates. */
export const RespondSchema = z
  .object({
    // The pressed button's; the browser checks the message before the button is known.
    intent: z.enum(['accept', 'decline']).default('accept'),
    message: optionalText(2000),
    ...planFields,
  })
  .superRefine((v, ctx) => {
    if (v.intent === 'accept') refinePlan(v, ctx)
  })

/** Agreeing (or changing) the check-in dates of accepted or active work. */
export const CheckInPlanSchema = z.object(planFields).superRefine((v, ctx) => {
  refinePlan(v, ctx)
  if (!v.dates && v.cadence === 'none') {
    ctx.addIssue({ code: 'custom', path: ['cadence'], message: 'engagements:plan.choose' })
  }
})

/** A check-in: how the work stands on a day; it fills the agreed check-in due then. */
export const CheckInSchema = z.object({
  checkedOn: day,
  progress: z.enum(CHECK_IN_PROGRESS, {
    errorMap: () => ({ message: 'engagements:validation.choose' }),
  }),
  note: optionalText(2000),
})

/**
 * Hours as typed ("2.5"), kept as whole minutes. Zero, negative and more than a day are refused
 * here; the service also refuses a day's logs summing past 24 hours.
 */
export const LogHoursSchema = z.object({
  workedOn: day,
  hours: z
    .string({ required_error: 'engagements:refusals.hoursPositive' })
    .trim()
    .transform((v, ctx) => {
      const n = Number(v)
      if (v === '' || !Number.isFinite(n) || n <= 0) {
        ctx.addIssue({ code: 'custom', message: 'engagements:refusals.hoursPositive' })
        return z.NEVER
      }
      if (n > 24) {
        ctx.addIssue({ code: 'custom', message: 'engagements:refusals.overADay' })
        return z.NEVER
      }
      return Math.round(n * 60)
    }),
  note: optionalText(2000),
})

/** The group verifies one log or questions it; a question says what is unclear. */
export const ReviewHoursSchema = z
  .object({
    intent: z.enum(['verify', 'question']).default('verify'),
    hoursId: uuid,
    questionNote: optionalText(2000),
  })
  .refine((v) => v.intent === 'verify' || v.questionNote.length > 0, {
    path: ['questionNote'],
    message: 'engagements:validation.questionNote',
  })

export const CompleteSchema = z.object({
  handoffNote: required(4000, 'engagements:validation.handoffNote'),
})

export const CancelSchema = z.object({
  cancelReason: required(2000, 'engagements:validation.cancelReason'),
})

export const RateSchema = z.object({
  side: z.enum(PROPOSERS),
  stars: z
    .string({ required_error: 'engagements:validation.stars' })
    .trim()
    .transform((v, ctx) => {
      const n = Number(v)
      if (!Number.isInteger(n) || n < 1 || n > 5) {
        ctx.addIssue({ code: 'custom', message: 'engagements:validation.stars' })
        return z.NEVER
      }
      return n
    }),
  note: optionalText(2000),
})

/** Starting accepted work: the button is the whole form. */
export const StartSchema = z.object({})
