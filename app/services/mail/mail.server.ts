import { createHash } from 'node:crypto'
import type { ReactElement } from 'react'
import { plainTextSelectors, render } from '@react-email/render'
import { and, eq, inArray, lt, or, sql } from 'drizzle-orm'
import { compile } from 'html-to-text'
import nodemailer, { type Transporter } from 'nodemailer'
import { db, transactionSql, type Tx } from '#db/client.server.ts'
import { mailMessages, type MailMessage } from '#db/schema/index.ts'
import { appOrigin, env, mailFrom } from '#app/config/env.server.ts'
import type { Language } from '#app/lib/i18n/config.ts'
import {
  scheduleJob,
  scheduleJobs,
  type JobDefinition,
} from '#app/services/jobs/job-queue.server.ts'
import { fixedT } from '#app/services/translations.server.ts'
import type { MailContext } from './template.ts'
import { MAIL_TEMPLATES, type MailData, type MailKind } from './templates/index.ts'

/**
 * The mail channel (docs/decisions/016-mail.md). `queueMail` renders a mail in the recipient's
 * language and writes it, with its `send-mail` job, in the caller's transaction (the outbox): a
 * worker takes the job as soon as the transaction commits and hands the mail to SMTP (SMTP_URL)
 * or, with none configured, marks it captured for the development outbox. A sweep queues whatever
 * was written without a job (no queue running in that process). The idempotency key names the
 * event: one event, one mail, ever.
 */

export const SEND_MAIL_JOB = 'send-mail'
export const SWEEP_MAIL_JOB = 'mail-sweep'

/** Retries of a failed delivery: 30 s, 1, 2, 4, 8, 16 min (pg-boss's back-off), then failed. */
export const MAIL_RETRY = { limit: 6, delaySeconds: 30, backoff: true } as const

export function mailContext(language: Language): MailContext {
  const origin = appOrigin()
  return { t: fixedT(language), language, url: (path) => new URL(path, origin).href }
}

export interface RenderedMail {
  subject: string
  html: string
  text: string
}

/**
 * The plain-text part, from the rendered HTML with react-email's own text rules: compiled once
 * (its `plainText` option renders the mail a second time and compiles the rules on every call,
 * a sixth of the work of a settled gift's webhook, bench/stripe-webhooks-http.ts).
 */
const toText = compile({ wordwrap: false, selectors: plainTextSelectors })

/** A mail of `kind` in `language`, as the recipient will read it. */
export async function renderMail<K extends MailKind>(
  kind: K,
  language: Language,
  data: MailData<K>,
): Promise<RenderedMail> {
  const template = MAIL_TEMPLATES[kind] as unknown as {
    subject(c: MailContext, d: MailData<K>): string
    body(c: MailContext, d: MailData<K>): ReactElement
  }
  const context = mailContext(language)
  const element = template.body(context, data)
  const html = await render(element)
  return { subject: template.subject(context, data), html, text: toText(html) }
}

export interface QueueMailInput<K extends MailKind> {
  to: string
  userId?: string | null
  kind: K
  language: Language
  data: MailData<K>
  /** Names the event ("verify-email:<token id>"): a second call with it adds nothing. */
  idempotencyKey: string
}

/**
 * Renders the mail and writes it in the caller's transaction, with the job that delivers it
 * (pg-boss's insert runs on the transaction's connection): a rolled-back event leaves neither,
 * and a committed one is delivered at once, never from inside the transaction. Never talks to
 * SMTP. Answers the message's id, or null when a mail with this idempotency key already exists.
 */
export async function queueMail<K extends MailKind>(
  tx: Tx,
  input: QueueMailInput<K>,
): Promise<string | null> {
  const [id] = await queueMails(tx, [input])
  return id ?? null
}

/**
 * Writes many mails as `queueMail` writes one, in two statements whatever their number (the
 * messages, then their jobs): a batch of settled gifts queues its receipts so. Answers each new
 * message's id, or null where the idempotency key was used before (or earlier in the list).
 */
export async function queueMails(
  tx: Tx,
  inputs: readonly QueueMailInput<MailKind>[],
): Promise<(string | null)[]> {
  if (inputs.length === 0) return []
  const rendered = await Promise.all(inputs.map((i) => renderMail(i.kind, i.language, i.data)))
  const rows = await tx
    .insert(mailMessages)
    .values(
      inputs.map((input, n) => ({
        idempotencyKey: input.idempotencyKey,
        toAddress: input.to,
        userId: input.userId ?? null,
        kind: input.kind,
        language: input.language,
        ...rendered[n]!,
      })),
    )
    .onConflictDoNothing({ target: mailMessages.idempotencyKey })
    .returning({ id: mailMessages.id, key: mailMessages.idempotencyKey })
  // No queue in this process (a script, a test without one): the sweep delivers them.
  await scheduleJobs(
    SEND_MAIL_JOB,
    rows.map((row) => ({ data: { messageId: row.id }, singletonKey: row.id })),
    { db: transactionSql(tx) },
  )
  const ids = new Map(rows.map((row) => [row.key, row.id]))
  return inputs.map((input) => {
    const id = ids.get(input.idempotencyKey) ?? null
    ids.delete(input.idempotencyKey)
    return id
  })
}

