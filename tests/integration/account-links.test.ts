import { and, desc, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '#db/client.server.ts'
import {
  accountTokens,
  auditLog,
  mailMessages,
  notifications,
  sessions,
  users,
} from '#db/schema/index.ts'
import {
  applyEmailLink,
  inspectLink,
  requestEmailChange,
  requestPasswordReset,
  resendVerification,
  resetPassword,
} from '#app/services/accounts/account-links.server.ts'
import { logIn, signUp } from '#app/services/accounts/accounts.server.ts'
import { acceptInvitation } from '#app/services/organizations/invitations.server.ts'
import {
  cookieFor,
  createOrgWithOwner,
  createUser,
  inviteToOrg,
  TEST_PASSWORD,
} from '#tests/support/factories.ts'
import { withTestDatabase } from '#tests/support/database.ts'

withTestDatabase()

const IP = '198.51.100.7'
const NEW_PASSWORD = 'a brand new sturdy passphrase'

/** The newest mail to `to` of `kind`, and the token in its link. */
async function lastMail(to: string, kind: string) {
  const [mail] = await db()
    .select()
    .from(mailMessages)
    .where(and(eq(mailMessages.toAddress, to), eq(mailMessages.kind, kind)))
    .orderBy(desc(mailMessages.createdAt))
    .limit(1)
  const token = /\/(?:verify-email|reset-password)\/([A-Za-z0-9_-]+)/.exec(mail?.text ?? '')?.[1]
  return { mail, token: token ?? '' }
}

const mailsTo = async (to: string) =>
  db().select().from(mailMessages).where(eq(mailMessages.toAddress, to))

const userRow = async (id: string) => (await db().select().from(users).where(eq(users.id, id)))[0]!

const expire = (userId: string) =>
  db()
    .update(accountTokens)
    .set({ expiresAt: new Date(Date.now() - 1000) })
    .where(eq(accountTokens.userId, userId))

let n = 0
async function signUpFresh(language: 'en' | 'es' = 'en') {
  const email = `new-${++n}-${Date.now()}@example.org`
  const result = await signUp(
    { name: 'Nueva Persona', email, password: 'plenty of words in here 9' },
    { ip: `203.0.113.${n}` },
    language,
  )
  if (!result.ok) throw new Error(JSON.stringify(result))
  return { email, userId: result.session.userId }
}

describe('verify email', () => {
  it('sign-up queues the verification mail in the reader’s language; the link confirms once', async () => {
    const { email, userId } = await signUpFresh('es')
    expect((await userRow(userId)).emailVerifiedAt).toBeNull()
    const { mail, token } = await lastMail(email, 'verify-email')
    expect(mail).toMatchObject({ language: 'es', subject: 'Confirme su correo electrónico' })
    expect(await inspectLink(token, ['verify-email'], null)).toMatchObject({ ok: true })
    expect(await applyEmailLink(token, null, IP)).toEqual({ ok: true, userId, changed: false })
    expect((await userRow(userId)).emailVerifiedAt).toBeInstanceOf(Date)
    // Used up: the second click changes nothing and says so.
    expect(await applyEmailLink(token, null, IP)).toMatchObject({ ok: false, reason: 'used' })
    const audits = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, userId), eq(auditLog.action, 'user.email_verified')))
    expect(audits).toHaveLength(1)
  })

  it('refuses an altered, an expired and another account’s link, changing nothing', async () => {
    const { email, userId } = await signUpFresh()
    const { token } = await lastMail(email, 'verify-email')
    const altered = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA')
    expect(await applyEmailLink(altered, null, IP)).toMatchObject({ reason: 'unknown' })
    const someoneElse = await createUser()
    expect(await applyEmailLink(token, someoneElse.id, IP)).toMatchObject({
      reason: 'other-account',
    })
    await expire(userId)
    expect(await applyEmailLink(token, userId, IP)).toMatchObject({ reason: 'expired' })
    expect((await userRow(userId)).emailVerifiedAt).toBeNull()
  })

  it('resending sends a new link, the old one stops working, and it is throttled', async () => {
    const { email, userId } = await signUpFresh()
    const first = (await lastMail(email, 'verify-email')).token
    expect(await resendVerification({ id: userId }, IP)).toEqual({
      ok: true,
      alreadyVerified: false,
    })
    const second = (await lastMail(email, 'verify-email')).token
    expect(second).not.toBe(first)
    expect(await applyEmailLink(first, null, IP)).toMatchObject({ reason: 'used' })
    await resendVerification({ id: userId }, IP)
    await resendVerification({ id: userId }, IP)
    const refused = await resendVerification({ id: userId }, IP)
    expect(refused).toMatchObject({ ok: false, status: 429 })
    expect((await mailsTo(email)).length).toBe(4)
  })

  it('an unconfirmed account cannot accept an invitation; once confirmed it can', async () => {
    const group = await createOrgWithOwner()
    const { email, userId } = await signUpFresh()
    const invitation = await inviteToOrg(group, email)
    expect(await acceptInvitation({ id: userId, email }, invitation)).toEqual({
      ok: false,
      reason: 'unverified',
      status: 403,
    })
    await applyEmailLink((await lastMail(email, 'verify-email')).token, userId, IP)
    expect(await acceptInvitation({ id: userId, email }, invitation)).toMatchObject({ ok: true })
  })
})

