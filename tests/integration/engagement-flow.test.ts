import { and, eq, inArray, like } from 'drizzle-orm'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { db } from '#db/client.server.ts'
import {
  auditLog,
  engagementCheckins,
  inKindRates,
  mailMessages,
  notifications,
  volunteerRequests,
  volunteerSkills,
} from '#db/schema/index.ts'
import { addDays, dayInZone } from '#app/domain/engagements/check-ins.ts'
import type { NotificationKind } from '#app/domain/notifications.ts'
import * as ratesPage from '#app/routes/admin.in-kind-rates.tsx'
import * as engagementPage from '#app/routes/engagements.$id.tsx'
import {
  checkIn,
  planCheckIns,
  sendCheckInReminders,
} from '#app/services/engagements/check-ins.server.ts'
import {
  cancel,
  complete,
  invite,
  offer,
  respond,
  start,
} from '#app/services/engagements/engagements.server.ts'
import { logHours, reviewHours } from '#app/services/engagements/hours.server.ts'
import { inKindOfEngagement } from '#app/services/engagements/in-kind.server.ts'
import { databaseNow } from '#app/services/clock.server.ts'
import type * as Clock from '#app/services/clock.server.ts'
import { rankedRequestsForVolunteer } from '#app/services/volunteers/matching.server.ts'
import { withTestDatabase } from '#tests/support/database.ts'
import { createGroupWithRequest, createVolunteer } from '#tests/support/engagements.ts'
import { addUserToOrg, cookieFor, createUser } from '#tests/support/factories.ts'
import { call, makeRequest } from '#tests/support/routes.ts'

withTestDatabase()

// The database's clock, unless a test sets `clock.at`: the engagement page reads today from it,
// and a page seen at a chosen instant shows where check-ins stand in the request's zone then.
const clock = vi.hoisted(() => ({ at: null as Date | null }))
vi.mock('#app/services/clock.server.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof Clock>()
  return {
    ...actual,
    databaseNow: (...args: Parameters<typeof actual.databaseNow>) =>
      clock.at ? Promise.resolve(clock.at) : actual.databaseNow(...args),
  }
})
afterEach(() => {
  clock.at = null
})

const ok = <T extends { ok: boolean }>(r: T) => {
  expect(r).toMatchObject({ ok: true })
  return r as Extract<T, { ok: true }>
}

/** Who got notices of this kind about this engagement, one entry per notice. */
async function told(kind: NotificationKind, engagementId: string) {
  const rows = await db()
    .select({ userId: notifications.userId, data: notifications.data })
    .from(notifications)
    .where(eq(notifications.kind, kind))
  return rows
    .filter((r) => (r.data as Record<string, unknown>).engagementId === engagementId)
    .map((r) => r.userId)
    .sort()
}

/** A group with two members who act on requests and a reviewer who does not, and a volunteer. */
async function setting(request: Parameters<typeof createGroupWithRequest>[0] = {}) {
  const group = await createGroupWithRequest(request)
  const colleague = await addUserToOrg(group, 'member')
  const reviewer = await addUserToOrg(group, 'reviewer')
  const vol = await createVolunteer()
  return { group, colleague, reviewer, vol }
}

/** Today in `zone`, the request's (a request's zone is New York unless it says otherwise). */
const today = async (zone = 'America/New_York') => dayInZone(await databaseNow(), zone)

