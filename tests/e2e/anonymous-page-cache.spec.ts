// The anonymous page cache (docs/decisions/018) in the built app: what a signed-out visitor is
// served from memory is the page a fresh render gives, with its own nonce; nobody signed in is
// ever served or leaves a page behind; languages never cross. The last tests start servers of
// their own with other settings (PGlite; the cache does not depend on the database's driver).
import { spawn } from 'node:child_process'
import { randomBytes, randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { request as newRequest, type APIRequestContext, type APIResponse } from '@playwright/test'
import { DEMO_PASSWORD, expect, test } from './fixtures.ts'

const PROGRAM = 'community-health-access-2027'
const PUBLIC_PAGES = ['/login', '/signup', '/', '/programs', `/programs/${PROGRAM}`]

/** An address no other test has asked for, so the first visit is a fresh render. */
const fresh = (path: string) => `${path}?visit=${randomUUID().slice(0, 8)}`
const cacheOf = (r: APIResponse) => r.headers()['x-page-cache']
const nonceOf = (r: APIResponse) =>
  /'nonce-([^']+)'/.exec(r.headers()['content-security-policy'] ?? '')?.[1] ?? ''
const htmlLang = async (r: APIResponse) => /<html lang="([a-z]+)"/.exec(await r.text())?.[1]

test('a second visit is served from memory: the fresh page with its own nonce, which its CSP allows', async ({
  request,
}) => {
  for (const page of PUBLIC_PAGES) {
    const url = fresh(page)
    const rendered = await request.get(url)
    const kept = await request.get(url)
    expect([rendered.status(), kept.status()], page).toEqual([200, 200])
    expect([cacheOf(rendered), cacheOf(kept)], page).toEqual(['miss', 'hit'])
    const [first, second] = [nonceOf(rendered), nonceOf(kept)]
    expect(first).toMatch(/^[A-Za-z0-9+/]{22}==$/)
    expect(second).toMatch(/^[A-Za-z0-9+/]{22}==$/)
    expect(second).not.toBe(first)
    const [renderedBody, keptBody] = [await rendered.text(), await kept.text()]
    expect(renderedBody).toContain(`nonce="${first}"`)
    expect(keptBody).toContain(`nonce="${second}"`)
    expect(keptBody).not.toContain(first)
    expect(keptBody.replaceAll(second, 'NONCE')).toBe(renderedBody.replaceAll(first, 'NONCE'))
    // Its own request id and security headers; the page's own headers as rendered.
    expect(kept.headers()['x-request-id']).toBeTruthy()
    expect(kept.headers()['x-request-id']).not.toBe(rendered.headers()['x-request-id'])
    for (const name of ['content-type', 'x-frame-options', 'referrer-policy']) {
      expect(kept.headers()[name], name).toBe(rendered.headers()[name])
    }
  }
})

test('a page served from memory runs its scripts in the browser under its CSP', async ({
  page,
}) => {
  const violations: string[] = []
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text())
  })
  const url = fresh('/login')
  expect(cacheOf((await page.request.get(url)) as APIResponse)).toBe('miss')
  const served = await page.goto(url)
  expect(served?.headers()['x-page-cache']).toBe('hit')
  // Hydrated: the router Remix starts in the browser has taken over.
  await page.waitForFunction(
    () =>
      (window as unknown as { __remixRouter?: { state: { initialized: boolean } } }).__remixRouter
        ?.state.initialized === true,
  )
  await expect(page.getByRole('heading', { level: 1, name: 'Log in' })).toBeVisible()
  expect(violations).toEqual([])
})

test('a signed-in visitor is never served from memory, and their page is never kept', async ({
  request,
  baseURL,
}) => {
  const signedIn = await newRequest.newContext({ baseURL })
  try {
    const login = await signedIn.post('/login', {
      form: { email: 'maria@example.org', password: DEMO_PASSWORD, redirectTo: '' },
      maxRedirects: 0,
    })
    expect(login.status()).toBe(302)
    for (const page of ['/programs', `/programs/${PROGRAM}`]) {
      const url = fresh(page)
      for (let i = 0; i < 2; i++) {
        const theirs = await signedIn.get(url)
        expect(cacheOf(theirs)).toBeUndefined()
        expect(await theirs.text()).toContain('action="/logout"')
      }
      // Nothing of theirs was kept: the first anonymous visit is rendered afresh, signed out.
      const anonymous = await request.get(url)
      expect(cacheOf(anonymous)).toBe('miss')
      expect(await anonymous.text()).not.toContain('action="/logout"')
      expect(cacheOf(await request.get(url))).toBe('hit')
      // And what is kept for visitors is not served to them.
      const theirs = await signedIn.get(url)
      expect(cacheOf(theirs)).toBeUndefined()
      expect(await theirs.text()).toContain('action="/logout"')
    }
  } finally {
    await signedIn.dispose()
  }
})

