import { eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '#db/client.server.ts'
import { auditLog, notifications, volunteerRequests } from '#db/schema/index.ts'
import * as profileForm from '#app/routes/volunteer.tsx'
import * as profilePage from '#app/routes/volunteers.$id.tsx'
import * as newRequest from '#app/routes/orgs.$slug.volunteer-requests.new.tsx'
import * as requestPage from '#app/routes/orgs.$slug.volunteer-requests.$requestId.tsx'
import * as requestList from '#app/routes/orgs.$slug.volunteer-requests._index.tsx'
import { saveStep } from '#app/services/applications/application-drafts.server.ts'
import { loadApplicationFor } from '#app/services/applications/applications.server.ts'
import { submitApplication } from '#app/services/applications/application-submission.server.ts'
import { sweepVolunteerRequests } from '#app/services/volunteers/request-sweep.server.ts'
import { withTestDatabase } from '#tests/support/database.ts'
import { completeDraft, groupAndProgram } from '#tests/support/complete-draft.ts'
import {
  addUserToOrg,
  cookieFor,
  createOrgWithOwner,
  createUser,
} from '#tests/support/factories.ts'
import { call, makeRequest } from '#tests/support/routes.ts'

withTestDatabase()

const PROFILE = {
  headline: 'Bookkeeper for small groups',
  bio: '',
  'skills.finance': 'expert',
  'skills.data_analysis': 'some',
  languages: ['en', 'es'],
  timeZone: 'America/Chicago',
  workMode: 'remote',
  hoursPerMonth: '10',
  'availability.0.weekday': '2',
  'availability.0.start': '18:00',
  'availability.0.end': '20:30',
  'availability.1.weekday': '',
  'availability.1.start': '',
  'availability.1.end': '',
}

async function createProfile(user: { id: string }, form: Record<string, string | string[]> = {}) {
  const outcome = await call(
    profileForm.action,
    makeRequest('/volunteer', { cookie: await cookieFor(user.id), form: { ...PROFILE, ...form } }),
  )
  return { outcome, id: outcome.location?.split('/').pop() ?? '' }
}

const REQUEST = {
  projectType: 'bookkeeping_setup',
  skill: 'finance',
  minLevel: 'experienced',
  title: 'Books for our pantry',
  goal: 'Know what came in and went out.',
  deliverable: 'A bookkeeping system and a monthly routine.',
  outOfScope: 'Taxes.',
  hours: '20',
  deadline: '',
  timeZone: 'America/New_York',
  workMode: 'remote',
  intent: 'open',
}

async function postRequest(
  group: Awaited<ReturnType<typeof createOrgWithOwner>>,
  user: { id: string },
  form: Record<string, string | string[]> = {},
) {
  return call(
    newRequest.action,
    makeRequest(`/orgs/${group.org.slug}/volunteer-requests/new`, {
      cookie: await cookieFor(user.id),
      form: { ...REQUEST, pointPerson: group.owner.id, ...form },
    }),
    { slug: group.org.slug },
  )
}

const requestsOf = (organizationId: string) =>
  db().select().from(volunteerRequests).where(eq(volunteerRequests.organizationId, organizationId))

describe('the volunteer profile form', () => {
  it('creates the profile with its skills, languages and windows, and saves it again in place', async () => {
    const user = await createUser()
    const { outcome, id } = await createProfile(user)
    expect(outcome.status).toBe(302)
    const page = await call(
      profilePage.loader,
      makeRequest(`/volunteers/${id}`, { cookie: await cookieFor(user.id) }),
      { id },
    )
    const shown = (page.data as { profile: Record<string, unknown> }).profile
    expect(shown.skills).toEqual([
      { skill: 'data_analysis', level: 'some' },
      { skill: 'finance', level: 'expert' },
    ])
    expect(shown.languages).toEqual(['en', 'es'])
    expect(shown.availability).toEqual([{ weekday: 2, startMinute: 1080, endMinute: 1230 }])
    expect(JSON.stringify(shown)).not.toContain(user.email)

    const again = await createProfile(user, { 'skills.data_analysis': '', paused: 'on' })
    expect(again.id).toBe(id)
    const actions = await db()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, id))
    expect(actions.map((a) => a.action).sort()).toEqual([
      'volunteer_profile.created',
      'volunteer_profile.updated',
    ])
  })

  it('refuses bad input beside the fields and keeps what was typed', async () => {
    const user = await createUser()
    const { outcome } = await createProfile(user, {
      'skills.finance': '',
      'skills.data_analysis': '',
      timeZone: 'Mars/Olympus',
      hoursPerMonth: '999',
      'availability.0.end': '17:00',
    })
    expect(outcome.status).toBe(400)
    const failure = outcome.data as {
      errors: Record<string, string>
      values: Record<string, string>
    }
    expect(Object.keys(failure.errors).sort()).toEqual([
      'availability.0.end',
      'hoursPerMonth',
      'skills',
      'timeZone',
    ])
    expect(failure.values.headline).toBe(PROFILE.headline)
  })
})

