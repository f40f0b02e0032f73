/**
 * Equity guardrails (issue 9, "Decision support"): at least a share of the awarded dollars goes
 * to applications carrying a flag. The vocabulary lives here, apart from the solver, so the
 * database schema and the forms can use it without loading HiGHS.
 */

/** What the proposal maximises: the weighted mean (raw) or the normalised score. */
export const SCORE_BASES = ['raw', 'normalised'] as const
export type ScoreBasis = (typeof SCORE_BASES)[number]

/**
 * The flags guardrails use. The decision service computes them: the place index's top quartile
 * among the program's applications (`topQuartile` in fairness.ts), an organisation whose annual
 * budget is under SMALL_BUDGET_LIMIT, a group led by people with lived experience.
 */
export const GUARDRAIL_FLAGS = ['most_vulnerable_place', 'small_budget', 'community_led'] as const
export type GuardrailFlag = (typeof GUARDRAIL_FLAGS)[number]

/** "Organisations with annual budgets under $250k", in minor units. */
export const SMALL_BUDGET_LIMIT = 25_000_000

/** The shares the issue names, in basis points (hundredths of a percent), offered as defaults. */
export const SUGGESTED_GUARDRAILS: Record<GuardrailFlag, number> = {
  most_vulnerable_place: 4_000,
  small_budget: 3_000,
  community_led: 5_000,
}

/** A share is stored in basis points: 0..10,000 (0–100.00%). */
export const MAX_BASIS_POINTS = 10_000

export const GUARDRAIL_FLAG_KEYS: Record<GuardrailFlag, string> = {
  most_vulnerable_place: 'review:decide.flags.most_vulnerable_place',
  small_budget: 'review:decide.flags.small_budget',
  community_led: 'review:decide.flags.community_led',
}

/** What each guardrail asks, in a sentence with its share (`{{percent}}`). */
export const GUARDRAIL_RULE_KEYS: Record<GuardrailFlag, string> = {
  most_vulnerable_place: 'review:decide.rules.most_vulnerable_place',
  small_budget: 'review:decide.rules.small_budget',
  community_led: 'review:decide.rules.community_led',
}

export const isGuardrailFlag = (flag: string): flag is GuardrailFlag =>
  (GUARDRAIL_FLAGS as readonly string[]).includes(flag)