/**
 * Queues delivery of committed messages that have no job (the sweep). One job waits per message
 * (its id is the singleton key); nulls are skipped.
 */
export async function deliverMail(ids: readonly (string | null)[] | string | null) {
  const list = (Array.isArray(ids) ? ids : [ids]).filter((id): id is string => !!id)
  for (const messageId of list) {
    await scheduleJob(SEND_MAIL_JOB, { messageId }, { singletonKey: messageId })
  }
}

/** The Message-ID header: derived from the idempotency key, so a resend is recognisably the same mail. */
export function messageIdFor(message: Pick<MailMessage, 'idempotencyKey'>) {
  const digest = createHash('sha256').update(message.idempotencyKey).digest('hex').slice(0, 32)
  return `<${digest}@${new URL(appOrigin()).hostname}>`
}

let transport: { url: string; transporter: Transporter } | undefined
function smtpTransport(url: string): Transporter {
  if (transport?.url !== url) transport = { url, transporter: nodemailer.createTransport(url) }
  return transport.transporter
}

/** What is kept of a refusal: its text, short, with the SMTP reply (never the credentials). */
function describeFailure(err: unknown): string {
  const e = err as { message?: string; responseCode?: number; response?: string }
  return (e.response ?? e.message ?? String(err)).slice(0, 1000)
}

/**
 * How long a "sending" row stays its job's: past this the job is taken to have died mid-send (a
 * crash; pg-boss also gives an active job up after 15 minutes) and another may claim the row.
 * Longer than nodemailer's own timeouts, so a slow send is never doubled by a second job.
 */
export const SENDING_STALE_MINUTES = 15

// Rows claimed before claimed_at existed count from their creation.
const claimIsStale = sql`coalesce(${mailMessages.claimedAt}, ${mailMessages.createdAt})
  < now() - make_interval(mins => ${SENDING_STALE_MINUTES})`

/**
 * The `send-mail` job: delivers one message, once. It claims the row (queued, failed after an
 * earlier attempt, or left "sending" by a job that died), counts the attempt and sends; a refusal
 * marks the row failed with the reply and throws so pg-boss retries with back-off. A row already
 * sent or captured, or being sent by another job right now, is left alone (a second job for it
 * does nothing).
 */
export async function sendMessage(messageId: string) {
  const [message] = await db()
    .update(mailMessages)
    .set({
      status: 'sending',
      attempts: sql`${mailMessages.attempts} + 1`,
      claimedAt: sql`now()`,
    })
    .where(
      and(
        eq(mailMessages.id, messageId),
        or(
          inArray(mailMessages.status, ['queued', 'failed']),
          and(eq(mailMessages.status, 'sending'), claimIsStale),
        ),
      ),
    )
    .returning()
  if (!message) return { skipped: true }
  const smtpUrl = env().SMTP_URL
  if (!smtpUrl) {
    await db()
      .update(mailMessages)
      .set({ status: 'captured', sentAt: sql`now()`, lastError: null })
      .where(eq(mailMessages.id, messageId))
    return { captured: true }
  }
  try {
    await smtpTransport(smtpUrl).sendMail({
      from: mailFrom(),
      to: message.toAddress,
      subject: message.subject,
      html: message.html,
      text: message.text,
      messageId: messageIdFor(message),
      headers: { 'X-Commons-Mail-Kind': message.kind },
    })
  } catch (err) {
    await db()
      .update(mailMessages)
      .set({ status: 'failed', lastError: describeFailure(err) })
      .where(eq(mailMessages.id, messageId))
    // The reply may name the address: it stays in the row (admins only), not in the log.
    const code = (err as { responseCode?: number }).responseCode
    throw new Error(`SMTP delivery failed${code ? ` (${code})` : ''}`)
  }
  await db()
    .update(mailMessages)
    .set({ status: 'sent', sentAt: sql`now()`, lastError: null })
    .where(eq(mailMessages.id, messageId))
  return { sent: true }
}

/**
 * The safety net, every minute: queues delivery of messages still queued a minute after they were
 * written (written where no queue ran, or their job was lost) or left "sending" by a job that died
 * (`SENDING_STALE_MINUTES`). Failed ones are pg-boss's to retry. A message whose own job still
 * waits gets no second one (the `stately` policy, one waiting job per message).
 */
export async function sweepMail() {
  const stuck = await db()
    .select({ id: mailMessages.id })
    .from(mailMessages)
    .where(
      or(
        and(
          eq(mailMessages.status, 'queued'),
          lt(mailMessages.createdAt, sql`now() - interval '1 minute'`),
        ),
        and(eq(mailMessages.status, 'sending'), claimIsStale),
      ),
    )
    .orderBy(mailMessages.createdAt)
    .limit(500)
  await deliverMail(stuck.map((s) => s.id))
  return { queued: stuck.length }
}

export const mailJobs = [
  {
    name: SEND_MAIL_JOB,
    // One job waiting and one running per message at most: a sweep cannot double a delivery.
    policy: 'stately',
    retry: MAIL_RETRY,
    run: ({ messageId }) => sendMessage(messageId),
  } satisfies JobDefinition<{ messageId: string }>,
  {
    name: SWEEP_MAIL_JOB,
    cron: '* * * * *',
    run: () => sweepMail(),
  } satisfies JobDefinition,
]
