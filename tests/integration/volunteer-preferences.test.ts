import { and, asc, eq, ne, sql } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '#db/client.server.ts'
import {
  organizations,
  places,
  volunteerProfiles,
  volunteerRequestHours,
  volunteerRequests,
} from '#db/schema/index.ts'
import * as newRequest from '#app/routes/orgs.$slug.volunteer-requests.new.tsx'
import * as requestPage from '#app/routes/orgs.$slug.volunteer-requests.$requestId.tsx'
import * as profileForm from '#app/routes/volunteer.tsx'
import * as volunteerView from '#app/routes/volunteer_.requests.$requestId.tsx'
import {
  rankedRequestsForVolunteer,
  rankedVolunteersForRequest,
} from '#app/services/volunteers/matching.server.ts'
import { withTestDatabase } from '#tests/support/database.ts'
import { openVolunteerRequest } from '#tests/support/volunteer-requests.ts'
import { volunteer as newVolunteer, type VolunteerSetup } from '#tests/support/volunteers.ts'
import { cookieFor, createOrgWithOwner, createUser } from '#tests/support/factories.ts'
import { awardedGrant } from '#tests/support/grants.ts'
import { call, makeRequest } from '#tests/support/routes.ts'

withTestDatabase()

/*
 * Issue 11's group preferences and "within area" (decision 028, amended): what a group states on
 * a request reaches the scorer, and on-site work reaches volunteers by their travel area, in SQL.
 */

// 1 December: New York is UTC−5 and Chicago UTC−6 (no daylight saving).
const NOW = new Date('2026-12-01T12:00:00Z')

/** The file's volunteers know finance and fundraising, so requests of either skill reach them. */
const volunteer = (name: string, setup: VolunteerSetup = {}) =>
  newVolunteer({
    name,
    skills: [
      ['finance', 'expert'],
      ['fundraising', 'expert'],
    ],
    ...setup,
  })

const lineOf = (reasons: { text: string; points: number }[], start: string) =>
  reasons.find((r) => r.text.startsWith(start))

