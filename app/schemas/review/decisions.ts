import { z } from 'zod'
import { MoneySchema } from '#app/lib/money.ts'
import { msg } from '#app/lib/i18n/message.ts'
import { confirmation } from '../confirmation.ts'
import { refuseBadTerm, termFields } from '../grants/grants.ts'

const REASON_MAX = 2000
const FEEDBACK_MAX = 4000

const ApplicationIdSchema = z.string().uuid('decisions:refusals.noSuchApplication')

/** The override field: empty keeps the reviewers' mean; else a figure from 0 to 100. */
const OverrideSchema = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (!v) return null
    const n = Number(v.replace(',', '.'))
    if (!Number.isFinite(n) || n < 0 || n > 100) {
      ctx.addIssue({ code: 'custom', message: 'decisions:consensus.overrideInvalid' })
      return z.NEVER
    }
    return Math.round(n * 10) / 10
  })

/** The panel's consensus: the mean as it is, or an override with a written reason. */
export const ConsensusSchema = z
  .object({
    intent: z.literal('consensus'),
    applicationId: ApplicationIdSchema,
    override: OverrideSchema,
    reason: z
      .string()
      .trim()
      .max(REASON_MAX, msg('validation:tooLong', { count: REASON_MAX }))
      .optional()
      .transform((v) => v ?? ''),
  })
  .superRefine((value, ctx) => {
    if (value.override !== null && !value.reason) {
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message: 'decisions:consensus.reasonRequired',
      })
    }
  })
export type ConsensusInput = Omit<z.infer<typeof ConsensusSchema>, 'intent'>

/**
 * An award: the amount (prefilled with the request), the grant's first and last days (the last
 * after the first), optional words to the group, confirmed.
 */
export const AwardSchema = z
  .object({
    intent: z.literal('award'),
    applicationId: ApplicationIdSchema,
    amount: MoneySchema('decisions:decision.amountRequired', 'decisions:decision.amountInvalid'),
    ...termFields,
    note: z
      .string()
      .trim()
      .max(FEEDBACK_MAX, msg('validation:tooLong', { count: FEEDBACK_MAX }))
      .optional()
      .transform((v) => v ?? ''),
    confirmAward: confirmation('decisions:decision.confirmRequired'),
  })
  .superRefine((value, ctx) => {
    refuseBadTerm(value, ctx)
  })
export type AwardFormInput = z.infer<typeof AwardSchema>

/** A decline: feedback the group can use (required) and the reviewer comments chosen to share. */
export const DeclineSchema = z.object({
  intent: z.literal('decline'),
  applicationId: ApplicationIdSchema,
  feedback: z
    .string({ required_error: 'decisions:decision.feedbackRequired' })
    .trim()
    .min(1, 'decisions:decision.feedbackRequired')
    .max(FEEDBACK_MAX, msg('validation:tooLong', { count: FEEDBACK_MAX })),
  sharedCommentIds: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
  confirmDecline: confirmation('decisions:decision.confirmRequired'),
})
export type DeclineFormInput = z.infer<typeof DeclineSchema>

/** The decision page's three forms, told apart by their intent. */
export const DecisionPageSchema = z.union([ConsensusSchema, AwardSchema, DeclineSchema])
