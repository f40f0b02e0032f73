import loadHighs, { type Highs } from 'highs'
import type { ScoreBasis } from './guardrails.ts'
import { sum } from './statistics.ts'
import { solveBinary, type BinaryProgramme, type IntegerRow } from './selection.ts'

/**
 * Decision support (docs/decisions/020-review-mathematics.md): the funded set that maximises the
 * total score within the budget and the program's equity guardrails, solved exactly as a 0–1
 * integer programme by HiGHS (the `highs` WebAssembly build), beside what going down the plain
 * ranking would fund. Money is integer minor units throughout; the answer is codes and numbers
 * (the page translates them). Nothing here throws: a solver that cannot load or answer gives a
 * `solver_failed` status and the plain ranking still stands.
 */

export {
  GUARDRAIL_FLAGS,
  SCORE_BASES,
  SMALL_BUDGET_LIMIT,
  type GuardrailFlag,
  type ScoreBasis,
} from './guardrails.ts'

/** An application the proposal may fund. */
export interface Candidate {
  applicationId: string
  /** What funding it would cost, in minor units: the amount requested or the officer's partial amount. */
  amount: number
  /** Weighted mean score on 0–100; null without a complete review. */
  raw: number | null
  /** Normalised score on 0–100; null without a complete review. */
  normalised: number | null
  /** The flags it carries, e.g. 'most_vulnerable_place'. */
  flags: readonly string[]
}

/** An award already made: its amount (minor units) and the flags of its application. */
export interface Committed {
  amount: number
  flags: readonly string[]
}

/** At least `minPercent` (0–100, up to two decimals) of the awarded dollars go to `flag`. */
export interface Guardrail {
  flag: string
  minPercent: number
}

export interface ProposalInput {
  candidates: readonly Candidate[]
  /** Minor units. */
  budget: number
  guardrails: readonly Guardrail[]
  basis: ScoreBasis
  /**
   * Awards the program has already made (minor units, flags). A guardrail is a share of all the
   * program's awarded dollars, so these count towards it beside whatever the proposal adds:
   * deciding some applications one by one and proposing the rest keeps the same guardrails.
   */
  committed?: readonly Committed[]
  /**
   * Award at least this much (minor units). Without it the guardrails can always be met, if need
   * be by funding less (the answer shows what is left unspent); with it, guardrails that cannot be
   * met at that spending are reported as failures.
   */
  minSpend?: number
  /** Seconds the solver may take for each of its two solves (default 5). */
  timeLimit?: number
}

export const EXCLUSION_REASONS = ['unscored', 'invalid_amount', 'over_budget'] as const
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number]

export interface GuardrailShare {
  flag: string
  minPercent: number
  /** Minor units awarded to applications with the flag (awards already made included). */
  flaggedTotal: number
  /** flaggedTotal / all awarded (already and in this set) × 100; null when nothing is awarded. */
  percent: number | null
  met: boolean
}

export interface FundedSet {
  /** In ranking order (highest score first). */
  applicationIds: string[]
  /** Minor units awarded. */
  total: number
  /** Sum of the funded applications' scores (the basis chosen). */
  score: number
  shares: GuardrailShare[]
}

export interface ScoredCandidate {
  applicationId: string
  amount: number
  score: number
  flags: readonly string[]
}

/** A guardrail replaced one application by another; cost = dropped score − added score. */
export interface Swap {
  dropped: ScoredCandidate | null
  added: ScoredCandidate | null
  cost: number
}

export interface GuardrailFailure {
  /** The guardrail's flag; null for the spending floor (minSpend) itself. */
  flag: string | null
  minPercent: number | null
  /** Whether this guardrail could be met alone (within the budget and the spending floor). */
  attainableAlone: boolean
  /** The share it reaches in the set that comes closest to it, alone; null if nothing is funded. */
  bestPercent: number | null
  /** Minor units of flagged awards missing at that set (0 when attainable alone). */
  shortfall: number
}

export const PROPOSAL_STATUSES = [
  'optimal',
  'not_proven_optimal',
  'guardrails_unattainable',
  'solver_failed',
] as const
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number]

