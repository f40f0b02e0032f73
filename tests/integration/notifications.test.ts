import { and, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '#db/client.server.ts'
import {
  applicationPlaces,
  mailMessages,
  notificationPreferences,
  notifications,
  users,
} from '#db/schema/index.ts'
import { changePassword, logIn } from '#app/services/accounts/accounts.server.ts'
import { loadApplicationFor } from '#app/services/applications/applications.server.ts'
import { submitApplication } from '#app/services/applications/application-submission.server.ts'
import { startReview } from '#app/services/programs/programs.server.ts'
import { defineAllJobs } from '#app/services/jobs/jobs.server.ts'
import { runJobNow } from '#app/services/jobs/job-queue.server.ts'
import {
  DEADLINE_REMINDERS_JOB,
  PROGRAMS_DIGEST_JOB,
  weekOf,
} from '#app/services/notifications/notification-jobs.server.ts'
import {
  countUnread,
  listNotifications,
  listPreferences,
  markAllRead,
  membersOf,
  notify,
  savePreferences,
} from '#app/services/notifications/notifications.server.ts'
import * as notificationsRoute from '#app/routes/notifications.tsx'
import * as preferencesRoute from '#app/routes/account_.notifications.tsx'
import * as rootRoute from '#app/root.tsx'
import { isLocalPath } from '#app/domain/notifications.ts'
import {
  addUserToOrg,
  cookieFor,
  createApplicationRow,
  createOpenProgram,
  createOrgWithOwner,
  createUser,
  inviteToOrg,
  TEST_PASSWORD,
} from '#tests/support/factories.ts'
import { completeDraft, groupAndProgram } from '#tests/support/complete-draft.ts'
import { translateMessage } from '#app/lib/i18n/message.ts'
import { fixedT } from '#app/utils/i18n.server.ts'
import { withTestDatabase } from '#tests/support/database.ts'
import { call, makeRequest } from '#tests/support/routes.ts'

withTestDatabase()
beforeAll(() => defineAllJobs())

const DAY = 86_400_000

async function notificationsOf(userId: string) {
  return db()
    .select()
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(notifications.createdAt)
}

const kindsOf = async (userId: string) => (await notificationsOf(userId)).map((n) => n.kind)

describe('application submitted', () => {
  it('tells the group’s members and the funder’s owners and admins, in the submission’s transaction', async () => {
    const { group, funder, actor, application } = await groupAndProgram()
    const groupMember = await addUserToOrg(group, 'member')
    const funderAdmin = await addUserToOrg(funder, 'admin')
    const funderReviewer = await addUserToOrg(funder, 'reviewer')
    const outsider = await createUser()
    const version = await completeDraft(actor, application.id)
    const loaded = await loadApplicationFor(application.id, actor.id)

    // A stale submission changes nothing and tells nobody.
    expect((await submitApplication(actor, loaded!, version - 1)).ok).toBe(false)
    expect(await kindsOf(group.owner.id)).toEqual([])

    expect(await submitApplication(actor, loaded!, version)).toEqual({ ok: true })
    for (const person of [group.owner, groupMember]) {
      const [n] = await notificationsOf(person.id)
      expect(n).toMatchObject({
        kind: 'application-submitted',
        link: `/applications/${application.id}`,
        readAt: null,
      })
      expect(n?.data).toMatchObject({ organization: group.org.name, program: funder.program.title })
    }
    for (const officer of [funder.owner, funderAdmin]) {
      const [n] = await notificationsOf(officer.id)
      expect(n).toMatchObject({
        kind: 'application-received',
        link: `/orgs/${funder.org.slug}/programs/${funder.program.slug}/applications`,
      })
    }
    expect(await kindsOf(funderReviewer.id)).toEqual([])
    expect(await kindsOf(outsider.id)).toEqual([])
    expect(await countUnread(group.owner.id)).toBe(1)
  })
})

describe('application moved into review', () => {
  it('tells the members of each group whose application moved, and no one else', async () => {
    const setup = await createOpenProgram({ status: 'closed' })
    const moved = await createApplicationRow(setup.program.id)
    const draft = await createApplicationRow(setup.program.id, { status: 'draft' })
    const [movedOwner] = await db()
      .select()
      .from(notifications)
      .where(eq(notifications.kind, 'application-in-review'))
    expect(movedOwner).toBeUndefined()
    const actor = { id: setup.owner.id, ip: '127.0.0.1', organizationId: setup.org.id }
    expect(await startReview(actor, setup.program.id)).toMatchObject({ ok: true })
    const told = await db()
      .select()
      .from(notifications)
      .where(eq(notifications.kind, 'application-in-review'))
    expect(told).toHaveLength(1)
    expect(told[0]).toMatchObject({ link: `/applications/${moved.id}` })
    expect(told[0]?.eventKey).toBe(moved.id)
    expect(told.some((n) => n.link.endsWith(draft.id))).toBe(false)
  })
})

describe('invitation', () => {
  it('notifies the invitee who has an account; an address without one gets no notification row', async () => {
    const group = await createOrgWithOwner()
    const invitee = await createUser()
    await inviteToOrg(group, invitee.email)
    const [n] = await notificationsOf(invitee.id)
    expect(n).toMatchObject({ kind: 'invitation', link: '/' })
    expect(n?.data).toMatchObject({ organization: group.org.name, invitedBy: group.owner.name })
    // The token travels only in the mail, never in the stored notification.
    expect(JSON.stringify(n?.data)).not.toContain('/invitations/')
    await inviteToOrg(group, 'nobody-yet@example.test')
    const invitations = await db()
      .select()
      .from(notifications)
      .where(eq(notifications.kind, 'invitation'))
    expect(invitations).toHaveLength(1)
  })
})

describe('security notices', () => {
  it('password changed: a notification for the account', async () => {
    const user = await createUser()
    const result = await changePassword(
      { id: user.id, sessionId: 'none' },
      {
        currentPassword: TEST_PASSWORD,
        newPassword: 'another long passphrase 2026',
        confirmPassword: 'another long passphrase 2026',
      },
      { ip: '127.0.0.1' },
    )
    expect(result.ok).toBe(true)
    expect(await kindsOf(user.id)).toEqual(['password-changed'])
  })

  it('new sign-in: only from a browser and system the account has not used before', async () => {
    const user = await createUser()
    const chrome =
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'
    const chromeUpdated = chrome.replace('131.0.0.0', '132.0.0.0')
    const firefoxWindows =
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0'
    const login = (userAgent: string) =>
      logIn({ email: user.email, password: TEST_PASSWORD }, { ip: '10.0.0.1', userAgent })
    expect((await login(chrome)).ok).toBe(true)
    expect(await kindsOf(user.id)).toEqual([]) // the first device is not "new"
    await login(chromeUpdated)
    expect(await kindsOf(user.id)).toEqual([]) // a browser update is the same device
    await login(firefoxWindows)
    expect(await kindsOf(user.id)).toEqual(['new-sign-in'])
    const [n] = await notificationsOf(user.id)
    expect(n?.data).toEqual({ browserName: 'Firefox', osName: 'Windows' })
    await login(firefoxWindows)
    expect(await kindsOf(user.id)).toEqual(['new-sign-in'])
  })

  it('new sign-in: the device is described in the reader’s language, under the bell and in the mail', async () => {
    // No language chosen: the bell follows whatever language the page is read in.
    const user = await createUser()
    const login = (userAgent: string) =>
      logIn({ email: user.email, password: TEST_PASSWORD }, { ip: '10.0.0.2', userAgent })
    await login('Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0')
    await login('Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0')
    const shown = async (reader: 'en' | 'es') => {
      const { items } = await listNotifications(user.id, reader)
      return items.map((i) => i.message)
    }
    expect(await shown('es')).toEqual([
      {
        key: 'notifications:kinds.newSignIn.message',
        values: { browser: 'Firefox en Windows' },
      },
    ])
    expect(await shown('en')).toEqual([
      {
        key: 'notifications:kinds.newSignIn.message',
        values: { browser: 'Firefox on Windows' },
      },
    ])

    // An account read in Spanish gets the mail in Spanish, device included.
    const hablante = await createUser()
    await db().update(users).set({ language: 'es' }).where(eq(users.id, hablante.id))
    const loginEs = (userAgent: string) =>
      logIn({ email: hablante.email, password: TEST_PASSWORD }, { ip: '10.0.0.3', userAgent })
    await loginEs('Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0')
    await loginEs(
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15',
    )
    const [mail] = await db()
      .select()
      .from(mailMessages)
      .where(and(eq(mailMessages.userId, hablante.id), eq(mailMessages.kind, 'new-sign-in')))
    expect(mail?.text).toContain('Safari en Mac OS')
    expect(mail?.text).not.toContain(' on ')
  })
})

describe('the list, the bell and who may see what', () => {
  async function seed(userId: string, count: number) {
    for (let i = 0; i < count; i++) {
      await db().transaction((tx) =>
        notify(tx, {
          kind: 'password-changed',
          userId,
          data: {},
          eventKey: `seed-${i}`,
        }),
      )
    }
  }

  it('pages newest first by keyset, without repeats or gaps', async () => {
    const user = await createUser()
    await seed(user.id, 25)
    const first = await listNotifications(user.id, 'en')
    expect(first.items).toHaveLength(20)
    expect(first.next).not.toBeNull()
    const second = await listNotifications(user.id, 'en', first.next)
    expect(second.items).toHaveLength(5)
    expect(second.next).toBeNull()
    const ids = [...first.items, ...second.items].map((n) => n.id)
    expect(new Set(ids).size).toBe(25)
    const times = [...first.items, ...second.items].map((n) => n.createdAt)
    expect([...times].sort().reverse()).toEqual(times)
    // A cursor that is not ours reads as the first page.
    expect((await listNotifications(user.id, 'en', 'garbage')).items).toHaveLength(20)
  })

  it('notifying the same event twice writes one notification', async () => {
    const user = await createUser()
    await seed(user.id, 1)
    await seed(user.id, 1)
    expect(await countUnread(user.id)).toBe(1)
  })

  it('marks one read and all read through the page; another person’s notification is 404 and stays unread', async () => {
    const owner = await createUser()
    const other = await createUser()
    await seed(owner.id, 3)
    const [mine] = await notificationsOf(owner.id)
    const otherCookie = await cookieFor(other.id)
    const refused = await call(
      notificationsRoute.action,
      makeRequest('/notifications', {
        cookie: otherCookie,
        form: { intent: 'read', id: mine!.id },
      }),
    )
    expect(refused.status).toBe(404)
    const allByOther = await call(
      notificationsRoute.action,
      makeRequest('/notifications', { cookie: otherCookie, form: { intent: 'read-all' } }),
    )
    expect(allByOther.status).toBe(302)
    expect(await countUnread(owner.id)).toBe(3)
    const otherList = await call(
      notificationsRoute.loader,
      makeRequest('/notifications', { cookie: otherCookie }),
    )
    expect((otherList.data as { items: unknown[] }).items).toEqual([])

    const cookie = await cookieFor(owner.id)
    const done = await call(
      notificationsRoute.action,
      makeRequest('/notifications', { cookie, form: { intent: 'read', id: mine!.id } }),
    )
    expect(done).toMatchObject({ status: 302, location: '/notifications' })
    expect(await countUnread(owner.id)).toBe(2)
    const root = await call(rootRoute.loader, makeRequest('/', { cookie }))
    expect((root.data as { unread: number }).unread).toBe(2)
    await call(
      notificationsRoute.action,
      makeRequest('/notifications', { cookie, form: { intent: 'read-all' } }),
    )
    expect(await countUnread(owner.id)).toBe(0)
    expect(await markAllRead(owner.id)).toBe(0)
    const page = await call(notificationsRoute.loader, makeRequest('/notifications', { cookie }))
    const items = (page.data as { items: { message: unknown; link: string; read: boolean }[] })
      .items
    expect(items).toHaveLength(3)
    expect(items[0]).toMatchObject({
      message: { key: 'notifications:kinds.passwordChanged.message' },
      link: '/account',
      read: true,
    })
  })

  it('stores only paths on our origin: the service checks, and so does the database', async () => {
    expect(['/', '/applications/x', '/account'].every(isLocalPath)).toBe(true)
    expect(
      ['//evil.example', '/\\evil.example', 'https://evil.example', ''].some(isLocalPath),
    ).toBe(false)
    const user = await createUser()
    for (const link of ['//evil.example/x', 'https://evil.example', '/\\evil.example']) {
      await expect(
        db().insert(notifications).values({ userId: user.id, kind: 'x', link, eventKey: link }),
      ).rejects.toThrow()
    }
  })
})

describe('preferences', () => {
  it('lists every kind with its default; saves optional choices; refuses turning off required mail', async () => {
    const user = await createUser()
    const before = await listPreferences(user.id)
    expect(before.find((p) => p.kind === 'password-changed')).toMatchObject({
      required: true,
      email: true,
    })
    expect(before.find((p) => p.kind === 'programs-digest')).toMatchObject({
      required: false,
      email: true,
    })
    expect(await savePreferences(user.id, { 'programs-digest': false })).toEqual({ ok: true })
    expect((await listPreferences(user.id)).find((p) => p.kind === 'programs-digest')?.email).toBe(
      false,
    )
    expect(
      await savePreferences(user.id, { 'deadline-reminder': false, 'new-sign-in': false }),
    ).toMatchObject({ ok: false, message: 'notifications:preferences.requiredRefused' })
    const rows = await db()
      .select()
      .from(notificationPreferences)
      .where(eq(notificationPreferences.userId, user.id))
    expect(rows).toEqual([{ userId: user.id, kind: 'programs-digest', email: false }])
  })

  it('the page posts choices; a post turning off a required kind is refused with nothing saved', async () => {
    const user = await createUser()
    const cookie = await cookieFor(user.id)
    const saved = await call(
      preferencesRoute.action,
      makeRequest('/account/notifications', {
        cookie,
        form: { 'application-submitted': 'app', 'deadline-reminder': 'email' },
      }),
    )
    expect(saved).toMatchObject({ status: 302, location: '/account/notifications' })
    const refused = await call(
      preferencesRoute.action,
      makeRequest('/account/notifications', {
        cookie,
        form: { 'application-submitted': 'email', 'password-changed': 'app' },
      }),
    )
    expect(refused.status).toBe(400)
    const rows = await db()
      .select()
      .from(notificationPreferences)
      .where(eq(notificationPreferences.userId, user.id))
    expect(rows.map((r) => [r.kind, r.email]).sort()).toEqual([
      ['application-submitted', false],
      ['deadline-reminder', true],
    ])
  })
})

describe('deadline reminders (scheduled)', () => {
  it('reminds a group with a draft once per window, a week and then a day before; idempotent', async () => {
    const closesAt = new Date(Date.now() + 20 * DAY)
    const funder = await createOpenProgram({ closesAt })
    const draft = await createApplicationRow(funder.program.id, { status: 'draft' })
    const submitted = await createApplicationRow(funder.program.id)
    const far = await createOpenProgram({ closesAt: new Date(Date.now() + 30 * DAY) })
    await createApplicationRow(far.program.id, { status: 'draft' })
    const reminders = () =>
      db().select().from(notifications).where(eq(notifications.kind, 'deadline-reminder'))

    // Ten days before: nothing yet.
    await runJobNow(DEADLINE_REMINDERS_JOB, {
      at: new Date(closesAt.getTime() - 10 * DAY).toISOString(),
    })
    expect(await reminders()).toHaveLength(0)
    // Six and a half days before: the week's reminder, once however often the job runs.
    const weekBefore = new Date(closesAt.getTime() - 6.5 * DAY).toISOString()
    expect(await runJobNow(DEADLINE_REMINDERS_JOB, { at: weekBefore })).toEqual({ reminded: 1 })
    expect(await runJobNow(DEADLINE_REMINDERS_JOB, { at: weekBefore })).toEqual({ reminded: 0 })
    let rows = await reminders()
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      eventKey: `${draft.id}:7d`,
      link: `/applications/${draft.id}`,
    })
    // What the words need, not the words: the closing instant and the program's zone.
    expect(rows[0]?.data).toMatchObject({
      closesAt: closesAt.toISOString(),
      timeZone: 'America/Chicago',
    })
    expect(rows[0]?.data).not.toHaveProperty('days')
    // Twenty hours before: the day's reminder.
    const dayBefore = new Date(closesAt.getTime() - 20 * 3_600_000).toISOString()
    await runJobNow(DEADLINE_REMINDERS_JOB, { at: dayBefore })
    await runJobNow(DEADLINE_REMINDERS_JOB, { at: dayBefore })
    rows = await reminders()
    expect(rows.map((r) => r.eventKey).sort()).toEqual([`${draft.id}:1d`, `${draft.id}:7d`])
    expect(rows.some((r) => r.link.endsWith(submitted.id))).toBe(false)
    // After the deadline: nothing more.
    await runJobNow(DEADLINE_REMINDERS_JOB, {
      at: new Date(closesAt.getTime() + DAY).toISOString(),
    })
    expect(await reminders()).toHaveLength(2)
  })
})

