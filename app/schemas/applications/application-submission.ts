import { z } from 'zod'
import {
  LIVED_EXPERIENCE,
  type ApplicationStep,
} from '#app/domain/applications/application-steps.ts'
import type { AnswerValue, QuestionKind } from '#app/domain/programs/program-questions.ts'
import { ineligiblePlaces } from '#app/domain/places/place-eligibility.ts'
import { formatMoney } from '#app/lib/money.ts'
import { msg } from '#app/lib/i18n/message.ts'
import '#app/lib/i18n/zod-error-map.ts'
import { PROJECT_SUMMARY_WORDS, wordCount } from './application.ts'

export interface QuestionRule {
  id: string
  kind: QuestionKind
  label: string
  required: boolean
  options: string[]
  wordLimit: number | null
}

/** What a program asks of every application. */
export interface SubmissionContext {
  currency: string
  minAwardMinor: number
  maxAwardMinor: number
  allowSkillRequests: boolean
  eligibleStates: string[]
  eligibleCountyFips: string[]
  questions: QuestionRule[]
}

/** Everything an application says, as the review page and the submit action both see it. */
export interface ApplicationContent {
  leadership: string
  ledByLivedExperience: string
  contactName: string
  contactEmail: string
  communityServed: string
  places: { fips: string; state: string; label: string }[]
  placesOutsideUs: string
  title: string
  summary: string
  sdohDomains: string[]
  amountRequestedMinor: number | null
  budgetLines: { description: string; amountMinor: number }[]
  skillRequests: { skill: string; hours: number }[]
  answers: Record<string, AnswerValue>
  attachmentCounts: Record<string, number>
}

export interface SubmissionIssue {
  step: ApplicationStep | 'review'
  field: string
  /** A translation key, maybe packed with its values (`msg`). */
  message: string
}

const STEP_OF_FIELD: Record<string, ApplicationStep> = {
  leadership: 'organization',
  ledByLivedExperience: 'organization',
  contactName: 'organization',
  contactEmail: 'organization',
  communityServed: 'community',
  places: 'community',
  placesOutsideUs: 'community',
  title: 'project',
  summary: 'project',
  sdohDomains: 'project',
  amountRequestedMinor: 'budget',
  budgetLines: 'budget',
  skillRequests: 'skills',
  answers: 'questions',
}

/** A program's award range, in its fund's currency. */
export type AwardRange = Pick<SubmissionContext, 'currency' | 'minAwardMinor' | 'maxAwardMinor'>

const outsideRange = (range: AwardRange, minor: number) =>
  minor < range.minAwardMinor || minor > range.maxAwardMinor

// Amounts are written as en-US writes them, which es-US writes the same way ("$1,500.50";
// docs/decisions/014-languages.md), so the message can carry them already formatted.
const rangeMessage = (range: AwardRange) =>
  msg('applications:review.errors.range', {
    min: formatMoney(range.minAwardMinor, range.currency),
    max: formatMoney(range.maxAwardMinor, range.currency),
  })

/**
 * What keeps a budget from being submitted, by the budget step's fields: a request outside the
 * program's range, and lines that do not add up to the request. The budget step, its live check
 * in the browser and the submission check all use it, so they agree.
 */
export function budgetProblems(
  range: AwardRange,
  amountRequestedMinor: number | null,
  lines: readonly { amountMinor: number }[],
): { amountRequested?: string; lines?: string } {
  const problems: { amountRequested?: string; lines?: string } = {}
  if (amountRequestedMinor === null) return problems
  if (outsideRange(range, amountRequestedMinor)) problems.amountRequested = rangeMessage(range)
  const total = lines.reduce((sum, l) => sum + l.amountMinor, 0)
  if (lines.length > 0 && total !== amountRequestedMinor) {
    problems.lines = msg('applications:review.errors.linesTotal', {
      total: formatMoney(total, range.currency),
      requested: formatMoney(amountRequestedMinor, range.currency),
    })
  }
  return problems
}

const filled = (min: number, message: string) => z.string().trim().min(min, message)

