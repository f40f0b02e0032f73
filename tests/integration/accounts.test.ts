import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '#db/client.server.ts'
import { auditLog, sessions, throttles, users } from '#db/schema/index.ts'
import {
  changePassword,
  INVALID_LOGIN,
  logIn,
  logOut,
  signUp,
  SUSPENDED_LOGIN,
} from '#app/services/accounts/accounts.server.ts'
import { POLICIES } from '#app/services/accounts/throttles.server.ts'
import { findSessionUser, startSession } from '#app/services/accounts/sessions.server.ts'
import { createUser, TEST_PASSWORD } from '#tests/support/factories.ts'
import { english } from '#tests/support/english.ts'
import { raceTest, withTestDatabase } from '#tests/support/database.ts'

withTestDatabase()

const origin = { ip: '10.0.0.1', userAgent: 'vitest' }
const signup = (email: string) =>
  signUp({ name: 'New Person', email, password: 'a long enough passphrase' }, origin)

describe('sign up', () => {
  it('creates the user, a session and an audit row', async () => {
    const result = await signup('new@example.test')
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const user = await findSessionUser(result.session.token)
    expect(user?.email).toBe('new@example.test')
    const audit = await db()
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, result.session.userId))
    expect(audit.map((a) => a.action)).toContain('user.signed_up')
  })

  it('refuses a taken email at the email field', async () => {
    await signup('taken@example.test')
    const again = await signup('taken@example.test')
    expect(again).toMatchObject({
      ok: false,
      fieldErrors: { email: 'auth:refusals.emailTaken' },
    })
  })

  raceTest('lets exactly one of two simultaneous sign-ups with one email succeed', async () => {
    const results = await Promise.all([signup('race@example.test'), signup('race@example.test')])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    const rows = await db().select().from(users).where(eq(users.email, 'race@example.test'))
    expect(rows).toHaveLength(1)
  })

  it('stores an argon2id hash, never the password', async () => {
    await signup('hash@example.test')
    const [row] = await db().select().from(users).where(eq(users.email, 'hash@example.test'))
    expect(row?.passwordHash).toMatch(/^\$argon2id\$/)
    expect(row?.passwordHash).not.toContain('a long enough passphrase')
  })
})

describe('password strength', () => {
  // zxcvbn's dictionaries and patterns catch what a length rule lets through.
  const weak = ['1234567890123456', 'qwertyuiopasdf', 'abcdeabcdeabcde']

  it.each(weak)('refuses %s at sign-up, saying why, and creates no account', async (password) => {
    const email = `weak-${password.slice(0, 4)}@example.test`
    const result = await signUp({ name: 'Weak Choice', email, password }, { ip: '10.0.1.1' })
    expect(result.ok).toBe(false)
    const said = result.ok ? undefined : english(result.fieldErrors?.password)
    expect(said).toMatch(/common|guess|Repeated|pattern/i)
    expect(await db().select().from(users).where(eq(users.email, email))).toEqual([])
  })

  it('accepts a passphrase of unrelated words, and the demo password', async () => {
    expect((await signup('phrase@example.test')).ok).toBe(true)
    const demo = await signUp(
      { name: 'Demo Like', email: 'demo-like@example.test', password: 'commons-demo-2026' },
      { ip: '10.0.1.2' },
    )
    expect(demo.ok).toBe(true)
  })

  it('refuses a weak new password on the new-password field', async () => {
    const user = await createUser()
    const { token } = await startSession(db(), user.id, origin)
    const me = await findSessionUser(token)
    if (!me) throw new Error('no session')
    const result = await changePassword(
      me,
      { currentPassword: TEST_PASSWORD, newPassword: weak[0]!, confirmPassword: weak[0]! },
      origin,
    )
    expect(result).toMatchObject({ ok: false, fieldErrors: { newPassword: expect.any(String) } })
    expect((await logIn({ email: user.email, password: TEST_PASSWORD }, origin)).ok).toBe(true)
  })
})

