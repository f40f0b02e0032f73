import type { Highs } from 'highs'
import { searchCore } from './core-search.ts'

/**
 * Nodes the exact search in TypeScript may visit for each second of the solve's time limit before
 * HiGHS takes the core instead: 10 million, about half a second of CPU (it visits 20–30 million a
 * second on the bench machine), so 5 s gives it 50 million. A count, not a clock, so the answer
 * does not depend on how loaded the machine is.
 */
const CORE_SEARCH_NODES_PER_SECOND = 10_000_000

/**
 * A 0–1 programme — choose columns to maximise Σ cᵢxᵢ subject to linear rows — solved exactly
 * with HiGHS after an exact reduction (docs/decisions/020-review-mathematics.md):
 *
 * 1. HiGHS solves the LP relaxation (0 ≤ xᵢ ≤ 1), which gives row multipliers y ≥ 0.
 * 2. A feasible 0–1 set (the incumbent, value z*) is built from the LP solution: its whole
 *    columns, repaired and filled greedily, checked in integers.
 * 3. For any y ≥ 0 and any feasible x, with the rows written as a·x ≤ b and rcᵢ = cᵢ − Σ y·aᵢ:
 *    c·x ≤ L − Σ_{i "against" rc} |rcᵢ|, where L = y·b + Σ max(rcᵢ, 0) and a column is against
 *    its reduced cost when rcᵢ > 0 and xᵢ = 0, or rcᵢ < 0 and xᵢ = 1. So in every set at least as
 *    good as z*, each column with |rcᵢ| > L − z* takes the value its reduced cost says. Those are
 *    fixed (this holds for any y ≥ 0, so it does not depend on the LP being solved to the last
 *    digit), and the much smaller 0–1 programme on the rest (the core) is solved exactly by a
 *    branch and bound in TypeScript (core-search.ts), or by HiGHS should that give up.
 *
 * All coefficients are integers scaled by a power of ten (value = numerator / 10^digits), so the
 * model text is exact and the chosen set is checked in integers (BigInt); should the solver's
 * tolerances let a row slip by a crumb, that row is tightened by what it missed and the core
 * solved again.
 */

export interface IntegerRow {
  /** Integer numerators, one per column. */
  coefficients: readonly number[]
  sense: '<=' | '>='
  /** Integer numerator. */
  rhs: number
  /** The row's values are numerator / 10^digits in the model. */
  digits: number
}

export interface BinaryProgramme {
  /** Integer numerators of the objective, one per column (maximised). */
  objective: readonly number[]
  objectiveDigits: number
  rows: readonly IntegerRow[]
}

export type SelectionOutcome =
  | {
      kind: 'solved'
      chosen: boolean[]
      /** HiGHS proved optimality (no time limit cut it short). */
      proven: boolean
      /** Columns settled by the reduction; the rest went to the solver. */
      fixed: number
      /** A proven upper bound on the objective (its value when proven optimal). */
      bound: number
    }
  | { kind: 'infeasible' }
  | { kind: 'failed' }

/** An integer n / 10^digits as an exact decimal string ("-12.345"). */
export function decimal(n: number, digits: number): string {
  const sign = n < 0 ? '-' : ''
  const text = String(Math.abs(Math.round(n)))
  if (digits === 0) return sign + text
  const padded = text.padStart(digits + 1, '0')
  return `${sign}${padded.slice(0, -digits)}.${padded.slice(-digits)}`
}

function term(numerator: number, digits: number, column: number): string {
  return `${numerator < 0 ? '-' : '+'} ${decimal(Math.abs(numerator), digits)} x${column}`
}

