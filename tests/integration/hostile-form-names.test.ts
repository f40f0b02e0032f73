import { readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ActionFunctionArgs } from '@remix-run/node'
import * as apply from '#app/routes/programs.$slug.apply.tsx'
import * as login from '#app/routes/login.tsx'
import {
  cookieFor,
  createOpenProgram,
  createOrgWithOwner,
  createUser,
  TEST_PASSWORD,
} from '#tests/support/factories.ts'
import { withTestDatabase } from '#tests/support/database.ts'
import { call, makeRequest } from '#tests/support/routes.ts'

withTestDatabase()

/** Names that reach into what every object inherits, as an attacker would post them. */
const HOSTILE_NAMES = [
  'toString',
  'toString.call',
  'valueOf',
  'valueOf.x',
  'hasOwnProperty',
  'hasOwnProperty.call',
  'isPrototypeOf.apply',
  'propertyIsEnumerable.length',
  '__defineGetter__.call',
  'toLocaleString.bind',
  '__proto__',
  '__proto__.x',
  '__proto__.toString',
  'constructor',
  'constructor.prototype.x',
  'constructor.name',
  'lines.length',
  'lines.0.toString.call',
  'email.length',
  'intent.toString.call',
  'a.b.c.d.e.f.g.h.i.j',
  `${'x'.repeat(5000)}.y`,
]

/** Every own property of the built-ins a form walk could reach, to prove none changed. */
function builtInsSnapshot() {
  const roots: object[] = [
    Object,
    Object.prototype,
    Function.prototype,
    Array.prototype,
    String.prototype,
    Number.prototype,
    Boolean.prototype,
  ]
  for (const key of Reflect.ownKeys(Object.prototype)) {
    const value = (Object.prototype as Record<PropertyKey, unknown>)[key]
    if (typeof value === 'function') roots.push(value)
  }
  return roots.map((root) =>
    Reflect.ownKeys(root).map((key) => [String(key), Object.getOwnPropertyDescriptor(root, key)]),
  )
}

type RouteModule = { action?: (args: ActionFunctionArgs) => unknown }

const routesDir = path.resolve(import.meta.dirname, '../../app/routes')
const routeFiles = readdirSync(routesDir).filter((f) => /\.tsx?$/.test(f))

describe('hostile form names', () => {
  it('every action answers (never a 500 or a throw) and no built-in changes', async () => {
    const funder = await createOpenProgram()
    const group = await createOrgWithOwner('community_group')
    const groupCookie = await cookieFor(group.owner.id)
    const started = await call(
      apply.action,
      makeRequest(`/programs/${funder.program.slug}/apply`, {
        cookie: groupCookie,
        form: { organization: group.org.slug },
      }),
      { slug: funder.program.slug },
    )
    const draftId = started.location?.split('/').pop() ?? ''
    expect(draftId).toMatch(/^[0-9a-f-]{36}$/)

    const funderCookie = await cookieFor(funder.owner.id)
    const before = builtInsSnapshot()
    let tried = 0
    for (const file of routeFiles) {
      const route = (await import(`#app/routes/${file}`)) as RouteModule
      if (!route.action) continue
      const segments = file.replace(/\.tsx?$/, '').split('.')
      const params: Record<string, string> = {
        id: draftId,
        slug: segments[0] === 'programs' ? funder.program.slug : funder.org.slug,
        fundSlug: funder.fund.slug,
        programSlug: funder.program.slug,
        attachmentId: '00000000-0000-4000-8000-000000000000',
        token: 'not-a-token',
      }
      const owner = segments[0] === 'orgs' && segments[1] === '$slug' ? funder.owner : group.owner
      const anonymous = file === 'login.tsx' || file === 'signup.tsx'
      const urlPath =
        '/' +
        segments
          .filter((s) => s !== '_index')
          .map((s) => (s.startsWith('$') ? (params[s.slice(1)] ?? s) : s))
          .join('/')
      for (const name of [...HOSTILE_NAMES, 'all at once']) {
        // The logout action ends the session it is given, so it gets a fresh one each time.
        const cookie = anonymous
          ? undefined
          : file === 'logout.tsx'
            ? await cookieFor(owner.id)
            : owner === funder.owner
              ? funderCookie
              : groupCookie
        const form =
          name === 'all at once'
            ? Object.fromEntries(HOSTILE_NAMES.map((n) => [n, 'x']))
            : { [name]: 'x', intent: 'save' }
        const outcome = await call(
          route.action as never,
          makeRequest(urlPath, { cookie, form }),
          params,
        )
        expect(outcome.status, `${file} with ${name.slice(0, 40)}`).toBeLessThan(500)
        tried++
      }
    }
    expect(tried).toBeGreaterThan(20 * HOSTILE_NAMES.length)
    expect(builtInsSnapshot()).toEqual(before)
    expect(typeof Object.prototype.hasOwnProperty.call).toBe('function')
    expect(({} as Record<string, unknown>).x).toBeUndefined()
    // Some 600 requests: generous for a loaded two-core machine.
  }, 180_000)

  it('a name and a deeper name through it (email and email.x): the plain one wins', async () => {
    const user = await createUser()
    const outcome = await call(
      login.action,
      makeRequest('/login', {
        form: { email: user.email, 'email.x': 'y', password: TEST_PASSWORD },
      }),
    )
    expect(outcome.status).toBe(302)
  })
})
