import { notifyPasswordChanged } from '#app/services/notifications/notification-events.server.ts'
import { and, eq, isNull, sql } from 'drizzle-orm'
import { db, type Tx } from '#db/client.server.ts'
import { accountTokens, users, type AccountTokenPurpose } from '#db/schema/index.ts'
import { fail, type Failure, type Result } from '#app/domain/result.ts'
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '#app/lib/i18n/config.ts'
import type { ChangeEmailInput, ResetPasswordInput } from '#app/schemas/auth.ts'
import { recordAudit } from '#app/services/admin/audit.server.ts'
import { queueMail, renderMail } from '#app/services/mail/mail.server.ts'
import { passwordWeakness } from './password-strength.server.ts'
import { hashPassword, verifyPassword } from './passwords.server.ts'
import { newSecretToken, tokenDigest } from './secret-tokens.server.ts'
import { endUserSessions } from './sessions.server.ts'
import { countAttempt, lockedUntil, minutesUntil, type ThrottleKey } from './throttles.server.ts'

/**
 * Single-use links mailed to an account: confirm the email (24 h), set a new password (1 h),
 * confirm a new address (24 h). Only each token's SHA-256 is stored. A link that is unknown
 * (altered), used, expired, for another account or for an address the account no longer has
 * changes nothing and says which. Every mail here is required (security): no opt-out.
 */

const HOUR_MS = 3_600_000
export const LINK_LIFETIME_MS: Record<AccountTokenPurpose, number> = {
  'verify-email': 24 * HOUR_MS,
  'reset-password': HOUR_MS,
  'change-email': 24 * HOUR_MS,
}

export type LinkRefusal = Failure<{
  reason: 'unknown' | 'used' | 'expired' | 'other-account' | 'stale' | 'taken'
}>

type Account = { id: string; email: string; name: string; language: string | null }
const languageOf = (account: { language: string | null }): Language =>
  isLanguage(account.language) ? account.language : DEFAULT_LANGUAGE

/**
 * Writes a new link for the account (an earlier unused one for the same purpose stops working:
 * only the newest link sent is good) and queues its mail, in the caller's transaction.
 */
async function issueLink(
  tx: Tx,
  account: Account,
  purpose: AccountTokenPurpose,
  email: string,
  language: Language = languageOf(account),
): Promise<string | null> {
  await tx
    .update(accountTokens)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(accountTokens.userId, account.id),
        eq(accountTokens.purpose, purpose),
        isNull(accountTokens.usedAt),
      ),
    )
  const token = newSecretToken()
  const [row] = await tx
    .insert(accountTokens)
    .values({
      userId: account.id,
      purpose,
      tokenHash: tokenDigest(token),
      email,
      expiresAt: sql`now() + make_interval(secs => ${LINK_LIFETIME_MS[purpose] / 1000})`,
    })
    .returning({ id: accountTokens.id })
  const base = { to: email, userId: account.id, language }
  const data = { name: account.name, path: '' }
  const idempotencyKey = `${purpose}:${row!.id}`
  switch (purpose) {
    case 'verify-email':
      return queueMail(tx, {
        ...base,
        kind: 'verify-email',
        data: { ...data, path: `/verify-email/${token}` },
        idempotencyKey,
      })
    case 'change-email':
      return queueMail(tx, {
        ...base,
        kind: 'confirm-email-change',
        data: { ...data, path: `/verify-email/${token}` },
        idempotencyKey,
      })
    case 'reset-password':
      return queueMail(tx, {
        ...base,
        kind: 'reset-password',
        data: { ...data, path: `/reset-password/${token}` },
        idempotencyKey,
      })
  }
}

/**
 * Sign-up's verification mail, in the sign-up's transaction (in the language the page was read
 * in, when the account has chosen none); delivered once the transaction commits.
 */
export function queueVerificationMail(tx: Tx, account: Account, language?: Language) {
  return issueLink(tx, account, 'verify-email', account.email, language)
}

export const MAIL_THROTTLED = 'auth:refusals.mailThrottled'