/** CPLEX LP text over the given columns (model column k is programme column columns[k]). */
function lpText(p: BinaryProgramme, columns: readonly number[], relaxed: boolean): string {
  const wrap = (terms: string[]) => {
    const out: string[] = []
    for (let i = 0; i < terms.length; i += 10) out.push('  ' + terms.slice(i, i + 10).join(' '))
    return out.length > 0 ? out : ['  0 x0']
  }
  // Every column appears in the objective, in order, so HiGHS numbers them as we do.
  const text = [
    'Maximize',
    ' obj:',
    ...wrap(columns.map((c, k) => term(p.objective[c]!, p.objectiveDigits, k))),
    'Subject To',
  ]
  p.rows.forEach((row, r) => {
    const terms = columns.flatMap((c, k) => {
      const a = row.coefficients[c]!
      return a === 0 ? [] : [term(a, row.digits, k)]
    })
    text.push(` r${r}:`, ...wrap(terms), `  ${row.sense} ${decimal(row.rhs, row.digits)}`)
  })
  text.push(relaxed ? 'Bounds' : 'Binaries')
  for (let k = 0; k < columns.length; k += 20) {
    const names = Array.from({ length: Math.min(20, columns.length - k) }, (_, j) => `x${k + j}`)
    text.push(relaxed ? names.map((x) => `  ${x} <= 1`).join('\n') : '  ' + names.join(' '))
  }
  text.push('End')
  return text.join('\n')
}

/** Row activities in integers: Σ aᵢ over the chosen columns. */
function activities(p: BinaryProgramme, chosen: readonly boolean[]): bigint[] {
  return p.rows.map((row) => {
    let total = 0n
    row.coefficients.forEach((a, i) => {
      if (chosen[i]) total += BigInt(a)
    })
    return total
  })
}

/** How far each row misses, in its numerator's units (0 when met), exactly. */
function slips(p: BinaryProgramme, chosen: readonly boolean[]): bigint[] {
  return activities(p, chosen).map((activity, r) => {
    const row = p.rows[r]!
    const rhs = BigInt(row.rhs)
    const slip = row.sense === '<=' ? activity - rhs : rhs - activity
    return slip > 0n ? slip : 0n
  })
}

export const meetsRows = (p: BinaryProgramme, chosen: readonly boolean[]) =>
  slips(p, chosen).every((s) => s === 0n)

/** A feasible set near the LP solution: its whole columns, repaired, then filled greedily. */
function incumbentFrom(p: BinaryProgramme, lp: readonly number[], rc: readonly number[]) {
  const n = p.objective.length
  const chosen = lp.map((v) => v > 1 - 1e-6)
  const act = activities(p, chosen)
  const miss = (r: number, activity: bigint) => {
    const row = p.rows[r]!
    const slip = row.sense === '<=' ? activity - BigInt(row.rhs) : BigInt(row.rhs) - activity
    return slip > 0n ? Number(slip) / 10 ** row.digits : 0
  }
  const violation = (flip = -1) =>
    p.rows.reduce((sum, row, r) => {
      const delta = flip < 0 ? 0n : BigInt(row.coefficients[flip]!) * (chosen[flip] ? -1n : 1n)
      return sum + miss(r, act[r]! + delta)
    }, 0)
  const apply = (i: number) => {
    p.rows.forEach((row, r) => {
      act[r] = act[r]! + BigInt(row.coefficients[i]!) * (chosen[i] ? -1n : 1n)
    })
    chosen[i] = !chosen[i]
  }
  // Repair: take the flip that removes the most violation for what it costs against the LP
  // (|reduced cost|: flipping a column the LP was indifferent to costs next to nothing).
  let current = violation()
  for (let step = 0; current > 0 && step < n; step++) {
    let best = -1
    let bestValue = current
    let bestRatio = 0
    for (let i = 0; i < n; i++) {
      const value = violation(i)
      if (value >= current - 1e-12) continue
      const ratio = (current - value) / (Math.abs(rc[i]!) + 1e-9)
      if (ratio > bestRatio) {
        best = i
        bestValue = value
        bestRatio = ratio
      }
    }
    if (best < 0) return null
    apply(best)
    current = bestValue
  }
  if (current > 0) return null
  // Fill: add what still fits, the most promising (largest reduced cost) first.
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => rc[b]! - rc[a]!)
  for (const i of order) {
    if (chosen[i] || p.objective[i]! <= 0) continue
    if (violation(i) === 0) apply(i)
  }
  improveBySwaps(p, chosen, rc, act, miss)
  return meetsRows(p, chosen) ? chosen : null
}

