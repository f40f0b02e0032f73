/**
 * A grant's terms and disbursement schedule, on calendar days ('YYYY-MM-DD', the program's time
 * zone). Pure: the award form, the schedule editor and the services share it. Amounts are integer
 * minor units.
 */

/** Days after a grant ends that its final report is due by default. */
export const FINAL_REPORT_GRACE_DAYS = 30
/** A grant runs a year from its award unless the officer sets other dates. */
export const DEFAULT_TERM_MONTHS = 12

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/

/** Whether `text` is a real calendar day written YYYY-MM-DD (no 31 February). */
export function isCalendarDay(text: string): boolean {
  const match = DAY.exec(text)
  if (!match) return false
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
  return date.toISOString().slice(0, 10) === text
}

const toDay = (date: Date) => date.toISOString().slice(0, 10)
const fromDay = (day: string) => new Date(`${day}T00:00:00Z`)

export function addDays(day: string, days: number): string {
  const date = fromDay(day)
  date.setUTCDate(date.getUTCDate() + days)
  return toDay(date)
}

/** `months` later on the same day of the month, or the month's last day when it is shorter. */
export function addMonths(day: string, months: number): string {
  const date = fromDay(day)
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1))
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate()
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay))
  return toDay(target)
}

export interface GrantTerms {
  startsOn: string
  endsOn: string
}

/** The default term: from the award day, for DEFAULT_TERM_MONTHS (the day before the anniversary). */
export function defaultTerms(awardDay: string): GrantTerms {
  return { startsOn: awardDay, endsOn: addDays(addMonths(awardDay, DEFAULT_TERM_MONTHS), -1) }
}

/**
 * `amount` in `parts` instalments as equal as whole minor units allow: the first ones carry the
 * remainder, a unit each, so the parts always sum to the amount.
 */
export function splitAmount(amount: number, parts: number): number[] {
  if (!Number.isInteger(amount) || !Number.isInteger(parts) || parts < 1 || amount < parts) {
    throw new RangeError(`cannot split ${amount} into ${parts} positive whole parts`)
  }
  const base = Math.floor(amount / parts)
  const remainder = amount - base * parts
  return Array.from({ length: parts }, (_, i) => base + (i < remainder ? 1 : 0))
}

export interface ScheduledPayment {
  dueOn: string
  amountMinor: number
}

/**
 * `parts` payments of `amount`, the first on the start day and the others spread `everyMonths`
 * apart (the payment-schedule generator funders expect: monthly, quarterly, yearly).
 */
export function instalments(
  amount: number,
  startsOn: string,
  parts: number,
  everyMonths: number,
): ScheduledPayment[] {
  return splitAmount(amount, parts).map((amountMinor, i) => ({
    dueOn: addMonths(startsOn, i * everyMonths),
    amountMinor,
  }))
}

export type ScheduleProblem =
  | { code: 'empty' }
  | { code: 'bad_day'; index: number }
  | { code: 'not_positive'; index: number }
  | { code: 'outside_term'; index: number }
  | { code: 'sum_mismatch'; scheduled: number; awarded: number }

/**
 * What is wrong with a schedule for an award of `awarded` over `terms`, nothing when it is right:
 * every payment a real day within the term and a positive whole amount, all of them summing to
 * the award. (The database holds the sum too, at commit.)
 */
export function scheduleProblems(
  awarded: number,
  terms: GrantTerms,
  payments: readonly ScheduledPayment[],
): ScheduleProblem[] {
  if (payments.length === 0) return [{ code: 'empty' }]
  const problems: ScheduleProblem[] = []
  payments.forEach((payment, index) => {
    if (!isCalendarDay(payment.dueOn)) problems.push({ code: 'bad_day', index })
    else if (payment.dueOn < terms.startsOn || payment.dueOn > terms.endsOn) {
      problems.push({ code: 'outside_term', index })
    }
    if (!Number.isSafeInteger(payment.amountMinor) || payment.amountMinor <= 0) {
      problems.push({ code: 'not_positive', index })
    }
  })
  const scheduled = payments.reduce((total, p) => total + p.amountMinor, 0)
  if (scheduled !== awarded) problems.push({ code: 'sum_mismatch', scheduled, awarded })
  return problems
}