describe('who sees a volunteer profile', () => {
  it('the volunteer, admins and members of a group with an open request; everyone else gets 404', async () => {
    const volunteer = await createUser()
    const { id } = await createProfile(volunteer)
    const view = async (userId: string) =>
      (
        await call(
          profilePage.loader,
          makeRequest(`/volunteers/${id}`, { cookie: await cookieFor(userId) }),
          { id },
        )
      ).status
    const admin = await createUser({ admin: true })
    const stranger = await createUser()
    const group = await createOrgWithOwner('community_group')
    const funder = await createOrgWithOwner('funder')
    expect(await view(volunteer.id)).toBe(200)
    expect(await view(admin.id)).toBe(200)
    expect(await view(stranger.id)).toBe(404)
    expect(await view(funder.owner.id)).toBe(404)
    // A draft request is not looking for anyone yet.
    expect((await postRequest(group, group.owner, { intent: 'draft' })).status).toBe(302)
    expect(await view(group.owner.id)).toBe(404)
    expect((await postRequest(group, group.owner)).status).toBe(302)
    expect(await view(group.owner.id)).toBe(200)
  })
})

describe('posting and editing requests', () => {
  it('opens a request from a catalogue template for a group member, pre-filled in the reader’s words', async () => {
    const group = await createOrgWithOwner('community_group')
    const member = await addUserToOrg(group, 'member')
    const form = await call(
      newRequest.loader,
      makeRequest(`/orgs/${group.org.slug}/volunteer-requests/new?type=website_refresh`, {
        cookie: await cookieFor(member.id),
      }),
      { slug: group.org.slug },
    )
    expect(form.data).toMatchObject({
      step: 'scope',
      values: { skill: 'design', minLevel: 'experienced', title: 'Website refresh', hours: '30' },
    })
    expect((await postRequest(group, member)).status).toBe(302)
    const [saved] = await requestsOf(group.org.id)
    expect(saved).toMatchObject({ status: 'open', projectType: 'bookkeeping_setup', hours: 20 })
    expect(saved?.openedAt).not.toBeNull()
  })

  it('refuses non-members (404), reviewers (403), funders (404) and a point person from outside', async () => {
    const group = await createOrgWithOwner('community_group')
    const reviewer = await addUserToOrg(group, 'reviewer')
    const outsider = await createUser()
    const funder = await createOrgWithOwner('funder')
    expect((await postRequest(group, outsider)).status).toBe(404)
    expect((await postRequest(group, reviewer)).status).toBe(403)
    expect(
      (
        await call(
          requestList.loader,
          makeRequest(`/orgs/${funder.org.slug}/volunteer-requests`, {
            cookie: await cookieFor(funder.owner.id),
          }),
          { slug: funder.org.slug },
        )
      ).status,
    ).toBe(404)
    const wrongPerson = await postRequest(group, group.owner, { pointPerson: outsider.id })
    expect(wrongPerson.status).toBe(400)
    expect((wrongPerson.data as { errors: Record<string, string> }).errors.pointPerson).toBe(
      'validation:volunteers.pointPerson',
    )
    expect(await requestsOf(group.org.id)).toEqual([])
  })

  it('lets only the group edit and close its request; another group’s member gets 404', async () => {
    const group = await createOrgWithOwner('community_group')
    const other = await createOrgWithOwner('community_group')
    await postRequest(group, group.owner, { intent: 'draft' })
    const [draft] = await requestsOf(group.org.id)
    const params = { slug: group.org.slug, requestId: draft!.id }
    const edit = async (userId: string, form: Record<string, string>, slug = group.org.slug) =>
      call(
        requestPage.action,
        makeRequest(`/orgs/${slug}/volunteer-requests/${draft!.id}`, {
          cookie: await cookieFor(userId),
          form,
        }),
        { ...params, slug },
      )
    // The other group's owner, through their own group's address or this one's.
    expect((await edit(other.owner.id, { intent: 'close' }, other.org.slug)).status).toBe(404)
    expect((await edit(other.owner.id, { intent: 'close' })).status).toBe(404)
    const opened = await edit(group.owner.id, {
      ...REQUEST,
      title: 'Books, renamed',
      pointPerson: group.owner.id,
    })
    expect(opened.status).toBe(302)
    expect((await requestsOf(group.org.id))[0]).toMatchObject({
      status: 'open',
      title: 'Books, renamed',
    })
    expect((await edit(group.owner.id, { intent: 'close' })).status).toBe(302)
    expect((await requestsOf(group.org.id))[0]?.status).toBe('closed')
    const late = await edit(group.owner.id, { ...REQUEST, pointPerson: group.owner.id })
    expect(late.status).toBe(409)
    expect((await edit(group.owner.id, { intent: 'close' })).status).toBe(409)
  })

  it('refuses a background check without in-person work with vulnerable people', async () => {
    const group = await createOrgWithOwner('community_group')
    const outcome = await postRequest(group, group.owner, { backgroundCheckRequired: 'on' })
    expect(outcome.status).toBe(400)
    expect(Object.keys((outcome.data as { errors: object }).errors)).toEqual([
      'backgroundCheckRequired',
    ])
  })
})