/** Columns the swap search looks at: those the LP was least sure about. */
const SWAP_POOL = 160

/**
 * Local search on the incumbent: among the columns with the smallest |reduced cost|, take the
 * best swap (one out, one in) or addition that raises the objective and keeps every row met,
 * until none does. A better incumbent means a smaller core for the solver.
 */
function improveBySwaps(
  p: BinaryProgramme,
  chosen: boolean[],
  rc: readonly number[],
  act: bigint[],
  miss: (r: number, activity: bigint) => number,
) {
  const pool = Array.from({ length: p.objective.length }, (_, i) => i)
    .sort((a, b) => Math.abs(rc[a]!) - Math.abs(rc[b]!))
    .slice(0, SWAP_POOL)
  const coefficient = p.rows.map((row) => pool.map((i) => BigInt(row.coefficients[i]!)))
  const fits = (out: number, into: number) =>
    p.rows.every((_, r) => {
      let activity = act[r]! + coefficient[r]![into]!
      if (out >= 0) activity -= coefficient[r]![out]!
      return miss(r, activity) === 0
    })
  for (let round = 0; round < 50; round++) {
    let best: [number, number] | null = null
    let bestGain = 0
    for (let b = 0; b < pool.length; b++) {
      const into = pool[b]!
      if (chosen[into]) continue
      const gainIn = p.objective[into]!
      if (gainIn > bestGain && fits(-1, b)) {
        best = [-1, b]
        bestGain = gainIn
      }
      for (let a = 0; a < pool.length; a++) {
        const out = pool[a]!
        if (!chosen[out]) continue
        const gain = gainIn - p.objective[out]!
        if (gain > bestGain && fits(a, b)) {
          best = [a, b]
          bestGain = gain
        }
      }
    }
    if (!best) return
    const [a, b] = best
    for (const [k, sign] of [
      [a, -1n],
      [b, 1n],
    ] as const) {
      if (k < 0) continue
      p.rows.forEach((_, r) => (act[r] = act[r]! + sign * coefficient[r]![k]!))
      chosen[pool[k]!] = sign > 0n
    }
  }
}

const objectiveValue = (p: BinaryProgramme, chosen: readonly boolean[]) =>
  p.objective.reduce((s, c, i) => (chosen[i] ? s + c : s), 0) / 10 ** p.objectiveDigits

type Run = {
  status: 'optimal' | 'limit' | 'infeasible' | 'failed'
  values: number[]
  duals: number[]
}

/** The LP relaxation: column values and row duals (as multipliers ≥ 0). */
function runRelaxation(highs: Highs, text: string, timeLimit: number): Run {
  try {
    const result = highs.solve(text, {
      output_flag: false,
      primal_feasibility_tolerance: 1e-9,
      time_limit: timeLimit,
    })
    if (result.Status === 'Infeasible') return { status: 'infeasible', values: [], duals: [] }
    const optimal = result.Status === 'Optimal'
    if (!optimal && result.Status !== 'Time limit reached') {
      return { status: 'failed', values: [], duals: [] }
    }
    const columns = result.Columns as Record<string, { Primal?: number }>
    const count = Object.keys(columns).length
    const values = Array.from({ length: count }, (_, k) => columns[`x${k}`]?.Primal ?? Number.NaN)
    if (values.some((v) => !Number.isFinite(v))) return { status: 'failed', values: [], duals: [] }
    const duals = (result.Rows as { Dual?: number }[]).map((row) => Math.abs(row.Dual ?? 0))
    return { status: optimal ? 'optimal' : 'limit', values, duals }
  } catch {
    return { status: 'failed', values: [], duals: [] }
  }
}