describe('weekly digest of programs that fit a group (scheduled)', () => {
  /** A group whose earlier application served Franklin County, Ohio on health care. */
  async function groupServing(fips: string, sdoh: string[]) {
    const older = await createOpenProgram()
    const application = await createApplicationRow(older.program.id, { sdohDomains: sdoh })
    await db().insert(applicationPlaces).values({ applicationId: application.id, fips })
    return application.organizationId
  }

  it('lists programs opened in the week whose places and focus fit; one digest per group per week', async () => {
    const now = new Date()
    const fits = await groupServing('39049', ['health_care'])
    const nothingFits = await groupServing('06037', ['education'])
    const opened = (days: number) => new Date(now.getTime() - days * DAY)
    const inCounty = await createOpenProgram({
      opensAt: opened(2),
      eligibleCountyFips: ['39049'],
      sdohDomains: ['health_care', 'food'],
    })
    const inState = await createOpenProgram({
      opensAt: opened(3),
      eligibleStates: ['Ohio'],
      sdohDomains: ['health_care'],
    })
    // Not fitting: another state; no overlap of focus; opened too long ago.
    await createOpenProgram({
      opensAt: opened(1),
      eligibleStates: ['Texas'],
      sdohDomains: ['health_care'],
    })
    await createOpenProgram({
      opensAt: opened(1),
      eligibleCountyFips: ['39049'],
      sdohDomains: ['food'],
    })
    await createOpenProgram({
      opensAt: opened(10),
      eligibleCountyFips: ['39049'],
      sdohDomains: ['health_care'],
    })

    const at = now.toISOString()
    // Other tests' groups in this database may fit too; these two are the ones looked at.
    expect(await runJobNow(PROGRAMS_DIGEST_JOB, { at })).toMatchObject({
      groups: expect.any(Number),
    })
    expect(await runJobNow(PROGRAMS_DIGEST_JOB, { at })).toEqual({ groups: 0 })
    const [owner] = await membersOf(db(), [fits])
    const digests = await db()
      .select()
      .from(notifications)
      .where(
        and(eq(notifications.kind, 'programs-digest'), eq(notifications.userId, owner!.userId)),
      )
    expect(digests).toHaveLength(1)
    expect(digests[0]).toMatchObject({ eventKey: `${fits}:${weekOf(now)}`, link: '/programs' })
    expect(digests[0]?.data).toMatchObject({ count: 2 })
    const listed = JSON.parse(String(digests[0]?.data.programs)) as { slug: string }[]
    expect(listed.map((p) => p.slug).sort()).toEqual(
      [inCounty.program.slug, inState.program.slug].sort(),
    )
    const all = await db()
      .select()
      .from(notifications)
      .where(eq(notifications.kind, 'programs-digest'))
    expect(all.some((d) => d.eventKey.startsWith(nothingFits))).toBe(false)
  })
})

