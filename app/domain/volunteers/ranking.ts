import type { BudgetBand } from '#app/domain/organizations.ts'
import {
  scorePair,
  sumPoints,
  type MatchRequest,
  type MatchVolunteer,
  type PairContext,
} from './matching.ts'
import { roundPoints, type MatchReason, type PlaceFit } from './reasons.ts'
import { DEFAULT_MATCH_WEIGHTS, type MatchWeights } from './weights.ts'

/**
 * The two ranked lists (issue 11, "Matching"; decision 028). A volunteer's list of requests is
 * equity-aware and exposure-fair, after VolunteerMatch's SmartSort: the pair's fit times a
 * priority (vulnerable place, small organisation, long wait) times a penalty for each pending
 * offer, and a request at the cap of pending offers is not suggested. A request's list of
 * volunteers is the pair score, ties going to more completed work.
 */

/** What the equity terms read about a request. */
export interface RequestEquity {
  /** The SVI quartile of the place the group serves, 1 (least vulnerable) to 4; null: unknown. */
  vulnerabilityQuartile: 1 | 2 | 3 | 4 | null
  budgetBand: BudgetBand | null
  /** Days the request has been open without a match. */
  daysOpen: number
  pendingOffers: number
}

/**
 * An SVI percentile (0–1) as its quartile, by the rule the vulnerability bands use: a boundary
 * belongs to the quarter above it (0.25 is in the second) and 1 to the fourth.
 */
export function vulnerabilityQuartile(percentile: number | null): 1 | 2 | 3 | 4 | null {
  if (percentile === null || !Number.isFinite(percentile)) return null
  if (percentile >= 0.75) return 4
  if (percentile >= 0.5) return 3
  if (percentile >= 0.25) return 2
  return 1
}

/** Whether a request may be suggested at all: not at the cap of pending offers. */
export const suggestible = (equity: RequestEquity, weights: MatchWeights = DEFAULT_MATCH_WEIGHTS) =>
  equity.pendingOffers < weights.maxPendingOffers

/**
 * The factor a request's fit is multiplied by: (1 + its boosts) × pendingOfferFactor^pending. The
 * batch uses it for its edges and its coverage bonus, the volunteer's list for its order.
 */
export function equityMultiplier(
  equity: RequestEquity,
  weights: MatchWeights = DEFAULT_MATCH_WEIGHTS,
): number {
  return (1 + boosts(equity, weights).total) * weights.pendingOfferFactor ** equity.pendingOffers
}

function boosts(equity: RequestEquity, weights: MatchWeights) {
  const vulnerability =
    equity.vulnerabilityQuartile === null
      ? 0
      : weights.vulnerabilityBoost[equity.vulnerabilityQuartile - 1]!
  const size = equity.budgetBand === null ? 0 : weights.budgetBandBoost[equity.budgetBand]
  const wait =
    weights.waitBoost * Math.min(1, Math.max(0, equity.daysOpen) / weights.waitDaysForFull)
  return { vulnerability, size, wait, total: vulnerability + size + wait }
}

/**
 * The equity reasons for a fit of `fit` points: each boost as its share of the fit, then what the
 * pending offers take from the boosted score. Only terms that move the score are listed.
 */
export function equityReasons(
  fit: number,
  equity: RequestEquity,
  weights: MatchWeights = DEFAULT_MATCH_WEIGHTS,
): MatchReason[] {
  const b = boosts(equity, weights)
  const reasons: MatchReason[] = []
  if (equity.vulnerabilityQuartile !== null && b.vulnerability > 0)
    reasons.push({
      code: 'vulnerable_place',
      params: { quartile: equity.vulnerabilityQuartile },
      points: roundPoints(fit * b.vulnerability),
    })
  if (equity.budgetBand !== null && b.size > 0)
    reasons.push({
      code: 'small_organisation',
      params: { band: equity.budgetBand },
      points: roundPoints(fit * b.size),
    })
  if (b.wait > 0)
    reasons.push({
      code: 'waiting',
      params: { days: equity.daysOpen },
      points: roundPoints(fit * b.wait),
    })
  if (equity.pendingOffers > 0) {
    const boosted = fit * (1 + b.total)
    reasons.push({
      code: 'pending_offers',
      params: { count: equity.pendingOffers },
      points: -roundPoints(boosted * (1 - weights.pendingOfferFactor ** equity.pendingOffers)),
    })
  }
  return reasons
}

export interface RequestForVolunteer {
  request: MatchRequest
  equity: RequestEquity
  placeFit: PlaceFit
}

export interface RankedRequest {
  requestId: string
  /** The pair's score, 0–100. */
  fit: number
  /** What the list is ordered by: the fit and every equity reason's points. */
  score: number
  reasons: MatchReason[]
}

/** A volunteer's suggested requests, best first; those failing a hard filter or at the cap left out. */
export function rankRequestsForVolunteer(
  volunteer: MatchVolunteer,
  candidates: readonly RequestForVolunteer[],
  today: string,
  weights: MatchWeights = DEFAULT_MATCH_WEIGHTS,
): RankedRequest[] {
  const ranked: (RankedRequest & { daysOpen: number })[] = []
  for (const { request, equity, placeFit } of candidates) {
    if (!suggestible(equity, weights)) continue
    const pair = scorePair(volunteer, request, { today, placeFit }, weights)
    if (!pair.eligible) continue
    const reasons = [...pair.reasons, ...equityReasons(pair.score, equity, weights)]
    ranked.push({
      requestId: request.id,
      fit: pair.score,
      score: sumPoints(reasons),
      reasons,
      daysOpen: equity.daysOpen,
    })
  }
  ranked.sort(
    (a, b) =>
      b.score - a.score ||
      b.fit - a.fit ||
      b.daysOpen - a.daysOpen ||
      compareIds(a.requestId, b.requestId),
  )
  return ranked.map(({ daysOpen: _, ...r }) => r)
}

export interface VolunteerForRequest {
  volunteer: MatchVolunteer
  placeFit: PlaceFit
}

export interface RankedVolunteer {
  volunteerId: string
  score: number
  reasons: MatchReason[]
}

/** A request's matching volunteers, best first: the pair score, then completed work, then id. */
export function rankVolunteersForRequest(
  request: MatchRequest,
  candidates: readonly VolunteerForRequest[],
  today: string,
  weights: MatchWeights = DEFAULT_MATCH_WEIGHTS,
): RankedVolunteer[] {
  const ranked: (RankedVolunteer & { completed: number })[] = []
  for (const { volunteer, placeFit } of candidates) {
    const context: PairContext = { today, placeFit }
    const pair = scorePair(volunteer, request, context, weights)
    if (!pair.eligible) continue
    ranked.push({
      volunteerId: volunteer.id,
      score: pair.score,
      reasons: pair.reasons,
      completed: volunteer.completedEngagements,
    })
  }
  ranked.sort(
    (a, b) =>
      b.score - a.score || b.completed - a.completed || compareIds(a.volunteerId, b.volunteerId),
  )
  return ranked.map(({ completed: _, ...r }) => r)
}

// Code-unit order, the same in every locale and in SQL's "C" collation.
export const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
