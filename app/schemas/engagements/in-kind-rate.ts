import { z } from 'zod'
import { MAX_RATE_MINOR, MIN_RATE_YEAR } from '#app/domain/engagements/in-kind.ts'
import { VOLUNTEER_SKILLS } from '#app/domain/skills.ts'
import { msg } from '#app/lib/i18n/message.ts'
import { moneyInputValue, parseMoney } from '#app/lib/money.ts'

/** The latest year a rate may be for: next year's, published ahead. */
export const maxRateYear = (now = new Date()) => now.getUTCFullYear() + 1

/**
 * A new hourly value of a volunteer's time (admin only): for one skill from the taxonomy, or the
 * general value when none is chosen; the amount per hour, above zero and at most $1,000; the year
 * it is for; and where the figure comes from.
 */
export const InKindRateSchema = z.object({
  skill: z
    .union([z.literal(''), z.enum(VOLUNTEER_SKILLS)], {
      errorMap: () => ({ message: 'admin:inKindRates.errors.skill' }),
    })
    .optional()
    .transform((v) => (v ? v : null)),
  amount: z
    .string({ required_error: 'admin:inKindRates.errors.amount' })
    .trim()
    .transform((v, ctx) => {
      const minor = parseMoney(v)
      if (minor === null || minor <= 0) {
        ctx.addIssue({ code: 'custom', message: 'admin:inKindRates.errors.amount' })
        return z.NEVER
      }
      if (minor > MAX_RATE_MINOR) {
        ctx.addIssue({
          code: 'custom',
          message: msg('admin:inKindRates.errors.amountMax', {
            max: moneyInputValue(MAX_RATE_MINOR),
          }),
        })
        return z.NEVER
      }
      return minor
    }),
  year: z
    .string({ required_error: 'admin:inKindRates.errors.year' })
    .trim()
    .transform((v, ctx) => {
      const n = Number(v)
      if (!/^\d{4}$/.test(v) || n < MIN_RATE_YEAR || n > maxRateYear()) {
        ctx.addIssue({
          code: 'custom',
          message: msg('admin:inKindRates.errors.year', {
            min: MIN_RATE_YEAR,
            max: maxRateYear(),
          }),
        })
        return z.NEVER
      }
      return n
    }),
  source: z
    .string({ required_error: 'admin:inKindRates.errors.source' })
    .trim()
    .min(1, 'admin:inKindRates.errors.source')
    .max(300, msg('validation:tooLong', { count: 300 })),
})
