/**
 * The few statistics the review mathematics needs, written out so they can be checked by hand
 * (docs/decisions/020-review-mathematics.md). Pure and browser-safe.
 */

export function sum(values: readonly number[]): number {
  let total = 0
  for (const v of values) total += v
  return total
}

/** The arithmetic mean; null for no values. */
export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : sum(values) / values.length
}

/**
 * Σ wᵢxᵢ / Σ wᵢ; null for no values or when the weights add up to nothing (every value counts
 * with weight 0, so there is no mean to speak of).
 */
export function weightedMean(values: readonly { value: number; weight: number }[]): number | null {
  let weights = 0
  let total = 0
  for (const { value, weight } of values) {
    weights += weight
    total += value * weight
  }
  return weights > 0 ? total / weights : null
}

/**
 * The sample standard deviation √(Σ(xᵢ − x̄)² / (n − 1)), as a spreadsheet's STDEV gives it;
 * null for fewer than two values (one value has no spread to estimate).
 */
export function sampleSd(values: readonly number[]): number | null {
  const n = values.length
  if (n < 2) return null
  const m = sum(values) / n
  let squares = 0
  for (const v of values) squares += (v - m) ** 2
  return Math.sqrt(squares / (n - 1))
}

/** The sample variance (n − 1 in the denominator); null for fewer than two values. */
export function sampleVariance(values: readonly number[]): number | null {
  const sd = sampleSd(values)
  return sd === null ? null : sd * sd
}

// Lanczos approximation of ln Γ(x) (g = 7, n = 9), accurate to about 15 digits for x > 0.
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
]
function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x)
  const z = x - 1
  let a = LANCZOS[0]!
  const t = z + 7.5
  for (let i = 1; i < 9; i++) a += LANCZOS[i]! / (z + i)
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a)
}

// The continued fraction of the incomplete beta function (modified Lentz; Numerical Recipes §6.4).
function betaFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300
  let c = 1
  let d = 1 - ((a + b) * x) / (a + 1)
  if (Math.abs(d) < tiny) d = tiny
  d = 1 / d
  let h = d
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2))
    d = 1 + aa * d
    if (Math.abs(d) < tiny) d = tiny
    c = 1 + aa / c
    if (Math.abs(c) < tiny) c = tiny
    d = 1 / d
    h *= d * c
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1))
    d = 1 + aa * d
    if (Math.abs(d) < tiny) d = tiny
    c = 1 + aa / c
    if (Math.abs(c) < tiny) c = tiny
    d = 1 / d
    const step = d * c
    h *= step
    if (Math.abs(step - 1) < 1e-15) break
  }
  return h
}

/** The regularised incomplete beta function Iₓ(a, b). */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0
  if (x >= 1) return 1
  const front = Math.exp(
    logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x),
  )
  return x < (a + 1) / (a + b + 2)
    ? (front * betaFraction(a, b, x)) / a
    : 1 - (front * betaFraction(b, a, 1 - x)) / b
}

/** P(T ≤ t) for Student's t with `df` degrees of freedom (df may be fractional, as Welch's is). */
export function studentTCdf(t: number, df: number): number {
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5)
  return t >= 0 ? 1 - tail : tail
}

/**
 * The t value with P(T ≤ t) = p, found by bisection on the distribution function (60 halvings of
 * [−10⁴, 10⁴] reach far below the precision anyone reads).
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1) || !(df > 0)) return Number.NaN
  let low = -1e4
  let high = 1e4
  for (let i = 0; i < 80; i++) {
    const middle = (low + high) / 2
    if (studentTCdf(middle, df) < p) low = middle
    else high = middle
  }
  return (low + high) / 2
}
