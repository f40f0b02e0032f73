import {
  programAgreement,
  rubricAgreement,
  type Agreement,
  type AlphaUndefinedReason,
} from './agreement.ts'
import { normaliseScores } from './normalise.ts'
import {
  APPLICATION_SCORE_FLAGS,
  applicationScores,
  scoreFlags,
  scoreReviews,
  type ReviewRecord,
  type ScoringCriterion,
} from './scores.ts'

/**
 * The ranking board (issue 9, "Ranking and decision support"): the review mathematics of
 * docs/decisions/020 put together for one program. Pure: the ranking service reads the program's
 * submitted reviews and applications and hands them over as they are.
 */

/** Flags on a line of the board: the scores' own, and a reviewer's declared conflict. */
export const RANKING_FLAGS = [...APPLICATION_SCORE_FLAGS, 'conflict_declared'] as const
export type RankingFlag = (typeof RANKING_FLAGS)[number]

export const RANKING_FLAG_KEYS: Record<RankingFlag, string> = {
  too_few_reviews: 'review:ranking.flags.too_few_reviews',
  high_disagreement: 'review:ranking.flags.high_disagreement',
  conflict_declared: 'review:ranking.flags.conflict_declared',
}

/** What the board is ordered by: the weighted mean (raw) or the normalised score. */
export const RANKING_SORTS = ['raw', 'normalised'] as const
export type RankingSort = (typeof RANKING_SORTS)[number]

export const RANKING_SORT_KEYS: Record<RankingSort, string> = {
  raw: 'review:ranking.sorts.raw',
  normalised: 'review:ranking.sorts.normalised',
}

/**
 * Krippendorff's own guidance for alpha ("Content Analysis", 2004, §11.4.1): rely on data with
 * α ≥ 0.800; data with 0.667 ≤ α < 0.800 allow only tentative conclusions; below 0.667, discard
 * them. The board says "consistent", "mixed" and "inconsistent" for these three bands.
 */
export const CONSISTENT_ALPHA = 0.8
export const TENTATIVE_ALPHA = 0.667

/** How the panel's agreement reads in words; `unknown` when alpha cannot be computed. */
export const AGREEMENT_LEVELS = ['consistent', 'mixed', 'inconsistent', 'unknown'] as const
export type AgreementLevel = (typeof AGREEMENT_LEVELS)[number]

export const AGREEMENT_LEVEL_KEYS: Record<AgreementLevel, string> = {
  consistent: 'review:ranking.agreement.levels.consistent',
  mixed: 'review:ranking.agreement.levels.mixed',
  inconsistent: 'review:ranking.agreement.levels.inconsistent',
  unknown: 'review:ranking.agreement.levels.unknown',
}

/** Why alpha is missing, in words (shown instead of `unknown`). */
export const ALPHA_UNDEFINED_KEYS: Record<AlphaUndefinedReason, string> = {
  too_few_pairable: 'review:ranking.agreement.reasons.too_few_pairable',
  no_variation: 'review:ranking.agreement.reasons.no_variation',
}

export function agreementLevel(alpha: number | null): AgreementLevel {
  if (alpha === null) return 'unknown'
  if (alpha >= CONSISTENT_ALPHA) return 'consistent'
  if (alpha >= TENTATIVE_ALPHA) return 'mixed'
  return 'inconsistent'
}

/** An application on the board: what the scores do not say. */
export interface RankedApplication {
  id: string
  /** A reviewer declared a conflict of interest on it. */
  conflictDeclared: boolean
}

/** One line of the board, before the page adds names, amounts and places. */
export interface RankingLine {
  applicationId: string
  /** Complete (submitted, fully scored) reviews counted. */
  reviews: number
  /** Reviewer-weighted mean of its reviews' 0–100 scores; null without any. */
  mean: number | null
  /** Reviewer-weighted mean of its reviews' normalised scores (0–100); null without any. */
  normalised: number | null
  /** Some of its reviews count raw: their reviewer has fewer than three reviews. */
  includesRaw: boolean
  /** Sample standard deviation of its reviews' scores: the disagreement. */
  sd: number | null
  flags: RankingFlag[]
}

