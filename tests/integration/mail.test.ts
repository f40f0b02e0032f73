import { type AddressInfo } from 'node:net'
import { eq } from 'drizzle-orm'
import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer } from 'smtp-server'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { currentDatabase, db, transactionSql, type SqlExecutor } from '#db/client.server.ts'
import { mailMessages } from '#db/schema/index.ts'
import { appOrigin, forgetEnv } from '#app/config/env.server.ts'
import {
  runJobNow,
  scheduleJob,
  startJobQueue,
  stopJobQueue,
} from '#app/services/jobs/job-queue.server.ts'
import { defineAllJobs } from '#app/services/jobs/jobs.server.ts'
import {
  SEND_MAIL_JOB,
  SENDING_STALE_MINUTES,
  deliverMail,
  messageIdFor,
  queueMail,
  renderMail,
  sweepMail,
} from '#app/services/mail/mail.server.ts'
import { notifyPasswordChanged } from '#app/services/notifications/notification-events.server.ts'
import { createUser } from '#tests/support/factories.ts'
import { withTestDatabase } from '#tests/support/database.ts'
import { eventually } from '#tests/support/eventually.ts'

withTestDatabase()
beforeAll(() => defineAllJobs())

const rowOf = async (id: string) =>
  (await db().select().from(mailMessages).where(eq(mailMessages.id, id)))[0]!

let counter = 0
/** Queues a verification mail in a transaction of its own, as a service would. */
async function queueOne(key = `test-event-${++counter}`, to = 'ana@example.org') {
  const user = await createUser()
  return db().transaction((tx) =>
    queueMail(tx, {
      to,
      userId: user.id,
      kind: 'verify-email',
      language: 'es',
      data: { name: 'Ana', path: '/verify-email/abc' },
      idempotencyKey: key,
    }),
  )
}

/**
 * A mail row written without its job, as one queued where no queue ran (a script) is: only the
 * sweep, or a test's own job, delivers it.
 */
async function writeWithoutJob(key: string, to = 'ana@example.org', createdAt = new Date()) {
  const rendered = await renderMail('verify-email', 'es', {
    name: 'Ana',
    path: '/verify-email/abc',
  })
  const [row] = await db()
    .insert(mailMessages)
    .values({
      idempotencyKey: key,
      toAddress: to,
      kind: 'verify-email',
      language: 'es',
      createdAt,
      ...rendered,
    })
    .returning({ id: mailMessages.id })
  return row!.id
}

/** The send-mail jobs pg-boss holds for a message, whatever their state. */
async function jobsFor(messageId: string, on: SqlExecutor = currentDatabase()!.sql) {
  const { rows } = await on.executeSql(
    `SELECT state FROM pgboss.job WHERE name = $1 AND data->>'messageId' = $2`,
    [SEND_MAIL_JOB, messageId],
  )
  return rows as { state: string }[]
}

async function sendMailJobCount() {
  const { rows } = await currentDatabase()!.sql.executeSql(
    `SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1`,
    [SEND_MAIL_JOB],
  )
  return (rows[0] as { n: number }).n
}

