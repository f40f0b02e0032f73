import { DEFAULT_LANGUAGE, type Language } from '#app/lib/i18n/config.ts'
import { queueVerificationMail } from './account-links.server.ts'
import { eq, sql } from 'drizzle-orm'
import { db } from '#db/client.server.ts'
import { users } from '#db/schema/index.ts'
import type { ChangePasswordInput, LoginInput, SignupInput } from '#app/schemas/auth.ts'
import { fail, type Result } from '#app/domain/result.ts'
import { recordAudit } from '#app/services/admin/audit.server.ts'
import { passwordWeakness } from './password-strength.server.ts'
import { hashPassword, verifyAgainstDummy, verifyPassword } from './passwords.server.ts'
import { randomUUID } from 'node:crypto'
import {
  deviceNames,
  endSession,
  endUserSessions,
  recordSignInDevice,
  startSession,
  type SessionOrigin,
} from './sessions.server.ts'
import { tokenDigest } from './secret-tokens.server.ts'
import {
  notifyNewSignIn,
  notifyPasswordChanged,
} from '#app/services/notifications/notification-events.server.ts'
import {
  clearAttempts,
  countAttempt,
  lockedUntil,
  minutesUntil,
  type ThrottleKey,
} from './throttles.server.ts'

export type NewSession = { userId: string; token: string; expiresAt: Date }

export const SIGNUP_THROTTLED = 'auth:refusals.signupThrottled'

/**
 * Creates the account and its first session in one transaction. Each attempt from an address
 * counts towards its limit before the strength check and the (deliberately slow) hash run, so
 * sign-up cannot be used to burn the server's CPU or to test many emails quickly.
 */
export async function signUp(
  input: SignupInput,
  origin: SessionOrigin & { ip: string },
  language: Language = DEFAULT_LANGUAGE,
): Promise<Result<{ session: NewSession }>> {
  const signupKey: ThrottleKey = ['signup-ip', origin.ip]
  const lockEnd = await lockedUntil([signupKey])
  if (lockEnd) return throttled(SIGNUP_THROTTLED, lockEnd)
  await countAttempt(...signupKey)
  const weakness = passwordWeakness(input.password, [input.email, input.name])
  if (weakness) return fail({ fieldErrors: { password: weakness } })
  const passwordHash = await hashPassword(input.password)
  const created = await db().transaction(async (tx) => {
    // ON CONFLICT keeps two simultaneous sign-ups with one email from both succeeding.
    const [user] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name, passwordHash })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id, email: users.email, name: users.name, language: users.language })
    if (!user) {
      return fail({
        fieldErrors: { email: 'auth:refusals.emailTaken' },
      })
    }
    await recordAudit(tx, {
      actorUserId: user.id,
      action: 'user.signed_up',
      entityType: 'user',
      entityId: user.id,
      ip: origin.ip,
    })
    await recordSignInDevice(tx, user.id, origin.userAgent)
    const session = await startSession(tx, user.id, origin)
    // The account works at once; the link proves the address (issue 8).
    await queueVerificationMail(tx, user, language)
    return { ok: true as const, session: { userId: user.id, ...session } }
  })
  if (!created.ok) return created
  return { ok: true, session: created.session }
}

export const INVALID_LOGIN = 'auth:refusals.invalidLogin'
export const SUSPENDED_LOGIN = 'auth:refusals.suspended'

/**
 * Checks the credentials under the rate limit. Every failure reads the same, whether or not the
 * email has an account, so the form cannot be used to discover who is registered. Only someone
 * who knows the password learns that an account is suspended.
 */
export async function logIn(
  input: LoginInput,
  origin: SessionOrigin & { ip: string },
): Promise<Result<{ session: NewSession }>> {
  const keys: ThrottleKey[] = [
    ['login-email', input.email],
    ['login-ip', origin.ip],
  ]
  const lockEnd = await lockedUntil(keys)
  if (lockEnd) return throttled('auth:refusals.loginThrottled', lockEnd)

  const [user] = await db()
    .select({
      id: users.id,
      passwordHash: users.passwordHash,
      suspendedAt: users.suspendedAt,
      language: users.language,
    })
    .from(users)
    .where(eq(users.email, input.email))
    .limit(1)
  const valid = user
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyAgainstDummy(input.password)

  if (!user || !valid) {
    await countFailure(input.email, origin.ip, user?.id ?? null)
    return fail({ message: INVALID_LOGIN, status: 400 })
  }
  if (user.suspendedAt) {
    await auditLogin(user.id, 'user.login_failed', input.email, origin.ip, { suspended: true })
    return fail({ message: SUSPENDED_LOGIN, status: 403 })
  }
  await clearAttempts('login-email', input.email)
  const session = await db().transaction(async (tx) => {
    const newDevice = await recordSignInDevice(tx, user.id, origin.userAgent)
    const started = await startSession(tx, user.id, origin)
    if (newDevice) {
      // The names only: the words around them are the reader's (page or mail) language.
      await notifyNewSignIn(tx, user.id, tokenDigest(started.token), {
        ...deviceNames(origin.userAgent),
        ip: origin.ip,
      })
    }
    await recordAudit(tx, {
      actorUserId: user.id,
      action: 'user.logged_in',
      entityType: 'user',
      entityId: user.id,
      ip: origin.ip,
    })
    return started
  })
  return { ok: true, session: { userId: user.id, ...session } }
}

