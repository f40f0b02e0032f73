import { LIVED_EXPERIENCE } from '#app/domain/applications/application-steps.ts'
import type { BudgetBand } from '#app/domain/organizations.ts'
import { SMALL_BUDGET_LIMIT } from './guardrails.ts'

/**
 * Which group of applicants an application belongs to, for the equity guardrails
 * (GUARDRAIL_FLAGS) and the fairness page's score gaps: defined once here so both read a group
 * the same way. Each answers null when the application does not say (it then sits in neither
 * group of a comparison).
 */

type LivedExperience = (typeof LIVED_EXPERIENCE)[number]

/**
 * "Led by people with lived experience" (the guardrail `community_led`): the group answered that
 * most of its leaders share the experience of the community it serves. "Partly" (some leaders do)
 * and "not yet" are not community-led; no answer is unknown.
 */
export function isCommunityLed(ledByLivedExperience: string): boolean | null {
  if (!(LIVED_EXPERIENCE as readonly string[]).includes(ledByLivedExperience)) return null
  return (ledByLivedExperience as LivedExperience) === 'yes'
}

/** The top of each annual budget band, in minor units; the last band has none. */
export const BUDGET_BAND_CEILING_MINOR: Record<BudgetBand, number | null> = {
  under_50k: 5_000_000,
  '50k_250k': 25_000_000,
  '250k_1m': 100_000_000,
  '1m_5m': 500_000_000,
  over_5m: null,
}

/**
 * "An annual budget under $250k" (the guardrail `small_budget`): the organisation's band lies
 * wholly at or under SMALL_BUDGET_LIMIT. No band given: unknown.
 */
export function isSmallBudget(band: BudgetBand | null): boolean | null {
  if (band === null) return null
  const ceiling = BUDGET_BAND_CEILING_MINOR[band]
  return ceiling !== null && ceiling <= SMALL_BUDGET_LIMIT
}