describe('sign-up throttle', () => {
  it('refuses the attempt after the limit from one address with 429, before hashing', async () => {
    const ip = { ip: '10.0.2.1' }
    const limit = POLICIES['signup-ip'].maxAttempts
    for (let i = 0; i < limit; i++) {
      const made = await signUp(
        { name: 'Many', email: `many-${i}@example.test`, password: 'a long enough passphrase' },
        ip,
      )
      expect(made.ok).toBe(true)
    }
    const refused = await signUp(
      { name: 'One More', email: 'one-more@example.test', password: 'a long enough passphrase' },
      ip,
    )
    expect(refused).toMatchObject({
      ok: false,
      status: 429,
      message: { key: 'auth:refusals.signupThrottled', values: { count: expect.any(Number) } },
    })
    expect(await db().select().from(users).where(eq(users.email, 'one-more@example.test'))).toEqual(
      [],
    )
    // Another address still signs up.
    expect((await signup('elsewhere@example.test')).ok).toBe(true)
    const [row] = await db().select().from(throttles).where(eq(throttles.key, ip.ip))
    expect(row).toMatchObject({ kind: 'signup-ip' })
  }, 60_000)
})

describe('log in', () => {
  it('starts a session with the right password', async () => {
    const user = await createUser()
    const result = await logIn({ email: user.email, password: TEST_PASSWORD }, origin)
    expect(result.ok).toBe(true)
  })

  it('gives one generic message for a wrong password and for an unknown email', async () => {
    const user = await createUser()
    const wrong = await logIn({ email: user.email, password: 'not it at all' }, origin)
    const unknown = await logIn({ email: 'nobody@example.test', password: 'whatever' }, origin)
    expect(wrong).toEqual({ ok: false, status: 400, message: INVALID_LOGIN })
    expect(unknown).toEqual(wrong)
  })

  it('locks the account after repeated failures, even with the right password, and audits it', async () => {
    const user = await createUser()
    const ip = { ip: '10.0.0.2' }
    for (let i = 0; i < POLICIES['login-email'].maxAttempts; i++) {
      await logIn({ email: user.email, password: 'wrong password' }, ip)
    }
    const locked = await logIn({ email: user.email, password: TEST_PASSWORD }, ip)
    expect(locked).toMatchObject({
      ok: false,
      status: 429,
      message: { key: 'auth:refusals.loginThrottled' },
    })
    const audit = await db().select().from(auditLog).where(eq(auditLog.action, 'user.locked_out'))
    expect(audit.some((a) => a.entityId === user.id)).toBe(true)
  })

  raceTest('counts concurrent failures without losing any', async () => {
    const user = await createUser()
    const attempts = Array.from({ length: POLICIES['login-email'].maxAttempts }, () =>
      logIn({ email: user.email, password: 'wrong password' }, { ip: '10.0.0.3' }),
    )
    await Promise.all(attempts)
    const after = await logIn({ email: user.email, password: TEST_PASSWORD }, { ip: '10.0.0.3' })
    expect(after).toMatchObject({ ok: false, status: 429 })
  })

  it('locks an address that tries many accounts', async () => {
    const ip = { ip: '10.0.0.4' }
    for (let i = 0; i < POLICIES['login-ip'].maxAttempts; i++) {
      await logIn({ email: `guess${i}@example.test`, password: 'x' }, ip)
    }
    const user = await createUser()
    expect(await logIn({ email: user.email, password: TEST_PASSWORD }, ip)).toMatchObject({
      status: 429,
    })
    // Another address is unaffected.
    expect((await logIn({ email: user.email, password: TEST_PASSWORD }, origin)).ok).toBe(true)
  }, 60_000)

  it('audits logins, failed logins and logouts, masking emails that have no account', async () => {
    const user = await createUser()
    await logIn({ email: user.email, password: 'wrong password' }, { ip: '10.0.3.1' })
    await logIn({ email: 'stranger.person@example.test', password: 'x' }, { ip: '10.0.3.1' })
    const ok = await logIn({ email: user.email, password: TEST_PASSWORD }, { ip: '10.0.3.1' })
    if (!ok.ok) throw new Error('login failed')
    await logOut(ok.session.token, { ip: '10.0.3.1' })
    await logOut(ok.session.token, { ip: '10.0.3.1' }) // a second logout records nothing
    const rows = await db().select().from(auditLog).where(eq(auditLog.ip, '10.0.3.1'))
    expect(rows.map((r) => [r.action, r.actorUserId])).toEqual([
      ['user.login_failed', user.id],
      ['user.login_failed', null],
      ['user.logged_in', user.id],
      ['user.logged_out', user.id],
    ])
    expect(rows[1]?.details).toEqual({ email: 's…@example.test' })
    expect(JSON.stringify(rows)).not.toContain('stranger.person')
  })

  it('refuses a suspended account, and says so only to someone with the password', async () => {
    const user = await createUser()
    await db().update(users).set({ suspendedAt: new Date() }).where(eq(users.id, user.id))
    const wrong = await logIn({ email: user.email, password: 'not it' }, { ip: '10.0.3.2' })
    expect(wrong).toMatchObject({ message: INVALID_LOGIN })
    const right = await logIn({ email: user.email, password: TEST_PASSWORD }, { ip: '10.0.3.2' })
    expect(right).toEqual({ ok: false, status: 403, message: SUSPENDED_LOGIN })
    expect(await db().select().from(sessions).where(eq(sessions.userId, user.id))).toEqual([])
  })

  it('a success clears the account’s failure count', async () => {
    const user = await createUser()
    for (let i = 0; i < POLICIES['login-email'].maxAttempts - 1; i++) {
      await logIn({ email: user.email, password: 'wrong password' }, origin)
    }
    expect((await logIn({ email: user.email, password: TEST_PASSWORD }, origin)).ok).toBe(true)
    await logIn({ email: user.email, password: 'wrong password' }, origin)
    expect((await logIn({ email: user.email, password: TEST_PASSWORD }, origin)).ok).toBe(true)
  })
})