describe('a group’s preferred languages and working hours in the score', () => {
  it('scores the share of preferred languages spoken and the hours shared, worked by hand', async () => {
    const { org } = await createOrgWithOwner()
    // Tuesday 19:00–22:00 in New York = Wednesday 00:00–03:00 UTC.
    const request = await openVolunteerRequest(org.id, {
      preferredLanguages: ['es', 'vi'],
      timeZone: 'America/New_York',
    })
    await db()
      .insert(volunteerRequestHours)
      .values({ requestId: request.id, weekday: 2, startMinute: 19 * 60, endMinute: 22 * 60 })
    // Tuesday 18:00–21:00 in Chicago = Wednesday 00:00–03:00 UTC: all three hours shared.
    const both = await volunteer('Both', { languages: ['en', 'es', 'vi'] })
    // Tuesday 20:00–22:00 in Chicago = Wednesday 02:00–04:00 UTC: one hour shared.
    const one = await volunteer('One', { languages: ['en', 'es'], window: [20 * 60, 22 * 60] })

    const ranked = await rankedVolunteersForRequest(request.id, 'en', { now: NOW })
    expect(ranked.map((v) => v.id)).toEqual([both.profile.id, one.profile.id])
    const [first, second] = ranked as [(typeof ranked)[0], (typeof ranked)[0]]
    // Language, 10 points: 2 of 2 preferred → 10; 1 of 2 → 5.
    expect(lineOf(first.reasons, 'Languages the group prefers')).toEqual({
      text: 'Languages the group prefers: speaks 2 of 2 (Spanish and Vietnamese)',
      points: 10,
    })
    expect(lineOf(second.reasons, 'Languages the group prefers')?.points).toBe(5)
    // Overlap, 15 points, full at 4 h a week: 3 h → 11.25 → 11.3; 1 h → 3.75 → 3.8.
    expect(lineOf(first.reasons, 'Working time shared')).toEqual({
      text: 'Working time shared with the group: 3 h a week',
      points: 11.3,
    })
    expect(lineOf(second.reasons, 'Working time shared')?.points).toBe(3.8)
    // Everything else is equal, so the scores differ by exactly these factors: 5 + 7.5.
    expect(Math.round((first.score - second.score) * 10) / 10).toBe(12.5)
  })

  it('shows a volunteer the group’s preferred languages and working hours on the request', async () => {
    const { org } = await createOrgWithOwner()
    const request = await openVolunteerRequest(org.id, {
      preferredLanguages: ['so'],
      timeZone: 'America/Chicago',
    })
    await db()
      .insert(volunteerRequestHours)
      .values({ requestId: request.id, weekday: 4, startMinute: 600, endMinute: 720 })
    const v = await volunteer('Viewer')
    const page = await call(
      volunteerView.loader,
      makeRequest(`/volunteer/requests/${request.id}`, { cookie: await cookieFor(v.user.id) }),
      { requestId: request.id },
    )
    expect(page.data).toMatchObject({
      preferredLanguages: ['so'],
      timeZone: 'America/Chicago',
      groupHours: [{ weekday: 4, startMinute: 600, endMinute: 720 }],
    })
  })

  it('says in Spanish how much working time is shared', async () => {
    const { org } = await createOrgWithOwner()
    const request = await openVolunteerRequest(org.id, { timeZone: 'America/Chicago' })
    await db()
      .insert(volunteerRequestHours)
      .values({ requestId: request.id, weekday: 2, startMinute: 18 * 60, endMinute: 20 * 60 })
    await volunteer('Spanish reader')
    const [only] = await rankedVolunteersForRequest(request.id, 'es', { now: NOW })
    expect(only!.reasons.map((r) => r.text).join('\n')).toMatch(/2\sh/)
    expect(only!.reasons.map((r) => r.text).join('\n')).not.toContain('Working time')
  })

  it('ranks a volunteer’s requests by the group’s preferences too', async () => {
    const { org } = await createOrgWithOwner()
    const preferred = await openVolunteerRequest(org.id, {
      title: 'Prefers Spanish',
      preferredLanguages: ['es'],
    })
    const other = await openVolunteerRequest(org.id, {
      title: 'Prefers Somali',
      preferredLanguages: ['so'],
    })
    const v = await volunteer('Reader', { languages: ['en', 'es'] })
    const found = await rankedRequestsForVolunteer(v.user.id, 'en', {}, NOW)
    const mine = new Set([preferred.id, other.id])
    expect(found!.requests.map((r) => r.id).filter((id) => mine.has(id))).toEqual([
      preferred.id,
      other.id,
    ])
  })
})

