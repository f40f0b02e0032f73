import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '#db/client.server.ts'
import { organizations, panelMembers, rubricCriteria } from '#db/schema/index.ts'
import type { BudgetBand } from '#app/domain/organizations.ts'
import { studentTQuantile } from '#app/domain/review/statistics.ts'
import * as fairnessRoute from '#app/routes/orgs.$slug.programs.$programSlug.fairness.tsx'
import {
  addUserToOrg,
  cookieFor,
  createApplicationRow,
  createOpenProgram,
  createOrgWithOwner,
  createUser,
} from '#tests/support/factories.ts'
import { withTestDatabase } from '#tests/support/database.ts'
import { insertReview } from '#tests/support/review-rows.ts'
import { call, makeRequest } from '#tests/support/routes.ts'

withTestDatabase()

/*
 * A program worked by hand. Rubric: two criteria weighted 60 and 40 on 1–5, a level l counting
 * (l − 1) / 4 × 100 points. Two staff reviewers score all four applications:
 *
 *        led      band       place  before         R1           R2          mean
 *   A    yes      under_50k  0.9    later only     (5,5) 100    (5,2) 70    85
 *   B    yes      50k_250k   0.8    this funder    (4,4) 75     (3,3) 50    62.5
 *   C    no       1m_5m      0.2    other funder   (3,3) 50     (3,3) 50    50
 *   D    partly   none       none   never          (2,2) 25     (1,1) 0     12.5
 *
 * (R2 on A: 0.6 × 100 + 0.4 × 25 = 70.) B's group applied to another program of this funder
 * before: returning. C's group applied earlier to another funder, A's applied to this funder only
 * later: both first-time. Ignored: a third reviewer's incomplete submitted review of A, their
 * fully scored but unsubmitted (in progress) review of B, and R1's review of a withdrawn one.
 *
 * Community-led (yes) vs not (partly, no): {85, 62.5} mean 73.75 vs {50, 12.5} mean 31.25, gap
 * 42.5. s₁² = 2 × 11.25² = 253.125, s₂² = 2 × 18.75² = 703.125; q₁ = 126.5625, q₂ = 351.5625,
 * se² = 478.125, Welch df = 478.125² / (126.5625² + 351.5625²) = 1.63737…
 * Small budget (under $250k) vs large: {85, 62.5} vs {50}: gap 23.75, no interval (one in the
 * second group); D has no band: 1 not known.
 * First-time vs returning: {85, 50, 12.5} mean 49.1667 vs {62.5}: gap −13.3333, no interval.
 * Most vulnerable (top quartile of 0.9, 0.8, 0.2): A only (3/3 > 0.75; B is 2/3) vs {B, C}:
 * 85 − 56.25 = 28.75, no interval; D has no index: 1 not known.
 *
 * Leniency: the pool is 100, 75, 50, 25, 70, 50, 50, 0: mean 52.5, Σ(x − x̄)² = 6600, sd
 * √(6600/7). R1's offsets from R2 on the same applications: 30, 25, 0, 25, mean 20; R2's −20.
 * Leniency ±20 / √(6600/7) = ±0.6513.
 */
async function workedProgram() {
  const s = await createOpenProgram({ status: 'in_review', reviewersPerApplication: 2 })
  const criteria = await db()
    .select()
    .from(rubricCriteria)
    .where(eq(rubricCriteria.programId, s.program.id))
    .orderBy(rubricCriteria.position)
  const r1 = await addUserToOrg(s, 'reviewer')
  const r2 = await addUserToOrg(s, 'reviewer')
  const r3 = await addUserToOrg(s, 'reviewer')
  await db()
    .insert(panelMembers)
    .values(
      [r1, r2, r3].map((r) => ({ programId: s.program.id, userId: r.id, kind: 'staff' as const })),
    )
  async function group(band: BudgetBand | null) {
    const g = await createOrgWithOwner('community_group')
    await db().update(organizations).set({ budgetBand: band }).where(eq(organizations.id, g.org.id))
    return g.org
  }
  const day = 86_400_000
  const now = Date.now()
  const application = async (
    title: string,
    band: BudgetBand | null,
    led: string,
    place: number | null,
  ) =>
    createApplicationRow(s.program.id, {
      title,
      organizationId: (await group(band)).id,
      ledByLivedExperience: led,
      placeVulnerability: place,
      submittedAt: new Date(now - 10 * day),
    })
  const a = await application('Alpha', 'under_50k', 'yes', 0.9)
  const b = await application('Beta', '50k_250k', 'yes', 0.8)
  const c = await application('Gamma', '1m_5m', 'no', 0.2)
  const d = await application('Delta', null, 'partly', null)
  const withdrawn = await createApplicationRow(s.program.id, { status: 'withdrawn' })
  // B's group applied to this funder before; A's only after; C's to another funder before.
  const earlier = await createOpenProgram({}, s)
  await createApplicationRow(earlier.program.id, {
    organizationId: b.organizationId,
    submittedAt: new Date(now - 400 * day),
  })
  await createApplicationRow(earlier.program.id, {
    organizationId: a.organizationId,
    submittedAt: new Date(now - day),
  })
  const elsewhere = await createOpenProgram()
  await createApplicationRow(elsewhere.program.id, {
    organizationId: c.organizationId,
    submittedAt: new Date(now - 400 * day),
  })

  const review = (
    reviewerId: string,
    applicationId: string,
    levels: (number | null)[],
    state?: 'submitted' | 'in_progress',
  ) => insertReview(s.program.id, criteria, { reviewerId, applicationId, levels, state })
  await review(r1.id, a.id, [5, 5])
  await review(r1.id, b.id, [4, 4])
  await review(r1.id, c.id, [3, 3])
  await review(r1.id, d.id, [2, 2])
  await review(r2.id, a.id, [5, 2])
  await review(r2.id, b.id, [3, 3])
  await review(r2.id, c.id, [3, 3])
  await review(r2.id, d.id, [1, 1])
  await review(r3.id, a.id, [1, null])
  await review(r3.id, b.id, [1, 1], 'in_progress')
  await review(r1.id, withdrawn.id, [1, 1])
  return { ...s, r1, r2, r3 }
}