describe('engagement notices', () => {
  it('tells the group of an offer and the volunteer of the acceptance, never the actor', async () => {
    const { group, colleague, reviewer, vol } = await setting()
    const { id } = ok(await offer({ id: vol.user.id }, group.request.id, 'I can help'))
    expect(await told('engagement-proposed', id)).toEqual([group.owner.id, colleague.id].sort())
    ok(await respond({ id: colleague.id }, id, 'accept', 'Welcome'))
    expect(await told('engagement-accepted', id)).toEqual([vol.user.id])
    // The reviewer does not act on requests and hears of neither.
    const [reviewerNotices] = await db()
      .select({ id: notifications.id })
      .from(notifications)
      .where(eq(notifications.userId, reviewer.id))
    expect(reviewerNotices).toBeUndefined()
    // Each notice is mailed once (the kind's default is to mail).
    const mails = await db()
      .select({ kind: mailMessages.kind, to: mailMessages.toAddress })
      .from(mailMessages)
      .where(inArray(mailMessages.kind, ['engagement-proposed', 'engagement-accepted']))
    expect(mails.map((m) => m.to).sort()).toEqual(
      [group.owner.email, colleague.email, vol.user.email].sort(),
    )
  })

  it('tells the volunteer of an invitation and the group of a decline', async () => {
    const { group, colleague, vol } = await setting()
    const { id } = ok(await invite({ id: group.owner.id }, group.request.id, vol.profile.id, ''))
    expect(await told('engagement-proposed', id)).toEqual([vol.user.id])
    ok(await respond({ id: vol.user.id }, id, 'decline', 'Too busy'))
    expect(await told('engagement-declined', id)).toEqual([group.owner.id, colleague.id].sort())
    expect(await told('engagement-accepted', id)).toEqual([])
  })

  it('tells the other side of a cancellation, with its reason', async () => {
    const { group, colleague, vol } = await setting()
    const { id } = ok(await invite({ id: group.owner.id }, group.request.id, vol.profile.id, ''))
    ok(await respond({ id: vol.user.id }, id, 'accept', ''))
    ok(await cancel({ id: vol.user.id }, id, 'I moved'))
    expect(await told('engagement-cancelled', id)).toEqual([group.owner.id, colleague.id].sort())
    const [notice] = await db()
      .select({ data: notifications.data })
      .from(notifications)
      .where(
        and(eq(notifications.kind, 'engagement-cancelled'), eq(notifications.userId, colleague.id)),
      )
    expect(notice?.data).toMatchObject({ reason: 'I moved' })

    // The group cancels the next one: only the volunteer hears.
    const again = ok(await offer({ id: vol.user.id }, group.request.id, ''))
    ok(await respond({ id: group.owner.id }, again.id, 'accept', ''))
    ok(await cancel({ id: colleague.id }, again.id, 'Plans changed'))
    expect(await told('engagement-cancelled', again.id)).toEqual([vol.user.id])
  })

  it('tells the volunteer, once each, of questioned and verified hours', async () => {
    const { group, colleague, vol } = await setting()
    const { id } = ok(await invite({ id: group.owner.id }, group.request.id, vol.profile.id, ''))
    ok(await respond({ id: vol.user.id }, id, 'accept', ''))
    ok(await start({ id: vol.user.id }, id))
    const h = ok(
      await logHours({ id: vol.user.id }, id, { workedOn: '2026-01-05', minutes: 90, note: '' }),
    )
    ok(await reviewHours({ id: colleague.id }, h.id, 'question', 'Which ledger?'))
    expect(await told('engagement-hours-questioned', id)).toEqual([vol.user.id])
    const [question] = await db()
      .select({ data: notifications.data })
      .from(notifications)
      .where(eq(notifications.kind, 'engagement-hours-questioned'))
    expect(question?.data).toMatchObject({ question: 'Which ledger?', workedOn: '2026-01-05' })
    ok(await reviewHours({ id: group.owner.id }, h.id, 'verify', ''))
    expect(await reviewHours({ id: group.owner.id }, h.id, 'verify', '')).toMatchObject({
      ok: false,
    })
    expect(await told('engagement-hours-verified', id)).toEqual([vol.user.id])
  })
})

