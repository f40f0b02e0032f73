import { and, desc, eq, gt, ne, sql } from 'drizzle-orm'
import { UAParser } from 'ua-parser-js'
import { db, type Db } from '#db/client.server.ts'
import { preparedQuery } from '#db/prepared.server.ts'
import type { SingleMessage } from '#app/lib/i18n/message.ts'
import { describeDevice, type DeviceNames } from '#app/domain/devices.ts'
import {
  memberships,
  notifications,
  organizations,
  panelMembers,
  sessions,
  userDevices,
  users,
} from '#db/schema/index.ts'
import type { MembershipRole, OrganizationKind } from '#app/domain/organizations.ts'
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

/** An organisation the person belongs to, with their role in it (the header's switcher). */
export interface UserOrganization {
  id: string
  name: string
  slug: string
  kind: OrganizationKind
  role: MembershipRole
}

export interface PageHeaderFigures {
  /** The bell's count: notifications not yet read. */
  unread: number
  /** Whether the person sits on any program's review panel (the header's "Reviews" link). */
  reviewer: boolean
}

/** What every signed-in page shows of its session. */
export interface PageSession {
  user: SessionUser
  /** By name, at most 200. */
  organizations: UserOrganization[]
  header: PageHeaderFigures
}

/**
 * The user behind a token (none when it is unknown, revoked or expired), with what the layout
 * shows of them: their organisations, the unread count and whether they sit on a panel. One
 * prepared statement, since every signed-in page asks: one round trip to the database instead of
 * three (each costs the server a socket write and a reply to parse; docs/decisions/
 * 013-throughput.md, rounds seven and nine). The count reads the partial index of unread rows,
 * the seat at most one entry of `panel_members_user_idx`, the organisations the memberships of
 * one user. Subqueries name their tables by hand: in a one-table select drizzle writes columns
 * without their table, which inside a subquery would name the subquery's own column.
 */
const sessionQuery = preparedQuery('session_page', (db, name) =>
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
      unread: sql<number>`(SELECT count(*)::int FROM ${notifications} AS n
        WHERE n.user_id = ${users}.id AND n.read_at IS NULL)`,
      reviewer: sql<boolean>`EXISTS (SELECT 1 FROM ${panelMembers} AS p WHERE p.user_id = ${users}.id)`,
      organizations: sql<UserOrganization[]>`(SELECT coalesce(json_agg(json_build_object(
          'id', o.id, 'name', o.name, 'slug', o.slug, 'kind', o.kind, 'role', o.role)
          ORDER BY o.name, o.id), '[]'::json)
        FROM (SELECT org.id, org.name, org.slug, org.kind, m.role
          FROM ${memberships} AS m JOIN ${organizations} AS org ON org.id = m.organization_id
          WHERE m.user_id = ${users}.id ORDER BY org.name, org.id LIMIT 200) AS o)`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(eq(sessions.id, sql.placeholder('id')), gt(sessions.expiresAt, sql.placeholder('now'))),
    )
    .limit(1)
    .prepare(name),
)

/** The session behind a token with what its pages show, or null when it is not a live one. */
export async function findPageSession(token: string): Promise<PageSession | null> {
  const [row] = await sessionQuery().execute({ id: digest(token), now: new Date() })
  if (!row) return null
  const { lastSeenAt, unread, reviewer, organizations, ...user } = row
  if (Date.now() - lastSeenAt.getTime() > SEEN_EVERY_MS) {
    await db()
      .update(sessions)
      .set({ lastSeenAt: new Date() })
      .where(eq(sessions.id, row.sessionId))
  }
  return { user, organizations, header: { unread, reviewer } }
}

/** The user behind a token, or null when it is unknown, revoked or expired. */
export async function findSessionUser(token: string): Promise<SessionUser | null> {
  return (await findPageSession(token))?.user ?? null
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
