import { and, eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '#db/client.server.ts'
import {
  engagementRatings,
  memberships,
  notifications,
  volunteerEngagements,
} from '#db/schema/index.ts'
import { checkIn } from '#app/services/engagements/check-ins.server.ts'
import {
  cancel,
  complete,
  invite,
  offer,
  rate,
  respond,
  start,
} from '#app/services/engagements/engagements.server.ts'
import { expireProposals } from '#app/services/engagements/engagement-expiry.server.ts'
import { logHours, reviewHours } from '#app/services/engagements/hours.server.ts'
import { inKindOfEngagement } from '#app/services/engagements/in-kind.server.ts'
import { engagementFor } from '#app/services/engagements/engagement-views.server.ts'
import {
  completedEngagementsByVolunteer,
  pendingOffersByRequest,
} from '#app/services/volunteers/match-counts.server.ts'
import { LogHoursSchema } from '#app/schemas/engagements/engagement.ts'
import { withTestDatabase } from '#tests/support/database.ts'
import { createGroupWithRequest, createVolunteer } from '#tests/support/engagements.ts'
import { addUserToOrg, createUser } from '#tests/support/factories.ts'

withTestDatabase()

const ok = <T extends { ok: boolean }>(r: T) => {
  expect(r).toMatchObject({ ok: true })
  return r as Extract<T, { ok: true }>
}

/** An invitation the volunteer accepted and started. */
async function activeEngagement() {
  const group = await createGroupWithRequest()
  const vol = await createVolunteer()
  const { id } = ok(await invite({ id: group.owner.id }, group.request.id, vol.profile.id, 'Hi'))
  ok(await respond({ id: vol.user.id }, id, 'accept', 'Glad to'))
  ok(await start({ id: vol.user.id }, id))
  return { group, vol, id }
}

describe('engagement lifecycle', () => {
  it('runs from an offer to completion with verified hours valued at the skill rate', async () => {
    const group = await createGroupWithRequest()
    const vol = await createVolunteer()
    const { id } = ok(await offer({ id: vol.user.id }, group.request.id, 'I can help'))
    expect(await pendingOffersByRequest([group.request.id])).toEqual(
      new Map([[group.request.id, 1]]),
    )
    ok(await respond({ id: group.owner.id }, id, 'accept', 'Welcome'))
    expect(await pendingOffersByRequest([group.request.id])).toEqual(new Map())
    ok(
      await checkIn({ id: group.owner.id }, id, {
        checkedOn: '2026-01-05',
        progress: 'on_track',
        note: '',
      }),
    )
    const logged = ok(
      await logHours({ id: vol.user.id }, id, {
        workedOn: '2026-01-05',
        minutes: 150,
        note: 'Ledger',
      }),
    )
    ok(await reviewHours({ id: group.owner.id }, logged.id, 'verify', ''))
    const second = ok(
      await logHours({ id: vol.user.id }, id, { workedOn: '2026-01-06', minutes: 60, note: '?' }),
    )
    ok(await reviewHours({ id: group.owner.id }, second.id, 'question', 'Which day?'))
    // Finance has the professional rate ($120/h, seeded): 2.5 verified hours are $300.
    expect(await inKindOfEngagement(id)).toEqual({
      verifiedMinutes: 150,
      valueMinor: 30000,
      currency: 'usd',
    })
    ok(await complete({ id: vol.user.id }, id, 'Books set up; monthly routine written down.'))
    expect(await completedEngagementsByVolunteer([vol.profile.id])).toEqual(
      new Map([[vol.profile.id, 1]]),
    )
    ok(await rate({ id: group.owner.id }, id, 'group', { stars: 5, note: 'Great' }))
    expect(await rate({ id: group.owner.id }, id, 'group', { stars: 4, note: '' })).toMatchObject({
      ok: false,
      reason: 'alreadyRated',
    })
    expect(
      await rate({ id: group.owner.id }, id, 'volunteer', { stars: 1, note: '' }),
    ).toMatchObject({ ok: false, reason: 'notYourSide' })
    expect(await db().select().from(engagementRatings)).toHaveLength(1)
  })

  it('values a skill without a professional rate at the general volunteer hour', async () => {
    const group = await createGroupWithRequest({ skill: 'translation' })
    const vol = await createVolunteer()
    const { id } = ok(await invite({ id: group.owner.id }, group.request.id, vol.profile.id, ''))
    ok(await respond({ id: vol.user.id }, id, 'accept', ''))
    ok(await start({ id: group.owner.id }, id))
    const h = ok(
      await logHours({ id: vol.user.id }, id, { workedOn: '2026-02-01', minutes: 120, note: '' }),
    )
    ok(await reviewHours({ id: group.owner.id }, h.id, 'verify', ''))
    // Independent Sector, 2022 data: $31.80 an hour.
    expect((await inKindOfEngagement(id)).valueMinor).toBe(6360)
  })

  it('cancels with a reason, and a declined proposal can be made again', async () => {
    const { group, vol, id } = await activeEngagement()
    ok(await cancel({ id: group.owner.id }, id, 'Our plans changed'))
    const [row] = await db()
      .select()
      .from(volunteerEngagements)
      .where(eq(volunteerEngagements.id, id))
    expect(row).toMatchObject({ status: 'cancelled', cancelReason: 'Our plans changed' })
    const again = ok(await offer({ id: vol.user.id }, group.request.id, ''))
    ok(await respond({ id: group.owner.id }, again.id, 'decline', 'Not now'))
  })
})

describe('refusals', () => {
  it('refuses a second open proposal for the same request and volunteer', async () => {
    const group = await createGroupWithRequest()
    const vol = await createVolunteer()
    ok(await offer({ id: vol.user.id }, group.request.id, ''))
    expect(
      await invite({ id: group.owner.id }, group.request.id, vol.profile.id, ''),
    ).toMatchObject({ ok: false, reason: 'alreadyProposed' })
  })

  it('refuses negative and absurd hours in the form', () => {
    const base = { intent: 'hours', workedOn: '2026-01-05', note: '' }
    for (const [hours, message] of [
      ['-2', 'engagements:refusals.hoursPositive'],
      ['0', 'engagements:refusals.hoursPositive'],
      ['25', 'engagements:refusals.overADay'],
    ] as const) {
      const parsed = LogHoursSchema.safeParse({ ...base, hours })
      expect(parsed.success).toBe(false)
      expect(parsed.error?.issues[0]?.message).toBe(message)
    }
    expect(LogHoursSchema.parse({ ...base, hours: '1.5' }).hours).toBe(90)
  })

  it('refuses more than 24 hours on one day, summed over the volunteer’s engagements', async () => {
    const { vol, id } = await activeEngagement()
    const other = await createGroupWithRequest()
    const second = ok(await invite({ id: other.owner.id }, other.request.id, vol.profile.id, ''))
    ok(await respond({ id: vol.user.id }, second.id, 'accept', ''))
    ok(await start({ id: vol.user.id }, second.id))
    ok(
      await logHours({ id: vol.user.id }, id, {
        workedOn: '2026-03-01',
        minutes: 20 * 60,
        note: '',
      }),
    )
    expect(
      await logHours({ id: vol.user.id }, second.id, {
        workedOn: '2026-03-01',
        minutes: 5 * 60,
        note: '',
      }),
    ).toMatchObject({ ok: false, message: 'engagements:refusals.overADay' })
    ok(
      await logHours({ id: vol.user.id }, second.id, {
        workedOn: '2026-03-01',
        minutes: 4 * 60,
        note: '',
      }),
    )
    expect(
      await logHours({ id: vol.user.id }, id, { workedOn: '2026-03-02', minutes: -30, note: '' }),
    ).toMatchObject({ ok: false, message: 'engagements:refusals.hoursPositive' })
  })

  it('refuses logging hours on an engagement that is not active', async () => {
    const group = await createGroupWithRequest()
    const vol = await createVolunteer()
    const { id } = ok(await invite({ id: group.owner.id }, group.request.id, vol.profile.id, ''))
    ok(await respond({ id: vol.user.id }, id, 'accept', ''))
    expect(
      await logHours({ id: vol.user.id }, id, { workedOn: '2026-01-05', minutes: 60, note: '' }),
    ).toMatchObject({ ok: false, reason: 'notActive', message: 'engagements:refusals.notActive' })
  })

  it('refuses verifying your own hours, even as a member of the group', async () => {
    const { group, vol, id } = await activeEngagement()
    const h = ok(
      await logHours({ id: vol.user.id }, id, { workedOn: '2026-01-05', minutes: 60, note: '' }),
    )
    expect(await reviewHours({ id: vol.user.id }, h.id, 'verify', '')).toMatchObject({
      ok: false,
      reason: 'ownHours',
    })
    // The volunteer joins the group: still their own hours.
    await db()
      .insert(memberships)
      .values({ organizationId: group.org.id, userId: vol.user.id, role: 'member' })
    expect(await reviewHours({ id: vol.user.id }, h.id, 'verify', '')).toMatchObject({
      ok: false,
      reason: 'ownHours',
      message: 'engagements:refusals.ownHours',
    })
  })

  it('refuses accepting on someone else’s behalf', async () => {
    const group = await createGroupWithRequest()
    const vol = await createVolunteer()
    const stranger = await createUser()
    const { id } = ok(await invite({ id: group.owner.id }, group.request.id, vol.profile.id, ''))
    // The group invited; only the volunteer answers, not the group, not anyone else.
    for (const who of [group.owner.id, stranger.id]) {
      expect(await respond({ id: who }, id, 'accept', '')).toMatchObject({
        ok: false,
        reason: 'notYourAnswer',
        message: 'engagements:refusals.notYourAnswer',
      })
    }
  })

  it('keeps contact details out of the data until the proposal is accepted', async () => {
    const group = await createGroupWithRequest()
    const vol = await createVolunteer()
    const { id } = ok(await invite({ id: group.owner.id }, group.request.id, vol.profile.id, ''))
    for (const viewer of [group.owner.id, vol.user.id]) {
      const seen = await engagementFor(viewer, id)
      expect(seen?.contact).toBeNull()
      expect(JSON.stringify(seen)).not.toContain(vol.user.email)
      expect(JSON.stringify(seen)).not.toContain(group.owner.email)
    }
    ok(await respond({ id: vol.user.id }, id, 'accept', ''))
    expect((await engagementFor(group.owner.id, id))?.contact).toEqual({
      volunteerEmail: vol.user.email,
      groupEmail: group.owner.email,
    })
    expect(await engagementFor((await createUser()).id, id)).toBeNull()
  })

  it('refuses a non-member acting for a group', async () => {
    const group = await createGroupWithRequest()
    const vol = await createVolunteer()
    const outsider = await createUser()
    // A reviewer belongs to the group but does not act for it on requests.
    const reviewer = await addUserToOrg(group, 'reviewer')
    for (const who of [outsider.id, reviewer.id]) {
      expect(await invite({ id: who }, group.request.id, vol.profile.id, '')).toMatchObject({
        ok: false,
        reason: 'notGroupMember',
        message: 'engagements:refusals.notGroupMember',
      })
    }
    const { id } = ok(await offer({ id: vol.user.id }, group.request.id, ''))
    expect(await respond({ id: outsider.id }, id, 'accept', '')).toMatchObject({
      ok: false,
      reason: 'notYourAnswer',
    })
    expect(await start({ id: outsider.id }, id)).toMatchObject({ ok: false, status: 404 })
  })
})

describe('proposal expiry', () => {
  it('expires proposals past their window once and tells both sides', async () => {
    const group = await createGroupWithRequest()
    const vol = await createVolunteer()
    const { id } = ok(await invite({ id: group.owner.id }, group.request.id, vol.profile.id, ''))
    const statusOf = async () =>
      (await db().select().from(volunteerEngagements).where(eq(volunteerEngagements.id, id)))[0]
        ?.status
    await expireProposals()
    expect(await statusOf()).toBe('proposed')
    const later = new Date(Date.now() + 6 * 24 * 3600 * 1000)
    expect((await expireProposals(later)).expired).toBeGreaterThanOrEqual(1)
    expect(await statusOf()).toBe('expired')
    // Every proposal that was due is now claimed: a second run tells nobody again.
    expect(await expireProposals(later)).toEqual({ expired: 0 })
    const told = await db()
      .select({ userId: notifications.userId })
      .from(notifications)
      .where(
        and(
          eq(notifications.kind, 'engagement-expired'),
          sql`${notifications.data}->>'engagementId' = ${id}`,
        ),
      )
    expect(told.map((n) => n.userId).sort()).toEqual([group.owner.id, vol.user.id].sort())
    expect(await respond({ id: vol.user.id }, id, 'accept', '')).toMatchObject({
      ok: false,
      reason: 'notProposed',
    })
  })
})