describe('mail', () => {
  const mailsTo = (address: string) =>
    db().select().from(mailMessages).where(eq(mailMessages.toAddress, address))

  it('mails a notification by the person’s choice, once per event, with the kind’s template and key', async () => {
    const { group, funder, actor, application } = await groupAndProgram()
    const quiet = await addUserToOrg(group, 'member')
    await savePreferences(quiet.id, { 'application-submitted': false })
    const version = await completeDraft(actor, application.id)
    const loaded = await loadApplicationFor(application.id, actor.id)
    expect(await submitApplication(actor, loaded!, version)).toEqual({ ok: true })

    const [mail] = await mailsTo(group.owner.email)
    expect(mail).toMatchObject({
      kind: 'application-submitted',
      idempotencyKey: `application-submitted:${application.id}:${group.owner.id}`,
      status: 'queued',
    })
    expect(mail?.text).toContain(funder.program.title)
    expect(mail?.text).toContain(`/applications/${application.id}`)
    expect(mail?.text).toContain('/account/notifications')
    expect(await mailsTo(quiet.email)).toEqual([])
    expect(await kindsOf(quiet.id)).toEqual(['application-submitted'])
    const [officer] = await mailsTo(funder.owner.email)
    expect(officer).toMatchObject({ kind: 'application-received' })
  })

  it('security notices are mailed whatever the choice; an invitation reaches an address without an account', async () => {
    const user = await createUser()
    await db().transaction((tx) =>
      notify(tx, { kind: 'password-changed', userId: user.id, data: {}, eventKey: 'mail-1' }),
    )
    const [notice] = await mailsTo(user.email)
    expect(notice).toMatchObject({ kind: 'password-changed' })
    expect(notice?.text).not.toContain('/account/notifications')

    const group = await createOrgWithOwner()
    const token = await inviteToOrg(group, 'newcomer@example.test')
    const [invitation] = await mailsTo('newcomer@example.test')
    expect(invitation).toMatchObject({ kind: 'invitation', language: 'en' })
    expect(invitation?.text).toContain(`/invitations/${token}`)
    expect(invitation?.text).toContain(group.org.name)
  })

  it('a reminder run twice mails once, naming the closing day and time in the program’s zone', async () => {
    // Friday 5 December 2031, 5 pm in Chicago. The job runs 5.2 days before: a count of days
    // rounded up used to read "closes in 6 days".
    const closesAt = new Date('2031-12-05T23:00:00Z')
    const funder = await createOpenProgram({ closesAt })
    const draft = await createApplicationRow(funder.program.id, { status: 'draft' })
    const [member] = await membersOf(db(), [draft.organizationId])
    const at = new Date(closesAt.getTime() - 5.2 * DAY).toISOString()
    await runJobNow(DEADLINE_REMINDERS_JOB, { at })
    await runJobNow(DEADLINE_REMINDERS_JOB, { at })
    const mails = await db()
      .select()
      .from(mailMessages)
      .where(eq(mailMessages.userId, member!.userId))
    expect(mails.map((m) => m.idempotencyKey)).toEqual([
      `deadline-reminder:${draft.id}:7d:${member!.userId}`,
    ])
    const title = funder.program.title
    expect(mails[0]?.subject).toBe(
      `${title} closes on Friday, December 5: your application is still a draft`,
    )
    // Intl separates "5:00" and "PM" with a narrow no-break space; read it as a space.
    const words = (text: string) => text.replace(/\s+/g, ' ')
    expect(words(mails[0]!.text)).toContain(
      `${title} closes on Friday, December 5 at 5:00 PM (America/Chicago), and your group's application is still a draft.`,
    )
    expect(words(mails[0]!.text)).not.toMatch(/\bdays?\b/)

    // Under the bell, in the reader's language.
    const shown = async (reader: 'en' | 'es') => {
      const { items } = await listNotifications(member!.userId, reader)
      return words(translateMessage(fixedT(reader), items[0]!.message))
    }
    expect(await shown('en')).toBe(
      `${title} closes on Friday, December 5 at 5:00 PM (America/Chicago), and your group's application is still a draft.`,
    )
    expect(await shown('es')).toBe(
      `${title} cierra el viernes, 5 de diciembre, 5:00 p.m. (America/Chicago) y la solicitud de su grupo sigue en borrador.`,
    )
  })
})
