import { and, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm'
import { db, type Db, type Tx } from '#db/client.server.ts'
import { preparedQuery } from '#db/prepared.server.ts'
import { memberships, notificationPreferences, notifications, users } from '#db/schema/index.ts'
import type { MembershipRole } from '#app/domain/organizations.ts'
import {
  isLocalPath,
  MAIL_RULES,
  NOTIFICATION_KINDS,
  NOTIFICATIONS_PAGE_SIZE,
  wantsEmail,
  type NotificationKind,
} from '#app/domain/notifications.ts'
import { fail, type Result } from '#app/domain/result.ts'
import type { Language } from '#app/lib/i18n/config.ts'
import { NOTIFICATION_REGISTRY, type NotificationData } from './notification-kinds.server.ts'
import { mailNotifications } from './notification-mail.server.ts'

export interface Recipient {
  userId: string
  data: NotificationData
  /** What happened, unique per kind and person: the same event notifies once however often told. */
  eventKey: string
  /** Parameters only the mail carries (a link with a secret token), never stored with the notification. */
  mailData?: NotificationData
}

/**
 * Tells a person what happened: the notification is written IN THE CALLER'S TRANSACTION (the one
 * that makes the event happen, so a rolled-back event notifies nobody), and when the kind's rule
 * or the person's choice says so, the mail is queued in it too, under the idempotency key
 * `<kind>:<eventKey>:<userId>`. Telling the same event again changes nothing. Answers whether a
 * notification was written.
 */
export async function notify(
  tx: Tx,
  input: Recipient & { kind: NotificationKind },
): Promise<boolean> {
  const { kind, ...recipient } = input
  return (await notifyEach(tx, kind, [recipient])) > 0
}

/** `notify` for many people at once (a group's members): one insert, one look-up of choices. */
export async function notifyEach(
  tx: Tx,
  kind: NotificationKind,
  recipients: Recipient[],
): Promise<number> {
  if (recipients.length === 0) return 0
  const entry = NOTIFICATION_REGISTRY[kind]
  const rows = recipients.map((r) => {
    const link = entry.link(r.data)
    if (!isLocalPath(link)) throw new Error(`Notification link is not a local path: ${link}`)
    return { userId: r.userId, kind, data: r.data, link, eventKey: r.eventKey }
  })
  const written = await tx
    .insert(notifications)
    .values(rows)
    .onConflictDoNothing()
    .returning({ userId: notifications.userId, eventKey: notifications.eventKey })
  if (written.length === 0) return 0
  const people = await tx
    .select({
      id: users.id,
      email: users.email,
      language: users.language,
      choice: notificationPreferences.email,
    })
    .from(users)
    .leftJoin(
      notificationPreferences,
      and(eq(notificationPreferences.userId, users.id), eq(notificationPreferences.kind, kind)),
    )
    .where(
      inArray(
        users.id,
        written.map((w) => w.userId),
      ),
    )
  const byId = new Map(people.map((p) => [p.id, p]))
  const mails = []
  for (const w of written) {
    const person = byId.get(w.userId)
    const recipient = recipients.find((r) => r.userId === w.userId && r.eventKey === w.eventKey)
    if (!person || !recipient || !wantsEmail(kind, person.choice)) continue
    mails.push({
      to: person.email,
      userId: person.id,
      language: (person.language === 'es' ? 'es' : 'en') as Language,
      data: { ...recipient.data, ...recipient.mailData },
      idempotencyKey: `${kind}:${recipient.eventKey}:${person.id}`,
    })
  }
  await mailNotifications(tx, kind, mails)
  return written.length
}

/** The members of these organisations (optionally only those with these roles). */
export async function membersOf(
  tx: Db,
  organizationIds: string[],
  roles?: readonly MembershipRole[],
): Promise<{ userId: string; organizationId: string }[]> {
  if (organizationIds.length === 0) return []
  return tx
    .select({ userId: memberships.userId, organizationId: memberships.organizationId })
    .from(memberships)
    .where(
      and(
        inArray(memberships.organizationId, organizationIds),
        roles ? inArray(memberships.role, [...roles]) : undefined,
      ),
    )
}

export interface ShownNotification {
  id: string
  kind: NotificationKind
  message: ReturnType<(typeof NOTIFICATION_REGISTRY)[NotificationKind]['message']>
  link: string
  read: boolean
  createdAt: string
}

/** "2026-11-30T05:00:00.000Z_<id>": where the next page starts (newest first). */
export type Cursor = string

function parseCursor(cursor: string | null | undefined) {
  if (!cursor) return null
  const [at, id] = cursor.split('_')
  const time = at ? new Date(at) : null
  if (!time || Number.isNaN(time.getTime()) || !id || !/^[0-9a-f-]{36}$/.test(id)) return null
  return { time, id }
}

/**
 * One page of the person's notifications, newest first, by keyset (the index on user, time and
 * id); `next` is the cursor of the following page, null on the last.
 */
export async function listNotifications(
  userId: string,
  reader: Language,
  cursor?: string | null,
): Promise<{ items: ShownNotification[]; next: Cursor | null }> {
  const after = parseCursor(cursor)
  const rows = await db()
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, userId),
        after
          ? or(
              lt(notifications.createdAt, after.time),
              and(eq(notifications.createdAt, after.time), lt(notifications.id, after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(NOTIFICATIONS_PAGE_SIZE + 1)
  const page = rows.slice(0, NOTIFICATIONS_PAGE_SIZE)
  const last = page.at(-1)
  const items = page.flatMap((row) => {
    const kind = row.kind as NotificationKind
    const entry = NOTIFICATION_REGISTRY[kind]
    if (!entry) return []
    return [
      {
        id: row.id,
        kind,
        message: entry.message(row.data, reader),
        link: row.link,
        read: row.readAt !== null,
        createdAt: row.createdAt.toISOString(),
      },
    ]
  })
  return {
    items,
    next:
      rows.length > NOTIFICATIONS_PAGE_SIZE && last
        ? `${last.createdAt.toISOString()}_${last.id}`
        : null,
  }
}

/** How many are unread: one count on the partial index of unread rows. */
const unreadQuery = preparedQuery('unread_notifications', (db, name) =>
  db
    .select({ count: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, sql.placeholder('userId')), isNull(notifications.readAt)))
    .prepare(name),
)

export async function countUnread(userId: string): Promise<number> {
  const [row] = await unreadQuery().execute({ userId })
  return row?.count ?? 0
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Marks one of the person's own notifications read; anyone else's reads as not found. */
export async function markRead(userId: string, notificationId: string): Promise<Result> {
  if (!UUID.test(notificationId)) return fail({ status: 404 })
  const [row] = await db()
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, notificationId), eq(notifications.userId, userId)))
    .returning({ id: notifications.id })
  return row ? { ok: true } : fail({ status: 404 })
}

