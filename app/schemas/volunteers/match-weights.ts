import { z } from 'zod'
import { BUDGET_BANDS, type BudgetBand } from '#app/domain/organizations.ts'
import {
  checkMatchWeights,
  PAIR_FACTORS,
  SKILL_LEVELS,
  WEIGHT_PROBLEM_KEYS,
  type MatchWeights,
  type PairFactor,
  type SkillLevel,
} from '#app/domain/volunteers/weights.ts'

/**
 * The admin's matching weights form (/admin/matching). Every field reads as a number (a blank or a
 * word becomes NaN); `checkMatchWeights`, the rule decision 028 keeps, then says what is wrong
 * with each field, so the form shows every problem beside its field at once.
 */
const number = z
  .union([z.string(), z.number()])
  .transform((v) => (typeof v === 'number' ? v : v.trim() === '' ? NaN : Number(v.trim())))

const record = <K extends string>(keys: readonly K[]) =>
  z.object(Object.fromEntries(keys.map((k) => [k, number])) as Record<K, typeof number>)

export const MatchWeightsSchema = z
  .object({
    factors: record<PairFactor>(PAIR_FACTORS),
    levelShare: record<SkillLevel>(SKILL_LEVELS),
    overlapHoursForFull: number,
    completedForFull: number,
    vulnerabilityBoost: z.tuple([number, number, number, number]),
    budgetBandBoost: record<BudgetBand>(BUDGET_BANDS),
    waitBoost: number,
    waitDaysForFull: number,
    pendingOfferFactor: number,
    maxPendingOffers: number,
    coverageBonus: number,
    groupSpread: number,
  })
  .superRefine((weights, ctx) => {
    for (const problem of checkMatchWeights(weights as MatchWeights)) {
      ctx.addIssue({
        code: 'custom',
        path: problem.field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
        message: WEIGHT_PROBLEM_KEYS[problem.code],
      })
    }
  })
  .transform((weights) => weights as MatchWeights)

export type MatchWeightsInput = z.input<typeof MatchWeightsSchema>
