import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '#db/client.server.ts'
import { applications, reviewAssignments, type User } from '#db/schema/index.ts'
import { rankApplications } from '#app/domain/review/ranking.ts'
import { MAX_RANKED, onTheBoard, programRanking } from '#app/services/review/ranking.server.ts'
import { scoringRubric, submittedReviews } from '#app/services/review/review-records.server.ts'
import { applicationAggregates } from '#app/services/review/score-aggregates.server.ts'
import { createApplicationRow } from '#tests/support/factories.ts'
import { withTestDatabase } from '#tests/support/database.ts'
import { programWithPanel } from '#tests/support/review-rows.ts'

withTestDatabase()

/*
 * The board's arithmetic runs in SQL (score-aggregates.server.ts); the pure definitions in
 * app/domain/review/ (rankApplications) are the reference. A program worked by hand, with every
 * case the normalisation treats apart. Rubric: two criteria weighted 60 and 40 on 1–5; community
 * reviewers count half (500‰).
 *
 *              A           B           C
 *   R1 staff   (5,3) → 80  (4,4) → 75  (5,5) → 100
 *   R2 staff   (3,3) → 50  (3,3) → 50  (3,3) → 50     all equal: z = 0, the pool mean
 *   R3 comm.   (4,4) → 75  (2,2) → 25  (5,–) incomplete: not scored, its 5 counts for criterion 1
 *   R4 staff                           (1,1) in progress: counts nowhere
 * and R1's (1,1) on a withdrawn application counts nowhere.
 *
 * The pool: 80, 75, 100, 50, 50, 50, 75, 25, mean 505 / 8 = 63.125. R1 (80, 75, 100) has mean 85
 * and sd √175; R3 has two reviews, so theirs count raw (A and B are marked). B's normalised score
 * is (63.125 + z·sd_pool + 63.125 + ½·25) / 2.5 with z = (75 − 85) / √175; its raw mean
 * (75 + 50 + ½·25) / 2.5 = 55. C has two complete reviews of three: too few.
 */
async function workedProgram() {
  const s = await programWithPanel(
    { reviewersPerApplication: 3, communityReviewerWeight: 500 },
    { staff: 3, community: 1 },
  )
  const [r1, r2, r4] = s.staff as [User, User, User]
  const r3 = s.community[0]!
  const a = await createApplicationRow(s.program.id, { title: 'A' })
  const b = await createApplicationRow(s.program.id, { title: 'B' })
  const c = await createApplicationRow(s.program.id, { title: 'C' })
  const withdrawn = await createApplicationRow(s.program.id, { status: 'withdrawn' })
  const { review } = s
  await review(r1.id, a.id, [5, 3])
  await review(r1.id, b.id, [4, 4])
  await review(r1.id, c.id, [5, 5])
  await review(r2.id, a.id, [3, 3])
  await review(r2.id, b.id, [3, 3])
  await review(r2.id, c.id, [3, 3])
  await review(r3.id, a.id, [4, 4])
  await review(r3.id, b.id, [2, 2])
  await review(r3.id, c.id, [5, null])
  await review(r4.id, c.id, [1, 1], 'in_progress')
  await review(r1.id, withdrawn.id, [1, 1])
  return { ...s, a, b, c }
}

/** The same board computed by the pure definitions from every level read into memory. */
async function referenceRanking(s: Awaited<ReturnType<typeof workedProgram>>) {
  const rows = await db()
    .select({ id: applications.id })
    .from(applications)
    .where(onTheBoard(s.program.id))
    .orderBy(applications.id)
    .limit(MAX_RANKED)
  const reviews = await submittedReviews(s.program, eq(reviewAssignments.programId, s.program.id))
  return rankApplications(
    scoringRubric(s.criteria),
    reviews,
    rows.map((r) => ({ id: r.id, conflictDeclared: false })),
    { reviewersPerApplication: s.program.reviewersPerApplication },
  )
}

describe('the board’s arithmetic in SQL', () => {
  it('agrees with the pure definitions: means, spread, normalised scores, flags and alphas', async () => {
    const s = await workedProgram()
    const [board, reference] = await Promise.all([programRanking(s.program), referenceRanking(s)])

    expect(board.lines.map((l) => l.applicationId)).toEqual(
      reference.lines.map((l) => l.applicationId),
    )
    for (const [i, line] of board.lines.entries()) {
      const expected = reference.lines[i]!
      expect(line.reviews).toBe(expected.reviews)
      expect(line.includesRaw).toBe(expected.includesRaw)
      expect(line.flags).toEqual(expected.flags)
      for (const key of ['mean', 'sd', 'normalised'] as const) {
        expect(line[key]).toBeCloseTo(expected[key]!, 9)
      }
    }
    const alphas = (a: typeof board.agreement) => [a.overall, ...a.criteria.map((c) => c.agreement)]
    for (const [i, agreement] of alphas(board.agreement).entries()) {
      const expected = alphas(reference.agreement)[i]!
      expect({ ...agreement, alpha: null }).toEqual({ ...expected, alpha: null })
      expect(agreement.alpha).toBeCloseTo(expected.alpha!, 9)
    }
  })

  it('gives the hand-worked figures', async () => {
    const s = await workedProgram()
    const byId = new Map(
      (await applicationAggregates(s.program)).map((row) => [row.applicationId, row]),
    )
    const poolSd = Math.sqrt(
      [80, 75, 100, 50, 50, 50, 75, 25].reduce((sum, v) => sum + (v - 63.125) ** 2, 0) / 7,
    )
    const b = byId.get(s.b.id)!
    expect(b.reviews).toBe(3)
    expect(b.mean).toBeCloseTo(55, 9)
    expect(b.includesRaw).toBe(true)
    expect(b.normalised).toBeCloseTo(
      (63.125 + ((75 - 85) / Math.sqrt(175)) * poolSd + 63.125 + 0.5 * 25) / 2.5,
      9,
    )
    const c = byId.get(s.c.id)!
    expect(c).toMatchObject({ reviews: 2, includesRaw: false, sum: 150, sumOfSquares: 12_500 })
    expect(c.sd).toBeCloseTo(Math.sqrt(1250), 9)
    // Withdrawn applications are not on the board at all.
    expect(byId.size).toBe(3)
  })
})
