import { asc, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { currentDatabase, db } from '#db/client.server.ts'
import {
  auditLog,
  organizations,
  places,
  volunteerEngagements,
  volunteerProfiles,
  volunteerRequests,
  volunteerSuggestionRuns,
  volunteerSuggestions,
} from '#db/schema/index.ts'
import type { BudgetBand } from '#app/domain/organizations.ts'
import {
  batchSuggestionForVolunteer,
  batchSuggestionsForRequest,
} from '#app/services/volunteers/batch-suggestions.server.ts'
import { matchingCoverage } from '#app/services/volunteers/coverage.server.ts'
import {
  runSuggestionBatch,
  startSuggestionRun,
  SUGGESTION_BATCH_JOB,
  suggestionBatchJobs,
} from '#app/services/volunteers/suggestion-batch.server.ts'
import {
  defineJobs,
  runJobNow,
  startJobQueue,
  stopJobQueue,
} from '#app/services/jobs/job-queue.server.ts'
import * as coveragePage from '#app/routes/admin.matching_.coverage.tsx'
import * as suggestRoute from '#app/routes/admin.matching_.suggest.tsx'
import * as adminMatching from '#app/routes/admin.matching.tsx'
import * as forYou from '#app/routes/volunteer_.requests._index.tsx'
import * as groupRequestPage from '#app/routes/orgs.$slug.volunteer-requests.$requestId.tsx'
import { withTestDatabase } from '#tests/support/database.ts'
import { openVolunteerRequest } from '#tests/support/volunteer-requests.ts'
import { volunteer } from '#tests/support/volunteers.ts'
import { cookieFor, createOrgWithOwner, createUser } from '#tests/support/factories.ts'
import { call, makeRequest } from '#tests/support/routes.ts'
import { eventually } from '#tests/support/eventually.ts'

withTestDatabase()

const NOW = new Date('2026-12-01T12:00:00Z')

/** Counties ordered by SVI: the first is quarter 1 and the last quarter 4 where the data allow. */
let lowSvi: { fips: string; svi: number | null }
let highSvi: { fips: string; svi: number | null }
beforeEach(async () => {
  // The file shares one database: each test starts with no requests, volunteers or runs.
  await db().delete(volunteerSuggestionRuns)
  await db().delete(volunteerRequests)
  await db().delete(volunteerProfiles)
  const ordered = await db()
    .select({ fips: places.fips, svi: places.svi })
    .from(places)
    .where(sql`${places.svi} IS NOT NULL`)
    .orderBy(asc(places.svi))
  lowSvi = ordered[0]!
  highSvi = ordered.at(-1)!
})

async function group(band: BudgetBand | null = null) {
  const made = await createOrgWithOwner()
  if (band)
    await db()
      .update(organizations)
      .set({ budgetBand: band })
      .where(eq(organizations.id, made.org.id))
  return made
}

async function runBatch() {
  const admin = await createUser({ admin: true })
  const started = await startSuggestionRun({ id: admin.id }, { inProcess: false })
  if (!started.ok) throw new Error('the run did not start')
  const outcome = await runSuggestionBatch(started.runId, NOW)
  expect(outcome.status).toBe('finished')
  return { admin, runId: started.runId }
}

const suggestionsOf = (runId: string) =>
  db()
    .select({
      requestId: volunteerSuggestions.requestId,
      profileId: volunteerSuggestions.profileId,
    })
    .from(volunteerSuggestions)
    .where(eq(volunteerSuggestions.runId, runId))

describe('the platform batch over the database', () => {
  it('finds on-site volunteers in the county, and in the state only for those who travel it', async () => {
    const counties = await db().select({ fips: places.fips }).from(places).orderBy(places.fips)
    const here = counties[0]!.fips
    const sameState = counties.find((c) => c.fips !== here && c.fips.startsWith(here.slice(0, 2)))!
    const otherState = counties.find((c) => !c.fips.startsWith(here.slice(0, 2)))!
    const { org } = await group()
    const onSite = await openVolunteerRequest(org.id, { workMode: 'on_site', placeFips: here })
    const traveller = await volunteer({
      name: 'Traveller',
      mode: 'on_site',
      place: sameState.fips,
      travelArea: 'same_state',
    })
    await volunteer({ name: 'Stays home', mode: 'on_site', place: sameState.fips })
    await volunteer({
      name: 'Too far',
      mode: 'on_site',
      place: otherState.fips,
      travelArea: 'same_state',
    })

    const { runId } = await runBatch()
    expect(await suggestionsOf(runId)).toEqual([
      { requestId: onSite.id, profileId: traveller.profile.id },
    ])
  })

  it('stores one request per volunteer, leaving out paused volunteers and closed requests', async () => {
    const small = await group('under_50k')
    const large = await group('over_5m')
    const a = await openVolunteerRequest(small.org.id, { title: 'Small group books' })
    const b = await openVolunteerRequest(large.org.id, { title: 'Large group books' })
    const closed = await openVolunteerRequest(small.org.id, {
      title: 'Closed books',
      status: 'closed',
    })
    const legal = await openVolunteerRequest(small.org.id, {
      skill: 'legal',
      title: 'Bylaws review',
    })
    const first = await volunteer({ name: 'First' })
    const second = await volunteer({ name: 'Second', skills: [['finance', 'experienced']] })
    const paused = await volunteer({ name: 'Paused', paused: true })

    const { admin, runId } = await runBatch()
    const stored = await suggestionsOf(runId)
    // Two volunteers, two open finance requests: both covered, each volunteer once.
    expect(stored).toHaveLength(2)
    expect(new Set(stored.map((s) => s.profileId))).toEqual(
      new Set([first.profile.id, second.profile.id]),
    )
    expect(new Set(stored.map((s) => s.requestId))).toEqual(new Set([a.id, b.id]))
    expect(stored.some((s) => s.profileId === paused.profile.id)).toBe(false)
    expect(stored.some((s) => s.requestId === closed.id || s.requestId === legal.id)).toBe(false)

    const [run] = await db()
      .select()
      .from(volunteerSuggestionRuns)
      .where(eq(volunteerSuggestionRuns.id, runId))
    expect(run).toMatchObject({
      status: 'finished',
      openRequests: 3,
      suggestibleRequests: 3,
      coveredRequests: 2,
      suggestions: 2,
      startedByUserId: admin.id,
    })
    const audit = await db()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.actorUserId, admin.id))
    expect(audit.map((r) => r.action)).toContain('volunteer_suggestion_run.started')

    // The volunteer sees their one suggestion with reasons; the group sees the volunteer marked.
    const mine = await batchSuggestionForVolunteer(first.user.id, 'en')
    const theirs = stored.find((s) => s.profileId === first.profile.id)!
    expect(mine?.id).toBe(theirs.requestId)
    expect(mine?.reasons.length).toBeGreaterThan(0)
    const page = await call(
      forYou.loader,
      makeRequest('/volunteer/requests', { cookie: await cookieFor(first.user.id) }),
    )
    expect((page.data as { batch: { id: string } | null }).batch?.id).toBe(theirs.requestId)
    const marked = await batchSuggestionsForRequest(theirs.requestId, 'es')
    expect(marked.map((v) => v.id)).toEqual([first.profile.id])

    const owner = theirs.requestId === a.id ? small : large
    const groupPage = await call(
      groupRequestPage.loader,
      makeRequest(`/orgs/${owner.org.slug}/volunteer-requests/${theirs.requestId}`, {
        cookie: await cookieFor(owner.owner.id),
      }),
      { slug: owner.org.slug, requestId: theirs.requestId },
    )
    expect(
      (groupPage.data as { batchSuggested: { id: string }[] }).batchSuggested.map((v) => v.id),
    ).toEqual([first.profile.id])

    // Pausing hides the volunteer's suggestion; closing the request hides it from both sides.
    await db()
      .update(volunteerProfiles)
      .set({ paused: true })
      .where(eq(volunteerProfiles.id, first.profile.id))
    expect(await batchSuggestionForVolunteer(first.user.id, 'en')).toBeNull()
    expect(await batchSuggestionsForRequest(theirs.requestId, 'en')).toEqual([])
    const other = stored.find((s) => s.profileId === second.profile.id)!
    await db()
      .update(volunteerRequests)
      .set({ status: 'closed' })
      .where(eq(volunteerRequests.id, other.requestId))
    expect(await batchSuggestionForVolunteer(second.user.id, 'en')).toBeNull()
    expect(await batchSuggestionsForRequest(other.requestId, 'en')).toEqual([])
  })

  it('does not suggest a request to someone already proposed for it', async () => {
    const { org } = await group()
    const only = await openVolunteerRequest(org.id)
    const offered = await volunteer({ name: 'Offered' })
    await db().insert(volunteerEngagements).values({
      requestId: only.id,
      profileId: offered.profile.id,
      proposedBy: 'volunteer',
    })
    const { runId } = await runBatch()
    expect(await suggestionsOf(runId)).toEqual([])
  })
})

