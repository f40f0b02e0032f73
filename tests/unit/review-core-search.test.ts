import fc from 'fast-check'
import loadHighs, { type Highs } from 'highs'
import { describe, expect, it } from 'vitest'
import { searchCore } from '#app/domain/review/core-search.ts'
import { meetsRows, solveBinary, type BinaryProgramme } from '#app/domain/review/selection.ts'

/*
 * The exact search (core-search.ts) against HiGHS on the whole programme, with no reduction:
 * random programmes shaped like the proposal's (a budget row, guardrail rows Σ aᵢ(fᵢ − p)xᵢ ≥ 0,
 * sometimes a spending floor that makes them infeasible), whole numbers throughout so HiGHS's
 * answer is exact. The search must agree on feasibility and on the optimum, whatever multipliers
 * y ≥ 0 it is given (its bound is valid for any), and solveBinary (reduction + search) too.
 */

interface Instance {
  programme: BinaryProgramme
  duals: number[]
}

const instance = fc
  .record({
    columns: fc.array(
      fc.record({
        score: fc.integer({ min: 0, max: 10_000 }),
        amount: fc.integer({ min: 1, max: 60 }),
        flags: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
      }),
      { minLength: 1, maxLength: 22 },
    ),
    budgetShare: fc.integer({ min: 5, max: 100 }),
    shares: fc.array(fc.integer({ min: 0, max: 100 }), { maxLength: 3 }),
    floorShare: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
    duals: fc.array(fc.double({ min: 0, max: 5, noNaN: true }), { minLength: 5, maxLength: 5 }),
  })
  .map(({ columns, budgetShare, shares, floorShare, duals }): Instance => {
    const amounts = columns.map((c) => c.amount)
    const total = amounts.reduce((s, a) => s + a, 0)
    const budget = Math.max(1, Math.floor((total * budgetShare) / 100))
    const rows: BinaryProgramme['rows'][number][] = [
      { coefficients: amounts, sense: '<=', rhs: budget, digits: 0 },
    ]
    if (floorShare !== null) {
      rows.push({
        coefficients: amounts,
        sense: '>=',
        rhs: Math.floor((budget * floorShare) / 100),
        digits: 0,
      })
    }
    shares.forEach((percent, g) =>
      rows.push({
        coefficients: columns.map((c) => c.amount * ((c.flags[g] ? 100 : 0) - percent)),
        sense: '>=',
        rhs: 0,
        digits: 0,
      }),
    )
    return {
      programme: { objective: columns.map((c) => c.score), objectiveDigits: 0, rows },
      duals: duals.slice(0, rows.length),
    }
  })

/** HiGHS on the whole programme: the optimum, or null when infeasible. */
function highsOptimum(highs: Highs, p: BinaryProgramme): number | null {
  const x = (i: number) => `x${i}`
  const terms = (cs: readonly number[]) =>
    cs.map((c, i) => `${c < 0 ? '-' : '+'} ${Math.abs(c)} ${x(i)}`).join(' ')
  const text = [
    'Maximize',
    ` obj: ${terms(p.objective)}`,
    'Subject To',
    ...p.rows.map((row, r) => ` r${r}: ${terms(row.coefficients)} ${row.sense} ${row.rhs}`),
    'Binaries',
    ` ${p.objective.map((_, i) => x(i)).join(' ')}`,
    'End',
  ].join('\n')
  const result = highs.solve(text, { output_flag: false, mip_rel_gap: 0 })
  if (result.Status === 'Infeasible') return null
  expect(result.Status).toBe('Optimal')
  return Math.round(result.ObjectiveValue)
}

const value = (p: BinaryProgramme, chosen: readonly boolean[]) =>
  p.objective.reduce((s, c, i) => (chosen[i] ? s + c : s), 0)

describe('the exact core search (core-search.ts)', () => {
  it('finds HiGHS’s optimum, or that there is none, for any multipliers', async () => {
    const highs = await loadHighs()
    let infeasible = 0
    fc.assert(
      fc.property(instance, ({ programme: p, duals }) => {
        const n = p.objective.length
        const expected = highsOptimum(highs, p)
        const found = searchCore(p, {
          columns: Array.from({ length: n }, (_, i) => i),
          base: new Array<boolean>(n).fill(false),
          incumbent: null,
          duals,
          maxNodes: 10_000_000,
        })
        expect(found?.complete).toBe(true)
        if (expected === null) {
          infeasible++
          expect(found!.chosen).toBeNull()
        } else {
          expect(found!.chosen).not.toBeNull()
          expect(meetsRows(p, found!.chosen!)).toBe(true)
          expect(value(p, found!.chosen!)).toBe(expected)
        }
      }),
      { numRuns: 400, seed: 20261130 },
    )
    // The generator must exercise both outcomes.
    expect(infeasible).toBeGreaterThan(10)
  }, 120_000)

  it('with a feasible incumbent, proves it or finds a strictly better set', async () => {
    const highs = await loadHighs()
    fc.assert(
      fc.property(
        instance,
        fc.integer({ min: 0, max: 2 ** 30 }),
        ({ programme: p, duals }, bits) => {
          const n = p.objective.length
          const expected = highsOptimum(highs, p)
          // A random set, kept only when it meets the rows (the empty set is the fallback).
          const random = Array.from({ length: n }, (_, i) => ((bits >> (i % 30)) & 1) === 1)
          const none = new Array<boolean>(n).fill(false)
          const incumbent = meetsRows(p, random) ? random : meetsRows(p, none) ? none : null
          if (incumbent === null || expected === null) return
          const found = searchCore(p, {
            columns: Array.from({ length: n }, (_, i) => i),
            base: none,
            incumbent,
            duals,
            maxNodes: 10_000_000,
          })
          expect(found!.complete).toBe(true)
          expect(found!.improved).toBe(expected > value(p, incumbent))
          expect(value(p, found!.chosen!)).toBe(expected)
        },
      ),
      { numRuns: 300, seed: 7 },
    )
  }, 120_000)

  it('solveBinary (reduction, then the search) gives HiGHS’s optimum, proven', async () => {
    const highs = await loadHighs()
    fc.assert(
      fc.property(instance, ({ programme: p }) => {
        const expected = highsOptimum(highs, p)
        const outcome = solveBinary(highs, p, 5)
        if (expected === null) {
          expect(outcome.kind).toBe('infeasible')
          return
        }
        expect(outcome.kind).toBe('solved')
        if (outcome.kind !== 'solved') return
        expect(outcome.proven).toBe(true)
        expect(meetsRows(p, outcome.chosen)).toBe(true)
        expect(value(p, outcome.chosen)).toBe(expected)
      }),
      { numRuns: 300, seed: 42 },
    )
  }, 120_000)
})