describe('forgot password', () => {
  it('answers the same whether or not the address has an account; mails only the account', async () => {
    const user = await createUser()
    const nobody = `nobody-${Date.now()}@example.org`
    expect(await requestPasswordReset(user.email, IP, 'en')).toEqual({ ok: true })
    expect(await requestPasswordReset(nobody, '198.51.100.8', 'en')).toEqual({ ok: true })
    expect(await mailsTo(nobody)).toEqual([])
    const { mail } = await lastMail(user.email, 'reset-password')
    expect(mail?.subject).toBe('Set a new password')
  })

  it('is throttled per address (and says so the same way for an address with no account)', async () => {
    const user = await createUser()
    for (let i = 0; i < 3; i++) await requestPasswordReset(user.email, `192.0.2.${i}`, 'en')
    expect(await requestPasswordReset(user.email, '192.0.2.99', 'en')).toMatchObject({
      ok: false,
      status: 429,
    })
    const nobody = `ghost-${Date.now()}@example.org`
    for (let i = 0; i < 3; i++) await requestPasswordReset(nobody, `192.0.2.${10 + i}`, 'en')
    expect(await requestPasswordReset(nobody, '192.0.2.98', 'en')).toMatchObject({ status: 429 })
  })

  it('the link sets a new password once, ends every session, tells the account, and is audited', async () => {
    const user = await createUser()
    await cookieFor(user.id)
    await cookieFor(user.id)
    await requestPasswordReset(user.email, IP, 'en')
    const { token } = await lastMail(user.email, 'reset-password')
    const weak = await resetPassword(
      token,
      { newPassword: 'password1234', confirmPassword: 'password1234' },
      IP,
    )
    expect(weak).toMatchObject({ ok: false, fieldErrors: { newPassword: expect.any(String) } })
    const input = { newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }
    expect(await resetPassword(token, input, IP)).toEqual({ ok: true })
    expect(await db().select().from(sessions).where(eq(sessions.userId, user.id))).toEqual([])
    expect(await logIn({ email: user.email, password: NEW_PASSWORD }, { ip: IP })).toMatchObject({
      ok: true,
    })
    expect(await logIn({ email: user.email, password: TEST_PASSWORD }, { ip: IP })).toMatchObject({
      ok: false,
    })
    expect(await resetPassword(token, input, IP)).toMatchObject({ ok: false, reason: 'used' })
    const audits = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, user.id), eq(auditLog.action, 'user.password_reset')))
    expect(audits).toHaveLength(1)
    // The security notice of a changed password, once (in the app and by mail, required).
    const notices = await db()
      .select({ kind: notifications.kind })
      .from(notifications)
      .where(and(eq(notifications.userId, user.id), eq(notifications.kind, 'password-changed')))
    expect(notices).toHaveLength(1)
    expect((await lastMail(user.email, 'password-changed')).mail?.subject).toBeTruthy()
  })

  it('an hour-old or altered link changes nothing', async () => {
    const user = await createUser()
    await requestPasswordReset(user.email, IP, 'en')
    const { token } = await lastMail(user.email, 'reset-password')
    const before = (await userRow(user.id)).passwordHash
    const input = { newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }
    expect(await resetPassword(token + 'x', input, IP)).toMatchObject({ reason: 'unknown' })
    await expire(user.id)
    expect(await resetPassword(token, input, IP)).toMatchObject({ reason: 'expired' })
    expect((await userRow(user.id)).passwordHash).toBe(before)
  })

  it('a verification link is not a reset link (nor the other way round)', async () => {
    const { email } = await signUpFresh()
    const { token } = await lastMail(email, 'verify-email')
    const input = { newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }
    expect(await resetPassword(token, input, IP)).toMatchObject({ reason: 'unknown' })
  })
})

describe('change email', () => {
  it('needs the current password', async () => {
    const user = await createUser()
    const result = await requestEmailChange(
      user,
      { currentPassword: 'not it', newEmail: 'x@example.org' },
      IP,
    )
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { currentPassword: expect.any(String) },
    })
  })

  it('mails the new address; the change happens on the link; the old address is told', async () => {
    const user = await createUser()
    const newEmail = `moved-${Date.now()}@example.org`
    const input = { currentPassword: TEST_PASSWORD, newEmail }
    expect(await requestEmailChange(user, input, IP)).toEqual({ ok: true })
    expect((await userRow(user.id)).email).toBe(user.email)
    const { token } = await lastMail(newEmail, 'confirm-email-change')
    expect(await applyEmailLink(token, user.id, IP)).toEqual({
      ok: true,
      userId: user.id,
      changed: true,
    })
    const after = await userRow(user.id)
    expect(after.email).toBe(newEmail)
    expect(after.emailVerifiedAt).toBeInstanceOf(Date)
    const { mail: notice } = await lastMail(user.email, 'email-changed-notice')
    expect(notice?.text).toContain(newEmail)
    const actions = await db()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, user.id))
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['user.email_change_requested', 'user.email_changed']),
    )
    expect(await applyEmailLink(token, user.id, IP)).toMatchObject({ reason: 'used' })
  })

  it('refuses an address another account took meanwhile', async () => {
    const user = await createUser()
    const newEmail = `contested-${Date.now()}@example.org`
    await requestEmailChange(user, { currentPassword: TEST_PASSWORD, newEmail }, IP)
    const { token } = await lastMail(newEmail, 'confirm-email-change')
    await createUser({ email: newEmail })
    expect(await applyEmailLink(token, user.id, IP)).toMatchObject({ reason: 'taken' })
    expect((await userRow(user.id)).email).toBe(user.email)
  })
})