async function throttle(keys: ThrottleKey[]) {
  const lockEnd = await lockedUntil(keys)
  if (lockEnd) {
    return fail({
      message: { key: MAIL_THROTTLED, values: { count: minutesUntil(lockEnd) } },
      status: 429,
    })
  }
  for (const key of keys) await countAttempt(...key)
  return null
}

/** The banner's "send the link again": throttled per account and address. */
export async function resendVerification(
  user: { id: string },
  ip: string,
): Promise<Result<{ alreadyVerified: boolean }>> {
  const [account] = await db().select().from(users).where(eq(users.id, user.id))
  if (!account) return fail({ status: 404 })
  if (account.emailVerifiedAt) return { ok: true, alreadyVerified: true }
  const refused = await throttle([
    ['mail-email', account.email],
    ['mail-ip', ip],
  ])
  if (refused) return refused
  await db().transaction((tx) => queueVerificationMail(tx, account))
  return { ok: true, alreadyVerified: false }
}

/**
 * Forgot password: the same answer whether or not the address has an account (and about the same
 * work: the mail is rendered either way), throttled per address and per IP.
 */
export async function requestPasswordReset(
  email: string,
  ip: string,
  language: Language,
): Promise<Result<object>> {
  const refused = await throttle([
    ['mail-email', email],
    ['mail-ip', ip],
  ])
  if (refused) return refused
  const [account] = await db().select().from(users).where(eq(users.email, email))
  if (!account || account.suspendedAt) {
    // No mail to send; the same rendering work keeps the answer's timing alike.
    await renderMail('reset-password', language, { name: email, path: '/reset-password/x' })
    return { ok: true }
  }
  await db().transaction((tx) =>
    issueLink(tx, account, 'reset-password', email, account.language ? undefined : language),
  )
  return { ok: true }
}

/**
 * Finds the live link behind a token (locked for the rest of the transaction), or why it is not.
 * `signedInUserId`: a link opened while signed in as another account is refused.
 */
async function takeLink(
  tx: Tx,
  token: string,
  purposes: AccountTokenPurpose[],
  signedInUserId: string | null,
) {
  const [row] = await tx
    .select({
      link: accountTokens,
      expired: sql<boolean>`${accountTokens.expiresAt} <= now()`,
      account: users,
    })
    .from(accountTokens)
    .innerJoin(users, eq(users.id, accountTokens.userId))
    .where(eq(accountTokens.tokenHash, tokenDigest(token)))
    .for('update', { of: accountTokens })
  if (!row || !purposes.includes(row.link.purpose)) return fail({ reason: 'unknown' as const })
  if (signedInUserId && signedInUserId !== row.account.id)
    return fail({ reason: 'other-account' as const })
  if (row.link.usedAt) return fail({ reason: 'used' as const })
  if (row.expired) return fail({ reason: 'expired' as const })
  return { ok: true as const, link: row.link, account: row.account }
}

/** Whether a link can still be used, and for what (its page offers the next step only then). */
export async function inspectLink(
  token: string,
  purposes: AccountTokenPurpose[],
  signedInUserId: string | null,
): Promise<LinkRefusal | { ok: true; purpose: AccountTokenPurpose; email: string }> {
  return db().transaction(async (tx) => {
    const found = await takeLink(tx, token, purposes, signedInUserId)
    return found.ok
      ? { ok: true as const, purpose: found.link.purpose, email: found.link.email }
      : found
  })
}

const checkResetLink = (token: string) => inspectLink(token, ['reset-password'], null)

/**
 * Uses a verification or email-change link: the first confirms the address the account has; the
 * second moves the account to the new address (proved by the link), tells the old one, audits.
 */
