import { randomBytes, randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { lutimes, mkdir, symlink, utimes, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { currentDatabase, db } from '#db/client.server.ts'
import {
  auditLog,
  invitations,
  mailMessages,
  memberships,
  notifications,
  programs,
  sessions,
  throttles,
  type Program,
} from '#db/schema/index.ts'
import type { ProgramDetailsInput } from '#app/schemas/programs/program.ts'
import { env } from '#app/config/env.server.ts'
import { CLEAN_UP_JOB, MAIL_KEPT_DAYS } from '#app/services/jobs/clean-up.server.ts'
import {
  runJobNow,
  scheduledJobNames,
  startJobQueue,
  stopJobQueue,
} from '#app/services/jobs/job-queue.server.ts'
import { defineAllJobs } from '#app/services/jobs/jobs.server.ts'
import {
  CLOSE_OVERDUE_PROGRAMS_JOB,
  CLOSE_PROGRAM_JOB,
  closeOverduePrograms,
  scheduleProgramClose,
} from '#app/services/programs/program-deadlines.server.ts'
import { openProgram, updateProgramDetails } from '#app/services/programs/programs.server.ts'
import { addDays } from '#app/domain/grants/schedule.ts'
import { programToday } from '#app/services/grants/grant-access.server.ts'
import { GRANT_REPORT_REMINDERS_JOB } from '#app/services/grants/grant-reminders.server.ts'
import { saveMilestone } from '#app/services/grants/grant-schedule.server.ts'
import { createOpenProgram, createOrgWithOwner } from '#tests/support/factories.ts'
import { withTestDatabase } from '#tests/support/database.ts'
import { awardedGrant } from '#tests/support/grants.ts'
import { eventually } from '#tests/support/eventually.ts'

const database = withTestDatabase()

beforeAll(async () => {
  defineAllJobs()
  // Schedules off: the test decides when the periodic jobs run (runJobNow); workers poll fast.
  await startJobQueue(currentDatabase()!, { pollingIntervalSeconds: 0.5, schedules: false })
})
afterAll(() => stopJobQueue())

const MINUTE = 60_000

const statusOf = async (programId: string) =>
  (await db().select().from(programs).where(eq(programs.id, programId)))[0]?.status

const closedAudits = (programId: string) =>
  db()
    .select({ action: auditLog.action, actor: auditLog.actorUserId, details: auditLog.details })
    .from(auditLog)
    .where(and(eq(auditLog.entityId, programId), eq(auditLog.action, 'program.closed')))

interface QueuedJob {
  state: string
  start_after: Date | string
}

async function queuedCloses(programId: string): Promise<QueuedJob[]> {
  const { rows } = await currentDatabase()!.sql.executeSql(
    `SELECT state, start_after FROM pgboss.job WHERE name = $1 AND singleton_key = $2 ORDER BY created_on`,
    [CLOSE_PROGRAM_JOB, programId],
  )
  return rows as QueuedJob[]
}

/** What the program's details form would send back unchanged. */
const detailsOf = (p: Program): ProgramDetailsInput => ({
  title: p.title,
  description: p.description,
  eligibility: p.eligibility,
  placeServed: p.placeServed,
  contentLanguage: p.contentLanguage === 'es' ? 'es' : 'en',
  titleTranslation: p.titleTranslation,
  descriptionTranslation: p.descriptionTranslation,
  eligibilityTranslation: p.eligibilityTranslation,
  eligibleStates: p.eligibleStates,
  eligibleCountyFips: p.eligibleCountyFips,
  eligibleCountyFipsText: p.eligibleCountyFips.join(', '),
  sdohDomains: p.sdohDomains as ProgramDetailsInput['sdohDomains'],
  timeZone: p.timeZone,
  opensAt: p.opensAt,
  closesAt: p.closesAt,
  budget: p.budgetMinor,
  minAward: p.minAwardMinor,
  maxAward: p.maxAwardMinor,
  allowSkillRequests: p.allowSkillRequests,
  reviewersPerApplication: p.reviewersPerApplication,
  blindReview: p.blindReview,
  communityReviewerWeight: p.communityReviewerWeight,
  showScoresAfterSubmit: p.showScoresAfterSubmit,
  reviewsDueAt: p.reviewsDueAt,
})

describe('jobs fired by their schedules', () => {
  // pg-boss fires a cron slot as a job with null data; the hourly deadline reminder and the weekly
  // digest once read `data.at` from it and failed on every slot.
  it('each scheduled job runs to completion from a job with no data, as a cron slot sends it', async () => {
    const boss = await startJobQueue(currentDatabase()!)
    // What pg-boss's scheduler sends; its types ask for an object.
    const NO_DATA = null as unknown as object
    const names = scheduledJobNames()
    expect(names.length).toBeGreaterThanOrEqual(5)
    const sent = await Promise.all(
      names.map(async (name) => [name, await boss.send(name, NO_DATA)]),
    )
    const states = async () => {
      const { rows } = await currentDatabase()!.sql.executeSql(
        `SELECT name, state FROM pgboss.job WHERE id = ANY($1::uuid[]) ORDER BY name`,
        [sent.map(([, id]) => id)],
      )
      return rows as { name: string; state: string }[]
    }
    const done = await eventually(async () =>
      (await states()).every((row) => row.state === 'completed'),
    )
    expect(done, JSON.stringify(await states())).toBe(true)
  })
})

describe('grant report reminders', () => {
  it('the daily job tells the group once that a report is due soon and once that one is overdue', async () => {
    const { s, application, grantId, officer } = await awardedGrant()
    const today = await programToday(db(), s.program.timeZone)
    const due = await saveMilestone(officer, grantId, {
      dueOn: addDays(today, 3),
      title: 'Midway report',
      ask: '',
    })
    const late = await saveMilestone(officer, grantId, {
      dueOn: addDays(today, -2),
      title: 'First-month report',
      ask: '',
    })
    if (!due.ok || !late.ok) throw new Error('milestones not saved')
    const [member] = await db()
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(eq(memberships.organizationId, application.organizationId))
    const told = async () =>
      (
        await db()
          .select({ kind: notifications.kind, data: notifications.data })
          .from(notifications)
          .where(eq(notifications.userId, member!.userId))
      )
        .map((n) => `${n.kind} ${(n.data as { milestone: string }).milestone}`)
        .sort()

    await expect(runJobNow(GRANT_REPORT_REMINDERS_JOB, {})).resolves.toEqual({ due: 1, overdue: 1 })
    await expect(runJobNow(GRANT_REPORT_REMINDERS_JOB, {})).resolves.toEqual({ due: 0, overdue: 0 })
    expect(await told()).toEqual([
      'grant-report-due Midway report',
      'grant-report-overdue First-month report',
    ])

    // The midway report moved to another day (still soon): it is owed a reminder of that day.
    await saveMilestone(officer, grantId, {
      milestoneId: due.milestoneId,
      dueOn: addDays(today, 5),
      title: 'Midway report',
      ask: '',
    })
    await expect(runJobNow(GRANT_REPORT_REMINDERS_JOB, {})).resolves.toEqual({ due: 1, overdue: 0 })
    await expect(runJobNow(GRANT_REPORT_REMINDERS_JOB, {})).resolves.toEqual({ due: 0, overdue: 0 })
    expect(await told()).toEqual([
      'grant-report-due Midway report',
      'grant-report-due Midway report',
      'grant-report-overdue First-month report',
    ])
  })
})

describe('closing programs at their deadline', () => {
  it('opening a program queues its close, which pg-boss runs at the deadline, once', async () => {
    const funder = await createOrgWithOwner('funder')
    const s = await createOpenProgram(
      { status: 'draft', opensAt: null, closesAt: new Date(Date.now() + 1500) },
      funder,
    )
    const opened = await openProgram(
      { id: s.owner.id, ip: null, organizationId: s.org.id },
      s.program.id,
    )
    expect(opened, JSON.stringify(opened)).toMatchObject({ ok: true })
    expect(await queuedCloses(s.program.id)).toMatchObject([{ state: 'created' }])

    expect(await eventually(async () => (await statusOf(s.program.id)) === 'closed')).toBe(true)
    expect(await closedAudits(s.program.id)).toEqual([
      {
        action: 'program.closed',
        actor: null,
        details: expect.objectContaining({ reason: 'deadline' }),
      },
    ])
    expect(
      await eventually(async () => (await queuedCloses(s.program.id))[0]?.state === 'completed'),
    ).toBe(true)
  })

  it('moving the deadline replaces the queued close instead of adding one', async () => {
    const s = await createOpenProgram()
    const later = new Date(Date.now() + 10 * 86_400_000)
    await scheduleProgramClose(s.program)
    await scheduleProgramClose({ ...s.program, closesAt: later }, s.program.closesAt)
    const queued = await queuedCloses(s.program.id)
    expect(queued.filter((job) => job.state === 'created')).toHaveLength(1)
    expect(queued).toMatchObject([
      { state: 'cancelled', start_after: s.program.closesAt },
      { state: 'created', start_after: later },
    ])
  })

  it('a rescheduled deadline closes the program at the new time, and the old close never runs', async () => {
    const funder = await createOrgWithOwner('funder')
    const s = await createOpenProgram({ closesAt: new Date(Date.now() + 86_400_000) }, funder)
    const actor = { id: s.owner.id, ip: null, organizationId: s.org.id }
    await scheduleProgramClose(s.program)
    // Moved earlier through the funder's own form: the close queued for the old deadline goes.
    const soon = new Date(Date.now() + 1500)
    const moved = await updateProgramDetails(actor, s.program.id, {
      ...detailsOf(s.program),
      closesAt: soon,
    })
    expect(moved, JSON.stringify(moved)).toMatchObject({ ok: true })
    expect(await eventually(async () => (await statusOf(s.program.id)) === 'closed')).toBe(true)
    expect(await closedAudits(s.program.id)).toEqual([
      expect.objectContaining({
        details: { reason: 'deadline', closesAt: soon.toISOString() },
      }),
    ])
    const jobs = await eventually(async () => {
      const queued = await queuedCloses(s.program.id)
      return queued.every((job) => ['cancelled', 'completed'].includes(job.state)) && queued
    })
    expect(jobs).toMatchObject([
      { state: 'cancelled', start_after: s.program.closesAt },
      { state: 'completed', start_after: soon },
    ])
  })

  it('a close that comes early (deadline moved later) closes nothing and queues itself again', async () => {
    const s = await createOpenProgram()
    await expect(runJobNow(CLOSE_PROGRAM_JOB, { programId: s.program.id })).resolves.toEqual({
      closed: false,
    })
    expect(await statusOf(s.program.id)).toBe('open')
    const queued = await queuedCloses(s.program.id)
    expect(queued).toHaveLength(1)
    expect(new Date(queued[0]!.start_after).getTime()).toBe(s.program.closesAt!.getTime())
  })

  it('the minute sweep closes every overdue open program and nothing else', async () => {
    const past = new Date(Date.now() - 1000)
    const a = await createOpenProgram({ closesAt: past })
    const b = await createOpenProgram({ closesAt: past })
    const later = await createOpenProgram()
    const draft = await createOpenProgram({ status: 'draft', closesAt: past })
    await expect(runJobNow(CLOSE_OVERDUE_PROGRAMS_JOB, {})).resolves.toEqual({ closed: 2 })
    expect(await statusOf(a.program.id)).toBe('closed')
    expect(await statusOf(b.program.id)).toBe('closed')
    expect(await statusOf(later.program.id)).toBe('open')
    expect(await statusOf(draft.program.id)).toBe('draft')
    expect(await closedAudits(a.program.id)).toHaveLength(1)
    await expect(runJobNow(CLOSE_OVERDUE_PROGRAMS_JOB, {})).resolves.toEqual({ closed: 0 })
  })

  it('two processes sweeping at once close each program once', async ({ skip }) => {
    // PGlite has one connection, so the two sweeps would run one after the other.
    if (database.driver !== 'pg') skip('needs concurrent connections (PostgreSQL)')
    const overdue = await createOpenProgram({ closesAt: new Date(Date.now() - 1000) })
    const results = await Promise.all(Array.from({ length: 4 }, () => closeOverduePrograms()))
    expect(results.reduce((n, r) => n + r.closed, 0)).toBe(1)
    expect(await closedAudits(overdue.program.id)).toHaveLength(1)
  })
})

describe('deleting expired records', () => {
  it('deletes ended sessions, stale throttles and long-expired invitations, keeping live ones', async () => {
    const { owner, org } = await createOrgWithOwner()
    const tag = randomBytes(4).toString('hex')
    const live = { id: `live-${tag}`, userId: owner.id, expiresAt: new Date(Date.now() + MINUTE) }
    const ended = { id: `ended-${tag}`, userId: owner.id, expiresAt: new Date(Date.now() - MINUTE) }
    await db().insert(sessions).values([live, ended])
    const old = new Date(Date.now() - 2 * 86_400_000)
    await db()
      .insert(throttles)
      .values([
        { kind: 'login-ip', key: `ip:stale-${tag}`, attempts: 3, windowStartedAt: old },
        { kind: 'login-ip', key: `ip:recent-${tag}`, attempts: 3, windowStartedAt: new Date() },
        {
          kind: 'login-email',
          key: `email:locked-${tag}`,
          attempts: 0,
          windowStartedAt: old,
          lockedUntil: new Date(Date.now() + MINUTE),
        },
      ])
    const invitation = (days: number, accepted = false) => ({
      organizationId: org.id,
      email: `${randomBytes(4).toString('hex')}@example.test`,
      role: 'member' as const,
      tokenHash: randomBytes(16).toString('hex'),
      expiresAt: new Date(Date.now() + days * 86_400_000),
      acceptedAt: accepted ? new Date(Date.now() - 50 * 86_400_000) : null,
      acceptedByUserId: accepted ? owner.id : null,
    })
    const [longExpired, recentlyExpired, pending, accepted] = await db()
      .insert(invitations)
      .values([invitation(-40), invitation(-1), invitation(7), invitation(-40, true)])
      .returning({ id: invitations.id })

    const result = await runJobNow(CLEAN_UP_JOB, {})
    expect(result).toMatchObject({ sessions: 1, throttles: 1, invitations: 1 })

    const sessionIds = (await db().select({ id: sessions.id }).from(sessions)).map((r) => r.id)
    expect(sessionIds).toContain(live.id)
    expect(sessionIds).not.toContain(ended.id)
    const keys = (await db().select({ key: throttles.key }).from(throttles)).map((r) => r.key)
    expect(keys).toEqual(expect.arrayContaining([`ip:recent-${tag}`, `email:locked-${tag}`]))
    expect(keys).not.toContain(`ip:stale-${tag}`)
    const left = (await db().select({ id: invitations.id }).from(invitations)).map((r) => r.id)
    expect(left).toEqual(expect.arrayContaining([recentlyExpired!.id, pending!.id, accepted!.id]))
    expect(left).not.toContain(longExpired!.id)
  })
})

describe('mail retention', () => {
  it('deletes mails done with for longer than the retention, keeping recent and undelivered ones', async () => {
    const day = 86_400_000
    const mail = (key: string, status: string, daysAgo: number) => ({
      idempotencyKey: `${key}-${randomUUID()}`,
      toAddress: 'kept@example.org',
      kind: 'verify-email',
      language: 'en',
      subject: 'Subject',
      html: '<p>Hi</p>',
      text: 'Hi',
      status: status as 'sent',
      createdAt: new Date(Date.now() - daysAgo * day),
    })
    const rows = await db()
      .insert(mailMessages)
      .values([
        mail('old-sent', 'sent', MAIL_KEPT_DAYS + 1),
        mail('old-captured', 'captured', MAIL_KEPT_DAYS + 1),
        mail('old-failed', 'failed', MAIL_KEPT_DAYS + 1),
        mail('recent-sent', 'sent', MAIL_KEPT_DAYS - 1),
        // Not delivered yet, however old: the sweep's to deliver, not the clean-up's to drop.
        mail('old-queued', 'queued', MAIL_KEPT_DAYS + 1),
        mail('old-sending', 'sending', MAIL_KEPT_DAYS + 1),
      ])
      .returning({ id: mailMessages.id, key: mailMessages.idempotencyKey })

    const result = await runJobNow(CLEAN_UP_JOB, {})
    expect(result).toMatchObject({ mails: 3 })
    const left = new Set(
      (await db().select({ id: mailMessages.id }).from(mailMessages)).map((r) => r.id),
    )
    const kept = rows.filter((r) => left.has(r.id)).map((r) => r.key.replace(/-[0-9a-f-]{36}$/, ''))
    expect(kept.sort()).toEqual(['old-queued', 'old-sending', 'recent-sent'])
  })
})

describe('temporary upload files left by a crash', () => {
  it('the clean-up job removes only our upload files untouched for a while', async () => {
    const folder = path.resolve(env().DATA_DIR, 'tmp')
    await mkdir(folder, { recursive: true })
    const plant = async (name: string, minutesAgo: number) => {
      const file = path.join(folder, name)
      await writeFile(file, 'partial upload')
      const when = new Date(Date.now() - minutesAgo * MINUTE)
      await utimes(file, when, when)
      return file
    }
    const crashed = await plant(`upload-${randomUUID()}`, 60)
    const inFlight = await plant(`upload-${randomUUID()}`, 0)
    const notOurs = await plant(`notes-${randomUUID()}.txt`, 60)
    const outside = await plant(`kept-${randomUUID()}`, 60)
    // Named like ours and old, but a link: removing it is not ours to decide.
    const link = path.join(folder, `upload-${randomUUID()}`)
    await symlink(outside, link)
    const old = new Date(Date.now() - 60 * MINUTE)
    await lutimes(link, old, old)

    const result = await runJobNow(CLEAN_UP_JOB, {})
    expect(result).toMatchObject({ uploadLeftovers: 1 })
    expect(existsSync(crashed)).toBe(false)
    for (const kept of [inFlight, notOurs, outside, link]) expect(existsSync(kept)).toBe(true)
  })
})
