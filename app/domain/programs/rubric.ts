import { msg } from '#app/lib/i18n/message.ts'
import { MIN_SCORE, type ScoreLevel } from './rubric-template.ts'

export const TOTAL_WEIGHT = 100

type CriterionShape = { label: string; weight: number; maxScore: number; levels: ScoreLevel[] }

export function totalWeight(criteria: readonly { weight: number }[]): number {
  return criteria.reduce((sum, c) => sum + c.weight, 0)
}

/** The message (a translation key with values) for weights that do not add up, or null. */
export function weightProblem(criteria: readonly { weight: number }[]): string | null {
  const total = totalWeight(criteria)
  if (total === TOTAL_WEIGHT) return null
  return msg('funder:rubricProblems.weights', { total, expected: TOTAL_WEIGHT })
}

/** Levels for scores 1..maxScore, keeping the guidance already written for each score. */
export function levelsFor(maxScore: number, existing: readonly ScoreLevel[] = []): ScoreLevel[] {
  const byScore = new Map(existing.map((l) => [l.score, l.guidance]))
  return Array.from({ length: maxScore - MIN_SCORE + 1 }, (_, i) => {
    const score = i + MIN_SCORE
    return { score, guidance: byScore.get(score) ?? '' }
  })
}

/** Criterion labels whose score levels are missing guidance ('' for a criterion without one). */
function missingGuidance(criteria: readonly CriterionShape[]): string[] {
  return criteria
    .filter((c) => {
      const written = levelsFor(c.maxScore, c.levels)
      return written.some((l) => !l.guidance.trim())
    })
    .map((c) => c.label)
}

/**
 * Everything that keeps a rubric from being usable, in words a funder can act on (translation
 * keys with values, `msg`); empty when it is complete (at least one criterion, weights summing
 * to 100, guidance for every score level).
 */
export function rubricProblems(criteria: readonly CriterionShape[]): string[] {
  if (criteria.length === 0) return ['funder:rubricProblems.noCriteria']
  const problems: string[] = []
  const weights = weightProblem(criteria)
  if (weights) problems.push(weights)
  for (const c of criteria.filter((c) => c.weight < 1)) {
    problems.push(msg('funder:rubricProblems.noWeight', { label: c.label, total: TOTAL_WEIGHT }))
  }
  for (const label of missingGuidance(criteria)) {
    problems.push(
      label
        ? msg('funder:rubricProblems.needsGuidance', { label })
        : 'funder:rubricProblems.needsGuidanceUnlabelled',
    )
  }
  return problems
}

export const isRubricComplete = (criteria: readonly CriterionShape[]) =>
  rubricProblems(criteria).length === 0