describe('one run at a time', () => {
  it('refuses a second start while one is live, whoever asks, and runs a run once', async () => {
    const { org } = await group()
    await openVolunteerRequest(org.id)
    await volunteer()
    const [one, two] = await Promise.all([createUser({ admin: true }), createUser({ admin: true })])
    const starts = await Promise.all([
      startSuggestionRun({ id: one.id }, { inProcess: false }),
      startSuggestionRun({ id: two.id }, { inProcess: false }),
    ])
    const won = starts.filter((s) => s.ok)
    expect(won).toHaveLength(1)
    const lost = starts.find((s) => !s.ok)
    expect(lost).toMatchObject({ ok: false, status: 409, reason: 'running' })

    // The nightly job finds the live run and leaves it.
    defineJobs(suggestionBatchJobs)
    expect(await runJobNow(SUGGESTION_BATCH_JOB, {})).toEqual({ status: 'skipped' })

    // Two workers handed the same run: one claims it, the other does nothing.
    const runId = (won[0] as { runId: string }).runId
    const outcomes = await Promise.all([
      runSuggestionBatch(runId, NOW),
      runSuggestionBatch(runId, NOW),
    ])
    expect(outcomes.map((o) => o.status).sort()).toEqual(['finished', 'skipped'])
    expect(await suggestionsOf(runId)).toHaveLength(1)

    // Once it finished, a new run may start (here the nightly one, with no one behind it).
    expect(await runJobNow(SUGGESTION_BATCH_JOB, {})).toMatchObject({ status: 'finished' })
  })

  it('takes a run whose worker died as failed, so a new one may start', async () => {
    await db()
      .insert(volunteerSuggestionRuns)
      .values({ status: 'running', createdAt: new Date(Date.now() - 3_600_000) })
    const admin = await createUser({ admin: true })
    const started = await startSuggestionRun({ id: admin.id }, { inProcess: false })
    expect(started.ok).toBe(true)
    const failed = await db()
      .select()
      .from(volunteerSuggestionRuns)
      .where(eq(volunteerSuggestionRuns.status, 'failed'))
    expect(failed).toHaveLength(1)
  })
})

