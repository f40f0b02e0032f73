import { randomBytes } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import express, { type Request, type Response } from 'express'
import { afterAll, describe, expect, it } from 'vitest'
import {
  anonymousPageCache,
  CACHE_STATUS_HEADER,
  cutAtNonce,
  joinWithNonce,
  pageKey,
  PageStore,
  type PageCacheMark,
  type PageCacheOptions,
} from '#app/utils/anonymous-page-cache.server.ts'

/**
 * The cache's own rules, on a real Express server. The handler stands in for Remix: it answers
 * the way entry.server.tsx does (marks the page storable when asked to, puts the nonce into the
 * page) and counts how often it rendered. The built app's cache is tested end to end in
 * tests/e2e/anonymous-page-cache.spec.ts.
 */
const servers: { close(): void }[] = []
afterAll(() => servers.forEach((s) => s.close()))

async function serve(options: PageCacheOptions, store = new PageStore(options)) {
  const app = express()
  let renders = 0
  app.use((_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString('base64')
    res.setHeader('X-Own-Header', 'every response')
    next()
  })
  app.use(anonymousPageCache(options, store))
  app.get('*', (req: Request, res: Response) => {
    renders++
    const url = new URL(req.originalUrl, 'http://x')
    const mark = res.locals.pageCache as PageCacheMark | undefined
    if (mark) mark.storable = !url.searchParams.has('private')
    if (url.searchParams.has('cookie')) res.setHeader('Set-Cookie', 'a=b')
    res.status(url.searchParams.has('missing') ? 404 : 200)
    res.setHeader('Content-Type', 'text/html; charset=utf-8')
    res.setHeader('Content-Language', 'en')
    const nonce = res.locals.cspNonce as string
    const padding = 'x'.repeat(Number(url.searchParams.get('size') ?? 0))
    // Two writes, as a stream would: the nonce twice, the render counted.
    res.write(`<script nonce="${nonce}">${renders}</script>`)
    res.end(`<p>${url.search}${padding}</p><script nonce="${nonce}"></script>`)
  })
  const server = app.listen(0, '127.0.0.1')
  servers.push(server)
  await new Promise((r) => server.once('listening', r))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    renders: () => renders,
    get: (path: string, init?: RequestInit) => fetch(`${base}${path}`, init),
  }
}

const OPTIONS: PageCacheOptions = { ttlMs: 5_000, maxEntries: 100, maxBytes: 1024 * 1024 }
const status = (r: globalThis.Response) => r.headers.get(CACHE_STATUS_HEADER)

