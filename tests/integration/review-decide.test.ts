import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '#db/client.server.ts'
import {
  applications,
  grants,
  auditLog,
  memberships,
  panelMembers,
  programGuardrails,
  proposedAmounts,
  reviewAssignments,
  reviewScores,
  rubricCriteria,
} from '#db/schema/index.ts'
import * as decideRoute from '#app/routes/orgs.$slug.programs.$programSlug.decide.tsx'
import { committedBudget } from '#app/services/review/decide.server.ts'
import { awardApplication } from '#app/services/review/decisions.server.ts'
import {
  addUserToOrg,
  cookieFor,
  createApplicationRow,
  createOpenProgram,
  createUser,
} from '#tests/support/factories.ts'
import { withTestDatabase } from '#tests/support/database.ts'
import { call, makeRequest } from '#tests/support/routes.ts'
import { defaultTerms } from '#app/domain/grants/schedule.ts'
import { programToday } from '#app/services/grants/grant-access.server.ts'

withTestDatabase()

/*
 * A program worked by hand: budget $30,000, one review per application, both criteria scored at
 * the same level l, so each score is (l − 1) / 4 × 100 whatever the weights.
 *
 *            score   request   led by lived experience
 *   Alpha     100    $20,000   no
 *   Beta       75    $10,000   no
 *   Gamma      50    $10,000   yes
 *   Delta       0    $10,000   yes
 *
 * Going down the ranking (and the best set within the budget alone): Alpha + Beta, $30,000, 175
 * points, 0% to groups led by lived experience. With "at least 30% to groups led by lived
 * experience": Alpha + Gamma ($30,000, 150 points, 33%) beats Beta + Gamma + Delta (125 points):
 * the guardrail swaps Beta for Gamma at a cost of 25 points.
 */
async function workedProgram() {
  const s = await createOpenProgram({
    status: 'in_review',
    reviewersPerApplication: 1,
    budgetMinor: 3_000_000,
    minAwardMinor: 500_000,
  })
  const criteria = await db()
    .select()
    .from(rubricCriteria)
    .where(eq(rubricCriteria.programId, s.program.id))
  const reviewer = await addUserToOrg(s, 'reviewer')
  const community = await createUser()
  await db()
    .insert(panelMembers)
    .values([
      { programId: s.program.id, userId: reviewer.id, kind: 'staff' },
      { programId: s.program.id, userId: community.id, kind: 'community' },
    ])
  const now = new Date()
  async function scored(title: string, level: number, amount: number, livedExperience: string) {
    const application = await createApplicationRow(s.program.id, {
      title,
      status: 'in_review',
      amountRequestedMinor: amount,
      ledByLivedExperience: livedExperience,
    })
    const [row] = await db()
      .insert(reviewAssignments)
      .values({
        programId: s.program.id,
        applicationId: application.id,
        reviewerUserId: reviewer.id,
        state: 'submitted',
        declaredAt: now,
        submittedAt: now,
      })
      .returning()
    await db()
      .insert(reviewScores)
      .values(criteria.map((c) => ({ assignmentId: row!.id, criterionId: c.id, level })))
    return application
  }
  const alpha = await scored('Alpha', 5, 2_000_000, 'no')
  const beta = await scored('Beta', 4, 1_000_000, 'no')
  const gamma = await scored('Gamma', 3, 1_000_000, 'yes')
  const delta = await scored('Delta', 1, 1_000_000, 'yes')
  return { ...s, reviewer, community, alpha, beta, gamma, delta }
}

type World = Awaited<ReturnType<typeof workedProgram>>
type Loaded = Awaited<ReturnType<typeof decideRoute.loader>>

const path = (s: World, query = '') =>
  `/orgs/${s.org.slug}/programs/${s.program.slug}/decide${query}`
const params = (s: World) => ({ slug: s.org.slug, programSlug: s.program.slug })

async function open(s: World, userId: string, query = '') {
  return call(
    decideRoute.loader,
    makeRequest(path(s, query), { cookie: await cookieFor(userId) }),
    params(s),
  )
}

async function post(s: World, userId: string | null, form: Record<string, string | string[]>) {
  const cookie = userId ? await cookieFor(userId) : undefined
  return call(decideRoute.action, makeRequest(path(s), { cookie, form }), params(s))
}

const titles = (s: World, ids: readonly string[] | undefined) => {
  const byId = new Map(
    [s.alpha, s.beta, s.gamma, s.delta].map((a) => [a.id, a.title] as [string, string]),
  )
  return (ids ?? []).map((id) => byId.get(id)).sort()
}

