import { and, eq, gte, or, sql } from 'drizzle-orm'
import { db } from '#db/client.server.ts'
import { throttles } from '#db/schema/index.ts'
import { env } from '#app/config/env.server.ts'

interface Policy {
  /** Attempts counted within the window before the key locks. */
  maxAttempts: number
  windowMinutes: number
  lockMinutes: number
}

/**
 * Every rate limit in one place. Login counts failures: an account locks after a few, an address
 * after many (it may be a shared NAT). Sign-up counts every attempt that reaches the password hash,
 * since each costs an argon2 run whether or not it succeeds; the limit leaves room for a workshop
 * where a room full of people sign up from one address.
 */
export const POLICIES = {
  'login-email': { maxAttempts: 5, windowMinutes: 15, lockMinutes: 15 },
  'login-ip': { maxAttempts: 50, windowMinutes: 15, lockMinutes: 15 },
  'signup-ip': {
    get maxAttempts() {
      return env().SIGNUP_LIMIT_PER_HOUR ?? 20
    },
    windowMinutes: 60,
    lockMinutes: 60,
  },
  // Mails on request (forgot password, resend the verification): a few per address and account.
  'mail-email': { maxAttempts: 3, windowMinutes: 15, lockMinutes: 15 },
  'mail-ip': { maxAttempts: 20, windowMinutes: 15, lockMinutes: 15 },
  // A donor's link to their gifts: counted whether or not the address gave, so the limit says
  // nothing about who gave.
  'gift-link-email': { maxAttempts: 3, windowMinutes: 15, lockMinutes: 15 },
  'gift-link-ip': { maxAttempts: 20, windowMinutes: 15, lockMinutes: 15 },
} satisfies Record<string, Policy>

export type ThrottleKind = keyof typeof POLICIES
export type ThrottleKey = readonly [kind: ThrottleKind, key: string]

const matches = ([kind, key]: ThrottleKey) => and(eq(throttles.kind, kind), eq(throttles.key, key))

/** The latest lock end among the keys, if any is locked now. */
export async function lockedUntil(keys: ThrottleKey[]): Promise<Date | null> {
  const rows = await db()
    .select({ lockedUntil: throttles.lockedUntil })
    .from(throttles)
    .where(or(...keys.map(matches)))
  const now = Date.now()
  const ends = rows
    .map((r) => r.lockedUntil)
    .filter((d): d is Date => d !== null && d.getTime() > now)
    .sort((a, b) => b.getTime() - a.getTime())
  return ends[0] ?? null
}

/**
 * Counts one attempt for the key in a single atomic upsert (safe with concurrent attempts from
 * several processes) and reports whether this attempt started a lock.
 */
export async function countAttempt(...[kind, key]: ThrottleKey): Promise<boolean> {
  const p: Policy = POLICIES[kind]
  const window = sql`make_interval(mins => ${p.windowMinutes})`
  const stale = sql`${throttles.windowStartedAt} < now() - ${window}`
  const [row] = await db()
    .insert(throttles)
    .values({ kind, key, attempts: 1, windowStartedAt: sql`now()` })
    .onConflictDoUpdate({
      target: [throttles.kind, throttles.key],
      set: {
        attempts: sql`CASE WHEN ${stale} THEN 1 ELSE ${throttles.attempts} + 1 END`,
        windowStartedAt: sql`CASE WHEN ${stale} THEN now() ELSE ${throttles.windowStartedAt} END`,
      },
    })
    .returning({ attempts: throttles.attempts })
  if (!row || row.attempts < p.maxAttempts) return false
  // Lock exactly once per window, when the count reaches the limit.
  const locked = await db()
    .update(throttles)
    .set({
      lockedUntil: sql`now() + make_interval(mins => ${p.lockMinutes})`,
      attempts: 0,
      windowStartedAt: sql`now()`,
    })
    .where(and(matches([kind, key]), gte(throttles.attempts, p.maxAttempts)))
    .returning({ key: throttles.key })
  return locked.length > 0
}

/** Forgets the key's count (a successful login clears the account's, not the address's). */
export async function clearAttempts(...key: ThrottleKey) {
  await db().delete(throttles).where(matches(key))
}

/** Whole minutes (at least one) until a lock ends, for "try again in N minutes". */
export function minutesUntil(until: Date) {
  return Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000))
}