export interface Proposal {
  status: ProposalStatus
  basis: ScoreBasis
  budget: number
  /** The awards already made, which every guardrail share counts (minor units). */
  committed: { count: number; total: number }
  /** Going down the ranking while the budget allows, skipping what does not fit. */
  ranking: FundedSet
  /** The best set within the budget alone (no guardrails); null if the solver failed. */
  budgetOnly: FundedSet | null
  /** The best set within the budget and the guardrails; null if unattainable or failed. */
  proposal: FundedSet | null
  /**
   * How far the proposal's total score may be from the best possible, in points: 0 when proven
   * optimal; when the time limit cut the solve short, the distance to HiGHS's proven bound.
   */
  optimalityGap: number | null
  /** The proposal against the plain ranking. */
  versusRanking: { added: string[]; dropped: string[]; scoreDifference: number } | null
  /** What the guardrails changed: the proposal against the budget-only optimum. */
  guardrailEffect: { swaps: Swap[]; scoreCost: number } | null
  failures: GuardrailFailure[]
  excluded: { applicationId: string; reason: ExclusionReason }[]
}

// ── the plain ranking ──────────────────────────────────────────────────────────────────────────

/** Highest score first; equal scores: the smaller amount first, then the application id. */
export function compareRanked(a: ScoredCandidate, b: ScoredCandidate): number {
  return (
    b.score - a.score ||
    a.amount - b.amount ||
    (a.applicationId < b.applicationId ? -1 : a.applicationId > b.applicationId ? 1 : 0)
  )
}

/**
 * The plain ranking's set: go down the ranking (compareRanked) and fund each application whose
 * amount still fits in what is left of the budget; one that does not fit is skipped and the walk
 * goes on, so a smaller application further down can still be funded.
 */
export function rankingSet(ranked: readonly ScoredCandidate[], budget: number): ScoredCandidate[] {
  let left = budget
  const funded: ScoredCandidate[] = []
  for (const candidate of ranked) {
    if (candidate.amount <= left) {
      funded.push(candidate)
      left -= candidate.amount
    }
  }
  return funded
}

// ── exact arithmetic on the chosen sets ────────────────────────────────────────────────────────

/** A percentage in basis points (hundredths of a percent), so guardrails compare in integers. */
const basisPoints = (percent: number) => Math.round(Math.min(100, Math.max(0, percent)) * 100)

function share(
  set: readonly Committed[],
  guardrail: Guardrail,
  committed: readonly Committed[],
): GuardrailShare {
  let total = 0
  let flaggedTotal = 0
  for (const c of [...committed, ...set]) {
    total += c.amount
    if (c.flags.includes(guardrail.flag)) flaggedTotal += c.amount
  }
  return {
    flag: guardrail.flag,
    minPercent: guardrail.minPercent,
    flaggedTotal,
    percent: total > 0 ? (flaggedTotal / total) * 100 : null,
    // 10000 × flagged ≥ bp × total, in BigInt: products of minor-unit sums may pass 2^53.
    met:
      BigInt(flaggedTotal) * 10_000n >= BigInt(basisPoints(guardrail.minPercent)) * BigInt(total),
  }
}

function summarise(
  set: readonly ScoredCandidate[],
  guardrails: readonly Guardrail[],
  committed: readonly Committed[],
): FundedSet {
  const sorted = [...set].sort(compareRanked)
  return {
    applicationIds: sorted.map((c) => c.applicationId),
    total: sorted.reduce((s, c) => s + c.amount, 0),
    score: sorted.reduce((s, c) => s + c.score, 0),
    shares: guardrails.map((g) => share(sorted, g, committed)),
  }
}

// ── the integer programme ──────────────────────────────────────────────────────────────────────

/**
 * Money enters the model in units of 100,000 minor units ($1,000), written as exact decimals
 * (12,345,678 minor units → "123.45678"), so coefficients stay near 1 for the solver while no
 * cent is rounded away; a guardrail's row, multiplied through by 10,000 for its basis points,
 * carries four more digits.
 */
const MONEY_DIGITS = 5

interface Limits {
  budget: number
  minSpend: number
  guardrails: readonly Guardrail[]
  committed: readonly Committed[]
}

/** A guardrail's coefficient: aᵢ(10000·fᵢ − bp), so Σ ≥ 0 says flagged ≥ share × total. */
const guardrailNumerator = (c: Committed, g: Guardrail) =>
  c.amount * ((c.flags.includes(g.flag) ? 10_000 : 0) - basisPoints(g.minPercent))

