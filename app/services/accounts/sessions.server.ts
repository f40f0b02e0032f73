import { and, desc, eq, gt, ne, sql } from 'drizzle-orm'
import { UAParser } from 'ua-parser-js'
import { db, type Db } from '#db/client.server.ts'
import { preparedQuery } from '#db/prepared.server.ts'
import type { SingleMessage } from '#app/lib/i18n/message.ts'
import { describeDevice, type DeviceNames } from '#app/domain/devices.ts'
import { sessions, userDevices, users } from '#db/schema/index.ts'
import { newSecretToken, tokenDigest as digest } from './secret-tokens.server.ts'

export const SESSION_DAYS = 30
const DAY_MS = 86_400_000

export interface SessionOrigin {
  ip?: string | null
  userAgent?: string | null
}

/** Starts a session and returns the token for the cookie; only its digest is stored. */
export async function startSession(
  tx: Db,
  userId: string,
  origin: SessionOrigin,
): Promise<{ token: string; expiresAt: Date }> {
  const token = newSecretToken()
  const expiresAt = new Date(Date.now() + SESSION_DAYS * DAY_MS)
  await tx.insert(sessions).values({
    id: digest(token),
    userId,
    expiresAt,
    ip: origin.ip ?? null,
    userAgent: origin.userAgent?.slice(0, 300) ?? null,
  })
  return { token, expiresAt }
}

export type SessionUser = {
  id: string
  email: string
  name: string
  isPlatformAdmin: boolean
  /** The account's chosen language ('en' | 'es'), or null to follow the browser. */
  language: string | null
  /** Whether the account has confirmed its email (a banner offers the link again until then). */
  emailVerified: boolean
  sessionId: string
  currentOrganizationId: string | null
}

/** "Last active" is recorded at most this often, so reads do not each become a write. */
const SEEN_EVERY_MS = 15 * 60_000

/** The user behind a token, or null when it is unknown, revoked or expired. */
const sessionUserQuery = preparedQuery('session_user', (db, name) =>
  db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      isPlatformAdmin: users.isPlatformAdmin,
      language: users.language,
      emailVerified: sql<boolean>`${users.emailVerifiedAt} IS NOT NULL`,
      sessionId: sessions.id,
      currentOrganizationId: sessions.currentOrganizationId,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(eq(sessions.id, sql.placeholder('id')), gt(sessions.expiresAt, sql.placeholder('now'))),
    )
    .limit(1)
    .prepare(name),
)

export async function findSessionUser(token: string): Promise<SessionUser | null> {
  const [row] = await sessionUserQuery().execute({ id: digest(token), now: new Date() })
  if (!row) return null
  const { lastSeenAt, ...user } = row
  if (Date.now() - lastSeenAt.getTime() > SEEN_EVERY_MS) {
    await db()
      .update(sessions)
      .set({ lastSeenAt: new Date() })
      .where(eq(sessions.id, row.sessionId))
  }
  return user
}

/** Ends the session behind the token; answers whose it was, or null when there was none. */
export async function endSession(token: string) {
  const [ended] = await db()
    .delete(sessions)
    .where(eq(sessions.id, digest(token)))
    .returning({ userId: sessions.userId })
  return ended ?? null
}

/** Ends every session of the user, except optionally the one in use. */
export async function endUserSessions(tx: Db, userId: string, keepSessionId?: string) {
  await tx
    .delete(sessions)
    .where(
      keepSessionId
        ? and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId))
        : eq(sessions.userId, userId),
    )
}

/** The browser family and operating system a user-agent string names (null when it does not). */
export function deviceNames(userAgent: string | null | undefined): DeviceNames {
  const { browser, os } = new UAParser(userAgent ?? '').getResult()
  return { browser: browser.name ?? null, os: os.name ?? null }
}

/**
 * "Chrome on Linux": what a person recognises of a browser, from its user-agent string, as a
 * message in the reader's language. The raw string is kept in the table for admins; people see this.
 */
export function describeBrowser(userAgent: string | null): SingleMessage {
  return describeDevice(deviceNames(userAgent))
}

/**
 * What makes a device "the same" for the new-sign-in notice: browser family, operating system and
 * device type from the user-agent, not versions (a browser update is not a new device).
 */
export function deviceFingerprint(userAgent: string | null | undefined): string {
  if (!userAgent) return 'unknown'
  const { browser, os, device } = new UAParser(userAgent).getResult()
  return [browser.name ?? '?', os.name ?? '?', device.type ?? 'desktop'].join('|').toLowerCase()
}

/**
 * Records the device of a sign-in and answers whether it is new: not seen in this user's
 * previous sessions (the devices recorded at earlier sign-ins, and the sessions still open). The
 * first device an account ever uses is not "new". Call before the new session is started.
 */
export async function recordSignInDevice(
  tx: Db,
  userId: string,
  userAgent: string | null | undefined,
): Promise<boolean> {
  const fingerprint = deviceFingerprint(userAgent)
  const known = await tx
    .select({ fingerprint: userDevices.fingerprint })
    .from(userDevices)
    .where(eq(userDevices.userId, userId))
  const open = await tx
    .select({ userAgent: sessions.userAgent })
    .from(sessions)
    .where(eq(sessions.userId, userId))
    .limit(100)
  const seen = new Set([
    ...known.map((k) => k.fingerprint),
    ...open.map((o) => deviceFingerprint(o.userAgent)),
  ])
  await tx
    .insert(userDevices)
    .values({ userId, fingerprint })
    .onConflictDoUpdate({
      target: [userDevices.userId, userDevices.fingerprint],
      set: { lastSeenAt: new Date() },
    })
  return seen.size > 0 && !seen.has(fingerprint)
}

export async function listUserSessions(userId: string) {
  const rows = await db()
    .select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      ip: sessions.ip,
      userAgent: sessions.userAgent,
    })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, new Date())))
    .orderBy(desc(sessions.lastSeenAt))
    .limit(100)
  return rows.map((row) => ({ ...row, browser: describeBrowser(row.userAgent) }))
}

export async function setCurrentOrganization(sessionId: string, organizationId: string | null) {
  await db()
    .update(sessions)
    .set({ currentOrganizationId: organizationId })
    .where(eq(sessions.id, sessionId))
}
