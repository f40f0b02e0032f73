import { eq, sql } from 'drizzle-orm'
import { db } from '#db/client.server.ts'
import { users } from '#db/schema/index.ts'
import type { ChangePasswordInput, LoginInput, SignupInput } from '#app/schemas/auth.ts'
import { recordAudit } from './audit.server.ts'
import { clearFailures, lockedUntil, recordFailure, throttleKey } from './login-throttle.server.ts'
import { hashPassword, verifyAgainstDummy, verifyPassword } from './passwords.server.ts'
import { endUserSessions, startSession, type SessionOrigin } from './sessions.server.ts'

export type FieldErrors = Record<string, string>
type Result<T> = ({ ok: true } & T) | { ok: false; errors: FieldErrors; status?: number }

export type NewSession = { userId: string; token: string; expiresAt: Date }

/** Creates the account and its first session in one transaction. */
export async function signUp(
  input: SignupInput,
  origin: SessionOrigin,
): Promise<Result<{ session: NewSession }>> {
  const passwordHash = await hashPassword(input.password)
  return db().transaction(async (tx) => {
    // ON CONFLICT keeps two simultaneous sign-ups with one email from both succeeding.
    const [user] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name, passwordHash })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id })
    if (!user) {
      return {
        ok: false as const,
        errors: { email: 'An account with this email already exists. Log in instead.' },
      }
    }
    await recordAudit(tx, {
      actorUserId: user.id,
      action: 'user.signed_up',
      entityType: 'user',
      entityId: user.id,
      ip: origin.ip,
    })
    const session = await startSession(tx, user.id, origin)
    return { ok: true as const, session: { userId: user.id, ...session } }
  })
}

export const INVALID_LOGIN = 'That email and password do not match an account.'

/**
 * Checks the credentials under the rate limit. Every failure reads the same, whether or not the
 * email has an account, so the form cannot be used to discover who is registered.
 */
export async function logIn(
  input: LoginInput,
  origin: SessionOrigin & { ip: string },
): Promise<Result<{ session: NewSession }>> {
  const keys = [throttleKey('email', input.email), throttleKey('ip', origin.ip)]
  const lockEnd = await lockedUntil(keys)
  if (lockEnd) return lockedResult(lockEnd)

  const [user] = await db()
    .select({ id: users.id, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, input.email))
    .limit(1)
  const valid = user
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyAgainstDummy(input.password)

  if (!user || !valid) {
    await countFailure(input.email, origin.ip, user?.id ?? null)
    return { ok: false, errors: { form: INVALID_LOGIN }, status: 400 }
  }
  await clearFailures('email', input.email)
  const session = await startSession(db(), user.id, origin)
  return { ok: true, session: { userId: user.id, ...session } }
}

async function countFailure(email: string, ip: string, userId: string | null) {
  const emailLocked = await recordFailure('email', email)
  const ipLocked = await recordFailure('ip', ip)
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

function lockedResult(until: Date) {
  const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000))
  return {
    ok: false as const,
    status: 429,
    errors: {
      form: `Too many failed attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    },
  }
}

/** Changes the password and ends every other session of the user. */
export async function changePassword(
  user: { id: string; sessionId: string },
  input: ChangePasswordInput,
  origin: SessionOrigin,
): Promise<Result<object>> {
  const [row] = await db()
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, user.id))
  if (!row || !(await verifyPassword(row.passwordHash, input.currentPassword))) {
    return { ok: false, errors: { currentPassword: 'Your current password is not correct' } }
  }
  const passwordHash = await hashPassword(input.newPassword)
  await db().transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, updatedAt: sql`now()` })
      .where(eq(users.id, user.id))
    await endUserSessions(tx, user.id, user.sessionId)
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