/**
 * Maximise the total score (in hundredths of a point, so the objective is whole numbers and
 * HiGHS can round its bound) subject to the budget, the spending floor and Σ aᵢ(fᵢ − p)xᵢ ≥ 0
 * for each guardrail (flagged dollars ≥ p × awarded dollars, awards already made included).
 */
function programme(
  candidates: readonly ScoredCandidate[],
  limits: Limits,
  objective: BinaryProgramme['objective'] = candidates.map((c) => Math.round(c.score * 100)),
  objectiveDigits = 0,
): BinaryProgramme {
  const money = candidates.map((c) => c.amount)
  const rows: IntegerRow[] = [
    { coefficients: money, sense: '<=', rhs: limits.budget, digits: MONEY_DIGITS },
  ]
  if (limits.minSpend > 0) {
    rows.push({ coefficients: money, sense: '>=', rhs: limits.minSpend, digits: MONEY_DIGITS })
  }
  for (const g of limits.guardrails) {
    rows.push({
      coefficients: candidates.map((c) => guardrailNumerator(c, g)),
      sense: '>=',
      // Σ over the new awards ≥ −(the same sum over the awards already made).
      rhs: -sum(limits.committed.map((c) => guardrailNumerator(c, g))),
      digits: MONEY_DIGITS + 4,
    })
  }
  return { objective, objectiveDigits, rows }
}

type SolveOutcome =
  | { kind: 'solved'; chosen: ScoredCandidate[]; proven: boolean; bound: number }
  | { kind: 'infeasible' }
  | { kind: 'failed' }

function solve(
  highs: Highs,
  candidates: readonly ScoredCandidate[],
  limits: Limits,
  timeLimit: number,
  objective?: { numerators: number[]; digits: number },
): SolveOutcome {
  const outcome = solveBinary(
    highs,
    programme(candidates, limits, objective?.numerators, objective?.digits),
    timeLimit,
  )
  if (outcome.kind !== 'solved') return outcome
  return {
    kind: 'solved',
    chosen: candidates.filter((_, i) => outcome.chosen[i]),
    proven: outcome.proven,
    bound: outcome.bound,
  }
}

let solver: Promise<Highs> | undefined

/** The HiGHS runtime, loaded once per process (about 100 ms the first time). */
function loadSolver(): Promise<Highs> {
  solver ??= loadHighs().catch((error: unknown) => {
    solver = undefined
    throw error
  })
  return solver
}

// ── the proposal ───────────────────────────────────────────────────────────────────────────────

function eligibleCandidates(input: ProposalInput) {
  const excluded: Proposal['excluded'] = []
  const eligible: ScoredCandidate[] = []
  for (const c of input.candidates) {
    const score = input.basis === 'raw' ? c.raw : c.normalised
    if (score === null || !Number.isFinite(score)) {
      excluded.push({ applicationId: c.applicationId, reason: 'unscored' })
    } else if (!Number.isSafeInteger(c.amount) || c.amount <= 0) {
      excluded.push({ applicationId: c.applicationId, reason: 'invalid_amount' })
    } else if (c.amount > input.budget) {
      excluded.push({ applicationId: c.applicationId, reason: 'over_budget' })
    } else {
      eligible.push({ applicationId: c.applicationId, amount: c.amount, score, flags: c.flags })
    }
  }
  return { eligible: eligible.sort(compareRanked), excluded }
}

/** Pairs what the guardrails dropped with what they added, best score first on each side. */
function swaps(before: readonly ScoredCandidate[], after: readonly ScoredCandidate[]): Swap[] {
  const afterIds = new Set(after.map((c) => c.applicationId))
  const beforeIds = new Set(before.map((c) => c.applicationId))
  const dropped = before.filter((c) => !afterIds.has(c.applicationId)).sort(compareRanked)
  const added = after.filter((c) => !beforeIds.has(c.applicationId)).sort(compareRanked)
  return Array.from({ length: Math.max(dropped.length, added.length) }, (_, i) => {
    const d = dropped[i] ?? null
    const a = added[i] ?? null
    return { dropped: d, added: a, cost: (d?.score ?? 0) - (a?.score ?? 0) }
  })
}

/**
 * Why the guardrails cannot all be met: the spending floor itself when no set within the budget
 * reaches it; else each guardrail that cannot be met even alone, with the share of the set that
 * comes closest (the most flagged dollars beyond the required share); and when each can be met
 * alone, all of them (it is their combination that fails).
 */