describe('who may run the batch and see coverage', () => {
  it('is platform admins only: others get 403, the anonymous the login page', async () => {
    const someone = await createUser()
    const { owner } = await group()
    for (const user of [someone, owner]) {
      const cookie = await cookieFor(user.id)
      const page = await call(
        coveragePage.loader,
        makeRequest('/admin/matching/coverage', { cookie }),
      )
      expect(page.status).toBe(403)
      const post = await call(
        suggestRoute.action,
        makeRequest('/admin/matching/suggest', { cookie, form: {} }),
      )
      expect(post.status).toBe(403)
    }
    const anonymous = await call(
      suggestRoute.action,
      makeRequest('/admin/matching/suggest', { form: {} }),
    )
    expect(anonymous.location).toMatch(/^\/login/)
    expect(await db().select().from(volunteerSuggestionRuns)).toEqual([])
  })

  it('lets an admin start a run and shows it on the matching page', async () => {
    const admin = await createUser({ admin: true })
    const cookie = await cookieFor(admin.id)
    const posted = await call(
      suggestRoute.action,
      makeRequest('/admin/matching/suggest', { cookie, form: {} }),
    )
    expect(posted.location).toBe('/admin/matching')
    // No queue runs in tests: the run went in the background of this process; wait for it.
    for (let i = 0; i < 100; i++) {
      const [run] = await db().select().from(volunteerSuggestionRuns)
      if (run?.status === 'finished') break
      await new Promise((r) => setTimeout(r, 50))
    }
    const page = await call(adminMatching.loader, makeRequest('/admin/matching', { cookie }))
    const runs = (page.data as { runs: { finished: { status: string } | null } }).runs
    expect(runs.finished?.status).toBe('finished')
    const coverage = await call(
      coveragePage.loader,
      makeRequest('/admin/matching/coverage', { cookie }),
    )
    expect(coverage.status).toBe(200)
  })
})