export async function applyEmailLink(
  token: string,
  signedInUserId: string | null,
  ip: string,
): Promise<LinkRefusal | { ok: true; userId: string; changed: boolean }> {
  return db().transaction(async (tx) => {
    const found = await takeLink(tx, token, ['verify-email', 'change-email'], signedInUserId)
    if (!found.ok) return found
    const { link, account } = found
    const used = () =>
      tx
        .update(accountTokens)
        .set({ usedAt: sql`now()` })
        .where(eq(accountTokens.id, link.id))
    if (link.purpose === 'verify-email') {
      // Sent to an address the account has since left: it proves nothing about today's.
      if (link.email !== account.email) return fail({ reason: 'stale' as const })
      await used()
      if (!account.emailVerifiedAt) {
        await tx
          .update(users)
          .set({ emailVerifiedAt: sql`now()`, updatedAt: sql`now()` })
          .where(eq(users.id, account.id))
        await recordAudit(tx, {
          actorUserId: account.id,
          action: 'user.email_verified',
          entityType: 'user',
          entityId: account.id,
          ip,
        })
      }
      return { ok: true as const, userId: account.id, changed: false }
    }
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, link.email))
    if (taken) return fail({ reason: 'taken' as const })
    await used()
    await tx
      .update(users)
      .set({ email: link.email, emailVerifiedAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(users.id, account.id))
    await recordAudit(tx, {
      actorUserId: account.id,
      action: 'user.email_changed',
      entityType: 'user',
      entityId: account.id,
      ip,
      details: { from: account.email, to: link.email },
    })
    await queueMail(tx, {
      to: account.email,
      userId: account.id,
      kind: 'email-changed-notice',
      language: languageOf(account),
      data: { name: account.name, newEmail: link.email },
      idempotencyKey: `email-changed-notice:${link.id}`,
    })
    return { ok: true as const, userId: account.id, changed: true }
  })
}

/**
 * Sets a new password from a reset link (sign-up's strength rules), ends every session of the
 * account, audits. The person then logs in with it.
 */
export async function resetPassword(
  token: string,
  input: ResetPasswordInput,
  ip: string,
): Promise<LinkRefusal | Failure<{ fieldErrors: Record<string, string> }> | { ok: true }> {
  const checked = await checkResetLink(token)
  if (!checked.ok) return checked
  const passwordHash = await hashPassword(input.newPassword)
  return db().transaction(async (tx) => {
    const found = await takeLink(tx, token, ['reset-password'], null)
    if (!found.ok) return found
    const weakness = passwordWeakness(input.newPassword, [found.account.email, found.account.name])
    if (weakness) return fail({ fieldErrors: { newPassword: weakness } })
    await tx
      .update(accountTokens)
      .set({ usedAt: sql`now()` })
      .where(eq(accountTokens.id, found.link.id))
    // A reset link proves the mailbox, as a verification link would.
    await tx
      .update(users)
      .set({
        passwordHash,
        emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())`,
        updatedAt: sql`now()`,
      })
      .where(eq(users.id, found.account.id))
    await endUserSessions(tx, found.account.id)
    // The security notice every password change sends; the used link is the event.
    await notifyPasswordChanged(tx, found.account.id, found.link.id)
    await recordAudit(tx, {
      actorUserId: found.account.id,
      action: 'user.password_reset',
      entityType: 'user',
      entityId: found.account.id,
      ip,
    })
    return { ok: true as const }
  })
}

/**
 * Change of email, first half: needs the current password; mails a link to the new address. The
 * account keeps its address until that link is used.
 */
export async function requestEmailChange(
  user: { id: string },
  input: ChangeEmailInput,
  ip: string,
): Promise<Result<object>> {
  const [account] = await db().select().from(users).where(eq(users.id, user.id))
  if (!account || !(await verifyPassword(account.passwordHash, input.currentPassword))) {
    return fail({ fieldErrors: { currentPassword: 'auth:refusals.wrongCurrentPassword' } })
  }
  if (input.newEmail === account.email) {
    return fail({ fieldErrors: { newEmail: 'auth:refusals.sameEmail' } })
  }
  const refused = await throttle([
    ['mail-email', account.email],
    ['mail-ip', ip],
  ])
  if (refused) return refused
  const [taken] = await db()
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, input.newEmail))
  if (taken) return fail({ fieldErrors: { newEmail: 'auth:refusals.emailTaken' } })
  await db().transaction(async (tx) => {
    await recordAudit(tx, {
      actorUserId: account.id,
      action: 'user.email_change_requested',
      entityType: 'user',
      entityId: account.id,
      ip,
      details: { to: input.newEmail },
    })
    await issueLink(tx, account, 'change-email', input.newEmail)
  })
  return { ok: true }
}
