import { describe, expect, it } from 'vitest'
import { english } from '#tests/support/english.ts'
import { translateMessage, type Message } from '#app/lib/i18n/message.ts'
import { fixedT } from '#app/utils/i18n.server.ts'
import { listAudit, recordAudit, AUDIT_PAGE_SIZE } from '#app/services/admin/audit.server.ts'
import * as account from '#app/routes/account.tsx'
import * as adminAudit from '#app/routes/admin.audit.tsx'
import * as login from '#app/routes/login.tsx'
import * as logout from '#app/routes/logout.tsx'
import * as signup from '#app/routes/signup.tsx'
import { eq } from 'drizzle-orm'
import { db } from '#db/client.server.ts'
import { funds, throttles } from '#db/schema/index.ts'
import { countAttempt, POLICIES } from '#app/services/accounts/throttles.server.ts'
import {
  cookieFor,
  createOpenProgram,
  createUser,
  TEST_PASSWORD,
} from '#tests/support/factories.ts'
import { startSession } from '#app/services/accounts/sessions.server.ts'
import { withTestDatabase } from '#tests/support/database.ts'
import { call, makeRequest } from '#tests/support/routes.ts'

withTestDatabase()

const cookieOf = (headers: Headers) => (headers.get('Set-Cookie') ?? '').split(';')[0] ?? ''

describe('login and logout over HTTP', () => {
  it('sets an httpOnly, SameSite=Lax session cookie and honours a local redirectTo', async () => {
    const user = await createUser()
    const out = await call(
      login.action,
      makeRequest('/login', {
        form: { email: user.email.toUpperCase(), password: TEST_PASSWORD, redirectTo: '/account' },
      }),
    )
    expect(out.status).toBe(302)
    expect(out.location).toBe('/account')
    const setCookie = out.headers.get('Set-Cookie') ?? ''
    expect(setCookie).toMatch(/HttpOnly/i)
    expect(setCookie).toMatch(/SameSite=Lax/i)
  })

  it('ignores a redirectTo that leaves the site', async () => {
    const user = await createUser()
    const out = await call(
      login.action,
      makeRequest('/login', {
        form: { email: user.email, password: TEST_PASSWORD, redirectTo: 'https://evil.example' },
      }),
    )
    expect(out.location).toBe('/')
  })

  it('keeps the email but not the password after a failed login', async () => {
    const user = await createUser()
    const out = await call(
      login.action,
      makeRequest('/login', { form: { email: user.email, password: 'wrong wrong' } }),
    )
    expect(out.status).toBe(400)
    expect(out.data).toEqual({
      errors: { form: expect.any(String) },
      values: { email: user.email },
    })
  })

  it('logout ends the session in the database, so the old cookie stops working', async () => {
    const user = await createUser()
    const loggedIn = await call(
      login.action,
      makeRequest('/login', { form: { email: user.email, password: TEST_PASSWORD } }),
    )
    const cookie = cookieOf(loggedIn.headers)
    expect((await call(account.loader, makeRequest('/account', { cookie }))).status).toBe(200)
    await call(logout.action, makeRequest('/logout', { cookie, form: {} }))
    expect((await call(account.loader, makeRequest('/account', { cookie }))).status).toBe(302)
  })

  it('sign-up returns field errors and keeps name and email, not the password', async () => {
    const out = await call(
      signup.action,
      makeRequest('/signup', { form: { name: 'Ana', email: 'bad-email', password: 'short' } }),
    )
    expect(out.status).toBe(400)
    expect(out.data).toMatchObject({
      errors: { email: expect.any(String), password: expect.any(String) },
      values: { name: 'Ana', email: 'bad-email' },
    })
    expect((out.data as { values: object }).values).not.toHaveProperty('password')
  })

  it('says why a weak password is refused, next to the password field', async () => {
    const out = await call(
      signup.action,
      makeRequest('/signup', {
        form: { name: 'Ana', email: 'ana-weak@example.test', password: 'qwertyuiopasdf' },
      }),
    )
    expect(out.status).toBe(400)
    expect(english((out.data as { errors: { password: string } }).errors.password)).toMatch(
      /commonly used password/,
    )
    expect(out.data).toMatchObject({
      values: { name: 'Ana', email: 'ana-weak@example.test' },
    })
  })

  it('answers 429 in plain words once an address has used up its sign-ups', async () => {
    // The route's test context comes from 127.0.0.1; use up its allowance without hashing.
    for (let i = 0; i < POLICIES['signup-ip'].maxAttempts; i++) {
      await countAttempt('signup-ip', '127.0.0.1')
    }
    const out = await call(
      signup.action,
      makeRequest('/signup', {
        form: { name: 'Ana', email: 'ana-late@example.test', password: 'bright river morning' },
      }),
    )
    expect(out.status).toBe(429)
    expect(out.data).toMatchObject({
      errors: {
        form: { key: 'auth:refusals.signupThrottled', values: { count: expect.any(Number) } },
      },
      values: { email: 'ana-late@example.test' },
    })
    await db().delete(throttles).where(eq(throttles.kind, 'signup-ip'))
  })
})

