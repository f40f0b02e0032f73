import { and, eq, gt, sql } from 'drizzle-orm'
import { db, type Db } from '#db/client.server.ts'
import { donations, donorAccess } from '#db/schema/index.ts'
import { fail, type Failure, type Result } from '#app/domain/result.ts'
import type { Language } from '#app/lib/i18n/config.ts'
import { newSecretToken, tokenDigest } from '#app/services/accounts/secret-tokens.server.ts'
import {
  countAttempt,
  lockedUntil,
  minutesUntil,
  type ThrottleKey,
} from '#app/services/accounts/throttles.server.ts'
import { queueMail, renderMail } from '#app/services/mail/mail.server.ts'

/**
 * A donor's way to their gifts without an account (issue 10): ask for a link at /gifts/lookup,
 * open it from the mail, and the browser may see that address's gifts for a day. The answer to
 * the request is the same whether or not the address ever gave, and the throttle counts every
 * request, so neither tells who gave.
 */

const HOUR_MS = 3_600_000
/** How long a mailed link works (once), and how long the access it opens lasts. */
export const DONOR_LINK_LIFETIME_MS = HOUR_MS
export const DONOR_SESSION_LIFETIME_MS = 24 * HOUR_MS

export const GIFT_LINK_THROTTLED = 'gifts:lookup.throttled'

async function throttle(keys: ThrottleKey[]): Promise<Failure | null> {
  const lockEnd = await lockedUntil(keys)
  if (lockEnd) {
    return fail({
      status: 429,
      message: { key: GIFT_LINK_THROTTLED, values: { count: minutesUntil(lockEnd) } },
    })
  }
  for (const key of keys) await countAttempt(...key)
  return null
}

async function hasGifts(email: string): Promise<boolean> {
  const [row] = await db()
    .select({ id: donations.id })
    .from(donations)
    .where(sql`lower(${donations.donorEmail}) = ${email}`)
    .limit(1)
  return !!row
}

/**
 * "Email me a link to my gifts": mails `/gifts/access/<token>` (in the language the request was
 * made in) when the address has any gift, else only renders the mail, so the work and the answer
 * are alike. Throttled per address and per IP.
 */
export async function requestGiftLink(
  email: string,
  ip: string,
  language: Language,
): Promise<Result> {
  const address = email.trim().toLowerCase()
  const refused = await throttle([
    ['gift-link-email', address],
    ['gift-link-ip', ip],
  ])
  if (refused) return refused
  if (!(await hasGifts(address))) {
    await renderMail('donor-access', language, { path: '/gifts/access/x' })
    return { ok: true }
  }
  const token = newSecretToken()
  await db().transaction(async (tx) => {
    const [row] = await tx
      .insert(donorAccess)
      .values({
        kind: 'link',
        email: address,
        tokenHash: tokenDigest(token),
        expiresAt: sql`now() + make_interval(secs => ${DONOR_LINK_LIFETIME_MS / 1000})`,
      })
      .returning({ id: donorAccess.id })
    await queueMail(tx, {
      to: address,
      kind: 'donor-access',
      language,
      data: { path: `/gifts/access/${token}` },
      idempotencyKey: `donor-access:${row!.id}`,
    })
  })
  return { ok: true }
}

export type DonorLinkRefusal = Failure<{ reason: 'unknown' | 'used' | 'expired' }>

/** The live link behind a token, or why not; `lock` (in a transaction) holds it until it ends. */
async function findLink(executor: Db, token: string, lock: boolean) {
  const query = executor
    .select({ link: donorAccess, expired: sql<boolean>`${donorAccess.expiresAt} <= now()` })
    .from(donorAccess)
    .where(and(eq(donorAccess.tokenHash, tokenDigest(token)), eq(donorAccess.kind, 'link')))
  const [row] = await (lock ? query.for('update') : query)
  if (!row) return fail({ reason: 'unknown' as const })
  if (row.link.usedAt) return fail({ reason: 'used' as const })
  if (row.expired) return fail({ reason: 'expired' as const })
  return { ok: true as const, link: row.link }
}

/** Whether a mailed link can still be opened (its page offers the button only then). */
export async function inspectGiftLink(
  token: string,
): Promise<DonorLinkRefusal | { ok: true; email: string }> {
  const found = await findLink(db(), token, false)
  return found.ok ? { ok: true, email: found.link.email } : found
}

/**
 * Opens a mailed link, once: marks it used and starts a day's access to its address's gifts.
 * Answers the session's token (for the cookie; only its digest is stored) and when it ends.
 */
export async function openGiftLink(
  token: string,
): Promise<DonorLinkRefusal | { ok: true; token: string; expiresAt: Date }> {
  return db().transaction(async (tx) => {
    const found = await findLink(tx, token, true)
    if (!found.ok) return found
    await tx
      .update(donorAccess)
      .set({ usedAt: sql`now()` })
      .where(eq(donorAccess.id, found.link.id))
    const sessionToken = newSecretToken()
    const [session] = await tx
      .insert(donorAccess)
      .values({
        kind: 'session',
        email: found.link.email,
        tokenHash: tokenDigest(sessionToken),
        expiresAt: sql`now() + make_interval(secs => ${DONOR_SESSION_LIFETIME_MS / 1000})`,
      })
      .returning({ expiresAt: donorAccess.expiresAt })
    return { ok: true as const, token: sessionToken, expiresAt: session!.expiresAt }
  })
}

/** The address a live donor session gives access to; null for an unknown or expired one. */
export async function donorSessionEmail(token: string): Promise<string | null> {
  const [row] = await db()
    .select({ email: donorAccess.email })
    .from(donorAccess)
    .where(
      and(
        eq(donorAccess.tokenHash, tokenDigest(token)),
        eq(donorAccess.kind, 'session'),
        gt(donorAccess.expiresAt, sql`now()`),
      ),
    )
  return row?.email ?? null
}

/** Ends a donor session ("Forget this browser"). */
export async function endDonorSession(token: string) {
  await db()
    .delete(donorAccess)
    .where(and(eq(donorAccess.tokenHash, tokenDigest(token)), eq(donorAccess.kind, 'session')))
}