export async function markAllRead(userId: string): Promise<number> {
  const rows = await db()
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id })
  return rows.length
}

export interface KindPreference {
  kind: NotificationKind
  label: string
  required: boolean
  email: boolean
}

/** Every kind with the person's choice (or the default), for /account/notifications. */
export async function listPreferences(userId: string): Promise<KindPreference[]> {
  const rows = await db()
    .select({ kind: notificationPreferences.kind, email: notificationPreferences.email })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId))
  const chosen = new Map(rows.map((r) => [r.kind, r.email]))
  return NOTIFICATION_KINDS.map((kind) => ({
    kind,
    label: NOTIFICATION_REGISTRY[kind].label,
    required: MAIL_RULES[kind].mail === 'required',
    email: wantsEmail(kind, chosen.get(kind)),
  }))
}

/**
 * Saves the person's choices. A kind whose mail is required cannot be switched to in-app only:
 * the whole change is refused and nothing is saved.
 */
export async function savePreferences(
  userId: string,
  choices: Partial<Record<NotificationKind, boolean>>,
): Promise<Result> {
  const entries = Object.entries(choices) as [NotificationKind, boolean][]
  const refused = entries.filter(([kind, email]) => MAIL_RULES[kind].mail === 'required' && !email)
  if (refused.length > 0) {
    return fail({ status: 400, message: 'notifications:preferences.requiredRefused' })
  }
  const optional = entries.filter(([kind]) => MAIL_RULES[kind].mail === 'optional')
  if (optional.length === 0) return { ok: true }
  await db()
    .insert(notificationPreferences)
    .values(optional.map(([kind, email]) => ({ userId, kind, email })))
    .onConflictDoUpdate({
      target: [notificationPreferences.userId, notificationPreferences.kind],
      set: { email: sql`excluded.email` },
    })
  return { ok: true }
}
