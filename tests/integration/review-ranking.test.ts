import { describe, expect, it } from 'vitest'
import { db } from '#db/client.server.ts'
import { memberships, reviewAssignments, type User } from '#db/schema/index.ts'
import * as rankingRoute from '#app/routes/orgs.$slug.programs.$programSlug.ranking.tsx'
import {
  addUserToOrg,
  cookieFor,
  createApplicationRow,
  createUser,
} from '#tests/support/factories.ts'
import { withTestDatabase } from '#tests/support/database.ts'
import { programWithPanel } from '#tests/support/review-rows.ts'
import { call, makeRequest } from '#tests/support/routes.ts'

withTestDatabase()

/*
 * A program worked by hand. Rubric: two criteria weighted 60 and 40 on 1–5, a level l counting
 * (l − 1) / 4 × 100 points; three reviewers per application; community reviewers count half (500‰).
 *
 *              A           B           C
 *   R1 staff   (5,3) → 80  (4,4) → 75  (5,5) → 100
 *   R2 staff   (3,3) → 50  (5,5) → 100 (3,3) → 50
 *   R3 comm.   (4,4) → 75  (3,3) → 50  conflict declared
 *
 * (80 is 0.6 × 100 + 0.4 × 50.) Weighted means: A (80 + 50 + ½·75) / 2.5 = 67; B (75 + 100 +
 * ½·50) / 2.5 = 80; C (100 + 50) / 2 = 75. Sample sd: A √((11.67² + 18.33² + 6.67²) / 2) = 16.07;
 * B 25; C 35.36 (above 20: high disagreement). C has two reviews of three: too few.
 *
 * Normalised: the pool of eight scores has mean 580 / 8 = 72.5 and sd √(3100 / 7). R1's scores
 * (80, 75, 100) have mean 85 and sd √175; R2's (50, 100, 50) mean 200/3 and sd √(2500/3); R3 has
 * only two reviews, so theirs count raw and A and B are marked. A review's normalised score is
 * 72.5 + z × pool sd. By raw mean the order is B, C, A; normalised, C, B, A.
 *
 * Agreement (Krippendorff's alpha, interval), by hand: criterion 1 has units (5,3,4), (4,5,3),
 * (5,3): D₀ = (6 + 6 + 8) / 8 = 2.5, Dₑ = 96 / 56, α = 1 − 35/24 = −11/24. Criterion 2 has (3,3,4),
 * (4,5,3), (5,3): α = −3/11. The 0–100 scores: α = −225/496. All below 0.667: inconsistent.
 * A withdrawn application with a submitted review counts nowhere.
 */
const POOL_SD = Math.sqrt(3100 / 7)
const r1 = (score: number) => 72.5 + ((score - 85) / Math.sqrt(175)) * POOL_SD
const r2 = (score: number) => 72.5 + ((score - 200 / 3) / Math.sqrt(2500 / 3)) * POOL_SD

async function workedProgram() {
  const s = await programWithPanel(
    { reviewersPerApplication: 3, communityReviewerWeight: 500 },
    { staff: 2, community: 1 },
  )
  const [staff1, staff2] = s.staff as [User, User]
  const community = s.community[0]!
  const a = await createApplicationRow(s.program.id, {
    title: 'Alpha',
    amountRequestedMinor: 1_000_000,
    placeVulnerability: 0.87,
  })
  const b = await createApplicationRow(s.program.id, { title: 'Beta' })
  const c = await createApplicationRow(s.program.id, { title: 'Gamma' })
  const withdrawn = await createApplicationRow(s.program.id, { status: 'withdrawn' })
  const now = new Date()
  const { review, criteria } = s
  await review(staff1.id, a.id, [5, 3])
  await review(staff1.id, b.id, [4, 4])
  await review(staff1.id, c.id, [5, 5])
  await review(staff2.id, a.id, [3, 3])
  await review(staff2.id, b.id, [5, 5])
  await review(staff2.id, c.id, [3, 3])
  await review(community.id, a.id, [4, 4])
  await review(community.id, b.id, [3, 3])
  // Withdrawn after R1 reviewed it: were it counted, R1's scores (and everything) would move.
  await review(staff1.id, withdrawn.id, [1, 1])
  await db().insert(reviewAssignments).values({
    programId: s.program.id,
    applicationId: c.id,
    reviewerUserId: community.id,
    state: 'conflict',
    conflictReason: 'I volunteer with them.',
    declaredAt: now,
  })
  return { ...s, criteria, staff1, community, a, b, c }
}