describe('coverage figures', () => {
  it('match counts made by hand, by group size and by place vulnerability', async () => {
    const small = await group('under_50k')
    const large = await group('over_5m')
    const unknown = await group(null)
    // Open requests: two of the small group's (one in a low-SVI county, one in a high one), one
    // of the large group's (high SVI), one of the group with no band (no place).
    const s1 = await openVolunteerRequest(small.org.id, { placeFips: lowSvi.fips, title: 'S1' })
    const s2 = await openVolunteerRequest(small.org.id, {
      placeFips: highSvi.fips,
      skill: 'legal',
      title: 'S2',
    })
    const l1 = await openVolunteerRequest(large.org.id, {
      placeFips: highSvi.fips,
      skill: 'design',
      title: 'L1',
    })
    const u1 = await openVolunteerRequest(unknown.org.id, { skill: 'hr', title: 'U1' })
    // A closed request counts for time to offer and completion, not for the open share.
    const c1 = await openVolunteerRequest(large.org.id, {
      placeFips: lowSvi.fips,
      status: 'closed',
      title: 'C1',
    })
    // Volunteers: one finance (covers S1), one design (covers L1); none for legal or HR.
    const fin = await volunteer({ name: 'Fin' })
    const des = await volunteer({ name: 'Des', skills: [['design', 'expert']] })
    await runBatch()

    // Engagements: on S1 an offer 2 days after opening; on L1 one accepted 4 days after and
    // completed, and one accepted 6 days after and cancelled; on C1 one accepted 10 days after.
    const day = (d: number) => new Date(Date.parse('2026-11-20T00:00:00Z') + d * 86_400_000)
    const others = await Promise.all([volunteer(), volunteer(), volunteer()])
    await db()
      .insert(volunteerEngagements)
      .values([
        { requestId: s1.id, profileId: fin.profile.id, proposedBy: 'group', createdAt: day(2) },
        {
          requestId: l1.id,
          profileId: des.profile.id,
          proposedBy: 'volunteer',
          createdAt: day(4),
          status: 'completed',
          handoffNote: 'Done',
        },
        {
          requestId: l1.id,
          profileId: others[0].profile.id,
          proposedBy: 'group',
          createdAt: day(6),
          status: 'cancelled',
          cancelReason: 'Moved away',
        },
        {
          requestId: c1.id,
          profileId: others[1].profile.id,
          proposedBy: 'group',
          createdAt: day(10),
          status: 'active',
        },
      ])

    const coverage = await matchingCoverage()
    const lowQ = lowSvi.svi! >= 0.75 ? 4 : lowSvi.svi! >= 0.5 ? 3 : lowSvi.svi! >= 0.25 ? 2 : 1
    const highQ = highSvi.svi! >= 0.75 ? 4 : highSvi.svi! >= 0.5 ? 3 : highSvi.svi! >= 0.25 ? 2 : 1
    expect(lowQ).toBe(1)
    expect(highQ).toBe(4)

    // Suggested share: 4 open (S1, S2, L1, U1), 2 with a suggestion (S1, L1).
    expect(coverage.suggested.all).toEqual({ open: 4, suggested: 2 })
    const band = <T extends { band: unknown }>(rows: T[], b: unknown) =>
      rows.find((r) => r.band === b)
    const quarter = <T extends { quartile: unknown }>(rows: T[], q: unknown) =>
      rows.find((r) => r.quartile === q)
    expect(band(coverage.suggested.byBand, 'under_50k')).toMatchObject({ open: 2, suggested: 1 })
    expect(band(coverage.suggested.byBand, 'over_5m')).toMatchObject({ open: 1, suggested: 1 })
    expect(band(coverage.suggested.byBand, '50k_250k')).toMatchObject({ open: 0, suggested: 0 })
    expect(band(coverage.suggested.byBand, null)).toMatchObject({ open: 1, suggested: 0 })
    expect(quarter(coverage.suggested.byQuartile, 1)).toMatchObject({ open: 1, suggested: 1 })
    expect(quarter(coverage.suggested.byQuartile, 4)).toMatchObject({ open: 2, suggested: 1 })
    expect(quarter(coverage.suggested.byQuartile, null)).toMatchObject({ open: 1, suggested: 0 })

    // Time to first offer: 5 opened; first offers after 2 (S1), 4 (L1) and 10 (C1) days.
    expect(coverage.firstOffer.all).toEqual({ opened: 5, offered: 3, medianDays: 4 })
    expect(band(coverage.firstOffer.byBand, 'over_5m')).toMatchObject({
      opened: 2,
      offered: 2,
      medianDays: 7,
    })
    expect(band(coverage.firstOffer.byBand, 'under_50k')).toMatchObject({
      opened: 2,
      offered: 1,
      medianDays: 2,
    })
    expect(quarter(coverage.firstOffer.byQuartile, 1)).toMatchObject({
      opened: 2,
      offered: 2,
      medianDays: 6,
    })
    expect(quarter(coverage.firstOffer.byQuartile, 4)).toMatchObject({
      opened: 2,
      offered: 1,
      medianDays: 4,
    })
    expect(band(coverage.firstOffer.byBand, null)).toMatchObject({ offered: 0, medianDays: null })

    // Completion: accepted ever = completed + cancelled + active = 3; completed 1.
    expect(coverage.completion.all).toEqual({ accepted: 3, completed: 1 })
    expect(band(coverage.completion.byBand, 'over_5m')).toMatchObject({
      accepted: 3,
      completed: 1,
    })
    expect(quarter(coverage.completion.byQuartile, 4)).toMatchObject({
      accepted: 2,
      completed: 1,
    })
    expect(quarter(coverage.completion.byQuartile, 1)).toMatchObject({
      accepted: 1,
      completed: 0,
    })
    expect(coverage.runFinishedAt).not.toBeNull()
    void s2
    void u1
  })
})