describe('the decision page', () => {
  it('proposes the ranking’s set without guardrails, and swaps what a guardrail asks, with its cost', async () => {
    const s = await workedProgram()
    const before = (await open(s, s.owner.id)).data as Loaded
    expect(before).toMatchObject({ budget: 3_000_000, committed: 0, remaining: 3_000_000 })
    expect(before.status).toBe('optimal')
    expect(titles(s, before.ranking.applicationIds)).toEqual(['Alpha', 'Beta'])
    expect(titles(s, before.proposed?.applicationIds)).toEqual(['Alpha', 'Beta'])
    expect(before.lines.find((l) => l.title === 'Gamma')?.flags).toEqual(['community_led'])

    const saved = await post(s, s.owner.id, { intent: 'guardrails', 'share-community_led': '30' })
    expect(saved.status).toBe(302)
    const rows = await db()
      .select()
      .from(programGuardrails)
      .where(eq(programGuardrails.programId, s.program.id))
    expect(rows).toMatchObject([{ flag: 'community_led', minBasisPoints: 3_000 }])

    const after = (await open(s, s.owner.id)).data as Loaded
    expect(after.status).toBe('optimal')
    expect(titles(s, after.ranking.applicationIds)).toEqual(['Alpha', 'Beta'])
    expect(titles(s, after.proposed?.applicationIds)).toEqual(['Alpha', 'Gamma'])
    expect(after.proposed?.score).toBeCloseTo(150, 9)
    expect(after.proposed?.shares[0]).toMatchObject({
      flag: 'community_led',
      flaggedTotal: 1_000_000,
      met: true,
    })
    expect(after.ranking.shares[0]).toMatchObject({ percent: 0, met: false })
    const swap = after.explanation.find((l) => l.code === 'swap')
    expect(swap).toMatchObject({
      dropped: { applicationId: s.beta.id },
      added: { applicationId: s.gamma.id },
      flagsGained: ['community_led'],
    })
    expect(swap && 'cost' in swap ? swap.cost : null).toBeCloseTo(25, 9)
    expect(after.explanation).toContainEqual(
      expect.objectContaining({ code: 'guardrail_cost', score: expect.closeTo(25, 9) }),
    )
    expect(after.awards).toEqual(
      expect.arrayContaining([
        { applicationId: s.alpha.id, amountMinor: 2_000_000 },
        { applicationId: s.gamma.id, amountMinor: 1_000_000 },
      ]),
    )
    const [audit] = await db()
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'program.guardrails_changed'))
    expect(audit).toMatchObject({ entityId: s.program.id, actorUserId: s.owner.id })
  })

  it('stores the suggested guardrails, and refuses a share outside 0–100 with nothing changed', async () => {
    const s = await workedProgram()
    const refused = await post(s, s.owner.id, {
      intent: 'guardrails',
      'share-small_budget': '101',
      'share-community_led': '12.345',
    })
    expect(refused.status).toBe(400)
    expect(refused.data).toMatchObject({
      errors: {
        'share-small_budget': 'review:decide.guardrails.percentInvalid',
        'share-community_led': 'review:decide.guardrails.percentInvalid',
      },
    })
    const none = await db()
      .select()
      .from(programGuardrails)
      .where(eq(programGuardrails.programId, s.program.id))
    expect(none).toEqual([])

    expect((await post(s, s.owner.id, { intent: 'suggested' })).status).toBe(302)
    const rows = await db()
      .select({ flag: programGuardrails.flag, bp: programGuardrails.minBasisPoints })
      .from(programGuardrails)
      .where(eq(programGuardrails.programId, s.program.id))
    expect(rows.sort((a, b) => a.flag.localeCompare(b.flag))).toEqual([
      { flag: 'community_led', bp: 5_000 },
      { flag: 'most_vulnerable_place', bp: 4_000 },
      { flag: 'small_budget', bp: 3_000 },
    ])
    // Emptying every field removes them.
    expect((await post(s, s.owner.id, { intent: 'guardrails' })).status).toBe(302)
    const cleared = await db()
      .select()
      .from(programGuardrails)
      .where(eq(programGuardrails.programId, s.program.id))
    expect(cleared).toEqual([])
  })

  it('funds a partial amount the officer sets, within the request and the minimum award', async () => {
    const s = await workedProgram()
    const above = await post(s, s.owner.id, {
      intent: 'amount',
      applicationId: s.alpha.id,
      amount: '20000.01',
    })
    expect(above.status).toBe(400)
    expect(above.data).toMatchObject({ errors: { amount: 'review:decide.amounts.aboveRequest' } })
    const below = await post(s, s.owner.id, {
      intent: 'amount',
      applicationId: s.alpha.id,
      amount: '4999.99',
    })
    expect(below.data).toMatchObject({ errors: { amount: 'review:decide.amounts.belowMinimum' } })
    expect(await db().select().from(proposedAmounts)).toEqual([])

    const set = await post(s, s.owner.id, {
      intent: 'amount',
      applicationId: s.alpha.id,
      amount: '15000',
    })
    expect(set.status).toBe(302)
    await post(s, s.owner.id, { intent: 'guardrails', 'share-community_led': '30' })
    // Alpha now costs $15,000: Alpha + Gamma ($25,000) is still best under the guardrail.
    const loaded = (await open(s, s.owner.id)).data as Loaded
    expect(loaded.lines.find((l) => l.title === 'Alpha')).toMatchObject({
      requested: 2_000_000,
      proposedAmount: 1_500_000,
      amount: 1_500_000,
    })
    expect(loaded.awards).toContainEqual({ applicationId: s.alpha.id, amountMinor: 1_500_000 })
    expect(loaded.proposed?.total).toBe(2_500_000)

    expect(
      (await post(s, s.owner.id, { intent: 'clear-amount', applicationId: s.alpha.id })).status,
    ).toBe(302)
    expect(await db().select().from(proposedAmounts)).toEqual([])
  })

  it('counts awarded applications as committed and leaves them out of the proposal', async () => {
    const s = await workedProgram()
    const officer = { id: s.owner.id, ip: null, organizationId: s.org.id }
    const awarded = await awardApplication(officer, s.program, {
      applicationId: s.alpha.id,
      amountMinor: 2_000_000,
    })
    expect(awarded.ok).toBe(true)
    expect(await committedBudget(s.program.id)).toBe(2_000_000)
    const loaded = (await open(s, s.owner.id)).data as Loaded
    expect(loaded).toMatchObject({ committed: 2_000_000, remaining: 1_000_000 })
    expect(loaded.lines.map((l) => l.title)).not.toContain('Alpha')
    expect(titles(s, loaded.proposed?.applicationIds)).toEqual(['Beta'])
  })

  it('accepts only the proposal shown, and awards it whole, each award a grant', async () => {
    const s = await workedProgram()
    await post(s, s.owner.id, { intent: 'guardrails', 'share-community_led': '30' })
    const shown = (await open(s, s.owner.id)).data as Loaded
    const form = {
      intent: 'accept',
      basis: shown.basis,
      fingerprint: shown.fingerprint,
      awards: shown.awards.map((a) => `${a.applicationId}:${a.amountMinor}`),
    }
    const statuses = async () =>
      (
        await db()
          .select({ title: applications.title, status: applications.status })
          .from(applications)
          .where(eq(applications.programId, s.program.id))
      )
        .filter((a) => a.status === 'awarded')
        .map((a) => a.title)
        .sort()

    // Awards tampered with: refused as changed.
    const tampered = await post(s, s.owner.id, {
      ...form,
      awards: [`${s.alpha.id}:2000000`, `${s.beta.id}:1000000`],
    })
    expect(tampered.status).toBe(409)
    expect(tampered.data).toMatchObject({ errors: { form: 'review:decide.accept.changed' } })

    // The guardrails changed since the page was shown: refused, nothing awarded.
    await post(s, s.owner.id, { intent: 'guardrails' })
    const stale = await post(s, s.owner.id, form)
    expect(stale.status).toBe(409)
    expect(await statuses()).toEqual([])

    // Back as shown: the proposal (Alpha + Gamma) is awarded, each with its grant.
    await post(s, s.owner.id, { intent: 'guardrails', 'share-community_led': '30' })
    const accepted = await post(s, s.owner.id, form)
    expect(accepted.status).toBe(302)
    expect(await statuses()).toEqual(['Alpha', 'Gamma'])
    const made = await db().select().from(grants).where(eq(grants.programId, s.program.id))
    expect(made.map((g) => g.amountMinor).sort()).toEqual([1_000_000, 2_000_000])
    // No dates are asked when accepting: each grant takes the program's default term, from
    // today in the program's zone.
    const today = await programToday(db(), s.program.timeZone)
    for (const grant of made) {
      expect({ startsOn: grant.startsOn, endsOn: grant.endsOn }).toEqual(defaultTerms(today))
    }

    // Accepting again awards nothing twice.
    expect((await post(s, s.owner.id, form)).status).toBe(409)
    expect(await db().select().from(grants).where(eq(grants.programId, s.program.id))).toHaveLength(
      2,
    )
  })

  it('is the program officers’: reviewers, community reviewers, applicants and strangers are refused', async () => {
    const s = await workedProgram()
    const admin = await addUserToOrg(s, 'admin')
    expect((await open(s, admin.id)).status).toBe(200)
    const applicant = await createUser()
    await db()
      .insert(memberships)
      .values({ organizationId: s.alpha.organizationId, userId: applicant.id, role: 'owner' })
    const refusals: [string, number][] = [
      [s.reviewer.id, 403],
      [(await addUserToOrg(s, 'member')).id, 403],
      [s.community.id, 404],
      [applicant.id, 404],
      [(await createUser()).id, 404],
    ]
    for (const [userId, status] of refusals) {
      const outcome = await open(s, userId)
      expect(outcome.status).toBe(status)
      expect(JSON.stringify(outcome.data ?? '')).not.toContain('Alpha')
      const posted = await post(s, userId, { intent: 'suggested' })
      expect(posted.status).toBe(status)
    }
    const anonymous = await call(decideRoute.loader, makeRequest(path(s)), params(s))
    expect(anonymous.status).toBe(302)
    expect(anonymous.location).toMatch(/^\/login/)
    expect((await post(s, null, { intent: 'suggested' })).location).toMatch(/^\/login/)
    const stored = await db()
      .select()
      .from(programGuardrails)
      .where(eq(programGuardrails.programId, s.program.id))
    expect(stored).toEqual([])
  })
})