describe("a request's status follows its engagements", () => {
  const statusOf = async (requestId: string) =>
    (
      await db()
        .select({ status: volunteerRequests.status })
        .from(volunteerRequests)
        .where(eq(volunteerRequests.id, requestId))
    )[0]?.status

  it('is matched once accepted, leaves suggestions, and opens again when released', async () => {
    const { group, vol } = await setting()
    await db()
      .insert(volunteerSkills)
      .values({ profileId: vol.profile.id, skill: 'finance', level: 'expert' })
    const suggested = async () =>
      (await rankedRequestsForVolunteer(vol.user.id, 'en'))?.requests.map((r) => r.id) ?? []
    expect(await suggested()).toContain(group.request.id)
    const { id } = ok(await offer({ id: vol.user.id }, group.request.id, ''))
    expect(await statusOf(group.request.id)).toBe('open')
    ok(await respond({ id: group.owner.id }, id, 'accept', ''))
    expect(await statusOf(group.request.id)).toBe('matched')
    expect(await suggested()).not.toContain(group.request.id)
    ok(await cancel({ id: group.owner.id }, id, 'Plans changed'))
    expect(await statusOf(group.request.id)).toBe('open')
    expect(await suggested()).toContain(group.request.id)
  })

  it('stays matched while another accepted engagement remains, and closes once the work is completed', async () => {
    const { group } = await setting()
    const first = await createVolunteer()
    const second = await createVolunteer()
    const a = ok(await invite({ id: group.owner.id }, group.request.id, first.profile.id, ''))
    const b = ok(await invite({ id: group.owner.id }, group.request.id, second.profile.id, ''))
    ok(await respond({ id: first.user.id }, a.id, 'accept', ''))
    ok(await respond({ id: second.user.id }, b.id, 'accept', ''))
    ok(await cancel({ id: first.user.id }, a.id, 'Sorry'))
    expect(await statusOf(group.request.id)).toBe('matched')
    ok(await start({ id: second.user.id }, b.id))
    ok(await complete({ id: second.user.id }, b.id, 'Delivered'))
    expect(await statusOf(group.request.id)).toBe('closed')
  })
})

