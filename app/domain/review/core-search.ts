import type { BinaryProgramme } from './selection.ts'

/**
 * An exact depth-first branch and bound for the small core the reduction in selection.ts leaves
 * (tens of columns, a budget row and a few guardrail rows), in plain TypeScript: each node costs
 * microseconds where a HiGHS node in WebAssembly costs about a millisecond.
 *
 * The bound at a node is a Lagrangian relaxation that keeps the budget row whole: every other row
 * is priced with fixed multipliers y ≥ 0 (the root LP's duals), which gives each column a value
 * vᵢ = cᵢ − Σ_{r≠k} y_r ãᵢᵣ (ã, b̃: the row written as ≤); then for every x meeting the rows,
 * c·x ≤ Σ_{r≠k} y_r b̃_r + v·x, and v·x over the free columns is at most the fractional knapsack's
 * optimum on the budget left (the greedy by vᵢ/aᵢ). This holds for any y ≥ 0, so it does not
 * depend on the duals being exact. Columns are branched in that greedy order, so the free columns
 * at depth d are those from d on, and suffix sums give each row the most it can still move: a node
 * whose rows cannot all be met any more is cut. The objective is whole numbers (numerators), so a
 * node whose bound is below z + 1 cannot hold a strictly better set.
 *
 * Exact, or it says it is not: when the node budget runs out it returns the best set found so far,
 * not `complete`, and the caller solves the core another way.
 */

export interface CoreSearch {
  /** Programme columns the search decides; every other column as in `base`. */
  columns: readonly number[]
  base: readonly boolean[]
  /** The best set known, which meets every row; null when none is known. */
  incumbent: readonly boolean[] | null
  /** Row multipliers ≥ 0 in the model's units (as HiGHS's duals). */
  duals: readonly number[]
  /** Nodes the search may visit before giving up. */
  maxNodes: number
}

/** The knapsack row: the first `<=` row with no negative coefficient (the budget). */
export const knapsackRow = (p: BinaryProgramme) =>
  p.rows.findIndex((row) => row.sense === '<=' && row.coefficients.every((a) => a >= 0))

/**
 * The best set found among those that agree with `base` outside `columns` (chosen null: none
 * meets the rows, and there was no incumbent), or null when the programme has no knapsack row.
 * `improved` says whether it beats the incumbent; when `complete` (the node budget did not run
 * out), the set returned is proven optimal within that region.
 */