describe('requests from applications', () => {
  it('opens a request for each named skill an application asks for when it is submitted', async () => {
    const { application, actor, group } = await groupAndProgram()
    let version = await completeDraft(actor, application.id)
    const current = (await loadApplicationFor(application.id, actor.id))!.application
    const saved = await saveStep(
      actor,
      current,
      {
        step: 'skills',
        data: {
          version,
          requests: [
            {
              skill: 'translation',
              hours: 40,
              workMode: 'remote',
              languages: 'Spanish, Klingon',
              description: 'Flyers',
            },
            {
              skill: 'other',
              hours: 5,
              workMode: 'either',
              languages: '',
              description: 'Something else',
            },
          ],
        },
      },
      version,
    )
    if (!saved.ok) throw new Error(saved.reason)
    version = saved.version
    const loaded = await loadApplicationFor(application.id, actor.id)
    expect(await submitApplication(actor, loaded!, version)).toEqual({ ok: true })
    const made = await requestsOf(group.org.id)
    expect(made).toHaveLength(1)
    expect(made[0]).toMatchObject({
      applicationId: application.id,
      projectType: null,
      skill: 'translation',
      hours: 40,
      languages: ['es'],
      status: 'open',
      pointPersonUserId: actor.id,
    })
  })

  it('opens none when the program does not take skill requests', async () => {
    const { application, actor, group } = await groupAndProgram({ allowSkillRequests: false })
    const version = await completeDraft(actor, application.id)
    const loaded = await loadApplicationFor(application.id, actor.id)
    expect(await submitApplication(actor, loaded!, version)).toEqual({ ok: true })
    expect(await requestsOf(group.org.id)).toEqual([])
  })
})

describe('the daily request sweep', () => {
  // The sweep covers the whole platform: the other tests' requests are closed first, so the
  // counts are this test's own.
  beforeEach(async () => {
    await db()
      .update(volunteerRequests)
      .set({ status: 'closed' })
      .where(eq(volunteerRequests.status, 'open'))
  })

  it('expires open requests past their deadline and prompts those waiting a week, once each', async () => {
    const group = await createOrgWithOwner('community_group')
    const member = await addUserToOrg(group, 'member')
    await postRequest(group, group.owner, { title: 'Due soon', deadline: '2027-03-10' })
    await postRequest(group, group.owner, { title: 'No deadline' })
    await postRequest(group, group.owner, { title: 'Still a draft', intent: 'draft' })
    const rows = await requestsOf(group.org.id)
    const opened = new Date('2027-03-01T12:00:00Z')
    for (const r of rows.filter((r) => r.status === 'open')) {
      await db()
        .update(volunteerRequests)
        .set({ openedAt: opened })
        .where(eq(volunteerRequests.id, r.id))
    }
    // Six days on, on the deadline day: nothing yet.
    expect(await sweepVolunteerRequests(new Date('2027-03-07T12:00:00Z'))).toEqual({
      expired: 0,
      prompted: 0,
    })
    // Eight days on: both open ones have waited a week.
    expect(await sweepVolunteerRequests(new Date('2027-03-09T12:00:00Z'))).toEqual({
      expired: 0,
      prompted: 2,
    })
    // The deadline day is over even in Hawaii: it expires; nobody is prompted twice.
    expect(await sweepVolunteerRequests(new Date('2027-03-11T12:00:00Z'))).toEqual({
      expired: 1,
      prompted: 0,
    })
    expect(await sweepVolunteerRequests(new Date('2027-03-12T12:00:00Z'))).toEqual({
      expired: 0,
      prompted: 0,
    })
    const statuses = Object.fromEntries(
      (await requestsOf(group.org.id)).map((r) => [r.title, r.status]),
    )
    expect(statuses).toEqual({
      'Due soon': 'expired',
      'No deadline': 'open',
      'Still a draft': 'draft',
    })
    const told = await db()
      .select({ userId: notifications.userId, kind: notifications.kind })
      .from(notifications)
      .where(
        eq(
          notifications.link,
          `/orgs/${group.org.slug}/volunteer-requests/${rows.find((r) => r.title === 'Due soon')!.id}`,
        ),
      )
    expect(
      told.map((n) => `${n.kind}:${n.userId === member.id ? 'member' : 'owner'}`).sort(),
    ).toEqual([
      'volunteer-request-expired:member',
      'volunteer-request-expired:owner',
      'volunteer-request-revise:member',
      'volunteer-request-revise:owner',
    ])
  })

  it('does not prompt a request that already has an engagement proposed', async () => {
    const group = await createOrgWithOwner('community_group')
    await postRequest(group, group.owner)
    const [r] = await requestsOf(group.org.id)
    await db()
      .update(volunteerRequests)
      .set({ openedAt: new Date('2027-03-01T12:00:00Z') })
      .where(eq(volunteerRequests.id, r!.id))
    const withOffer = () => Promise.resolve(new Set([r!.id]))
    expect(await sweepVolunteerRequests(new Date('2027-03-20T12:00:00Z'), withOffer)).toEqual({
      expired: 0,
      prompted: 0,
    })
  })
})
