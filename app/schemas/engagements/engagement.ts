import { z } from 'zod'
import { PROPOSERS } from '#app/domain/engagements/engagement-status.ts'
import { msg } from '#app/lib/i18n/message.ts'
import { optionalText } from '#app/schemas/fields.ts'
import { checkbox } from '#app/schemas/programs/program.ts'

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

/** The answering side's accept or decline, with a message. */
export const RespondSchema = z.object({
  // The pressed button's; the browser checks the message before the button is known.
  intent: z.enum(['accept', 'decline']).default('accept'),
  message: optionalText(2000),
})

export const CheckInSchema = z.object({
  checkedOn: day,
  onTrack: checkbox,
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