export interface PanelAgreement {
  /** On the overall 0–100 score of complete reviews. */
  overall: Agreement
  /** On each criterion's levels, in the rubric's order. */
  criteria: { criterionId: string; agreement: Agreement }[]
}

export interface ProgramRanking {
  lines: RankingLine[]
  agreement: PanelAgreement
}

export interface RankingOptions {
  /** The program's reviewers per application: fewer complete reviews are flagged. */
  reviewersPerApplication: number
  highDisagreementSd?: number
}

/**
 * The board's lines, one per application given (in their order), and the panel's agreement.
 * Reviews of applications not given (withdrawn since) count nowhere: not in the lines, not in
 * the reviewers' normalisation, not in the agreement.
 */
export function rankApplications(
  rubric: readonly ScoringCriterion[],
  reviews: readonly ReviewRecord[],
  applications: readonly RankedApplication[],
  options: RankingOptions,
): ProgramRanking {
  const listed = new Set(applications.map((a) => a.id))
  const counted = reviews.filter((r) => listed.has(r.applicationId))
  const scored = scoreReviews(rubric, counted)
  const scores = new Map(
    applicationScores(rubric, counted, {
      ...options,
      applicationIds: applications.map((a) => a.id),
    }).map((s) => [s.applicationId, s]),
  )
  const normalised = new Map(normaliseScores(scored).applications.map((n) => [n.applicationId, n]))
  const figures = new Map(
    [...scores.values()].map((score): [string, ApplicationFigures] => {
      const normal = normalised.get(score.applicationId)
      return [
        score.applicationId,
        {
          reviews: score.reviews,
          mean: score.mean,
          sd: score.sd,
          normalised: normal?.normalised ?? null,
          includesRaw: normal?.includesRaw ?? false,
        },
      ]
    }),
  )
  const lines = rankingLines(applications, figures, options)
  return {
    lines,
    agreement: { overall: programAgreement(scored), criteria: rubricAgreement(rubric, counted) },
  }
}

/**
 * What a line needs of an application's reviews: their number, weighted mean, sd, normalised
 * score and whether some count raw. rankApplications computes them here; the ranking service has
 * the database compute the same figures (app/services/review/score-aggregates.server.ts).
 */
export type ApplicationFigures = Pick<
  RankingLine,
  'reviews' | 'mean' | 'sd' | 'normalised' | 'includesRaw'
>

const NO_REVIEWS: ApplicationFigures = {
  reviews: 0,
  mean: null,
  sd: null,
  normalised: null,
  includesRaw: false,
}

/** The board's lines, one per application given (in their order), from their figures. */
export function rankingLines(
  applications: readonly RankedApplication[],
  figures: ReadonlyMap<string, ApplicationFigures>,
  options: RankingOptions,
): RankingLine[] {
  return applications.map((application): RankingLine => {
    const { reviews, mean, sd, normalised, includesRaw } = figures.get(application.id) ?? NO_REVIEWS
    const flags: RankingFlag[] = scoreFlags(reviews, sd, options)
    if (application.conflictDeclared) flags.push('conflict_declared')
    return { applicationId: application.id, reviews, mean, normalised, includesRaw, sd, flags }
  })
}

/**
 * The board in the order asked for: highest score first, lines without a score last; equal
 * scores by the other score, then by application id, so the order never depends on the database.
 */
export function sortRanking<T extends Pick<RankingLine, 'applicationId' | 'mean' | 'normalised'>>(
  lines: readonly T[],
  sort: RankingSort,
): T[] {
  const first = (l: T) => (sort === 'raw' ? l.mean : l.normalised)
  const second = (l: T) => (sort === 'raw' ? l.normalised : l.mean)
  const descending = (a: number | null, b: number | null) =>
    a === b ? 0 : a === null ? 1 : b === null ? -1 : b - a
  return [...lines].sort(
    (a, b) =>
      descending(first(a), first(b)) ||
      descending(second(a), second(b)) ||
      (a.applicationId < b.applicationId ? -1 : a.applicationId > b.applicationId ? 1 : 0),
  )
}