describe('account page', () => {
  it('names each session’s browser ("Chrome on Linux") instead of the raw user agent', async () => {
    const user = await createUser()
    const chrome =
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36'
    await startSession(db(), user.id, { ip: '10.9.9.9', userAgent: chrome })
    const out = await call(
      account.loader,
      makeRequest('/account', { cookie: await cookieFor(user.id) }),
    )
    const { sessions } = out.data as { sessions: { browser: Message; ip: string }[] }
    const browser = (ip: string) =>
      sessions.find((s) => (s.ip === '10.9.9.9') === (ip === 'ours'))!.browser
    expect(english(browser('ours'))).toBe('Chrome on Linux')
    expect(translateMessage(fixedT('es'), browser('ours'))).toBe('Chrome en Linux')
    expect(english(browser('other'))).toBe('Unknown browser')
    expect(translateMessage(fixedT('es'), browser('other'))).toBe('Navegador desconocido')
    expect(JSON.stringify(out.data)).not.toContain('AppleWebKit')
  })
})

describe('audit log pages', () => {
  it('walks newest-first pages with a cursor, without gaps or repeats', async () => {
    const user = await createUser()
    const total = AUDIT_PAGE_SIZE + 7
    for (let i = 0; i < total; i++) {
      await recordAudit(db(), {
        actorUserId: user.id,
        action: 'rubric.reset',
        entityType: 'test',
        entityId: String(i),
      })
    }
    const first = await listAudit({ action: 'rubric.reset' })
    expect(first.rows).toHaveLength(AUDIT_PAGE_SIZE)
    expect(first.rows[0]?.entityId).toBe(String(total - 1))
    const second = await listAudit({ action: 'rubric.reset', before: first.nextBefore })
    expect(second.rows).toHaveLength(7)
    expect(second.nextBefore).toBeUndefined()
    const seen = new Set([...first.rows, ...second.rows].map((r) => r.entityId))
    expect(seen.size).toBe(total)
    const byActor = await listAudit({ actor: user.email.toUpperCase() })
    expect(byActor.rows).toHaveLength(AUDIT_PAGE_SIZE)
  })

  it('finds an actor by part of their name or email and shows readable rows', async () => {
    const admin = await createUser({ admin: true })
    const actor = await createUser({ name: 'Rosalind Okafor' })
    await recordAudit(db(), {
      actorUserId: actor.id,
      action: 'membership.role_changed',
      entityType: 'user',
      entityId: actor.id,
      details: { role: 'admin', changed: ['name', 'mission'] },
    })
    const cookie = await cookieFor(admin.id)
    for (const part of ['salind oka', actor.email.slice(2, 12).toUpperCase()]) {
      const out = await call(
        adminAudit.loader,
        makeRequest(`/admin/audit?actor=${encodeURIComponent(part)}`, { cookie }),
      )
      const { rows } = out.data as {
        rows: { action: string; actorName: string; details: { key: string; value: string }[] }[]
      }
      expect(rows.map((r) => r.action)).toEqual(['membership.role_changed'])
      expect(rows[0]).toMatchObject({
        actorName: 'Rosalind Okafor',
        details: [
          { key: 'role', value: 'admin' },
          { key: 'changed', value: '["name","mission"]' },
        ],
      })
    }
    // LIKE's wildcards are taken literally.
    expect(await listAudit({ actor: '%' })).toMatchObject({ rows: [] })
  })
})

describe('logging in to apply', () => {
  it('names the program when Apply sent the visitor, but never a program they may not see', async () => {
    const visible = await createOpenProgram()
    const hidden = await createOpenProgram()
    await db().update(funds).set({ visibility: 'private' }).where(eq(funds.id, hidden.fund.id))
    const page = (redirectTo: string) =>
      call(login.loader, makeRequest(`/login?redirectTo=${encodeURIComponent(redirectTo)}`))
    expect((await page(`/programs/${visible.program.slug}/apply`)).data).toEqual({
      title: 'Log in',
      applyingTo: visible.program.title,
    })
    for (const other of [
      `/programs/${hidden.program.slug}/apply`,
      `/programs/${visible.program.slug}`,
      '/programs/nope/apply',
      '/',
    ]) {
      expect((await page(other)).data).toEqual({ title: 'Log in', applyingTo: null })
    }
  })
})