const MIP_OPTIONS = {
  output_flag: false,
  mip_rel_gap: 0,
  mip_feasibility_tolerance: 1e-9,
  primal_feasibility_tolerance: 1e-9,
  // On the small cores it gets, HiGHS's restarts (presolve again after fixing columns) cost more
  // than they save: measured on the 2,000-application bench, a third fewer nodes without them.
  mip_allow_restart: false,
} as const

/**
 * One MIP solve with a starting set (so a solve cut short by its time limit is never worse than
 * what it started from): the column values, whether optimality was proved, and HiGHS's proven
 * upper bound on the objective.
 */
function runMip(highs: Highs, text: string, timeLimit: number, start: Float64Array) {
  try {
    return highs.withModel({ format: 'lp', data: text }, (model) => {
      model.options.set({ ...MIP_OPTIONS, time_limit: timeLimit })
      model.setSolution({ colValue: start })
      model.run()
      const status = model.getModelStatus()
      const codes = highs.constants.modelStatus
      if (status === codes.infeasible) return { status: 'infeasible' as const }
      if (status !== codes.optimal && status !== codes.timeLimit) return null
      const bound = Number(model.info.get('mip_dual_bound'))
      return {
        status: status === codes.optimal ? ('optimal' as const) : ('limit' as const),
        values: Array.from(model.getSolution().colValue),
        bound: Number.isFinite(bound) ? bound : Number.POSITIVE_INFINITY,
      }
    })
  } catch {
    return null
  }
}

/**
 * Solves the 0–1 programme restricted to `columns`, the others fixed as in `base`, starting
 * from `start`. The bound is on the whole objective (the fixed part plus the core's bound).
 */
function solveCore(
  highs: Highs,
  p: BinaryProgramme,
  columns: readonly number[],
  base: readonly boolean[],
  start: readonly boolean[],
  timeLimit: number,
): { chosen: boolean[]; proven: boolean; bound: number } | 'infeasible' | null {
  const fixedActivity = activities(p, base)
  const fixedValue = objectiveValue(p, base)
  const initial = Float64Array.from(columns, (c) => (start[c] ? 1 : 0))
  let rows = p.rows.map((row, r) => ({ ...row, rhs: row.rhs - Number(fixedActivity[r]!) }))
  for (let attempt = 0; attempt < 4; attempt++) {
    const result = runMip(highs, lpText({ ...p, rows }, columns, false), timeLimit, initial)
    if (!result) return null
    if (result.status === 'infeasible') return attempt === 0 ? 'infeasible' : null
    const chosen = [...base]
    columns.forEach((c, k) => {
      chosen[c] = (result.values[k] ?? 0) > 0.5
    })
    const missed = slips(p, chosen)
    if (missed.every((s) => s === 0n)) {
      return { chosen, proven: result.status === 'optimal', bound: fixedValue + result.bound }
    }
    rows = rows.map((row, r) => {
      const slip = Number(missed[r]!)
      return slip === 0
        ? row
        : { ...row, rhs: row.sense === '<=' ? row.rhs - slip : row.rhs + slip }
    })
  }
  return null
}