describe('sessions', () => {
  it('an unknown token finds nobody', async () => {
    expect(await findSessionUser('forged-token')).toBeNull()
  })

  it('records when a session was last active, at most every quarter hour', async () => {
    const user = await createUser()
    const { token } = await startSession(db(), user.id, origin)
    const longAgo = new Date(Date.now() - 3_600_000)
    await db().update(sessions).set({ lastSeenAt: longAgo }).where(eq(sessions.userId, user.id))
    await findSessionUser(token)
    const [seen] = await db().select().from(sessions).where(eq(sessions.userId, user.id))
    expect(seen!.lastSeenAt.getTime()).toBeGreaterThan(longAgo.getTime() + 3_000_000)
    await findSessionUser(token)
    const [again] = await db().select().from(sessions).where(eq(sessions.userId, user.id))
    expect(again!.lastSeenAt.getTime()).toBe(seen!.lastSeenAt.getTime())
  })

  it('an expired session finds nobody', async () => {
    const user = await createUser()
    const { token } = await startSession(db(), user.id, origin)
    await db()
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.userId, user.id))
    expect(await findSessionUser(token)).toBeNull()
  })

  it('changing the password ends the other sessions but keeps this one', async () => {
    const user = await createUser()
    const mine = await startSession(db(), user.id, origin)
    const other = await startSession(db(), user.id, origin)
    const me = await findSessionUser(mine.token)
    if (!me) throw new Error('no session')
    const result = await changePassword(
      me,
      {
        currentPassword: TEST_PASSWORD,
        newPassword: 'an entirely new phrase',
        confirmPassword: 'an entirely new phrase',
      },
      origin,
    )
    expect(result.ok).toBe(true)
    expect(await findSessionUser(mine.token)).not.toBeNull()
    expect(await findSessionUser(other.token)).toBeNull()
    const relogin = await logIn({ email: user.email, password: 'an entirely new phrase' }, origin)
    expect(relogin.ok).toBe(true)
  })

  it('refuses a password change with the wrong current password', async () => {
    const user = await createUser()
    const { token } = await startSession(db(), user.id, origin)
    const me = await findSessionUser(token)
    if (!me) throw new Error('no session')
    const result = await changePassword(
      me,
      {
        currentPassword: 'wrong one',
        newPassword: 'an entirely new phrase',
        confirmPassword: 'an entirely new phrase',
      },
      origin,
    )
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { currentPassword: expect.any(String) },
    })
  })
})
