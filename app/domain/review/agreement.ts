import { byApplication, isOnScale, type ReviewRecord, type ScoringCriterion } from './scores.ts'

/**
 * Why alpha could not be computed: fewer than two pairable values (no application has two
 * reviews), or no variation at all (every value is the same, so agreement cannot be told from
 * chance; Krippendorff leaves alpha undefined there).
 */
export const ALPHA_UNDEFINED_REASONS = ['too_few_pairable', 'no_variation'] as const
export type AlphaUndefinedReason = (typeof ALPHA_UNDEFINED_REASONS)[number]

export interface Agreement {
  /** Krippendorff's alpha, interval metric: 1 perfect agreement, 0 chance, below 0 worse. */
  alpha: number | null
  /** n: values in units with at least two values (the only ones that can be paired). */
  pairableValues: number
  /** Units (applications) with at least two values. */
  units: number
  reason?: AlphaUndefinedReason
}

/** One unit's values as the alpha needs them: how many, their sum and their sum of squares. */
export interface UnitSums {
  m: number
  s: number
  s2: number
}

/**
 * The sums alpha is computed from, over the units with at least two values: their number
 * (`units`), their values' number (n), sum and sum of squares, and Σ_u 2(m_u Σv² − (Σv)²)/(m_u − 1),
 * the observed disagreement before dividing by n. The ranking board has the database add these
 * up (app/services/review/score-aggregates.server.ts); they are the same sums as here.
 */
export interface AlphaTotals {
  units: number
  n: number
  total: number
  totalSquares: number
  observed: number
}

export function alphaTotals(units: Iterable<UnitSums>): AlphaTotals {
  const totals: AlphaTotals = { units: 0, n: 0, total: 0, totalSquares: 0, observed: 0 }
  for (const { m, s, s2 } of units) {
    if (m < 2) continue
    totals.units++
    totals.observed += (2 * (m * s2 - s * s)) / (m - 1)
    totals.n += m
    totals.total += s
    totals.totalSquares += s2
  }
  return totals
}

/**
 * Krippendorff's alpha for interval data with missing values (Krippendorff, "Computing
 * Krippendorff's Alpha-Reliability", 2011): α = 1 − D₀ / Dₑ with the squared difference as the
 * metric, where, over the n values in units holding m_u ≥ 2 values,
 *   D₀ = (1/n) Σ_u (1/(m_u − 1)) Σ_{i≠j in u} (v_i − v_j)²   (observed disagreement)
 *   Dₑ = (1/(n(n − 1))) Σ_{i≠j over all n} (v_i − v_j)²      (disagreement expected by chance)
 * Each sum over ordered pairs is 2(m Σv² − (Σv)²), so it needs only each unit's sums (UnitSums).
 */
export function alphaFromTotals(t: AlphaTotals): Agreement {
  const { n, units: pairable, total, totalSquares } = t
  if (n < 2) return { alpha: null, pairableValues: n, units: pairable, reason: 'too_few_pairable' }
  const doObserved = t.observed / n
  const deExpected = (2 * (n * totalSquares - total * total)) / (n * (n - 1))
  // Floating point leaves crumbs where the exact figure is 0; anything this small is no variation.
  if (deExpected <= 1e-12 * Math.max(1, totalSquares / n)) {
    return { alpha: null, pairableValues: n, units: pairable, reason: 'no_variation' }
  }
  return { alpha: 1 - doObserved / deExpected, pairableValues: n, units: pairable }
}

/** A unit's sums (UnitSums) from its values. */
export function unitSums(values: readonly number[]): UnitSums {
  let s = 0
  let s2 = 0
  for (const v of values) {
    s += v
    s2 += v * v
  }
  return { m: values.length, s, s2 }
}

/**
 * Alpha (alphaFromTotals) over units given by their values: each unit's values are one per
 * reviewer who rated it; missing ones are simply absent.
 */
export function krippendorffAlphaInterval(units: readonly (readonly number[])[]): Agreement {
  return alphaFromTotals(alphaTotals(units.map(unitSums)))
}

/** The panel's agreement on one criterion: the levels given, per application. */
export function criterionAgreement(
  criterion: ScoringCriterion,
  reviews: readonly ReviewRecord[],
): Agreement {
  const units: number[][] = []
  for (const own of byApplication(reviews).values()) {
    const values: number[] = []
    for (const review of own) {
      const level = review.scores.find((s) => s.criterionId === criterion.id)?.level
      if (level !== undefined && isOnScale(criterion, level)) values.push(level)
    }
    units.push(values)
  }
  return krippendorffAlphaInterval(units)
}

/** Agreement per criterion of the rubric, in the rubric's order. */
export function rubricAgreement(
  rubric: readonly ScoringCriterion[],
  reviews: readonly ReviewRecord[],
): { criterionId: string; agreement: Agreement }[] {
  return rubric.map((criterion) => ({
    criterionId: criterion.id,
    agreement: criterionAgreement(criterion, reviews),
  }))
}

/** The panel's agreement on the overall 0–100 score of complete reviews, program-wide. */
export function programAgreement(
  reviews: readonly { applicationId: string; score: number }[],
): Agreement {
  return krippendorffAlphaInterval(
    [...byApplication(reviews).values()].map((own) => own.map((r) => r.score)),
  )
}
