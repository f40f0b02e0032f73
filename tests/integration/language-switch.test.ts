import { eq } from 'drizzle-orm'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { db } from '#db/client.server.ts'
import { users } from '#db/schema/index.ts'
import * as language from '#app/routes/language.tsx'
import * as account from '#app/routes/account.tsx'
import * as root from '#app/root.tsx'
import { hreflangLinks } from '#app/lib/i18n/meta.ts'
import { forgetEnv } from '#app/config/env.server.ts'
import { cookieFor, createUser } from '#tests/support/factories.ts'
import { withTestDatabase } from '#tests/support/database.ts'
import { call, makeRequest } from '#tests/support/routes.ts'

withTestDatabase()

const savedLanguage = async (id: string) =>
  (await db().select({ language: users.language }).from(users).where(eq(users.id, id)))[0]?.language

describe('the language switch', () => {
  it('sets the lang cookie for a year and goes back to the page it came from', async () => {
    const out = await call(
      language.action,
      makeRequest('/language', { form: { language: 'es', redirectTo: '/programs?page=2' } }),
    )
    expect(out.status).toBe(302)
    expect(out.location).toBe('/programs?page=2')
    expect(out.headers.get('Set-Cookie')).toBe('lang=es; Path=/; Max-Age=31536000; SameSite=Lax')
  })

  it('saves the choice on the account when signed in', async () => {
    const user = await createUser()
    const cookie = await cookieFor(user.id)
    expect(await savedLanguage(user.id)).toBeNull()
    await call(language.action, makeRequest('/language', { cookie, form: { language: 'es' } }))
    expect(await savedLanguage(user.id)).toBe('es')
  })

  it('refuses to send anyone to another site', async () => {
    for (const redirectTo of ['https://evil.example/', '//evil.example', '/\t/evil.example']) {
      const out = await call(
        language.action,
        makeRequest('/language', { form: { language: 'en', redirectTo } }),
      )
      expect(out.location).toBe('/')
    }
  })

  it('refuses a language it does not speak, and sets nothing', async () => {
    const out = await call(language.action, makeRequest('/language', { form: { language: 'fr' } }))
    expect(out.status).toBe(400)
    expect(out.headers.get('Set-Cookie')).toBeNull()
  })
})

describe('the account page', () => {
  it('saves the language preference, or forgets it to follow the browser', async () => {
    const user = await createUser()
    const cookie = await cookieFor(user.id)
    const post = (value: string) =>
      call(
        account.action,
        makeRequest('/account', { cookie, form: { intent: 'language', language: value } }),
      )
    expect((await post('es')).status).toBe(302)
    expect(await savedLanguage(user.id)).toBe('es')
    expect((await post('')).status).toBe(302)
    expect(await savedLanguage(user.id)).toBeNull()
    expect((await post('klingon')).status).toBe(400)
  })

  it('renders its title in the account language', async () => {
    const user = await createUser()
    await db().update(users).set({ language: 'es' }).where(eq(users.id, user.id))
    const out = await call(
      account.loader,
      makeRequest('/account', { cookie: await cookieFor(user.id) }),
    )
    expect(out.data).toMatchObject({ title: 'Su cuenta' })
  })
})

describe('hreflang alternates', () => {
  afterEach(() => {
    vi.unstubAllEnvs()
    forgetEnv()
  })

  const alternates = async (request: Request) => {
    const out = await call(root.loader, request)
    return hreflangLinks([{ id: 'root', data: out.data }]).map((link) => {
      const { hrefLang, href } = link as { hrefLang: string; href: string }
      return `${hrefLang} ${href}`
    })
  }

  it('use the request’s origin by default', async () => {
    expect(await alternates(makeRequest('/programs?q=salud'))).toEqual([
      'en http://localhost/programs?lang=en',
      'es http://localhost/programs?lang=es',
      'x-default http://localhost/programs',
    ])
  })

  it('use the public origin (APP_ORIGIN) when a proxy hands the app another host', async () => {
    vi.stubEnv('APP_ORIGIN', 'https://commons.example.org/')
    forgetEnv() // the settings are read once; read them again with this one
    const behindProxy = new Request('http://10.0.0.7:3000/programs/x', {
      headers: { host: '10.0.0.7:3000' },
    })
    expect(await alternates(behindProxy)).toEqual([
      'en https://commons.example.org/programs/x?lang=en',
      'es https://commons.example.org/programs/x?lang=es',
      'x-default https://commons.example.org/programs/x',
    ])
  })
})