describe('check-ins at agreed dates', () => {
  async function accepted(dates: string[], timeZone = 'America/New_York') {
    const { group, colleague, vol } = await setting({ timeZone })
    const { id } = ok(await invite({ id: group.owner.id }, group.request.id, vol.profile.id, ''))
    ok(await respond({ id: vol.user.id }, id, 'accept', '', { dates, field: 'dates' }))
    return { group, colleague, vol, id }
  }
  const rowsOf = (id: string) =>
    db()
      .select()
      .from(engagementCheckins)
      .where(eq(engagementCheckins.engagementId, id))
      .orderBy(engagementCheckins.dueOn)

  it('stores the dates agreed on accepting, and refuses dates already past beside the field', async () => {
    const day = await today()
    const { group, id } = await accepted([day, addDays(day, 14)])
    expect((await rowsOf(id)).map((r) => [r.dueOn, r.checkedOn])).toEqual([
      [day, null],
      [addDays(day, 14), null],
    ])
    expect(
      await planCheckIns({ id: group.owner.id }, id, {
        dates: [addDays(day, -1)],
        field: 'firstOn',
      }),
    ).toMatchObject({ ok: false, fieldErrors: { firstOn: 'engagements:plan.past' } })
    // A new plan replaces the agreed dates not yet recorded.
    ok(await planCheckIns({ id: group.owner.id }, id, { dates: [addDays(day, 7)], field: 'dates' }))
    expect((await rowsOf(id)).map((r) => r.dueOn)).toEqual([addDays(day, 7)])
    // Someone on neither side cannot plan.
    const stranger = await createUser()
    expect(
      await planCheckIns({ id: stranger.id }, id, { dates: [addDays(day, 7)], field: 'dates' }),
    ).toMatchObject({ ok: false, status: 404 })
  })

  it('reminds both sides on the day and once when three days overdue, by the given clock', async () => {
    const day = await today()
    const due = addDays(day, 2)
    const { group, colleague, vol, id } = await accepted([due])
    // New York: 13:20 UTC is 08:20 or 09:20 there, 11:00 UTC is 06:00 or 07:00 (before 8).
    const at = (d: string, time = '13:20') => new Date(`${d}T${time}:00Z`)
    expect(await sendCheckInReminders(at(addDays(due, -1)))).toEqual({ due: 0, overdue: 0 })
    await sendCheckInReminders(at(due, '11:00'))
    expect(await told('engagement-check-in-due', id)).toEqual([])
    expect((await sendCheckInReminders(at(due))).due).toBeGreaterThanOrEqual(1)
    const sides = [group.owner.id, colleague.id, vol.user.id].sort()
    expect(await told('engagement-check-in-due', id)).toEqual(sides)
    // Running again that day, or the next, tells nobody twice.
    await sendCheckInReminders(at(due))
    await sendCheckInReminders(at(addDays(due, 1)))
    expect(await told('engagement-check-in-due', id)).toEqual(sides)
    expect(await told('engagement-check-in-overdue', id)).toEqual([])
    await sendCheckInReminders(at(addDays(due, 2)))
    await sendCheckInReminders(at(addDays(due, 3), '11:00'))
    expect(await told('engagement-check-in-overdue', id)).toEqual([])
    await sendCheckInReminders(at(addDays(due, 3)))
    await sendCheckInReminders(at(addDays(due, 4)))
    expect(await told('engagement-check-in-overdue', id)).toEqual(sides)
  })

  it("reminds at 8 in the morning of the request's zone, on its day, once", async () => {
    const zone = 'Pacific/Honolulu' // UTC−10, no daylight saving
    const due = addDays(await today(zone), 2)
    const { group, colleague, vol, id } = await accepted([due], zone)
    const sides = [group.owner.id, colleague.id, vol.user.id].sort()
    const at = (d: string, time: string) => new Date(`${d}T${time}:00Z`)
    // The evening before in Honolulu is already the day in UTC: not yet.
    await sendCheckInReminders(at(due, '09:00'))
    // 07:00 in Honolulu on the day: still too early.
    await sendCheckInReminders(at(due, '17:00'))
    expect(await told('engagement-check-in-due', id)).toEqual([])
    // 08:30 there: one reminder to each side.
    await sendCheckInReminders(at(due, '18:30'))
    expect(await told('engagement-check-in-due', id)).toEqual(sides)
    // Running again (that evening, the next UTC day but still the day there): nobody twice.
    await sendCheckInReminders(at(due, '19:20'))
    await sendCheckInReminders(at(addDays(due, 1), '05:20'))
    expect(await told('engagement-check-in-due', id)).toEqual(sides)
    // Overdue from 8 in the morning there, three days on.
    await sendCheckInReminders(at(addDays(due, 3), '09:20'))
    await sendCheckInReminders(at(addDays(due, 3), '17:20'))
    expect(await told('engagement-check-in-overdue', id)).toEqual([])
    await sendCheckInReminders(at(addDays(due, 3), '18:20'))
    await sendCheckInReminders(at(addDays(due, 4), '18:20'))
    expect(await told('engagement-check-in-overdue', id)).toEqual(sides)
  })

  it('reminds on the day there even when the job first runs in its evening', async () => {
    const zone = 'Pacific/Honolulu'
    const due = addDays(await today(zone), 2)
    const { vol, id } = await accepted([due], zone)
    // 20:00 on the day in Honolulu, the next day in UTC.
    await sendCheckInReminders(new Date(`${addDays(due, 1)}T06:00:00Z`))
    expect(await told('engagement-check-in-due', id)).toContain(vol.user.id)
  })

  it('fills the due check-in when one is recorded, and reminds no more of it', async () => {
    const day = await today()
    const { vol, id } = await accepted([addDays(day, 3), addDays(day, 17)])
    ok(
      await checkIn({ id: vol.user.id }, id, { checkedOn: day, progress: 'at_risk', note: 'Slow' }),
    )
    const rows = await rowsOf(id)
    expect(rows.map((r) => [r.dueOn, r.checkedOn, r.progress])).toEqual([
      [addDays(day, 3), day, 'at_risk'],
      [addDays(day, 17), null, null],
    ])
    expect(rows[0]?.onTrack).toBe(false)
    expect(await sendCheckInReminders(new Date(`${addDays(day, 3)}T13:00:00Z`))).toEqual({
      due: 0,
      overdue: 0,
    })
    // A check-in with nothing due within a week is recorded on its own.
    ok(await checkIn({ id: vol.user.id }, id, { checkedOn: day, progress: 'on_track', note: '' }))
    expect(await rowsOf(id)).toHaveLength(3)
  })

  it("shows where check-ins stand on the request's zone's day, and names the zone", async () => {
    const { vol, id } = await accepted([], 'Asia/Tokyo')
    const later = await accepted([], 'Pacific/Honolulu')
    await db()
      .insert(engagementCheckins)
      .values(
        [id, later.id].flatMap((engagementId) => [
          { engagementId, dueOn: '2030-01-10' },
          { engagementId, dueOn: '2030-01-11' },
        ]),
      )
    const seen = async (engagementId: string, userId: string) => {
      const page = await call(
        engagementPage.loader,
        makeRequest(`/engagements/${engagementId}`, { cookie: await cookieFor(userId) }),
        { id: engagementId },
      )
      const data = page.data as { timeZone: string; checkins: { dueOn: string; state: string }[] }
      return { zone: data.timeZone, states: data.checkins.map((c) => [c.dueOn, c.state]) }
    }
    // 20:00 UTC on 10 January is 05:00 on the 11th in Tokyo: tomorrow's (UTC) check-in is due.
    clock.at = new Date('2030-01-10T20:00:00Z')
    expect(await seen(id, vol.user.id)).toEqual({
      zone: 'Asia/Tokyo',
      states: [
        ['2030-01-10', 'late'],
        ['2030-01-11', 'due'],
      ],
    })
    // 04:00 UTC on the 11th is 18:00 on the 10th in Honolulu: today's (UTC) one is still to come.
    clock.at = new Date('2030-01-11T04:00:00Z')
    expect(await seen(later.id, later.vol.user.id)).toEqual({
      zone: 'Pacific/Honolulu',
      states: [
        ['2030-01-10', 'due'],
        ['2030-01-11', 'upcoming'],
      ],
    })
  })

  it("takes a date as past only once the request's zone's day is over", async () => {
    const honolulu = await accepted([], 'Pacific/Honolulu')
    const utc = await accepted([], 'UTC')
    // 18:00 on 10 January in Honolulu, already the 11th in UTC.
    clock.at = new Date('2030-01-11T04:00:00Z')
    const plan = { dates: ['2030-01-10'], field: 'dates' as const }
    ok(await planCheckIns({ id: honolulu.group.owner.id }, honolulu.id, plan))
    expect(await planCheckIns({ id: utc.group.owner.id }, utc.id, plan)).toMatchObject({
      ok: false,
      fieldErrors: { dates: 'engagements:plan.past' },
    })
    // Still today there: a new plan replaces it, as a date to come.
    ok(await planCheckIns({ id: honolulu.group.owner.id }, honolulu.id, { ...plan, dates: [] }))
    expect(await rowsOf(honolulu.id)).toEqual([])
  })

  it('shows upcoming and overdue check-ins on the engagement page, and saves a plan through it', async () => {
    const day = await today()
    const { group, vol, id } = await accepted([addDays(day, 5)])
    // An agreed date long past (written directly: the form refuses past dates).
    await db()
      .insert(engagementCheckins)
      .values({ engagementId: id, dueOn: addDays(day, -4) })
    const cookie = await cookieFor(vol.user.id)
    const page = await call(engagementPage.loader, makeRequest(`/engagements/${id}`, { cookie }), {
      id,
    })
    const shown = (page.data as { checkins: { dueOn: string; state: string }[] }).checkins
    expect(shown.map((c) => [c.dueOn, c.state])).toEqual([
      [addDays(day, -4), 'overdue'],
      [addDays(day, 5), 'upcoming'],
    ])
    const refused = await call(
      engagementPage.action,
      makeRequest(`/engagements/${id}`, {
        cookie: await cookieFor(group.owner.id),
        form: { intent: 'plan', cadence: 'biweekly', firstOn: '', count: '3', dates: '' },
      }),
      { id },
    )
    expect(refused.status).toBe(400)
    expect((refused.data as { errors: Record<string, string> }).errors).toMatchObject({
      firstOn: 'engagements:validation.day',
    })
    expect((refused.data as { values: Record<string, string> }).values).toMatchObject({
      cadence: 'biweekly',
      count: '3',
    })
    const saved = await call(
      engagementPage.action,
      makeRequest(`/engagements/${id}`, {
        cookie: await cookieFor(group.owner.id),
        form: { intent: 'plan', cadence: 'biweekly', firstOn: addDays(day, 1), count: '3' },
      }),
      { id },
    )
    expect(saved.status).toBe(302)
    expect((await rowsOf(id)).filter((r) => r.checkedOn === null).map((r) => r.dueOn)).toEqual([
      addDays(day, -4),
      addDays(day, 1),
      addDays(day, 15),
      addDays(day, 29),
    ])
  })
})