export function solveBinary(highs: Highs, p: BinaryProgramme, timeLimit: number): SelectionOutcome {
  const n = p.objective.length
  const all = Array.from({ length: n }, (_, i) => i)
  const none = new Array<boolean>(n).fill(false)
  if (n === 0) {
    return meetsRows(p, none) ? solvedWith(p, none, true, 0, 0) : { kind: 'infeasible' }
  }
  const deadline = Date.now() + timeLimit * 1000
  const secondsLeft = () => Math.max(0.05, (deadline - Date.now()) / 1000)

  const lp = runRelaxation(highs, lpText(p, all, true), timeLimit)
  if (lp.status === 'infeasible') return { kind: 'infeasible' }
  const scale = (row: IntegerRow, v: number) => (row.sense === '<=' ? v : -v) / 10 ** row.digits
  const rc = all.map((i) =>
    p.rows.reduce(
      (value, row, r) => value - (lp.duals[r] ?? 0) * scale(row, row.coefficients[i]!),
      p.objective[i]! / 10 ** p.objectiveDigits,
    ),
  )
  const incumbent = lp.status === 'optimal' ? incumbentFrom(p, lp.values, rc) : null
  if (!incumbent) {
    const whole = solveCore(highs, p, all, none, none, secondsLeft())
    if (whole === 'infeasible') return { kind: 'infeasible' }
    return whole ? solvedWith(p, whole.chosen, whole.proven, 0, whole.bound) : { kind: 'failed' }
  }

  // The Lagrangian bound L; a hair of slack for floating point (fixing fewer columns is safe).
  const lagrangian =
    p.rows.reduce((sum, row, r) => sum + (lp.duals[r] ?? 0) * scale(row, row.rhs), 0) +
    rc.reduce((sum, v) => sum + Math.max(v, 0), 0)
  const slack = 1e-7 * (Math.abs(lagrangian) + 1)
  let bound = lagrangian + slack
  // Each pass fixes what the best set so far allows and searches the rest. The first pass
  // searches the core in TypeScript (core-search.ts), exactly; should it give up, a quick look
  // for a better incumbent shrinks the core, and HiGHS gets it, starting from the best set so
  // far, for part of the time left; a better set found without proof shrinks the next core.
  let best = incumbent
  let z = objectiveValue(p, best)
  let fixed = 0
  let searched = false
  for (let pass = 0; pass < 4; pass++) {
    const gap = lagrangian + slack - z
    let base = rc.map((v) => v > gap)
    let core = all.filter((i) => Math.abs(rc[i]!) <= gap)
    // The knapsack bound: tighter than the LP's, it fixes most of what the LP left open, and
    // when no set can beat the incumbent by one unit of the (integer) objective, proves it.
    const knapsack = knapsackFixing(p, core, base, lp.duals, rc, z, slack)
    if (knapsack) {
      bound = Math.min(bound, knapsack.bound)
      if (knapsack.bound < z + 10 ** -p.objectiveDigits) return solvedWith(p, best, true, n, z)
      base = knapsack.base
      core = knapsack.core
    }
    fixed = n - core.length
    if (core.length === 0) return solvedWith(p, best, true, n, z)
    if (!searched) {
      searched = true
      const found = searchCore(p, {
        columns: core,
        base,
        incumbent: best,
        duals: lp.duals,
        maxNodes: Math.round(timeLimit * CORE_SEARCH_NODES_PER_SECOND),
      })
      const chosen = found?.chosen
      if (found && chosen && meetsRows(p, chosen)) {
        const value = objectiveValue(p, chosen)
        if (found.complete) {
          return value > z
            ? solvedWith(p, chosen, true, fixed, value)
            : solvedWith(p, best, true, fixed, z)
        }
        // It gave up: the better set it found shrinks the core HiGHS gets.
        if (value > z) {
          best = chosen
          z = value
          continue
        }
      }
      const better = improveIncumbent(highs, p, rc, best, lagrangian + slack, secondsLeft())
      if (objectiveValue(p, better) > z) {
        best = better
        z = objectiveValue(p, better)
        continue
      }
    }
    const solved = solveCore(
      highs,
      p,
      core,
      base,
      best,
      pass < 2 ? secondsLeft() / 2 : secondsLeft(),
    )
    if (!solved || solved === 'infeasible') break
    // The core's bound holds for every set at least as good as z, so for the optimum.
    bound = Math.min(bound, Math.max(z, solved.bound))
    const value = objectiveValue(p, solved.chosen)
    const improved = value > z
    if (value >= z) {
      best = solved.chosen
      z = value
    }
    if (solved.proven) return solvedWith(p, best, true, fixed, z)
    if (!improved) break
  }
  return solvedWith(p, best, false, fixed, bound)
}

