import { z } from 'zod'
import {
  CUSTOM_AMOUNT,
  GIFT_MAX_MINOR,
  GIFT_MIN_MINOR,
  GIFT_PRESETS_MINOR,
  TRIBUTE_KINDS,
} from '#app/domain/donations/giving.ts'
import { DONATION_INTERVALS } from '#app/domain/donations/donation-status.ts'
import { msg } from '#app/lib/i18n/message.ts'
import { moneyInputValue, parseMoney } from '#app/lib/money.ts'
import { EmailSchema, NameSchema } from '#app/schemas/fields.ts'
import { checkbox } from '#app/schemas/programs/program.ts'

const PRESET_VALUES: [string, ...string[]] = [CUSTOM_AMOUNT, ...GIFT_PRESETS_MINOR.map(String)]

const tooSmall = msg('validation:gift.tooSmall', { amount: moneyInputValue(GIFT_MIN_MINOR) })
const tooLarge = msg('validation:gift.tooLarge', { amount: moneyInputValue(GIFT_MAX_MINOR) })

/** Why typed text is not a gift this page takes, or null when it is one. */
function customAmountProblem(custom: string): string | null {
  const minor = parseMoney(custom)
  if (minor === null) return 'validation:gift.invalid'
  if (minor < GIFT_MIN_MINOR) return tooSmall
  if (minor > GIFT_MAX_MINOR) return tooLarge
  return null
}

/** The gift in minor units: the preset chosen, or the amount typed beside "another amount". */
const giftAmount = (preset: string, custom: string) =>
  preset === CUSTOM_AMOUNT ? (parseMoney(custom) ?? 0) : Number(preset)

/** An email address that may be left empty ('' then), with the email field's own messages. */
const optionalEmail = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (!v) return ''
    const parsed = EmailSchema.safeParse(v)
    if (parsed.success) return parsed.data
    for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, path: [] })
    return z.NEVER
  })

/**
 * The public donate form, checked in the browser and again in the action. Amounts come out in
 * integer minor units; a tribute is either absent or complete (kind and name).
 */
export const GiveSchema = z
  .object({
    preset: z.enum(PRESET_VALUES, { errorMap: () => ({ message: 'validation:gift.choose' }) }),
    // Checked on its own (not only with the preset) so its error shows beside the others'.
    customAmount: z
      .string()
      .trim()
      .optional()
      .transform((v) => v ?? '')
      .superRefine((v, ctx) => {
        const problem = v ? customAmountProblem(v) : null
        if (problem) ctx.addIssue({ code: 'custom', message: problem })
      }),
    interval: z.enum(DONATION_INTERVALS, {
      errorMap: () => ({ message: 'validation:gift.interval' }),
    }),
    coverFee: checkbox,
    donorName: NameSchema,
    donorEmail: EmailSchema,
    anonymous: checkbox,
    tributeKind: z
      .union([z.literal(''), z.enum(TRIBUTE_KINDS)])
      .optional()
      .transform((v) => v || null),
    tributeName: z
      .string()
      .trim()
      .max(100, msg('validation:name.tooLong', { count: 100 }))
      .optional()
      .transform((v) => v ?? ''),
    tributeNotifyEmail: optionalEmail,
    programId: z
      .string()
      .optional()
      .transform((v) => v || null),
    /** Set by the page a grant's "Give" link opens; the action checks it is the fund's. */
    grantId: z
      .string()
      .optional()
      .transform((v) => v || null),
  })
  // Checks across fields, which run once every field is valid on its own.
  .superRefine((v, ctx) => {
    if (v.preset === CUSTOM_AMOUNT && !v.customAmount) {
      const message = 'validation:gift.customRequired'
      ctx.addIssue({ code: 'custom', path: ['customAmount'], message })
    }
    if (v.tributeKind && !v.tributeName) {
      ctx.addIssue({
        code: 'custom',
        path: ['tributeName'],
        message: 'validation:gift.tributeName',
      })
    }
  })
  // Runs only once the checks above passed, so the amount is known to be good.
  .transform((v) => ({
    amountMinor: giftAmount(v.preset, v.customAmount),
    interval: v.interval,
    coverFee: v.coverFee,
    donorName: v.donorName,
    donorEmail: v.donorEmail,
    anonymous: v.anonymous,
    tribute: v.tributeKind
      ? {
          kind: v.tributeKind,
          name: v.tributeName,
          notifyEmail: v.tributeNotifyEmail || null,
        }
      : null,
    programId: v.programId,
    grantId: v.grantId,
  }))
export type GiveInput = z.output<typeof GiveSchema>