describe('the admin in-kind rates page', () => {
  const form = (values: Partial<Record<string, string>> = {}) => ({
    skill: 'translation',
    amount: '55.00',
    year: '2026',
    source: 'Test source, 2026',
    ...values,
  })

  it('refuses anyone but a platform admin, to see or to add', async () => {
    const user = await createUser()
    const cookie = await cookieFor(user.id)
    expect(
      (await call(ratesPage.loader, makeRequest('/admin/in-kind-rates', { cookie }))).status,
    ).toBe(403)
    const post = await call(
      ratesPage.action,
      makeRequest('/admin/in-kind-rates', { cookie, form: form() }),
    )
    expect(post.status).toBe(403)
    const added = await db()
      .select()
      .from(inKindRates)
      .where(like(inKindRates.source, 'Test source%'))
    expect(added).toHaveLength(0)
  })

  it('refuses bad values beside their fields, keeping what was typed', async () => {
    const admin = await createUser({ admin: true })
    const refused = await call(
      ratesPage.action,
      makeRequest('/admin/in-kind-rates', {
        cookie: await cookieFor(admin.id),
        form: form({ skill: 'juggling', amount: '0', year: '1999', source: ' ' }),
      }),
    )
    expect(refused.status).toBe(400)
    const data = refused.data as { errors: Record<string, unknown>; values: Record<string, string> }
    expect(Object.keys(data.errors).sort()).toEqual(['amount', 'skill', 'source', 'year'])
    expect(data.values).toMatchObject({ amount: '0', year: '1999' })
  })

  it('adds a rate, audited, that changes the in-kind value computed from then on', async () => {
    const group = await createGroupWithRequest({ skill: 'translation' })
    const vol = await createVolunteer()
    const { id } = ok(await invite({ id: group.owner.id }, group.request.id, vol.profile.id, ''))
    ok(await respond({ id: vol.user.id }, id, 'accept', ''))
    ok(await start({ id: vol.user.id }, id))
    const h = ok(
      await logHours({ id: vol.user.id }, id, { workedOn: '2026-02-01', minutes: 120, note: '' }),
    )
    ok(await reviewHours({ id: group.owner.id }, h.id, 'verify', ''))
    // No translation rate yet: the general value ($31.80 an hour).
    expect((await inKindOfEngagement(id)).valueMinor).toBe(6360)

    const admin = await createUser({ admin: true })
    const cookie = await cookieFor(admin.id)
    const post = await call(
      ratesPage.action,
      makeRequest('/admin/in-kind-rates', { cookie, form: form() }),
    )
    expect(post.status).toBe(302)
    expect((await inKindOfEngagement(id)).valueMinor).toBe(11000)
    // A second rate for the same skill and year: the last added wins, the first stays listed.
    await call(
      ratesPage.action,
      makeRequest('/admin/in-kind-rates', { cookie, form: form({ amount: '60' }) }),
    )
    expect((await inKindOfEngagement(id)).valueMinor).toBe(12000)
    const page = await call(ratesPage.loader, makeRequest('/admin/in-kind-rates', { cookie }))
    const rates = (
      page.data as { rates: { skill: string | null; rateMinor: number; inUse: boolean }[] }
    ).rates.filter((r) => r.skill === 'translation')
    expect(rates.map((r) => [r.rateMinor, r.inUse])).toEqual([
      [6000, true],
      [5500, false],
    ])
    const audited = await db()
      .select({ actor: auditLog.actorUserId })
      .from(auditLog)
      .where(eq(auditLog.action, 'in_kind_rate.created'))
    expect(audited).toEqual([{ actor: admin.id }, { actor: admin.id }])
  })
})