/** Columns the quick look for a better incumbent hands HiGHS: those the LP was least sure about. */
const HEURISTIC_CORE = 25

/**
 * A better starting set, cheaply: HiGHS on the HEURISTIC_CORE columns with the smallest
 * |reduced cost|, every other column as its reduced cost says, for a tenth of the time left.
 * Only the incumbent changes (kept when this finds nothing better), so exactness does not depend
 * on it; but the proof's core is every column with |rc| ≤ L − z, so each point gained on z
 * shrinks the core the exact solve must search, and that search grows fast with its size.
 */
function improveIncumbent(
  highs: Highs,
  p: BinaryProgramme,
  rc: readonly number[],
  incumbent: boolean[],
  lagrangian: number,
  seconds: number,
): boolean[] {
  const n = rc.length
  const z = objectiveValue(p, incumbent)
  const open = Array.from({ length: n }, (_, i) => i)
    .filter((i) => Math.abs(rc[i]!) <= lagrangian - z)
    .sort((a, b) => Math.abs(rc[a]!) - Math.abs(rc[b]!))
  // Small enough for the exact solve as it is: nothing to gain.
  if (open.length <= HEURISTIC_CORE) return incumbent
  const columns = open.slice(0, HEURISTIC_CORE).sort((a, b) => a - b)
  const base = rc.map((v) => v > 0)
  columns.forEach((c) => (base[c] = false))
  const solved = solveCore(highs, p, columns, base, incumbent, seconds / 10)
  if (!solved || solved === 'infeasible') return incumbent
  return objectiveValue(p, solved.chosen) > z ? solved.chosen : incumbent
}

/** The largest knapsack table (entries) the bound builds in each direction: 32 MB of doubles. */
const KNAPSACK_CELLS = 4_000_000
/** The most table updates the bound alone may take (about 30 ms). */
const KNAPSACK_WORK = 30_000_000

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b))

/**
 * A Lagrangian bound that keeps the budget row whole: every row but the knapsack row (the first
 * `<=` row with no negative coefficient: the budget) is priced with the LP's multipliers y ≥ 0,
 * and the knapsack over the core is solved exactly by dynamic programming. For any feasible x
 * that agrees with the fixings so far (all sets at least as good as z do),
 * c·x ≤ Σ_{r≠k} y_r b_r + Σ vᵢxᵢ with vᵢ = cᵢ − Σ_{r≠k} y_r a_ri, and Σ_core vᵢxᵢ is at most the
 * knapsack's optimum under Σ_core ⌊a_ki/U⌋ xᵢ ≤ ⌊R/U⌋ (rounding weights down and the capacity
 * down is still a relaxation, since the left side is a whole number; U is the amounts' common
 * divisor, so the weights are exact). Forward and backward tables give, for each core column, the bound with it
 * forced either way; a column whose other value cannot reach z is fixed. Null without a knapsack
 * row or when the fixed part already overspends (then nothing is fixed here).
 */