type Loaded = Awaited<ReturnType<typeof fairnessRoute.loader>>

async function open(s: { org: { slug: string }; program: { slug: string } }, userId?: string) {
  const params = { slug: s.org.slug, programSlug: s.program.slug }
  return call(
    fairnessRoute.loader,
    makeRequest(
      `/orgs/${params.slug}/programs/${params.programSlug}/fairness`,
      userId ? { cookie: await cookieFor(userId) } : {},
    ),
    params,
  )
}

describe('the fairness page', () => {
  it('gives the hand-worked score gaps with their counts and intervals', async () => {
    const s = await workedProgram()
    const outcome = await open(s, s.owner.id)
    expect(outcome.status).toBe(200)
    const page = outcome.data as Loaded
    expect(page.scoredApplications).toBe(4)
    expect(page.reviews).toBe(8)
    const gap = (comparison: string) => page.gaps.find((g) => g.comparison === comparison)!

    const led = gap('community_led')
    expect(led.first).toMatchObject({ applications: 2, reviews: 4 })
    expect(led.second).toMatchObject({ applications: 2, reviews: 4 })
    expect(led.first.mean).toBeCloseTo(73.75, 9)
    expect(led.second.mean).toBeCloseTo(31.25, 9)
    expect(led.difference).toBeCloseTo(42.5, 9)
    expect(led.unknown).toBe(0)
    const df = 478.125 ** 2 / (126.5625 ** 2 + 351.5625 ** 2)
    expect(led.interval!.df).toBeCloseTo(df, 9)
    expect(df).toBeCloseTo(1.63737, 4)
    const margin = studentTQuantile(0.975, df) * Math.sqrt(478.125)
    expect(led.interval!.low).toBeCloseTo(42.5 - margin, 6)
    expect(led.interval!.high).toBeCloseTo(42.5 + margin, 6)

    const small = gap('small_budget')
    expect(small).toMatchObject({ unknown: 1, interval: null, intervalMissing: 'too_few' })
    expect(small.first).toMatchObject({ applications: 2, reviews: 4 })
    expect(small.second).toMatchObject({ applications: 1, reviews: 2, mean: 50 })
    expect(small.difference).toBeCloseTo(23.75, 9)

    const firstTime = gap('first_time')
    expect(firstTime.first).toMatchObject({ applications: 3, reviews: 6 })
    expect(firstTime.second).toMatchObject({ applications: 1, reviews: 2, mean: 62.5 })
    expect(firstTime.difference).toBeCloseTo(147.5 / 3 - 62.5, 9)
    expect(firstTime.unknown).toBe(0)

    const place = gap('most_vulnerable_place')
    expect(place.first).toMatchObject({ applications: 1, reviews: 2, mean: 85 })
    expect(place.second).toMatchObject({ applications: 2, reviews: 4, mean: 56.25 })
    expect(place.difference).toBeCloseTo(28.75, 9)
    expect(place.unknown).toBe(1)
  })

  it("gives each reviewer's hand-worked leniency with the reviews behind it", async () => {
    const s = await workedProgram()
    const page = (await open(s, s.owner.id)).data as Loaded
    // The third reviewer has no complete submitted review: not listed.
    expect(page.leniency.map((l) => l.reviewerId).sort()).toEqual([s.r1.id, s.r2.id].sort())
    const of = (id: string) => page.leniency.find((l) => l.reviewerId === id)!
    const poolSd = Math.sqrt(6600 / 7)
    expect(of(s.r1.id)).toMatchObject({ comparedReviews: 4, kind: 'staff' })
    expect(of(s.r1.id).meanOffset).toBeCloseTo(20, 9)
    expect(of(s.r1.id).leniency).toBeCloseTo(20 / poolSd, 9)
    expect(of(s.r1.id).leniency).toBeCloseTo(0.6513, 4)
    expect(of(s.r2.id).meanOffset).toBeCloseTo(-20, 9)
    expect(of(s.r2.id).leniency).toBeCloseTo(-20 / poolSd, 9)
  })

  it('says so when no review is in', async () => {
    const s = await createOpenProgram({ status: 'in_review' })
    await createApplicationRow(s.program.id)
    const page = (await open(s, s.owner.id)).data as Loaded
    expect(page).toMatchObject({ reviews: 0, scoredApplications: 0, leniency: [] })
    expect(page.gaps.every((g) => g.difference === null)).toBe(true)
  })

  it('is for the program officers only', async () => {
    const s = await workedProgram()
    const admin = await addUserToOrg(s, 'admin')
    const member = await addUserToOrg(s, 'member')
    const community = await createUser()
    await db()
      .insert(panelMembers)
      .values({ programId: s.program.id, userId: community.id, kind: 'community' })
    const applicant = await createOrgWithOwner('community_group')
    expect((await open(s, s.owner.id)).status).toBe(200)
    expect((await open(s, admin.id)).status).toBe(200)
    // Staff reviewers (even on the panel) and members: forbidden; outsiders: nothing there.
    expect((await open(s, s.r1.id)).status).toBe(403)
    expect((await open(s, member.id)).status).toBe(403)
    expect((await open(s, community.id)).status).toBe(404)
    expect((await open(s, applicant.owner.id)).status).toBe(404)
    const anonymous = await open(s)
    expect(anonymous.status).toBe(302)
    expect(anonymous.location).toMatch(/^\/login/)
  })
})