function diagnose(
  highs: Highs,
  eligible: readonly ScoredCandidate[],
  input: ProposalInput,
  minSpend: number,
  timeLimit: number,
): GuardrailFailure[] {
  const committed = input.committed ?? []
  const limits = { budget: input.budget, minSpend, guardrails: [], committed }
  const floor = solve(highs, eligible, limits, timeLimit)
  if (floor.kind !== 'solved') {
    return [
      { flag: null, minPercent: null, attainableAlone: false, bestPercent: null, shortfall: 0 },
    ]
  }
  const each = input.guardrails.map((g) => {
    // Maximise the guardrail's margin Σ aᵢ(fᵢ − p)xᵢ (in the same exact decimals as its row).
    const bp = basisPoints(g.minPercent)
    const best = solve(highs, eligible, limits, timeLimit, {
      numerators: eligible.map((c) => guardrailNumerator(c, g)),
      digits: MONEY_DIGITS + 4,
    })
    const chosen = best.kind === 'solved' ? best.chosen : []
    const s = share(chosen, g, committed)
    const total = [...committed, ...chosen].reduce((sum, c) => sum + c.amount, 0)
    return {
      flag: g.flag,
      minPercent: g.minPercent,
      attainableAlone: s.met,
      bestPercent: s.percent,
      shortfall: s.met ? 0 : Math.ceil((bp * total) / 10_000 - s.flaggedTotal),
    }
  })
  const alone = each.filter((f) => !f.attainableAlone)
  return alone.length > 0 ? alone : each
}

/**
 * The proposal: the plain ranking's set, the budget-only optimum and the guardrailed optimum,
 * with what differs between them. See ProposalInput for the options.
 */
export async function proposeFundedSet(input: ProposalInput): Promise<Proposal> {
  const { eligible, excluded } = eligibleCandidates(input)
  const guardrails = input.guardrails
  const minSpend = Math.max(0, input.minSpend ?? 0)
  const timeLimit = input.timeLimit ?? 5
  const committed = input.committed ?? []
  const ranking = rankingSet(eligible, input.budget)
  const base: Proposal = {
    status: 'solver_failed',
    basis: input.basis,
    budget: input.budget,
    committed: { count: committed.length, total: sum(committed.map((c) => c.amount)) },
    ranking: summarise(ranking, guardrails, committed),
    budgetOnly: null,
    proposal: null,
    optimalityGap: null,
    versusRanking: null,
    guardrailEffect: null,
    failures: [],
    excluded,
  }

  let highs: Highs
  try {
    highs = await loadSolver()
  } catch {
    return base
  }
  const plain = solve(
    highs,
    eligible,
    { budget: input.budget, minSpend: 0, guardrails: [], committed },
    timeLimit,
  )
  if (plain.kind !== 'solved') return base
  const budgetOnly = summarise(plain.chosen, guardrails, committed)

  const guarded = solve(
    highs,
    eligible,
    { budget: input.budget, minSpend, guardrails, committed },
    timeLimit,
  )
  if (guarded.kind === 'failed') return { ...base, budgetOnly }
  if (guarded.kind === 'infeasible') {
    return {
      ...base,
      status: 'guardrails_unattainable',
      budgetOnly,
      failures: diagnose(highs, eligible, input, minSpend, timeLimit),
    }
  }
  const proposal = summarise(guarded.chosen, guardrails, committed)
  const rankingIds = new Set(ranking.map((c) => c.applicationId))
  const proposalIds = new Set(proposal.applicationIds)
  return {
    ...base,
    status: guarded.proven && plain.proven ? 'optimal' : 'not_proven_optimal',
    budgetOnly,
    proposal,
    // The objective is in hundredths of a point.
    optimalityGap: guarded.proven
      ? 0
      : Math.max(0, guarded.bound - sum(guarded.chosen.map((c) => Math.round(c.score * 100)))) /
        100,
    versusRanking: {
      added: proposal.applicationIds.filter((id) => !rankingIds.has(id)),
      dropped: base.ranking.applicationIds.filter((id) => !proposalIds.has(id)),
      scoreDifference: proposal.score - base.ranking.score,
    },
    guardrailEffect: {
      swaps: swaps(plain.chosen, guarded.chosen),
      scoreCost: budgetOnly.score - proposal.score,
    },
  }
}