function knapsackFixing(
  p: BinaryProgramme,
  core: readonly number[],
  base: readonly boolean[],
  duals: readonly number[],
  rc: readonly number[],
  z: number,
  slack: number,
) {
  const k = p.rows.findIndex((row) => row.sense === '<=' && row.coefficients.every((a) => a >= 0))
  if (k < 0 || core.length === 0) return null
  const budget = p.rows[k]!
  const yk = duals[k] ?? 0
  const scaled = (row: IntegerRow, v: number) => (row.sense === '<=' ? v : -v) / 10 ** row.digits
  // vᵢ: the reduced cost without the budget row's price.
  const value = (i: number) => rc[i]! + yk * scaled(budget, budget.coefficients[i]!)
  let constant = p.rows.reduce(
    (sum, row, r) => (r === k ? sum : sum + (duals[r] ?? 0) * scaled(row, row.rhs)),
    0,
  )
  let room = budget.rhs
  base.forEach((one, i) => {
    if (!one) return
    constant += value(i)
    room -= budget.coefficients[i]!
  })
  const inCore = new Set(core)
  // Columns fixed at 1 outside the core were counted above; the core's are not fixed yet.
  for (const i of core) {
    if (base[i]) {
      constant -= value(i)
      room += budget.coefficients[i]!
    }
  }
  if (room < 0) return null
  const m = core.length
  // Exact only on the amounts' common divisor: a coarser grid loosens the bound past the LP's.
  const unit = core.reduce((g, i) => gcd(g, budget.coefficients[i]!), 0) || 1
  const W = Math.floor(room / unit)
  const weight = core.map((i) => Math.floor(budget.coefficients[i]! / unit))
  const gain = core.map(value)
  if ((m + 1) * (W + 1) > KNAPSACK_CELLS) {
    // Too fine a grid to keep both tables: the bound alone (one rolling row), if affordable.
    if (m * (W + 1) > KNAPSACK_WORK) return null
    const row = new Float64Array(W + 1)
    for (let j = 0; j < m; j++) {
      const wj = weight[j]!
      for (let w = W; w >= wj; w--) row[w] = Math.max(row[w]!, row[w - wj]! + gain[j]!)
    }
    const total = constant + row[W]!
    return { core: [...core], base: [...base], bound: total + slack + 1e-9 * (Math.abs(total) + 1) }
  }
  const width = W + 1
  // forward[j·width + w]: the best of the first j core columns within w units; backward: of the
  // columns from j on.
  const forward = new Float64Array((m + 1) * width)
  const backward = new Float64Array((m + 1) * width)
  for (let j = 0; j < m; j++) {
    const from = j * width
    const to = from + width
    const wj = weight[j]!
    const vj = gain[j]!
    for (let w = 0; w < width; w++) {
      const skip = forward[from + w]!
      forward[to + w] = w >= wj ? Math.max(skip, forward[from + w - wj]! + vj) : skip
    }
  }
  for (let j = m - 1; j >= 0; j--) {
    const from = (j + 1) * width
    const to = j * width
    const wj = weight[j]!
    const vj = gain[j]!
    for (let w = 0; w < width; w++) {
      const skip = backward[from + w]!
      backward[to + w] = w >= wj ? Math.max(skip, backward[from + w - wj]! + vj) : skip
    }
  }
  const total = constant + forward[m * width + W]!
  const tolerance = slack + 1e-9 * (Math.abs(total) + 1)
  const fixedBase = [...base]
  const left: number[] = []
  core.forEach((i, j) => {
    const before = j * width
    const after = (j + 1) * width
    // The best with column i out, and with it in.
    let out = Number.NEGATIVE_INFINITY
    for (let w = 0; w <= W; w++) {
      out = Math.max(out, forward[before + w]! + backward[after + W - w]!)
    }
    let into = Number.NEGATIVE_INFINITY
    const wj = weight[j]!
    for (let w = 0; w <= W - wj; w++) {
      into = Math.max(into, forward[before + w]! + backward[after + W - wj - w]!)
    }
    into += gain[j]!
    const outFails = constant + out + tolerance < z
    const inFails = constant + into + tolerance < z
    if (inFails && !outFails) fixedBase[i] = false
    else if (outFails && !inFails) fixedBase[i] = true
    else left.push(i)
  })
  return {
    core: left.filter((i) => inCore.has(i)),
    base: fixedBase,
    bound: total + tolerance,
  }
}

function solvedWith(
  p: BinaryProgramme,
  chosen: boolean[],
  proven: boolean,
  fixed: number,
  bound: number,
): SelectionOutcome {
  return {
    kind: 'solved',
    chosen,
    proven,
    fixed,
    bound: Math.max(bound, objectiveValue(p, chosen)),
  }
}