type Loaded = Awaited<ReturnType<typeof rankingRoute.loader>>

async function open(
  s: { org: { slug: string }; program: { slug: string } },
  userId: string,
  query = '',
) {
  const params = { slug: s.org.slug, programSlug: s.program.slug }
  return call(
    rankingRoute.loader,
    makeRequest(`/orgs/${params.slug}/programs/${params.programSlug}/ranking${query}`, {
      cookie: await cookieFor(userId),
    }),
    params,
  )
}

describe('the ranking board', () => {
  it('gives the hand-worked means, normalised scores, spread and flags, in either order', async () => {
    const s = await workedProgram()
    const raw = await open(s, s.owner.id)
    expect(raw.status).toBe(200)
    const board = raw.data as Loaded
    expect(board.sort).toBe('raw')
    expect(board.submittedReviews).toBe(8)
    expect(board.lines.map((l) => l.title)).toEqual(['Beta', 'Gamma', 'Alpha'])
    const line = (title: string) => board.lines.find((l) => l.title === title)!

    expect(line('Alpha')).toMatchObject({
      reviews: 3,
      includesRaw: true,
      flags: [],
      amountRequestedMinor: 1_000_000,
      placeVulnerability: 0.87,
    })
    expect(line('Alpha').mean).toBeCloseTo(67, 9)
    expect(line('Alpha').sd).toBeCloseTo(16.0728, 3)
    expect(line('Alpha').normalised).toBeCloseTo((r1(80) + r2(50) + 0.5 * 75) / 2.5, 9)
    expect(line('Alpha').normalised).toBeCloseTo(64.958, 2)

    expect(line('Beta')).toMatchObject({
      reviews: 3,
      includesRaw: true,
      flags: ['high_disagreement'],
    })
    expect(line('Beta').mean).toBeCloseTo(80, 9)
    expect(line('Beta').sd).toBeCloseTo(25, 9)
    expect(line('Beta').normalised).toBeCloseTo((r1(75) + r2(100) + 0.5 * 50) / 2.5, 9)

    expect(line('Gamma')).toMatchObject({
      reviews: 2,
      includesRaw: false,
      flags: ['too_few_reviews', 'high_disagreement', 'conflict_declared'],
    })
    expect(line('Gamma').mean).toBeCloseTo(75, 9)
    expect(line('Gamma').sd).toBeCloseTo(Math.sqrt(1250), 9)
    expect(line('Gamma').normalised).toBeCloseTo((r1(100) + r2(50)) / 2, 9)

    const normalised = (await open(s, s.owner.id, '?sort=normalised')).data as Loaded
    expect(normalised.sort).toBe('normalised')
    expect(normalised.lines.map((l) => l.title)).toEqual(['Gamma', 'Beta', 'Alpha'])
    // Anything else in the query is the raw order, not an error.
    const odd = (await open(s, s.owner.id, '?sort=best')).data as Loaded
    expect(odd.sort).toBe('raw')
  })

  it('gives the panel agreement per criterion and overall', async () => {
    const s = await workedProgram()
    const { agreement } = (await open(s, s.owner.id)).data as Loaded
    expect(agreement.overall.alpha).toBeCloseTo(-225 / 496, 9)
    expect(agreement.overall.pairableValues).toBe(8)
    expect(agreement.criteria.map((c) => c.label.text)).toEqual([
      'Community leadership',
      'Feasibility',
    ])
    expect(agreement.criteria[0]!.agreement.alpha).toBeCloseTo(-11 / 24, 9)
    expect(agreement.criteria[1]!.agreement.alpha).toBeCloseTo(-3 / 11, 9)
  })

  it('is the program officers’: reviewers, community reviewers, group members and strangers are refused', async () => {
    const s = await workedProgram()
    const admin = await addUserToOrg(s, 'admin')
    expect((await open(s, admin.id)).status).toBe(200)
    const groupMember = await createUser()
    await db()
      .insert(memberships)
      .values({ organizationId: s.a.organizationId, userId: groupMember.id, role: 'member' })
    const stranger = await createUser()
    const refusals: [string, number][] = [
      [s.staff1.id, 403],
      [(await addUserToOrg(s, 'member')).id, 403],
      [s.community.id, 404],
      [groupMember.id, 404],
      [stranger.id, 404],
    ]
    for (const [userId, status] of refusals) {
      const outcome = await open(s, userId)
      expect(outcome.status).toBe(status)
      expect(JSON.stringify(outcome.data ?? '')).not.toContain('Alpha')
    }
  })
})
