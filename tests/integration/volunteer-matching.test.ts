import { asc, eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '#db/client.server.ts'
import { auditLog, organizations, places } from '#db/schema/index.ts'
import { DEFAULT_MATCH_WEIGHTS } from '#app/domain/volunteers/weights.ts'
import {
  rankedRequestsForVolunteer,
  rankedVolunteersForRequest,
} from '#app/services/volunteers/matching.server.ts'
import * as forYou from '#app/routes/volunteer_.requests._index.tsx'
import * as requestView from '#app/routes/volunteer_.requests.$requestId.tsx'
import * as adminMatching from '#app/routes/admin.matching.tsx'
import * as groupRequestPage from '#app/routes/orgs.$slug.volunteer-requests.$requestId.tsx'
import { withTestDatabase } from '#tests/support/database.ts'
import { openVolunteerRequest } from '#tests/support/volunteer-requests.ts'
import { volunteer } from '#tests/support/volunteers.ts'
import { cookieFor, createOrgWithOwner, createUser } from '#tests/support/factories.ts'
import { call, makeRequest } from '#tests/support/routes.ts'

withTestDatabase()

const NOW = new Date('2026-12-01T12:00:00Z')

let counties: string[] = []
beforeEach(async () => {
  counties = (
    await db().select({ fips: places.fips }).from(places).orderBy(asc(places.svi)).limit(2)
  ).map((p) => p.fips)
})

describe('rankedVolunteersForRequest', () => {
  it('leaves out paused volunteers and those missing the skill, level or a language', async () => {
    const { org } = await createOrgWithOwner()
    const request = await openVolunteerRequest(org.id, {
      minLevel: 'experienced',
      languages: ['es'],
    })
    const fits = await volunteer({ name: 'Fits', languages: ['en', 'es'] })
    await volunteer({ name: 'Paused', languages: ['es'], paused: true })
    await volunteer({ name: 'No skill', languages: ['es'], skills: [['legal', 'expert']] })
    await volunteer({ name: 'Too new', languages: ['es'], skills: [['finance', 'some']] })
    await volunteer({ name: 'No Spanish', languages: ['en'] })
    const ranked = await rankedVolunteersForRequest(request.id, 'en', { now: NOW })
    expect(ranked.map((v) => v.id)).toEqual([fits.profile.id])
  })

  it('keeps on-site work to volunteers in the same county who work on site', async () => {
    const { org } = await createOrgWithOwner()
    const [here, there] = counties as [string, string]
    const request = await openVolunteerRequest(org.id, {
      skill: 'design',
      workMode: 'on_site',
      placeFips: here,
    })
    const local = await volunteer({
      name: 'Local',
      place: here,
      mode: 'on_site',
      skills: [['design', 'expert']],
    })
    await volunteer({
      name: 'Elsewhere',
      place: there,
      mode: 'on_site',
      skills: [['design', 'expert']],
    })
    await volunteer({
      name: 'Remote only',
      place: here,
      mode: 'remote',
      skills: [['design', 'expert']],
    })
    await volunteer({
      name: 'Nowhere',
      place: null,
      mode: 'either',
      skills: [['design', 'expert']],
    })
    const ranked = await rankedVolunteersForRequest(request.id, 'en', { now: NOW })
    expect(ranked.map((v) => v.id)).toEqual([local.profile.id])
    expect(ranked[0]!.reasons.map((r) => r.text)).toContain(
      "On-site work, in the group's own place",
    )
  })

  it('ranks the higher level first and explains the score in words that add up to it', async () => {
    const { org } = await createOrgWithOwner()
    const request = await openVolunteerRequest(org.id, { skill: 'translation' })
    const some = await volunteer({ name: 'Some', skills: [['translation', 'some']] })
    const expert = await volunteer({ name: 'Expert', skills: [['translation', 'expert']] })
    const ranked = await rankedVolunteersForRequest(request.id, 'es', { now: NOW })
    expect(ranked.map((v) => v.id)).toEqual([expert.profile.id, some.profile.id])
    const [best] = ranked
    const total = best!.reasons.reduce((s, r) => s + r.points, 0)
    expect(total).toBeCloseTo(best!.score, 5)
    expect(best!.score - ranked[1]!.score).toBeCloseTo(35 * 0.5, 5)
    expect(best!.reasons[0]!.text).toMatch(/experto/i)
  })
})

describe('rankedRequestsForVolunteer', () => {
  it('is null without a profile and empty while paused', async () => {
    const nobody = await createUser()
    expect(await rankedRequestsForVolunteer(nobody.id, 'en', {}, NOW)).toBeNull()
    const { org } = await createOrgWithOwner()
    await openVolunteerRequest(org.id)
    const paused = await volunteer({ paused: true })
    const list = await rankedRequestsForVolunteer(paused.user.id, 'en', {}, NOW)
    expect(list?.requests).toEqual([])
  })

  it('ranks a small group serving a vulnerable county above an equal fit, and filters', async () => {
    const [calm, vulnerable] = (
      await db().select({ fips: places.fips }).from(places).orderBy(asc(places.svi))
    )
      .map((p) => p.fips)
      .filter((_, i, all) => i === 0 || i === all.length - 1) as [string, string]
    const big = await createOrgWithOwner()
    const small = await createOrgWithOwner()
    await db()
      .update(organizations)
      .set({ budgetBand: 'over_5m' })
      .where(eq(organizations.id, big.org.id))
    await db()
      .update(organizations)
      .set({ budgetBand: 'under_50k' })
      .where(eq(organizations.id, small.org.id))
    const plain = await openVolunteerRequest(big.org.id, {
      placeFips: calm,
      title: 'Ledger clean-up',
      skill: 'fundraising',
    })
    const boosted = await openVolunteerRequest(small.org.id, {
      placeFips: vulnerable,
      title: 'Pantry books',
      skill: 'fundraising',
    })
    await openVolunteerRequest(small.org.id, { skill: 'legal', title: 'Bylaws' })
    await openVolunteerRequest(small.org.id, {
      status: 'draft',
      openedAt: null,
      title: 'Draft',
      skill: 'fundraising',
    })
    const me = await volunteer({ skills: [['fundraising', 'expert']] })
    const list = await rankedRequestsForVolunteer(me.user.id, 'en', {}, NOW)
    expect(list?.requests.map((r) => r.id)).toEqual([boosted.id, plain.id])
    const words = list!.requests[0]!.reasons.map((r) => r.text).join(' | ')
    expect(words).toMatch(/vulnerab/i)
    const searched = await rankedRequestsForVolunteer(me.user.id, 'en', { q: 'ledger' }, NOW)
    expect(searched?.requests.map((r) => r.id)).toEqual([plain.id])
    const remoteOnly = await rankedRequestsForVolunteer(me.user.id, 'en', { mode: 'on_site' }, NOW)
    expect(remoteOnly?.requests).toEqual([])
  })
})

describe('the pages', () => {
  it("shows an open request's group its suggested volunteers with reasons", async () => {
    const group = await createOrgWithOwner()
    const request = await openVolunteerRequest(group.org.id, { skill: 'hr', deadline: null })
    const helper = await volunteer({ name: 'Helper', skills: [['hr', 'experienced']] })
    const page = await call(
      groupRequestPage.loader,
      makeRequest(`/orgs/${group.org.slug}/volunteer-requests/${request.id}`, {
        cookie: await cookieFor(group.owner.id),
      }),
      { slug: group.org.slug, requestId: request.id },
    )
    const data = page.data as Awaited<ReturnType<typeof groupRequestPage.loader>>
    expect(data.suggested?.map((v) => v.id)).toEqual([helper.profile.id])
    expect(data.suggested?.[0]?.reasons.length).toBeGreaterThan(0)
  })

  it('sends someone without a volunteer profile away from requests', async () => {
    const nobody = await createUser()
    const { org } = await createOrgWithOwner()
    const request = await openVolunteerRequest(org.id)
    const cookie = await cookieFor(nobody.id)
    const list = await call(forYou.loader, makeRequest('/volunteer/requests', { cookie }))
    expect(list.status).toBe(404)
    const one = await call(
      requestView.loader,
      makeRequest(`/volunteer/requests/${request.id}`, { cookie }),
      { requestId: request.id },
    )
    expect(one.status).toBe(404)
    const signedOut = await call(forYou.loader, makeRequest('/volunteer/requests'))
    expect(signedOut.location).toMatch(/^\/login/)
  })

  it('lists requests for a volunteer with search and filters from the query', async () => {
    const { org } = await createOrgWithOwner()
    const wanted = await openVolunteerRequest(org.id, { skill: 'facilitation', title: 'Town hall' })
    await openVolunteerRequest(org.id, { skill: 'facilitation', title: 'Board retreat' })
    const me = await volunteer({ skills: [['facilitation', 'expert']] })
    const page = await call(
      forYou.loader,
      makeRequest('/volunteer/requests?q=town&skill=facilitation&mode=nonsense', {
        cookie: await cookieFor(me.user.id),
      }),
    )
    const data = page.data as Awaited<ReturnType<typeof forYou.loader>>
    expect(data.requests.map((r) => r.id)).toEqual([wanted.id])
  })

  it('hides the details of personal-data work until the volunteer accepts the agreement', async () => {
    const { org } = await createOrgWithOwner()
    const request = await openVolunteerRequest(org.id, {
      skill: 'public_health',
      goal: 'Clean the clinic list',
      touchesPersonalData: true,
    })
    const me = await volunteer({ skills: [['public_health', 'some']] })
    const cookie = await cookieFor(me.user.id)
    const path = `/volunteer/requests/${request.id}`
    const params = { requestId: request.id }
    const before = await call(requestView.loader, makeRequest(path, { cookie }), params)
    expect((before.data as { details: unknown }).details).toBeNull()
    const unticked = await call(requestView.action, makeRequest(path, { cookie, form: {} }), params)
    expect(unticked.status).toBe(400)
    expect(JSON.stringify(unticked.data)).toContain('validation:volunteers.acceptAgreement')
    const accepted = await call(
      requestView.action,
      makeRequest(path, { cookie, form: { accept: 'on' } }),
      params,
    )
    expect(accepted.location).toBe(path)
    const after = await call(requestView.loader, makeRequest(path, { cookie }), params)
    expect((after.data as { details: { goal: string } }).details.goal).toBe('Clean the clinic list')
  })
})

/** The default weights as the form posts them, with some fields changed. */
function weightsForm(changes: Record<string, string> = {}) {
  const form: Record<string, string> = {}
  const put = (prefix: string, value: unknown) => {
    if (typeof value === 'object' && value !== null)
      for (const [k, v] of Object.entries(value)) put(prefix ? `${prefix}.${k}` : k, v)
    else form[prefix] = String(value)
  }
  put('', DEFAULT_MATCH_WEIGHTS)
  return { ...form, ...changes }
}

describe('the matching weights page', () => {
  it('is for platform admins only', async () => {
    const someone = await createUser()
    const cookie = await cookieFor(someone.id)
    const page = await call(adminMatching.loader, makeRequest('/admin/matching', { cookie }))
    expect(page.status).toBe(403)
    const post = await call(
      adminMatching.action,
      makeRequest('/admin/matching', { cookie, form: weightsForm() }),
    )
    expect(post.status).toBe(403)
  })

  it('refuses weights that break the rules, beside each field', async () => {
    const admin = await createUser({ admin: true })
    const refused = await call(
      adminMatching.action,
      makeRequest('/admin/matching', {
        cookie: await cookieFor(admin.id),
        form: weightsForm({ 'factors.skill': '50', 'levelShare.expert': 'lots', waitBoost: '-1' }),
      }),
    )
    expect(refused.status).toBe(400)
    const errors = (refused.data as { errors: Record<string, string> }).errors
    expect(errors).toMatchObject({
      factors: 'volunteers:match.weights.problem.factors_not_100',
      'levelShare.expert': 'volunteers:match.weights.problem.not_a_number',
      waitBoost: 'volunteers:match.weights.problem.negative',
    })
  })

  it('saves valid weights with an audit row, and the rankings use them', async () => {
    const admin = await createUser({ admin: true })
    const { org } = await createOrgWithOwner()
    const request = await openVolunteerRequest(org.id, { skill: 'marketing' })
    await volunteer({ skills: [['marketing', 'some']] })
    const before = await rankedVolunteersForRequest(request.id, 'en', { now: NOW })
    const saved = await call(
      adminMatching.action,
      makeRequest('/admin/matching', {
        cookie: await cookieFor(admin.id),
        form: weightsForm({ 'levelShare.some': '0.8' }),
      }),
    )
    expect(saved.location).toBe('/admin/matching')
    const after = await rankedVolunteersForRequest(request.id, 'en', { now: NOW })
    expect(after[0]!.score - before[0]!.score).toBeCloseTo(35 * 0.3, 5)
    const audit = await db()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.actorUserId, admin.id))
    expect(audit.map((a) => a.action)).toContain('match_weighting.updated')
  })
})
