import { describe, expect, it } from 'vitest'
import * as login from '#app/routes/login.tsx'
import * as signup from '#app/routes/signup.tsx'
import * as newOrg from '#app/routes/orgs.new.tsx'
import { cookieFor, createUser, TEST_PASSWORD } from '#tests/support/factories.ts'
import { withTestDatabase } from '#tests/support/database.ts'
import { call, makeRequest } from '#tests/support/routes.ts'

withTestDatabase()

/** Each would leave the site in a browser, or could not even be sent as a Location header. */
const HOSTILE_TARGETS = ['/%09/evil.example', '/\t/evil.example', '/\nx', '/\\evil.example']

describe('where login, sign-up and a new group send people afterwards', () => {
  it.each(HOSTILE_TARGETS)('login with redirectTo %j goes home', async (redirectTo) => {
    const user = await createUser()
    const out = await call(
      login.action,
      makeRequest('/login', { form: { email: user.email, password: TEST_PASSWORD, redirectTo } }),
    )
    expect(out.status).toBe(302)
    expect(out.location).toBe('/')
  })

  it.each(HOSTILE_TARGETS)('sign-up with redirectTo %j goes home', async (redirectTo) => {
    const out = await call(
      signup.action,
      makeRequest('/signup', {
        form: {
          name: 'Ada Example',
          email: `ada-${Math.random().toString(36).slice(2)}@example.test`,
          password: TEST_PASSWORD,
          redirectTo,
        },
      }),
    )
    expect(out.status).toBe(302)
    expect(out.location).toBe('/')
  })

  it.each(HOSTILE_TARGETS)(
    'a new group with redirectTo %j goes to its page',
    async (redirectTo) => {
      const cookie = await cookieFor((await createUser()).id)
      const out = await call(
        newOrg.action,
        makeRequest('/orgs/new', {
          cookie,
          form: { kind: 'community_group', name: `Group ${Math.random()}`, redirectTo },
        }),
      )
      expect(out.status).toBe(302)
      expect(out.location).toMatch(/^\/orgs\/[a-z0-9-]+$/)
    },
  )

  it('keeps a local destination', async () => {
    const user = await createUser()
    const out = await call(
      login.action,
      makeRequest('/login', {
        form: { email: user.email, password: TEST_PASSWORD, redirectTo: '/programs/x/apply' },
      }),
    )
    expect(out.location).toBe('/programs/x/apply')
  })
})
