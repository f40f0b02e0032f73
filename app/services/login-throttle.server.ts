import { and, eq, gte, inArray, sql } from 'drizzle-orm'
import { db } from '#db/client.server.ts'
import { loginThrottles } from '#db/schema/index.ts'

interface Policy {
  maxFailures: number
  windowMinutes: number
  lockMinutes: number
}

/** An account locks after a few misses; an address after many (it may be a shared NAT). */
export const POLICIES = {
  email: { maxFailures: 5, windowMinutes: 15, lockMinutes: 15 },
  ip: { maxFailures: 50, windowMinutes: 15, lockMinutes: 15 },
} satisfies Record<string, Policy>

export type ThrottleKind = keyof typeof POLICIES

export const throttleKey = (kind: ThrottleKind, value: string) => `${kind}:${value}`

/** The latest lock end among the keys, if any is locked now. */
export async function lockedUntil(keys: string[]): Promise<Date | null> {
  const rows = await db()
    .select({ lockedUntil: loginThrottles.lockedUntil })
    .from(loginThrottles)
    .where(inArray(loginThrottles.key, keys))
  const now = Date.now()
  const ends = rows
    .map((r) => r.lockedUntil)
    .filter((d): d is Date => d !== null && d.getTime() > now)
    .sort((a, b) => b.getTime() - a.getTime())
  return ends[0] ?? null
}

/**
 * Counts one failure for the key in a single atomic upsert (safe with concurrent attempts from
 * several processes) and reports whether this failure started a lock.
 */
export async function recordFailure(kind: ThrottleKind, value: string): Promise<boolean> {
  const p = POLICIES[kind]
  const window = sql`make_interval(mins => ${p.windowMinutes})`
  const stale = sql`${loginThrottles.windowStartedAt} < now() - ${window}`
  const [row] = await db()
    .insert(loginThrottles)
    .values({ key: throttleKey(kind, value), failures: 1, windowStartedAt: sql`now()` })
    .onConflictDoUpdate({
      target: loginThrottles.key,
      set: {
        failures: sql`CASE WHEN ${stale} THEN 1 ELSE ${loginThrottles.failures} + 1 END`,
        windowStartedAt: sql`CASE WHEN ${stale} THEN now() ELSE ${loginThrottles.windowStartedAt} END`,
      },
    })
    .returning({ failures: loginThrottles.failures })
  if (!row || row.failures < p.maxFailures) return false
  // Lock exactly once per window, when the count reaches the limit.
  const locked = await db()
    .update(loginThrottles)
    .set({
      lockedUntil: sql`now() + make_interval(mins => ${p.lockMinutes})`,
      failures: 0,
      windowStartedAt: sql`now()`,
    })
    .where(
      and(
        eq(loginThrottles.key, throttleKey(kind, value)),
        gte(loginThrottles.failures, p.maxFailures),
      ),
    )
    .returning({ key: loginThrottles.key })
  return locked.length > 0
}

/** A successful login clears the account's count (not the address's). */
export async function clearFailures(kind: ThrottleKind, value: string) {
  await db()
    .delete(loginThrottles)
    .where(eq(loginThrottles.key, throttleKey(kind, value)))
}