export function searchCore(p: BinaryProgramme, s: CoreSearch) {
  const k = knapsackRow(p)
  if (k < 0) return null
  const scale = 10 ** p.objectiveDigits
  // Rows as ≤, their multipliers per numerator unit of the row, in objective numerators. The
  // activities below are sums of integer numerators, exact in doubles below 2^53 (guardrail rows
  // carry amount × 10,000: billions of dollars before that matters).
  const rows = p.rows.map((row, r) => ({
    sign: row.sense === '<=' ? 1 : -1,
    price: ((s.duals[r] ?? 0) * scale) / 10 ** row.digits,
    row,
  }))
  // Row activities (≤ form) and the objective of the columns fixed outside the core.
  const inCore = new Set(s.columns)
  const fixedActivity = rows.map(() => 0)
  let fixedObjective = 0
  s.base.forEach((one, i) => {
    if (!one || inCore.has(i)) return
    fixedObjective += p.objective[i]!
    rows.forEach((r, j) => (fixedActivity[j] = fixedActivity[j]! + r.sign * r.row.coefficients[i]!))
  })
  const value = (i: number) =>
    rows.reduce(
      (v, r, j) => (j === k ? v : v - r.price * r.sign * r.row.coefficients[i]!),
      p.objective[i]!,
    )
  const ratio = (i: number) => {
    const w = p.rows[k]!.coefficients[i]!
    const v = value(i)
    return w === 0 ? (v > 0 ? Infinity : v === 0 ? 0 : -Infinity) : v / w
  }
  const order = [...s.columns].sort((a, b) => ratio(b) - ratio(a) || a - b)
  const m = order.length
  const R = rows.length
  const coef = rows.map((r) => Float64Array.from(order, (i) => r.sign * r.row.coefficients[i]!))
  const rhs = rows.map((r, j) => r.sign * r.row.rhs - fixedActivity[j]!)
  const obj = Float64Array.from(order, (i) => p.objective[i]!)
  const v = Float64Array.from(order, value)
  const w = coef[k]!
  // Suffix sums of each row's negative coefficients: the most the free columns can lower it.
  const lowest = coef.map((c) => {
    const out = new Float64Array(m + 1)
    for (let d = m - 1; d >= 0; d--) out[d] = out[d + 1]! + Math.min(0, c[d]!)
    return out
  })
  const constant = rows.reduce((sum, r, j) => (j === k ? sum : sum + r.price * rhs[j]!), 0)
  let bestValue = s.incumbent
    ? s.incumbent.reduce((sum, one, i) => (one ? sum + p.objective[i]! : sum), 0)
    : Number.NEGATIVE_INFINITY
  let best: Uint8Array | null = null
  const x = new Uint8Array(m)
  const act = new Float64Array(R)
  let nodes = 0
  let exhausted = false

  /**
   * The Lagrangian bound on the core's objective: `vSoFar` from the columns taken before d, the
   * fractional knapsack over d.. on the budget left (less `extra`, a column about to be taken).
   */
  const bound = (d: number, vSoFar: number, extra: number) => {
    let room = rhs[k]! - act[k]! - extra
    let total = constant + vSoFar
    for (let j = d; j < m; j++) {
      const vj = v[j]!
      if (vj <= 0) break
      const wj = w[j]!
      if (wj <= room) {
        total += vj
        room -= wj
      } else {
        total += (vj * room) / wj
        break
      }
    }
    return total
  }
  const reachable = (d: number) => {
    for (let r = 0; r < R; r++) if (act[r]! + lowest[r]![d]! > rhs[r]!) return false
    return true
  }

  // Whole-number objective: a node can hold a strictly better set only if its bound reaches
  // bestValue + 1.
  const promising = (b: number) => b + fixedObjective + 1e-6 * (Math.abs(b) + 1) >= bestValue + 1

  /** Column d and on are free; `b` is this node's bound. */
  const visit = (d: number, objSoFar: number, vSoFar: number, b: number) => {
    if (exhausted || !promising(b)) return
    if (++nodes > s.maxNodes) {
      exhausted = true
      return
    }
    if (!reachable(d)) return
    if (d === m) {
      if (objSoFar + fixedObjective > bestValue) {
        bestValue = objSoFar + fixedObjective
        best = x.slice()
      }
      return
    }
    // Best bound first: the child whose bound is higher is searched first.
    const fits = act[k]! + w[d]! <= rhs[k]!
    // In greedy order the parent's fractional knapsack takes column d whole whenever it fits and
    // is worth something, so the child that takes it has the parent's bound; past the columns
    // worth something, no bound adds anything after column d.
    const vd = v[d]!
    const takeBound = !fits
      ? Number.NEGATIVE_INFINITY
      : vd > 0
        ? b
        : bound(d + 1, vSoFar + vd, w[d]!)
    const skipBound = vd > 0 ? bound(d + 1, vSoFar, 0) : b
    const takeFirst = takeBound >= skipBound
    for (let turn = 0; turn < 2; turn++) {
      if ((turn === 0) === takeFirst) {
        if (!fits) continue
        for (let r = 0; r < R; r++) act[r] = act[r]! + coef[r]![d]!
        x[d] = 1
        visit(d + 1, objSoFar + obj[d]!, vSoFar + v[d]!, takeBound)
        for (let r = 0; r < R; r++) act[r] = act[r]! - coef[r]![d]!
        x[d] = 0
      } else {
        visit(d + 1, objSoFar, vSoFar, skipBound)
      }
    }
  }
  visit(0, 0, 0, bound(0, 0, 0))
  const complete = !exhausted
  const found: Uint8Array | null = best
  if (!found) {
    return { complete, improved: false, chosen: s.incumbent ? [...s.incumbent] : null, nodes }
  }
  const chosen = [...s.base]
  order.forEach((c, j) => (chosen[c] = found[j] === 1))
  return { complete, improved: true, chosen, nodes }
}