describe('on-site work within the volunteer’s travel area (SQL)', () => {
  let here = ''
  let sameState = ''
  let otherState = ''
  beforeEach(async () => {
    // Two counties of one state and one of another, from the loaded places.
    const [a, b] = await db()
      .select({ fips: places.fips })
      .from(places)
      .where(sql`left(${places.fips}, 2) = '39'`)
      .orderBy(asc(places.fips))
      .limit(2)
    const [c] = await db()
      .select({ fips: places.fips })
      .from(places)
      .where(ne(sql`left(${places.fips}, 2)`, '39'))
      .limit(1)
    here = a!.fips
    sameState = b!.fips
    otherState = c!.fips
  })

  it('reaches volunteers in the county, and in the state for those who travel that far', async () => {
    const { org } = await createOrgWithOwner()
    const request = await openVolunteerRequest(org.id, { workMode: 'on_site', placeFips: here })
    const local = await volunteer('Local', { place: here })
    const stateWide = await volunteer('State-wide', { place: sameState, travelArea: 'same_state' })
    await volunteer('Stays home', { place: sameState, travelArea: 'same_county' })
    await volunteer('Other state', { place: otherState, travelArea: 'same_state' })
    await volunteer('Remote only', { place: here, mode: 'remote' })

    const ranked = await rankedVolunteersForRequest(request.id, 'en', { now: NOW })
    expect(ranked.map((v) => v.name).sort()).toEqual(['Local', 'State-wide'])
    const words = (id: string) =>
      ranked
        .find((v) => v.id === id)!
        .reasons.map((r) => r.text)
        .join('\n')
    expect(words(local.profile.id)).toContain("On-site work, in the group's own place")
    expect(words(stateWide.profile.id)).toContain(
      "On-site work, within the volunteer's travel area",
    )
  })

  it('shows a volunteer the on-site requests within their area only', async () => {
    const { org } = await createOrgWithOwner()
    // Other tests' requests share this database: only this group's are compared.
    const inState = await openVolunteerRequest(org.id, {
      skill: 'fundraising',
      title: 'In my state',
      workMode: 'on_site',
      placeFips: here,
    })
    await openVolunteerRequest(org.id, {
      skill: 'fundraising',
      title: 'Elsewhere',
      workMode: 'on_site',
      placeFips: otherState,
    })
    const remote = await openVolunteerRequest(org.id, {
      skill: 'fundraising',
      title: 'Remote',
      workMode: 'remote',
    })
    const wide = await volunteer('Wide', { place: sameState, travelArea: 'same_state' })
    const near = await volunteer('Near', { place: sameState, travelArea: 'same_county' })
    const ids = async (userId: string) =>
      (await rankedRequestsForVolunteer(userId, 'en', { skill: 'fundraising' }, NOW))!.requests
        .map((r) => r.id)
        .sort()
    expect(await ids(wide.user.id)).toEqual([inState.id, remote.id].sort())
    expect(await ids(near.user.id)).toEqual([remote.id])
  })

  it('can use the travel-area index for the wider area', async () => {
    await db().execute(sql`SET LOCAL enable_seqscan = off`)
    const plan = await db().transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL enable_seqscan = off`)
      return tx.execute(
        sql`EXPLAIN SELECT id FROM volunteer_profiles WHERE travel_area = 'same_state' AND place_fips BETWEEN '39000' AND '39999'`,
      )
    })
    expect(JSON.stringify(plan)).toMatch(/volunteer_profiles_travel_place_idx/)
  })

  it('keeps the travel area the volunteer saves on the profile form', async () => {
    const user = await createUser()
    // The profile form of an on-site bookkeeper, with the travel area (and place) given.
    const save = async (area: Record<string, string>) =>
      call(
        profileForm.action,
        makeRequest('/volunteer', {
          cookie: await cookieFor(user.id),
          form: {
            headline: 'Bookkeeper who drives',
            'skills.finance': 'expert',
            languages: ['en'],
            timeZone: 'America/New_York',
            workMode: 'on_site',
            hoursPerMonth: '10',
            ...area,
          },
        }),
      )
    const outcome = await save({ travelArea: 'same_state', placeFips: here })
    expect(outcome.status).toBe(302)
    const [saved] = await db()
      .select({ area: volunteerProfiles.travelArea })
      .from(volunteerProfiles)
      .where(eq(volunteerProfiles.userId, user.id))
    expect(saved!.area).toBe('same_state')

    const refused = await save({ travelArea: 'the whole world' })
    expect(refused.status).toBe(400)
    expect(JSON.stringify(refused.data)).toContain('validation:volunteers.travelArea')
  })
})

const REQUEST = {
  projectType: 'bookkeeping_setup',
  skill: 'finance',
  minLevel: 'experienced',
  title: 'Books for the warm rooms',
  goal: 'Know what came in and went out.',
  deliverable: 'A bookkeeping system and a monthly routine.',
  hours: '20',
  timeZone: 'America/Chicago',
  workMode: 'remote',
  intent: 'open',
}

describe('the request form’s preferences and grant', () => {
  async function post(
    group: { slug: string },
    userId: string,
    form: Record<string, string | string[]>,
  ) {
    return call(
      newRequest.action,
      makeRequest(`/orgs/${group.slug}/volunteer-requests/new`, {
        cookie: await cookieFor(userId),
        form: { ...REQUEST, pointPerson: userId, ...form },
      }),
      { slug: group.slug },
    )
  }

  it('stores preferred languages, working hours and the grant, and shows them again to edit', async () => {
    const { application, grantId, grantee } = await awardedGrant()
    const [org] = await db()
      .select()
      .from(organizations)
      .where(eq(organizations.id, application.organizationId))
    const outcome = await post(org!, grantee.id, {
      preferredLanguages: ['es', 'so'],
      'groupHours.0.weekday': '1',
      'groupHours.0.start': '09:00',
      'groupHours.0.end': '12:00',
      'groupHours.1.weekday': '',
      'groupHours.1.start': '',
      'groupHours.1.end': '',
      grant: grantId,
    })
    expect(outcome.status).toBe(302)
    const [saved] = await db()
      .select()
      .from(volunteerRequests)
      .where(eq(volunteerRequests.organizationId, org!.id))
    expect(saved).toMatchObject({
      preferredLanguages: ['es', 'so'],
      timeZone: 'America/Chicago',
      applicationId: application.id,
    })
    const hours = await db()
      .select()
      .from(volunteerRequestHours)
      .where(eq(volunteerRequestHours.requestId, saved!.id))
    expect(hours.map((h) => [h.weekday, h.startMinute, h.endMinute])).toEqual([[1, 540, 720]])

    const page = await call(
      requestPage.loader,
      makeRequest(`/orgs/${org!.slug}/volunteer-requests/${saved!.id}`, {
        cookie: await cookieFor(grantee.id),
      }),
      { slug: org!.slug, requestId: saved!.id },
    )
    const values = (page.data as { values: Record<string, unknown> }).values
    expect(values.preferredLanguages).toEqual(['es', 'so'])
    expect(values.grant).toBe(grantId)
    expect((values.groupHours as unknown[])[0]).toEqual({
      weekday: '1',
      start: '09:00',
      end: '12:00',
    })
  })

  it('refuses another group’s grant beside the field, keeping what was typed', async () => {
    const mine = await createOrgWithOwner()
    const theirs = await awardedGrant()
    const outcome = await post(mine.org, mine.owner.id, { grant: theirs.grantId })
    expect(outcome.status).toBeGreaterThanOrEqual(400)
    const data = outcome.data as {
      errors: Record<string, unknown>
      values: Record<string, unknown>
    }
    expect(data.errors.grant).toBe('validation:volunteers.grant')
    expect(data.values.title).toBe('Books for the warm rooms')
    expect(
      await db()
        .select()
        .from(volunteerRequests)
        .where(and(eq(volunteerRequests.organizationId, mine.org.id))),
    ).toEqual([])
  })

  it('refuses half-filled hours, an unknown zone and a language both required and preferred', async () => {
    const { org, owner } = await createOrgWithOwner()
    // The cross-field check runs once every field is valid, as zod's refinements do.
    const both = await post(org, owner.id, { languages: ['es'], preferredLanguages: ['es'] })
    expect(both.status).toBe(400)
    expect((both.data as { errors: Record<string, unknown> }).errors).toEqual({
      preferredLanguages: 'validation:volunteers.preferredAlsoRequired',
    })
    const outcome = await post(org, owner.id, {
      timeZone: 'Mars/Olympus',
      'groupHours.0.weekday': '3',
      'groupHours.0.start': '14:00',
      'groupHours.0.end': '',
    })
    expect(outcome.status).toBe(400)
    const errors = (outcome.data as { errors: Record<string, unknown> }).errors
    expect(errors).toMatchObject({
      timeZone: 'validation:volunteers.timeZone',
      'groupHours.0.end': 'validation:volunteers.time',
    })
  })

  it('does not let another group’s member post or read the request’s preferences', async () => {
    const { org } = await createOrgWithOwner()
    const stranger = await createUser()
    const outcome = await post(org, stranger.id, { preferredLanguages: ['es'] })
    expect([403, 404]).toContain(outcome.status)
  })
})