describe('the outbox (no SMTP configured)', () => {
  it('writes the rendered mail in the caller’s transaction, in the recipient’s language', async () => {
    const id = await queueOne()
    const row = await rowOf(id!)
    expect(row).toMatchObject({
      status: 'queued',
      attempts: 0,
      kind: 'verify-email',
      language: 'es',
    })
    expect(row.subject).toBe('Confirme su correo electrónico')
    expect(row.text).toContain(`${appOrigin()}/verify-email/abc`)
    expect(row.html).toContain(`href="${appOrigin()}/verify-email/abc"`)
  })

  it('writes nothing when the caller’s transaction rolls back', async () => {
    const key = 'rolled-back-event'
    await db()
      .transaction(async (tx) => {
        await queueMail(tx, {
          to: 'x@example.org',
          kind: 'verify-email',
          language: 'en',
          data: { name: 'X', path: '/verify-email/x' },
          idempotencyKey: key,
        })
        throw new Error('the event failed')
      })
      .catch(() => {})
    expect(
      await db().select().from(mailMessages).where(eq(mailMessages.idempotencyKey, key)),
    ).toEqual([])
  })

  it('keeps one mail per idempotency key, however often the event is replayed', async () => {
    const first = await queueOne('same-event')
    const second = await queueOne('same-event')
    expect(first).not.toBeNull()
    expect(second).toBeNull()
    const rows = await db()
      .select()
      .from(mailMessages)
      .where(eq(mailMessages.idempotencyKey, 'same-event'))
    expect(rows).toHaveLength(1)
  })

  it('the send job captures the mail for the development outbox, once', async () => {
    const id = (await queueOne())!
    expect(await runJobNow(SEND_MAIL_JOB, { messageId: id })).toEqual({ captured: true })
    expect(await runJobNow(SEND_MAIL_JOB, { messageId: id })).toEqual({ skipped: true })
    const row = await rowOf(id)
    expect(row).toMatchObject({ status: 'captured', attempts: 1, lastError: null })
    expect(row.sentAt).toBeInstanceOf(Date)
  })

  it('a row another job is sending is left to it, until that claim is stale (the job died)', async () => {
    const id = await writeWithoutJob('claimed-event')
    const claim = (minutesAgo: number) =>
      db()
        .update(mailMessages)
        .set({ status: 'sending', claimedAt: new Date(Date.now() - minutesAgo * 60_000) })
        .where(eq(mailMessages.id, id))
    await claim(1)
    expect(await runJobNow(SEND_MAIL_JOB, { messageId: id })).toEqual({ skipped: true })
    expect((await sweepMail()).queued).toBe(0)
    await claim(SENDING_STALE_MINUTES + 1)
    expect(await runJobNow(SEND_MAIL_JOB, { messageId: id })).toEqual({ captured: true })
  })
})

describe('the queue delivers', () => {
  beforeAll(async () => {
    defineAllJobs()
    await startJobQueue(currentDatabase()!, { pollingIntervalSeconds: 0.5, schedules: false })
  })
  afterAll(() => stopJobQueue())

  it('a mail is queued with its job in the same transaction and delivered once it commits', async () => {
    const id = (await queueOne())!
    // No deliverMail, no sweep (schedules are off): the job written with the row does it.
    expect(await jobsFor(id)).toHaveLength(1)
    expect(await eventually(async () => (await rowOf(id)).status === 'captured')).toBe(true)
  })

  it('an event’s notification mail goes out at once, without the sweep', async () => {
    const user = await createUser()
    await db().transaction((tx) => notifyPasswordChanged(tx, user.id, 'prompt-event'))
    const [mail] = await db().select().from(mailMessages).where(eq(mailMessages.userId, user.id))
    expect(mail).toMatchObject({ kind: 'password-changed' })
    expect(await eventually(async () => (await rowOf(mail!.id)).status === 'captured')).toBe(true)
  })

  it('a rolled-back event leaves no mail and no job, and sends nothing', async () => {
    const user = await createUser()
    const jobsBefore = await sendMailJobCount()
    let queuedId: string | null = null
    await db()
      .transaction(async (tx) => {
        await notifyPasswordChanged(tx, user.id, 'failed-event')
        queuedId = await queueMail(tx, {
          to: user.email,
          userId: user.id,
          kind: 'verify-email',
          language: 'en',
          data: { name: 'X', path: '/verify-email/x' },
          idempotencyKey: 'rolled-back-with-queue',
        })
        // The job is written in the transaction (where no worker sees it until commit).
        expect(await jobsFor(queuedId!, transactionSql(tx))).toHaveLength(1)
        throw new Error('the event failed')
      })
      .catch(() => {})
    expect(queuedId).not.toBeNull()
    expect(await db().select().from(mailMessages).where(eq(mailMessages.userId, user.id))).toEqual(
      [],
    )
    expect(await sendMailJobCount()).toBe(jobsBefore)
  })

  it('the sweep queues a mail written without its job (no queue ran where it was written)', async () => {
    // Written two minutes ago and never handed to the queue.
    const id = await writeWithoutJob(
      'swept-event',
      'ana@example.org',
      new Date(Date.now() - 2 * 60_000),
    )
    const fresh = await writeWithoutJob('fresh-event')
    expect((await sweepMail()).queued).toBeGreaterThanOrEqual(1)
    expect(await eventually(async () => (await rowOf(id)).status === 'captured')).toBe(true)
    // A mail written a moment ago is left alone for a minute.
    expect((await rowOf(fresh)).status).toBe('queued')
  })
})

