import { BUDGET_BANDS, type BudgetBand } from '#app/domain/organizations.ts'

/**
 * Every number the matching uses, in one object an admin can tune
 * (docs/decisions/028-volunteer-matching.md). Pair factors are points at a perfect fit and add up
 * to 100, so a pair's score reads on 0–100; equity boosts are shares of that score (0.3: 30% more);
 * the batch terms are points in the same units.
 */

/** How much a volunteer knows a skill, least first. */
export const SKILL_LEVELS = ['some', 'experienced', 'expert'] as const
export type SkillLevel = (typeof SKILL_LEVELS)[number]

/** The pair factors, in the order a page lists their reasons. */
export const PAIR_FACTORS = [
  'skill',
  'language',
  'overlap',
  'hours',
  'availability',
  'experience',
] as const
export type PairFactor = (typeof PAIR_FACTORS)[number]

export interface MatchWeights {
  /** Points each pair factor gives at a perfect fit; they add up to 100. */
  factors: Record<PairFactor, number>
  /** The share (0–1) of the skill points each level earns; never lower for a higher level. */
  levelShare: Record<SkillLevel, number>
  /** Hours a week of shared working time with the group that earn all the overlap points. */
  overlapHoursForFull: number
  /** Completed engagements that earn all the experience points (fewer earn their share). */
  completedForFull: number
  /** Boost by the place's vulnerability quartile (index 0 is the least vulnerable quarter). */
  vulnerabilityBoost: readonly [number, number, number, number]
  /** Boost by the organisation's annual budget band. */
  budgetBandBoost: Record<BudgetBand, number>
  /** Boost for waiting without a match, reached in full after `waitDaysForFull` days. */
  waitBoost: number
  waitDaysForFull: number
  /** Each pending offer multiplies the score by this (0–1]; so attractive requests are not swamped. */
  pendingOfferFactor: number
  /** From this many pending offers a request is not suggested until one is answered. */
  maxPendingOffers: number
  /** Batch: points for giving a request its first suggestion (times the request's equity multiplier). */
  coverageBonus: number
  /** Batch: points taken for each pair of suggestions that go to the same group. */
  groupSpread: number
}

export const DEFAULT_MATCH_WEIGHTS: MatchWeights = {
  factors: { skill: 35, language: 10, overlap: 15, hours: 15, availability: 15, experience: 10 },
  levelShare: { some: 0.5, experienced: 0.8, expert: 1 },
  overlapHoursForFull: 4,
  completedForFull: 5,
  vulnerabilityBoost: [0, 0, 0.1, 0.3],
  budgetBandBoost: { under_50k: 0.2, '50k_250k': 0.1, '250k_1m': 0, '1m_5m': 0, over_5m: 0 },
  waitBoost: 0.15,
  waitDaysForFull: 14,
  pendingOfferFactor: 0.7,
  maxPendingOffers: 3,
  coverageBonus: 50,
  groupSpread: 10,
}

export const WEIGHT_PROBLEMS = [
  'not_a_number',
  'negative',
  'factors_not_100',
  'share_too_large',
  'level_order',
  'must_be_positive',
  'factor_out_of_range',
  'not_whole',
] as const
export type WeightProblemCode = (typeof WEIGHT_PROBLEMS)[number]

/** What an admin's weights get wrong: the field (a dotted path) and why. */
export interface WeightProblem {
  field: string
  code: WeightProblemCode
}

/** The problems' sentences, as translation keys (an admin form shows them beside the field). */
export const WEIGHT_PROBLEM_KEYS: Record<WeightProblemCode, string> = {
  not_a_number: 'volunteers:match.weights.problem.not_a_number',
  negative: 'volunteers:match.weights.problem.negative',
  factors_not_100: 'volunteers:match.weights.problem.factors_not_100',
  share_too_large: 'volunteers:match.weights.problem.share_too_large',
  level_order: 'volunteers:match.weights.problem.level_order',
  must_be_positive: 'volunteers:match.weights.problem.must_be_positive',
  factor_out_of_range: 'volunteers:match.weights.problem.factor_out_of_range',
  not_whole: 'volunteers:match.weights.problem.not_whole',
}

/** Empty when the weights can be used; otherwise every problem, so a form shows them all at once. */
export function checkMatchWeights(w: MatchWeights): WeightProblem[] {
  const problems: WeightProblem[] = []
  const numbers: [string, number][] = [
    ...PAIR_FACTORS.map((f): [string, number] => [`factors.${f}`, w.factors[f]]),
    ...SKILL_LEVELS.map((l): [string, number] => [`levelShare.${l}`, w.levelShare[l]]),
    ['overlapHoursForFull', w.overlapHoursForFull],
    ['completedForFull', w.completedForFull],
    ...w.vulnerabilityBoost.map((b, i): [string, number] => [`vulnerabilityBoost.${i}`, b]),
    ...BUDGET_BANDS.map((b): [string, number] => [`budgetBandBoost.${b}`, w.budgetBandBoost[b]]),
    ['waitBoost', w.waitBoost],
    ['waitDaysForFull', w.waitDaysForFull],
    ['pendingOfferFactor', w.pendingOfferFactor],
    ['maxPendingOffers', w.maxPendingOffers],
    ['coverageBonus', w.coverageBonus],
    ['groupSpread', w.groupSpread],
  ]
  const bad = new Set<string>()
  for (const [field, value] of numbers) {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      problems.push({ field, code: 'not_a_number' })
      bad.add(field)
    } else if (value < 0) {
      problems.push({ field, code: 'negative' })
      bad.add(field)
    }
  }
  const ok = (field: string) => !bad.has(field)
  if (PAIR_FACTORS.every((f) => ok(`factors.${f}`))) {
    const total = PAIR_FACTORS.reduce((s, f) => s + w.factors[f], 0)
    // Tolerate the float noise of decimals an admin types (33.3 + 33.3 + 33.4).
    if (Math.abs(total - 100) > 1e-9) problems.push({ field: 'factors', code: 'factors_not_100' })
  }
  for (const level of SKILL_LEVELS) {
    const field = `levelShare.${level}`
    if (ok(field) && w.levelShare[level] > 1) problems.push({ field, code: 'share_too_large' })
  }
  SKILL_LEVELS.slice(1).forEach((level, i) => {
    const lower = SKILL_LEVELS[i]!
    if (ok(`levelShare.${level}`) && ok(`levelShare.${lower}`)) {
      if (w.levelShare[level] < w.levelShare[lower])
        problems.push({ field: `levelShare.${level}`, code: 'level_order' })
    }
  })
  for (const field of ['overlapHoursForFull', 'completedForFull', 'waitDaysForFull'] as const) {
    if (ok(field) && w[field] === 0) problems.push({ field, code: 'must_be_positive' })
  }
  if (ok('pendingOfferFactor') && (w.pendingOfferFactor === 0 || w.pendingOfferFactor > 1))
    problems.push({ field: 'pendingOfferFactor', code: 'factor_out_of_range' })
  if (ok('maxPendingOffers')) {
    if (!Number.isInteger(w.maxPendingOffers))
      problems.push({ field: 'maxPendingOffers', code: 'not_whole' })
    else if (w.maxPendingOffers === 0)
      problems.push({ field: 'maxPendingOffers', code: 'must_be_positive' })
  }
  return problems
}