/** Ends the session behind the cookie's token and records who left. */
export async function logOut(token: string, origin: SessionOrigin) {
  const ended = await endSession(token)
  if (!ended) return
  await recordAudit(db(), {
    actorUserId: ended.userId,
    action: 'user.logged_out',
    entityType: 'user',
    entityId: ended.userId,
    ip: origin.ip,
  })
}

async function countFailure(email: string, ip: string, userId: string | null) {
  const emailLocked = await countAttempt('login-email', email)
  const ipLocked = await countAttempt('login-ip', ip)
  await auditLogin(userId, 'user.login_failed', email, ip, {})
  if (!emailLocked && !ipLocked) return
  await recordAudit(db(), {
    actorUserId: null,
    action: 'user.locked_out',
    entityType: emailLocked ? 'user' : 'ip',
    entityId: emailLocked ? (userId ?? email) : ip,
    ip,
    details: { email, byAccount: emailLocked, byAddress: ipLocked },
  })
}

/**
 * A failed login names the account when there is one. For an email without an account only a
 * masked form is kept ("j…@example.org"): enough to see which domain is being tried, while a
 * mistyped address (or a password pasted into the wrong field that happens to contain an @) is
 * not written down whole for every admin to read.
 */
function auditLogin(
  userId: string | null,
  action: 'user.login_failed',
  email: string,
  ip: string,
  details: Record<string, unknown>,
) {
  return recordAudit(db(), {
    actorUserId: userId,
    action,
    entityType: 'user',
    entityId: userId ?? 'unknown',
    ip,
    details: userId ? details : { ...details, email: maskEmail(email) },
  })
}

export function maskEmail(email: string) {
  const at = email.lastIndexOf('@')
  const local = at > 0 ? email.slice(0, at) : email
  const domain = at > 0 ? email.slice(at + 1, at + 1 + 100) : ''
  return `${local.slice(0, 1)}…@${domain}`
}

/** "Too many …; try again in N minutes", N by the language's plural rules. */
function throttled(
  key: 'auth:refusals.signupThrottled' | 'auth:refusals.loginThrottled',
  until: Date,
) {
  return fail({ message: { key, values: { count: minutesUntil(until) } }, status: 429 })
}

/** Changes the password and ends every other session of the user. */
export async function changePassword(
  user: { id: string; sessionId: string },
  input: ChangePasswordInput,
  origin: SessionOrigin,
): Promise<Result<object>> {
  const [row] = await db()
    .select({ passwordHash: users.passwordHash, email: users.email, name: users.name })
    .from(users)
    .where(eq(users.id, user.id))
  if (!row || !(await verifyPassword(row.passwordHash, input.currentPassword))) {
    return fail({ fieldErrors: { currentPassword: 'auth:refusals.wrongCurrentPassword' } })
  }
  const weakness = passwordWeakness(input.newPassword, [row.email, row.name])
  if (weakness) return fail({ fieldErrors: { newPassword: weakness } })
  const passwordHash = await hashPassword(input.newPassword)
  await db().transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, updatedAt: sql`now()` })
      .where(eq(users.id, user.id))
    await endUserSessions(tx, user.id, user.sessionId)
    await notifyPasswordChanged(tx, user.id, randomUUID())
    await recordAudit(tx, {
      actorUserId: user.id,
      action: 'user.password_changed',
      entityType: 'user',
      entityId: user.id,
      ip: origin.ip,
    })
  })
  return { ok: true }
}

/** "Sign out everywhere else": ends every session but the one making the request. */
export async function signOutOtherSessions(
  user: { id: string; sessionId: string },
  origin: SessionOrigin,
) {
  await db().transaction(async (tx) => {
    await endUserSessions(tx, user.id, user.sessionId)
    await recordAudit(tx, {
      actorUserId: user.id,
      action: 'user.sessions_ended',
      entityType: 'user',
      entityId: user.id,
      ip: origin.ip,
    })
  })
}

/** The account's language (null: follow the browser); the header's switch and the account page. */
export async function setLanguagePreference(userId: string, language: Language | null) {
  await db()
    .update(users)
    .set({ language, updatedAt: sql`now()` })
    .where(eq(users.id, userId))
}
