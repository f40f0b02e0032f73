import { z } from 'zod'
import { formatMoney, moneyInputValue, parseMoney } from '#app/lib/money.ts'
import { msg } from '#app/lib/i18n/message.ts'
import { REPORT_FIGURES, type ReportFigures } from '#app/domain/grants/grant-states.ts'
import {
  isCalendarDay,
  scheduleProblems,
  type ScheduledPayment,
} from '#app/domain/grants/schedule.ts'
import { confirmation } from '../confirmation.ts'
import { optionalText } from '../fields.ts'

const TEXT_MAX = 4000
const REPORT_MAX = 20_000
const REASON_MAX = 1000

const Day = (required: string) =>
  z
    .string({ required_error: required })
    .trim()
    .min(1, required)
    .refine(isCalendarDay, 'grants:errors.badDay')

/** A grant's first and last days, as the award form and the schedule editor both ask them. */
export const termFields = {
  startsOn: Day('grants:errors.startRequired'),
  endsOn: Day('grants:errors.endRequired'),
}

/**
 * Adds the error under the last day when it is not after the first; answers whether it did (the
 * other checks of a form read the days, so they stop there).
 */
export function refuseBadTerm(value: { startsOn: string; endsOn: string }, ctx: z.RefinementCtx) {
  if (value.endsOn > value.startsOn) return false
  ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'grants:errors.endBeforeStart' })
  return true
}

/** What the schedule editor knows of a grant: its award and the payments it may not change. */
export interface ScheduleContext {
  awardedMinor: number
  currency: string
  /**
   * Paid and held payments stay as they are (a held one is released first): the editor shows
   * them and sends only the others.
   */
  fixed: readonly ScheduledPayment[]
}

const LineSchema = z.object({
  dueOn: z.string().trim().default(''),
  amount: z.string().trim().default(''),
})

const filledLines = (lines: { dueOn: string; amount: string }[]) =>
  lines.map((line, index) => ({ line, index })).filter(({ line }) => line.dueOn || line.amount)

/**
 * The schedule editor's form, the same in the browser and the action: the terms and the unpaid
 * payment lines ("lines.N.dueOn", "lines.N.amount"). scheduleProblems() judges the whole schedule,
 * paid payments included, and each problem lands next to its line; a total that is not the award
 * lands under the total, saying by how much.
 */
export function scheduleSchema(context: ScheduleContext) {
  return z
    .object({
      ...termFields,
      lines: z.array(LineSchema).max(120).default([]),
    })
    .superRefine((value, ctx) => {
      if (refuseBadTerm(value, ctx)) return
      // A row left blank (the spare row a page without JavaScript offers) is no payment.
      const kept = filledLines(value.lines)
      const lines = kept.map(({ line }) => ({
        dueOn: line.dueOn,
        amountMinor: parseMoney(line.amount) ?? Number.NaN,
      }))
      const offset = context.fixed.length
      const problems = scheduleProblems(
        context.awardedMinor,
        { startsOn: value.startsOn, endsOn: value.endsOn },
        [...context.fixed, ...lines],
      )
      for (const problem of problems) {
        if (problem.code === 'empty') {
          ctx.addIssue({ code: 'custom', path: ['total'], message: 'grants:errors.noPayments' })
        } else if (problem.code === 'sum_mismatch') {
          const scheduled = Number.isFinite(problem.scheduled) ? problem.scheduled : 0
          ctx.addIssue({
            code: 'custom',
            path: ['total'],
            message: msg('grants:errors.sumMismatch', {
              scheduled: formatMoney(scheduled, context.currency),
              awarded: formatMoney(problem.awarded, context.currency),
              difference: formatMoney(Math.abs(problem.awarded - scheduled), context.currency),
            }),
          })
        } else {
          const line = problem.index < offset ? -1 : kept[problem.index - offset]!.index
          const message =
            problem.code === 'bad_day'
              ? 'grants:errors.badDay'
              : problem.code === 'outside_term'
                ? 'grants:errors.outsideTerm'
                : 'grants:errors.amountNotPositive'
          const field = problem.code === 'not_positive' ? 'amount' : 'dueOn'
          ctx.addIssue({
            code: 'custom',
            path: line < 0 ? ['startsOn'] : ['lines', line, field],
            message: line < 0 ? 'grants:errors.paidOutsideTerm' : message,
          })
        }
      }
    })
    .transform((value) => ({
      terms: { startsOn: value.startsOn, endsOn: value.endsOn },
      payments: filledLines(value.lines).map(({ line }) => ({
        dueOn: line.dueOn,
        amountMinor: parseMoney(line.amount) ?? 0,
      })),
    }))
}
export type ScheduleInput = z.output<ReturnType<typeof scheduleSchema>>

