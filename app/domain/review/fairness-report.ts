import {
  reviewerLeniency,
  scoreGap,
  topQuartile,
  type GapSample,
  type ReviewerLeniency,
  type ScoreGap,
} from './fairness.ts'
import { byApplication, type ScoredReview } from './scores.ts'
import { weightedMean } from './statistics.ts'

/**
 * The fairness page (issue 9, "Bias and fairness analytics"), put together from the review
 * mathematics of docs/decisions/020: the score gap between groups of applicants and each
 * reviewer's leniency. Pure: the fairness service reads the scores and the groups and hands them
 * over; the page translates the codes.
 */

/** The comparisons, each "first group minus second group". */
export const FAIRNESS_COMPARISONS = [
  'community_led',
  'small_budget',
  'first_time',
  'most_vulnerable_place',
] as const
export type FairnessComparison = (typeof FAIRNESS_COMPARISONS)[number]

export const FAIRNESS_COMPARISON_KEYS: Record<
  FairnessComparison,
  { title: string; first: string; second: string }
> = {
  community_led: {
    title: 'review:fairness.comparisons.community_led.title',
    first: 'review:fairness.comparisons.community_led.first',
    second: 'review:fairness.comparisons.community_led.second',
  },
  small_budget: {
    title: 'review:fairness.comparisons.small_budget.title',
    first: 'review:fairness.comparisons.small_budget.first',
    second: 'review:fairness.comparisons.small_budget.second',
  },
  first_time: {
    title: 'review:fairness.comparisons.first_time.title',
    first: 'review:fairness.comparisons.first_time.first',
    second: 'review:fairness.comparisons.first_time.second',
  },
  most_vulnerable_place: {
    title: 'review:fairness.comparisons.most_vulnerable_place.title',
    first: 'review:fairness.comparisons.most_vulnerable_place.first',
    second: 'review:fairness.comparisons.most_vulnerable_place.second',
  },
}

/**
 * Below this many compared reviews a reviewer's leniency is shown with a caution: the standard
 * error of a mean of n offsets, each about one pool sd wide, is about 1/√n sd, so with fewer
 * than ten it is above a third of an sd and the figure says little beyond chance.
 */
export const LENIENCY_CAUTION_REVIEWS = 10

/** Within this many pool sds of the panel (either side) a reviewer reads "in line with it". */
export const LENIENCY_IN_LINE_SD = 0.1

/** An application with what the comparisons need; null where the application does not say. */
export interface FairnessApplication {
  id: string
  communityLed: boolean | null
  smallBudget: boolean | null
  /** The group had no earlier submitted application to this funder. */
  firstTime: boolean
  placeVulnerability: number | null
}

export interface FairnessGap extends ScoreGap {
  comparison: FairnessComparison
  /** Scored applications that say nothing on this comparison, left out of both groups. */
  unknown: number
}

export interface FairnessReport {
  /** Applications with at least one complete review (their weighted mean is their score). */
  scoredApplications: number
  reviews: number
  gaps: FairnessGap[]
  leniency: ReviewerLeniency[]
}

/**
 * Each application's score is the reviewer-weighted mean of its complete reviews (the ranking
 * board's weighted mean); applications without one are left out. Most vulnerable places is the
 * top quartile of the place index among the program's applications (all of them, scored or
 * not, as the guardrail reads it); applications without an index are in neither group.
 */
export function fairnessReport(
  applications: readonly FairnessApplication[],
  reviews: readonly ScoredReview[],
): FairnessReport {
  const quartile = topQuartile(applications.map((a) => a.placeVulnerability))
  const mostVulnerable = new Map(
    applications.map((a, i) => [a.id, a.placeVulnerability === null ? null : quartile[i]!]),
  )
  const grouped = byApplication(reviews)
  const scored: { application: FairnessApplication; sample: GapSample }[] = []
  for (const application of applications) {
    const own = grouped.get(application.id)
    if (!own) continue
    const score = weightedMean(own.map((r) => ({ value: r.score, weight: r.reviewerWeight })))
    if (score === null) continue
    scored.push({ application, sample: { score, reviews: own.length } })
  }
  const side: Record<FairnessComparison, (a: FairnessApplication) => boolean | null> = {
    community_led: (a) => a.communityLed,
    small_budget: (a) => a.smallBudget,
    first_time: (a) => a.firstTime,
    most_vulnerable_place: (a) => mostVulnerable.get(a.id) ?? null,
  }
  const gaps = FAIRNESS_COMPARISONS.map((comparison): FairnessGap => {
    const first: GapSample[] = []
    const second: GapSample[] = []
    let unknown = 0
    for (const { application, sample } of scored) {
      const inFirst = side[comparison](application)
      if (inFirst === null) unknown += 1
      else (inFirst ? first : second).push(sample)
    }
    return { comparison, ...scoreGap(first, second), unknown }
  })
  const counted = new Set(scored.map((s) => s.application.id))
  const countedReviews = reviews.filter((r) => counted.has(r.applicationId))
  return {
    scoredApplications: scored.length,
    reviews: countedReviews.length,
    gaps,
    leniency: reviewerLeniency(countedReviews),
  }
}

/** How a reviewer's leniency reads: above the panel, below it, in line, or not known. */
export const LENIENCY_READINGS = ['above', 'below', 'in_line', 'unknown'] as const
export type LeniencyReading = (typeof LENIENCY_READINGS)[number]

export function leniencyReading(leniency: number | null): LeniencyReading {
  if (leniency === null) return 'unknown'
  if (Math.abs(leniency) < LENIENCY_IN_LINE_SD) return 'in_line'
  return leniency > 0 ? 'above' : 'below'
}