describe('anonymous page cache', () => {
  it('serves a second GET from memory with its own nonce, and its own per-response headers', async () => {
    const app = await serve(OPTIONS)
    const first = await app.get('/page?a=1')
    const firstBody = await first.text()
    const second = await app.get('/page?a=1')
    const secondBody = await second.text()
    expect([status(first), status(second)]).toEqual(['miss', 'hit'])
    expect(app.renders()).toBe(1)
    const nonceOf = (body: string) => /nonce="([^"]+)"/.exec(body)![1]!
    expect(nonceOf(secondBody)).not.toBe(nonceOf(firstBody))
    expect(secondBody).not.toContain(nonceOf(firstBody))
    expect(secondBody.replaceAll(nonceOf(secondBody), 'N')).toBe(
      firstBody.replaceAll(nonceOf(firstBody), 'N'),
    )
    expect(second.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(second.headers.get('content-language')).toBe('en')
    expect(second.headers.get('x-own-header')).toBe('every response')
  })

  it('answers HEAD from what a GET kept, without a body; a HEAD alone keeps nothing', async () => {
    const app = await serve(OPTIONS)
    const head = await app.get('/head-first', { method: 'HEAD' })
    expect(status(head)).toBe('miss')
    expect(status(await app.get('/head-first'))).toBe('miss')
    const again = await app.get('/head-first', { method: 'HEAD' })
    expect(status(again)).toBe('hit')
    expect(again.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(await again.text()).toBe('')
  })

  it('keeps no response with Set-Cookie, no error and no page its routes did not opt in', async () => {
    const app = await serve(OPTIONS)
    for (const path of ['/p?cookie', '/p?missing']) {
      expect(status(await app.get(path))).toBe('miss')
      expect(status(await app.get(path))).toBe('miss')
    }
    expect(status(await app.get('/p?private'))).toBeNull()
    expect(status(await app.get('/p?private'))).toBeNull()
    // Files and data requests are never looked up.
    expect(status(await app.get('/app.js'))).toBeNull()
    expect(status(await app.get('/programs.data'))).toBeNull()
    expect(app.renders()).toBe(8)
  })

  it('never serves or keeps a page for a request with a cookie other than lang and tz', async () => {
    const app = await serve(OPTIONS)
    for (const cookie of ['cf_session=abc', 'cf_flash=abc', 'lang=es; other=1', 'x']) {
      const r = await app.get('/cookies', { headers: { cookie } })
      expect(status(r), cookie).toBeNull()
    }
    expect(status(await app.get('/cookies'))).toBe('miss')
    expect(status(await app.get('/cookies', { headers: { cookie: 'cf_session=abc' } }))).toBeNull()
    expect(status(await app.get('/cookies', { headers: { cookie: 'lang=en; tz=UTC' } }))).toBe(
      'hit',
    )
  })

  it('stays within its bounds under many distinct query strings', async () => {
    const byCount = { ttlMs: 60_000, maxEntries: 5, maxBytes: 1024 * 1024 }
    const counted = new PageStore(byCount)
    const app = await serve(byCount, counted)
    for (let i = 0; i < 200; i++) await app.get(`/?q=${i}`)
    expect(counted.size).toBe(5)
    // The most recently used are kept, the first long gone.
    expect(status(await app.get('/?q=199'))).toBe('hit')
    expect(status(await app.get('/?q=0'))).toBe('miss')

    // By bytes: pages of about 10 kB, at most 64 kB kept; a page over a quarter of it never is.
    const byBytes = { ttlMs: 60_000, maxEntries: 1000, maxBytes: 64 * 1024 }
    const weighed = new PageStore(byBytes)
    const big = await serve(byBytes, weighed)
    for (let i = 0; i < 50; i++) await big.get(`/?size=10000&n=${i}`)
    expect(weighed.bytes).toBeLessThanOrEqual(64 * 1024)
    expect(weighed.size).toBe(6)
    expect(status(await big.get('/?size=10000&n=49'))).toBe('hit')
    await big.get('/?size=20000')
    expect(status(await big.get('/?size=20000'))).toBe('miss')
  })

  it('forgets a page after its time, and keeps nothing with a time of 0', async () => {
    let now = 1_000
    const short = { ...OPTIONS, ttlMs: 2_000 }
    const app = await serve(short, new PageStore(short, () => now))
    await app.get('/ttl')
    expect(status(await app.get('/ttl'))).toBe('hit')
    now += 2_000
    expect(status(await app.get('/ttl'))).toBe('miss')

    const off = await serve({ ...OPTIONS, ttlMs: 0 })
    expect(status(await off.get('/off'))).toBeNull()
    expect(status(await off.get('/off'))).toBeNull()
    expect(off.renders()).toBe(2)
  })
})

describe('its key', () => {
  const key = (url: string, headers: Record<string, string> = {}) =>
    pageKey({
      method: 'GET',
      originalUrl: url,
      headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])),
      protocol: 'http',
      hostname: 'localhost',
      get: (name: string) => headers[name.toLowerCase()],
    } as unknown as Request)

  it('holds the chosen language, as the root loader chooses it', () => {
    const en = key('/login')
    expect(key('/login', { 'accept-language': 'es-MX,es;q=0.9' })).not.toBe(en)
    expect(key('/login', { cookie: 'lang=es' })).toBe(key('/login', { 'accept-language': 'es' }))
    // ?lang= wins over the cookie, the cookie over Accept-Language.
    expect(key('/login?lang=en', { cookie: 'lang=es' })).toBe(key('/login?lang=en'))
    expect(key('/login', { cookie: 'lang=en', 'accept-language': 'es' })).toBe(en)
    expect(key('/login', { 'accept-language': 'fr' })).toBe(en)
  })

  it('holds the whole query, the time zone and the origin', () => {
    expect(key('/programs?page=2')).not.toBe(key('/programs'))
    expect(key('/programs', { cookie: 'tz=America/Chicago' })).not.toBe(key('/programs'))
    expect(key('/programs', { cookie: 'tz=Nowhere/Else' })).toBe(key('/programs'))
    expect(key('/programs', { host: 'evil.example' })).not.toBe(key('/programs'))
    expect(key('/programs', { 'x-forwarded-host': 'evil.example:81' })).not.toBe(key('/programs'))
  })
})

describe('the nonce cut', () => {
  it('puts a fresh nonce wherever the rendered one was, and nothing else changes', () => {
    const body = Buffer.from('ab NONCE1 cd NONCE1NONCE1 é')
    const parts = cutAtNonce(body, 'NONCE1')
    expect(parts).toHaveLength(4)
    expect(joinWithNonce(parts, 'fresh').toString()).toBe('ab fresh cd freshfresh é')
    expect(joinWithNonce(cutAtNonce(Buffer.from('none here'), 'N0'), 'x').toString()).toBe(
      'none here',
    )
  })
})