/** The strict check an application must pass to be submitted. */
export function submissionSchema(ctx: SubmissionContext) {
  return z
    .object({
      leadership: filled(20, 'applications:review.errors.leadership'),
      ledByLivedExperience: z.enum(LIVED_EXPERIENCE, {
        errorMap: () => ({ message: 'applications:review.errors.livedExperience' }),
      }),
      contactName: filled(1, 'applications:review.errors.contactName'),
      contactEmail: z.string().trim().email('applications:review.errors.contactEmail'),
      communityServed: filled(20, 'applications:review.errors.communityServed'),
      places: z.array(z.object({ fips: z.string(), state: z.string(), label: z.string() })),
      placesOutsideUs: z.string(),
      title: filled(3, 'applications:review.errors.title'),
      summary: filled(50, 'applications:review.errors.summary').refine(
        (v) => wordCount(v) <= PROJECT_SUMMARY_WORDS,
        msg('applications:review.errors.summaryTooLong', { count: PROJECT_SUMMARY_WORDS }),
      ),
      sdohDomains: z.array(z.string()).min(1, 'applications:review.errors.sdohDomains'),
      amountRequestedMinor: z
        .number({ invalid_type_error: 'applications:review.errors.amountRequested' })
        .int()
        .refine((v) => !outsideRange(ctx, v), { message: rangeMessage(ctx) }),
      budgetLines: z
        .array(z.object({ description: z.string(), amountMinor: z.number().int() }))
        .min(1, 'applications:review.errors.budgetLines'),
      skillRequests: z.array(z.object({ skill: z.string(), hours: z.number() })),
      answers: z.record(z.custom<AnswerValue>()),
      attachmentCounts: z.record(z.number()),
    })
    .superRefine((app, issue) => {
      for (const { path, message } of crossChecks(ctx, app)) {
        issue.addIssue({ code: 'custom', path, message })
      }
    })
}

type Problem = { path: (string | number)[]; message: string }

/**
 * Checks that span fields. They run on their own as well as inside the schema, because zod skips
 * an object's refinements when any field fails, and the review page must list every problem.
 */
function crossChecks(ctx: SubmissionContext, app: ApplicationContent): Problem[] {
  const problems: Problem[] = []
  const add = (path: (string | number)[], message: string) => problems.push({ path, message })
  if (app.places.length === 0 && !app.placesOutsideUs.trim()) {
    add(['places'], 'applications:review.errors.places')
  }
  for (const message of ineligiblePlaces(ctx, app.places)) add(['places'], message)
  const { lines } = budgetProblems(ctx, app.amountRequestedMinor, app.budgetLines)
  if (lines) add(['budgetLines'], lines)
  if (!ctx.allowSkillRequests && app.skillRequests.length) {
    add(['skillRequests'], 'applications:review.errors.noSkills')
  }
  for (const q of ctx.questions) {
    const message = answerProblem(q, app.answers[q.id], app.attachmentCounts[q.id] ?? 0)
    if (message) add(['answers', q.id], message)
  }
  return problems
}

/** Why an answer is not acceptable for submission, or null when it is. */
export function answerProblem(q: QuestionRule, value: AnswerValue | undefined, files: number) {
  const empty =
    value === undefined || value === null || value === '' || (Array.isArray(value) && !value.length)
  if (q.kind === 'file')
    return q.required && files === 0
      ? msg('applications:review.errors.attachFile', { question: q.label })
      : null
  if (empty)
    return q.required ? msg('applications:review.errors.answer', { question: q.label }) : null
  if (q.kind === 'long_text' && q.wordLimit && wordCount(String(value)) > q.wordLimit) {
    return msg('applications:review.errors.answerTooLong', {
      question: q.label,
      count: q.wordLimit,
    })
  }
  if (q.kind === 'single_choice' && !q.options.includes(String(value))) {
    return msg('applications:review.errors.chooseOne', { question: q.label })
  }
  if (q.kind === 'multi_choice') {
    const picked = Array.isArray(value) ? value : [String(value)]
    if (picked.some((p) => !q.options.includes(p)))
      return msg('applications:review.errors.chooseFrom', { question: q.label })
  }
  if (q.kind === 'number' && !Number.isFinite(Number(value)))
    return msg('applications:review.errors.number', { question: q.label })
  return null
}

/** The list the review page shows: each problem, with the step to fix it in. */
export function submissionIssues(ctx: SubmissionContext, content: ApplicationContent) {
  const result = submissionSchema(ctx).safeParse(content)
  if (result.success) return []
  const problems: Problem[] = result.error.issues.map((i) => ({ path: i.path, message: i.message }))
  // When a field failed, zod did not run the cross-field checks; add them so nothing is hidden.
  const seen = new Set(problems.map((p) => p.message))
  for (const p of crossChecks(ctx, content)) if (!seen.has(p.message)) problems.push(p)
  return problems.map<SubmissionIssue>((p) => ({
    step: STEP_OF_FIELD[String(p.path[0])] ?? 'review',
    field: p.path.join('.'),
    message: p.message,
  }))
}