/** The lines as the editor's inputs hold them. */
export const scheduleLineValues = (payments: readonly ScheduledPayment[]) =>
  payments.map((p) => ({ dueOn: p.dueOn, amount: moneyInputValue(p.amountMinor) }))

/** Adds or edits a reporting milestone (no id: a new one). */
export const MilestoneSchema = z.object({
  milestoneId: z
    .string()
    .uuid()
    .optional()
    .or(z.literal('').transform(() => undefined)),
  dueOn: Day('grants:errors.dueRequired'),
  title: z
    .string({ required_error: 'grants:errors.titleRequired' })
    .trim()
    .min(1, 'grants:errors.titleRequired')
    .max(200, msg('validation:tooLong', { count: 200 })),
  ask: optionalText(TEXT_MAX),
})
export type MilestoneInput = z.output<typeof MilestoneSchema>

const Reason = (required: string) =>
  z
    .string({ required_error: required })
    .trim()
    .min(1, required)
    .max(REASON_MAX, msg('validation:tooLong', { count: REASON_MAX }))

/** A payment held while a report is overdue, with the reason the grantee will read. */
export const HoldSchema = z.object({
  disbursementId: z.string().uuid(),
  reason: Reason('grants:errors.holdReasonRequired'),
})

export const CancelGrantSchema = z.object({
  reason: Reason('grants:errors.cancelReasonRequired'),
  confirm: confirmation('grants:errors.confirmCancel'),
})

/** "Mark paid", confirmed: the money has been sent. */
export const PaySchema = z.object({
  disbursementId: z.string().uuid(),
  confirm: confirmation('grants:errors.confirmPaid'),
})

/** "Generate N instalments": the unpaid remainder split evenly from the first day. */
export const GenerateSchema = z.object({
  parts: z.coerce
    .number({ invalid_type_error: 'grants:errors.partsRange' })
    .int('grants:errors.partsRange')
    .min(1, 'grants:errors.partsRange')
    .max(60, 'grants:errors.partsRange'),
  every: z.enum(['1', '3', '12']).transform(Number),
})

/** The officer's answer to a submitted report: accept, or ask for changes with a message. */
export const ReportReviewSchema = z.discriminatedUnion('decision', [
  z.object({ reportId: z.string().uuid(), decision: z.literal('accept') }),
  z.object({
    reportId: z.string().uuid(),
    decision: z.literal('changes'),
    message: Reason('grants:errors.changesMessageRequired'),
  }),
])
export type ReportReviewInput = z.output<typeof ReportReviewSchema>

const FIGURE_MAX = 10_000_000

const figureField = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (!v) return undefined
    const n = Number(v.replace(/,/g, ''))
    if (!Number.isInteger(n) || n < 0 || n > FIGURE_MAX) {
      ctx.addIssue({ code: 'custom', message: 'grants:errors.figureWhole' })
      return z.NEVER
    }
    return n
  })

/** The grantee's report on one milestone: what happened, and a few optional whole figures. */
export const ReportSchema = z
  .object({
    milestoneId: z.string().uuid(),
    body: z
      .string({ required_error: 'grants:errors.reportRequired' })
      .trim()
      .min(1, 'grants:errors.reportRequired')
      .max(REPORT_MAX, msg('validation:tooLong', { count: REPORT_MAX })),
    figures: z.object(Object.fromEntries(REPORT_FIGURES.map((f) => [f, figureField]))).default({}),
  })
  .transform((value) => ({
    milestoneId: value.milestoneId,
    body: value.body,
    figures: Object.fromEntries(
      Object.entries(value.figures).filter(([, n]) => n !== undefined),
    ) as ReportFigures,
  }))
export type ReportInput = z.output<typeof ReportSchema>