describe('through SMTP (a local SMTP server started by the test)', () => {
  const received: { envelope: { from: string; to: string[] }; mail: ParsedMail }[] = []
  let refuse = false
  let server: SMTPServer

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (refuse) {
          const err = Object.assign(new Error('Mailbox unavailable, try later'), {
            responseCode: 450,
          })
          return callback(err)
        }
        callback()
      },
      onData(stream, session, callback) {
        simpleParser(stream)
          .then((mail) => {
            received.push({
              envelope: {
                from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
                to: session.envelope.rcptTo.map((r) => r.address),
              },
              mail,
            })
            callback()
          })
          .catch(callback)
      },
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.server.address() as AddressInfo
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`
    process.env.MAIL_FROM = 'Commons Fund <hello@commons.example>'
    forgetEnv()
    defineAllJobs()
    await startJobQueue(currentDatabase()!, { pollingIntervalSeconds: 0.5, schedules: false })
  })
  afterEach(() => {
    refuse = false
  })
  afterAll(async () => {
    await stopJobQueue()
    delete process.env.SMTP_URL
    delete process.env.MAIL_FROM
    forgetEnv()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  })

  it('sends subject, sender, recipient, both parts and a Message-ID from the idempotency key', async () => {
    const id = (await queueOne('smtp-event', 'rosa@example.org'))!
    // Its own job sends it once the transaction commits.
    expect(await eventually(async () => (await rowOf(id)).status === 'sent')).toBe(true)
    expect(await runJobNow(SEND_MAIL_JOB, { messageId: id })).toEqual({ skipped: true })
    const got = received.find((r) => r.envelope.to.includes('rosa@example.org'))!
    expect(got.mail.subject).toBe('Confirme su correo electrónico')
    expect(got.envelope.from).toBe('hello@commons.example')
    expect(got.mail.from?.value).toEqual([
      { name: 'Commons Fund', address: 'hello@commons.example' },
    ])
    expect(got.mail.to && 'text' in got.mail.to ? got.mail.to.text : '').toBe('rosa@example.org')
    expect(got.mail.text).toContain(`${appOrigin()}/verify-email/abc`)
    expect(got.mail.html).toContain(`href="${appOrigin()}/verify-email/abc"`)
    expect(got.mail.messageId).toBe(messageIdFor({ idempotencyKey: 'smtp-event' }))
    expect(await rowOf(id)).toMatchObject({ status: 'sent', attempts: 1 })
  })

  it('a refusing server marks the row failed with its reply, and pg-boss retries until it is sent', async () => {
    refuse = true
    const id = await writeWithoutJob('refused-event', 'late@example.org')
    // The real policy waits 30 s and doubles; the test's job retries after 1 s.
    await scheduleJob(
      SEND_MAIL_JOB,
      { messageId: id },
      { singletonKey: id, retry: { limit: 5, delaySeconds: 1 } },
    )
    const failedTwice = await eventually(async () => {
      const row = await rowOf(id)
      return row.status === 'failed' && row.attempts >= 2 ? row : null
    })
    expect(failedTwice).toBeTruthy()
    expect(failedTwice!.lastError).toMatch(/Mailbox unavailable/)
    refuse = false
    const sent = await eventually(async () =>
      (await rowOf(id)).status === 'sent' ? rowOf(id) : null,
    )
    expect(sent).toMatchObject({ status: 'sent', lastError: null })
    expect(sent!.attempts).toBeGreaterThanOrEqual(3)
    expect(received.filter((r) => r.envelope.to.includes('late@example.org'))).toHaveLength(1)
  }, 30_000)

  it('the same idempotency key queued twice gives one row and one delivered mail', async () => {
    const first = await queueOne('twice-event', 'twice@example.org')
    const second = await queueOne('twice-event', 'twice@example.org')
    await deliverMail([first, second])
    // A stray second job for the same message (a sweep) delivers nothing more.
    await runJobNow(SEND_MAIL_JOB, { messageId: first! })
    await eventually(async () => (await rowOf(first!)).status === 'sent')
    await new Promise((r) => setTimeout(r, 1500))
    expect(received.filter((r) => r.envelope.to.includes('twice@example.org'))).toHaveLength(1)
    expect(
      await db().select().from(mailMessages).where(eq(mailMessages.idempotencyKey, 'twice-event')),
    ).toHaveLength(1)
  })
})
