import type { ExclusionReason, Proposal, ScoredCandidate } from './proposal.ts'

/**
 * The proposal's explanation as data: one line per thing a board should read, each a code with
 * the numbers it needs. The page turns each code into a sentence in the reader's language
 * (money is minor units, scores points on 0–100, percentages 0–100). Order: what the ranking
 * funds, what the proposal funds, each guardrail, each swap, the cost, what is left unspent, then
 * failures and exclusions.
 */
export type ExplanationLine =
  | { code: 'ranking_funds'; count: number; total: number; score: number }
  | { code: 'proposal_funds'; count: number; total: number; score: number }
  | { code: 'no_proposal'; status: 'guardrails_unattainable' | 'solver_failed' }
  | { code: 'not_proven_optimal' }
  | { code: 'committed_counted'; count: number; total: number }
  | {
      code: 'guardrail'
      flag: string
      minPercent: number
      rankingPercent: number | null
      metByRanking: boolean
      proposalPercent: number | null
      metByProposal: boolean | null
    }
  /** A better packing of the budget than the ranking's walk, before any guardrail. */
  | { code: 'optimiser_gain'; score: number; added: number; dropped: number }
  | {
      code: 'swap'
      dropped: ScoredCandidate | null
      added: ScoredCandidate | null
      cost: number
      /** Guardrail flags the added application carries and the dropped one does not. */
      flagsGained: string[]
    }
  | { code: 'guardrail_cost'; score: number }
  | { code: 'guardrails_leave_unspent'; unspent: number; unspentWithout: number }
  | {
      code: 'guardrail_unattainable'
      flag: string
      minPercent: number
      bestPercent: number | null
      shortfall: number
      attainableAlone: boolean
    }
  | { code: 'spending_floor_unattainable' }
  | { code: 'excluded'; applicationId: string; reason: ExclusionReason }

export type ExplanationCode = ExplanationLine['code']

export function explainProposal(result: Proposal): ExplanationLine[] {
  const lines: ExplanationLine[] = []
  const { ranking, budgetOnly, proposal } = result
  lines.push({
    code: 'ranking_funds',
    count: ranking.applicationIds.length,
    total: ranking.total,
    score: ranking.score,
  })
  if (proposal) {
    lines.push({
      code: 'proposal_funds',
      count: proposal.applicationIds.length,
      total: proposal.total,
      score: proposal.score,
    })
    if (result.status === 'not_proven_optimal') lines.push({ code: 'not_proven_optimal' })
  } else {
    lines.push({
      code: 'no_proposal',
      status: result.status === 'guardrails_unattainable' ? result.status : 'solver_failed',
    })
  }

  if (result.committed.count > 0) {
    lines.push({ code: 'committed_counted', ...result.committed })
  }
  ranking.shares.forEach((share, k) => {
    const proposed = proposal?.shares[k]
    lines.push({
      code: 'guardrail',
      flag: share.flag,
      minPercent: share.minPercent,
      rankingPercent: share.percent,
      metByRanking: share.met,
      proposalPercent: proposed?.percent ?? null,
      metByProposal: proposed ? proposed.met : null,
    })
  })

  if (budgetOnly && budgetOnly.score > ranking.score + 1e-9) {
    const inRanking = new Set(ranking.applicationIds)
    const inBudgetOnly = new Set(budgetOnly.applicationIds)
    lines.push({
      code: 'optimiser_gain',
      score: budgetOnly.score - ranking.score,
      added: budgetOnly.applicationIds.filter((id) => !inRanking.has(id)).length,
      dropped: ranking.applicationIds.filter((id) => !inBudgetOnly.has(id)).length,
    })
  }

  if (result.guardrailEffect && budgetOnly && proposal) {
    const guardrailFlags = ranking.shares.map((s) => s.flag)
    for (const swap of result.guardrailEffect.swaps) {
      lines.push({
        code: 'swap',
        ...swap,
        flagsGained: guardrailFlags.filter(
          (f) => swap.added?.flags.includes(f) && !swap.dropped?.flags.includes(f),
        ),
      })
    }
    if (result.guardrailEffect.swaps.length > 0) {
      lines.push({ code: 'guardrail_cost', score: result.guardrailEffect.scoreCost })
    }
    const unspent = result.budget - proposal.total
    const unspentWithout = result.budget - budgetOnly.total
    if (unspent > unspentWithout) {
      lines.push({ code: 'guardrails_leave_unspent', unspent, unspentWithout })
    }
  }

  for (const failure of result.failures) {
    if (failure.flag === null) lines.push({ code: 'spending_floor_unattainable' })
    else {
      lines.push({
        code: 'guardrail_unattainable',
        flag: failure.flag,
        minPercent: failure.minPercent ?? 0,
        bestPercent: failure.bestPercent,
        shortfall: failure.shortfall,
        attainableAlone: failure.attainableAlone,
      })
    }
  }
  for (const e of result.excluded) lines.push({ code: 'excluded', ...e })
  return lines
}