// Last in the file: from here on a queue runs in this process, so starts go through pg-boss.
describe('through the job queue', () => {
  beforeAll(async () => {
    defineJobs(suggestionBatchJobs)
    await startJobQueue(currentDatabase()!, { pollingIntervalSeconds: 0.5, schedules: false })
  })
  afterAll(() => stopJobQueue())

  it('an admin’s start is queued, a second one refused, and one worker runs it once', async () => {
    const { org } = await group()
    await openVolunteerRequest(org.id)
    await volunteer()
    const admin = await createUser({ admin: true })
    const first = await startSuggestionRun({ id: admin.id })
    expect(first).toMatchObject({ ok: true, queued: true })
    const second = await startSuggestionRun({ id: admin.id })
    expect(second).toMatchObject({ ok: false, status: 409 })
    const runId = (first as { runId: string }).runId
    const finished = await eventually(async () => {
      const [run] = await db()
        .select()
        .from(volunteerSuggestionRuns)
        .where(eq(volunteerSuggestionRuns.id, runId))
      return run?.status === 'finished'
    })
    expect(finished).toBe(true)
    expect(await suggestionsOf(runId)).toHaveLength(1)
    const { rows } = await currentDatabase()!.sql.executeSql(
      `SELECT state FROM pgboss.job WHERE name = $1`,
      [SUGGESTION_BATCH_JOB],
    )
    expect(rows).toHaveLength(1)
  })
})