test('Spanish and English never cross: Accept-Language, the lang cookie and ?lang=', async ({
  request,
}) => {
  const url = fresh('/login')
  const spanish = await request.get(url, { headers: { 'Accept-Language': 'es-MX,es;q=0.9' } })
  expect([cacheOf(spanish), await htmlLang(spanish)]).toEqual(['miss', 'es'])
  const english = await request.get(url, { headers: { 'Accept-Language': 'en-US' } })
  expect([cacheOf(english), await htmlLang(english)]).toEqual(['miss', 'en'])
  // The cookie chooses over the browser's languages, as the root loader does.
  const byCookie = await request.get(url, {
    headers: { Cookie: 'lang=es', 'Accept-Language': 'en-US' },
  })
  expect([cacheOf(byCookie), await htmlLang(byCookie)]).toEqual(['hit', 'es'])
  expect(await byCookie.text()).toContain('Iniciar sesión')
  // ?lang= chooses over the cookie.
  const asked = await request.get(`${url}&lang=en`, { headers: { Cookie: 'lang=es' } })
  expect([cacheOf(asked), await htmlLang(asked)]).toEqual(['miss', 'en'])
  const again = await request.get(`${url}&lang=en`, { headers: { 'Accept-Language': 'es' } })
  expect([cacheOf(again), await htmlLang(again)]).toEqual(['hit', 'en'])
  const other = await request.get(`${url}&lang=es`, { headers: { 'Accept-Language': 'en' } })
  expect([cacheOf(other), await htmlLang(other)]).toEqual(['miss', 'es'])
})

test('HEAD is answered from what a GET kept, without a body', async ({ request }) => {
  const url = fresh('/programs')
  const before = await request.head(url)
  expect([before.status(), cacheOf(before)]).toEqual([200, 'miss'])
  expect(cacheOf(await request.get(url))).toBe('miss')
  const head = await request.head(url)
  expect([head.status(), cacheOf(head)]).toEqual([200, 'hit'])
  expect(head.headers()['content-type']).toBe('text/html; charset=utf-8')
  expect(nonceOf(head)).toBeTruthy()
  expect((await head.body()).length).toBe(0)
})

test('a page that is not found, or another cookie, is never kept', async ({ request }) => {
  const missing = fresh('/programs/no-such-program')
  for (let i = 0; i < 2; i++) expect((await request.get(missing)).status()).toBe(404)
  expect(cacheOf(await request.get(missing))).toBe('miss')
  const url = fresh('/signup')
  for (const cookie of ['cf_flash=something', 'cf_session=forged', 'unknown=1']) {
    expect(cacheOf(await request.get(url, { headers: { Cookie: cookie } })), cookie).toBe(undefined)
  }
  expect(cacheOf(await request.get(url))).toBe('miss')
})

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

/** The built app on a PGlite folder of its own, with the cache settings given. */
async function startServer(settings: Record<string, string>) {
  const port = await freePort()
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    SEED_DEMO: '0',
    SESSION_SECRET: randomBytes(32).toString('base64url'),
    LOG_LEVEL: 'warn',
    PORT: String(port),
    ...settings,
  }
  delete env.DATABASE_URL
  const dataDir = mkdtempSync(path.join(tmpdir(), 'commons-page-cache-'))
  const child = spawn(
    process.execPath,
    [path.join(process.env.BUILD_DIR ?? 'build', 'server.js')],
    {
      cwd: path.resolve(import.meta.dirname, '../..'),
      env: { ...env, DATA_DIR: dataDir },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  )
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const api: APIRequestContext = await newRequest.newContext({
    baseURL: `http://127.0.0.1:${port}`,
  })
  await expect
    .poll(async () => (await api.get('/healthz').catch(() => null))?.status(), {
      timeout: 120_000,
    })
    .toBe(200)
  return {
    api,
    stop: async () => {
      await api.dispose()
      child.kill('SIGTERM')
      await exited
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

test.describe('with other settings', () => {
  test.describe.configure({ timeout: 180_000 })

  test('PAGE_CACHE_SECONDS=0 turns it off; the entries stay bounded; a page expires', async () => {
    const [off, small] = await Promise.all([
      startServer({ PAGE_CACHE_SECONDS: '0' }),
      startServer({ PAGE_CACHE_SECONDS: '2', PAGE_CACHE_ENTRIES: '3' }),
    ])
    try {
      for (let i = 0; i < 2; i++) {
        const r = await off.api.get('/login')
        expect([r.status(), cacheOf(r)]).toEqual([200, undefined])
      }
      // Thirty distinct query strings: only the last three are kept.
      for (let i = 0; i < 30; i++) await small.api.get(`/login?q=${i}`)
      expect(cacheOf(await small.api.get('/login?q=29'))).toBe('hit')
      expect(cacheOf(await small.api.get('/login?q=27'))).toBe('hit')
      expect(cacheOf(await small.api.get('/login?q=0'))).toBe('miss')
      // After its time a page is rendered again.
      expect(cacheOf(await small.api.get('/login?q=0'))).toBe('hit')
      await new Promise((r) => setTimeout(r, 2_100))
      expect(cacheOf(await small.api.get('/login?q=0'))).toBe('miss')
    } finally {
      await Promise.all([off.stop(), small.stop()])
    }
  })
})
