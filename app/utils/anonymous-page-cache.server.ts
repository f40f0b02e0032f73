/**
 * A micro-cache for the public pages a signed-out visitor sees (docs/decisions/018): the whole
 * rendered page is kept for a few seconds in this process, so a burst of visitors to /login or a
 * program's page costs one render, not one each. It sits in the Express chain after the access
 * log, the nonce and helmet (every response still gets its request id, its access line and its
 * own security headers) and before Remix, which a hit skips entirely.
 *
 * What may be stored, and for whom, is decided strictly:
 * - only GET (HEAD is answered from what a GET stored), only pages whose every route but the root
 *   opts in with `handle.anonymousCache` (entry.server.tsx marks them), only 200s with no
 *   Set-Cookie;
 * - only for a request whose cookies are all known not to change the page beyond the key: `lang`
 *   and `tz`. Any other cookie (the session, a flash, one added later) means the page is rendered
 *   for that request and never stored;
 * - the key is everything the page is known to depend on for a signed-out visitor: the origin as
 *   Remix builds the URL (hreflang links carry it), the path with its whole query string, the
 *   language chosen as the root loader would (`?lang=`, `lang` cookie, Accept-Language) and the
 *   viewer's time zone (the root loader's `tz` cookie).
 *
 * The page's CSP nonce is the one thing that must differ per response: the body is kept cut at
 * each occurrence of the nonce it was rendered with, and each hit is joined with its own fresh
 * nonce, the same one helmet put into that response's Content-Security-Policy.
 */
import type { EntryContext } from '@remix-run/node'
import type { NextFunction, Request, RequestHandler, Response } from 'express'
import { env, isProduction } from '#app/config/env.server.ts'
import { timeZoneFromCookie, TIME_ZONE_COOKIE } from '#app/lib/viewer-time-zone.ts'
import { chooseLanguageFrom, LANGUAGE_COOKIE } from './i18n.server.ts'

export interface PageCacheOptions {
  /** How long a page is served from memory, in milliseconds; 0 turns the cache off. */
  ttlMs: number
  /** At most this many pages are kept; the least recently used goes first. */
  maxEntries: number
  /** At most this many bytes of pages (and their headers) are kept. */
  maxBytes: number
}

/**
 * The options from the environment: PAGE_CACHE_SECONDS (5 in production; 0, off, in development,
 * where a page kept across an edit of its code would mislead), PAGE_CACHE_ENTRIES, PAGE_CACHE_MB.
 */
export function pageCacheOptions(): PageCacheOptions {
  const {
    PAGE_CACHE_SECONDS = isProduction() ? 5 : 0,
    PAGE_CACHE_ENTRIES = 500,
    PAGE_CACHE_MB = 32,
  } = env()
  return {
    ttlMs: PAGE_CACHE_SECONDS * 1000,
    maxEntries: PAGE_CACHE_ENTRIES,
    maxBytes: Math.round(PAGE_CACHE_MB * 1024 * 1024),
  }
}

/** What `handle` a route exports to let its page be kept for signed-out visitors. */
export type AnonymousCacheHandle = { anonymousCache?: true }

/** Handed to Remix in the load context; entry.server.tsx sets `storable` for opted-in pages. */
export interface PageCacheMark {
  storable: boolean
}

/**
 * Whether the page Remix is about to render may be kept: every matched route other than the root
 * (whose loader the key covers) says so in its handle.
 */
export function markAnonymousCacheable(context: EntryContext, mark: PageCacheMark | undefined) {
  if (!mark) return
  const matches = context.staticHandlerContext.matches
  mark.storable =
    matches.length > 1 &&
    matches.every(
      (m) =>
        m.route.id === 'root' ||
        (context.routeModules[m.route.id]?.handle as AnonymousCacheHandle | undefined)
          ?.anonymousCache === true,
    )
}

/**
 * The response header saying what the cache did: `hit`, or `miss` for a page that may be kept
 * (rendered, and kept if it is a 200 without Set-Cookie). Absent: the cache had no say.
 */
export const CACHE_STATUS_HEADER = 'X-Page-Cache'

/** Cookies whose effect on a signed-out visitor's page the key covers. */
const KEYED_COOKIES = new Set([LANGUAGE_COOKIE, TIME_ZONE_COOKIE])

/**
 * The key a signed-out request's page is kept under, or null when it must not be served from or
 * stored in the cache (not GET/HEAD, or a cookie the key does not cover).
 */
export function pageKey(req: Request): string | null {
  if (req.method !== 'GET' && req.method !== 'HEAD') return null
  const url = req.originalUrl
  const queryAt = url.indexOf('?')
  const path = queryAt < 0 ? url : url.slice(0, queryAt)
  // Files and Remix's data requests (`/programs.data`) are never pages to keep.
  if (path.lastIndexOf('.') > path.lastIndexOf('/')) return null
  const cookie = req.headers.cookie ?? null
  if (cookie) {
    for (const part of cookie.split(';')) {
      const name = part.split('=', 1)[0]!.trim()
      if (name && !KEYED_COOKIES.has(name)) return null
    }
  }
  const language = chooseLanguageFrom(
    new URLSearchParams(queryAt < 0 ? '' : url.slice(queryAt + 1)),
    null,
    cookie,
    req.headers['accept-language'] ?? null,
  )
  const timeZone = cookie ? timeZoneFromCookie(cookie) : 'UTC'
  // The origin as @remix-run/express builds the request's URL (protocol, hostname and a port
  // from X-Forwarded-Host or Host): the root loader's pageUrl, and so the hreflang links, use it.
  const origin = `${req.protocol}://${req.hostname}|${req.get('x-forwarded-host') ?? ''}|${req.get('host') ?? ''}`
  return `${origin}\n${url}\n${language}\n${timeZone}`
}

interface Entry {
  /** The headers the page was rendered with (beyond those every response gets anyway). */
  headers: [string, number | string | string[]][]
  /** The body cut at each occurrence of the nonce it was rendered with. */
  parts: Buffer[]
  bytes: number
  expiresAt: number
}

/** One page may take at most a quarter of the store, so one large page cannot empty it. */
const maxEntryBytes = (options: PageCacheOptions) => Math.floor(options.maxBytes / 4)

/** Pages by key, least recently used first, bounded by count and bytes, each for `ttlMs`. */
export class PageStore {
  private readonly entries = new Map<string, Entry>()
  private total = 0

  constructor(
    private readonly options: PageCacheOptions,
    private readonly now: () => number = Date.now,
  ) {}

  get size() {
    return this.entries.size
  }

  get bytes() {
    return this.total
  }

  get(key: string): Entry | undefined {
    const entry = this.entries.get(key)
    if (!entry) return undefined
    this.entries.delete(key)
    if (entry.expiresAt <= this.now()) {
      this.total -= entry.bytes
      return undefined
    }
    this.entries.set(key, entry)
    return entry
  }

  set(key: string, page: Omit<Entry, 'expiresAt'>) {
    if (this.options.ttlMs <= 0 || page.bytes > maxEntryBytes(this.options)) return
    const old = this.entries.get(key)
    if (old) {
      this.entries.delete(key)
      this.total -= old.bytes
    }
    this.entries.set(key, { ...page, expiresAt: this.now() + this.options.ttlMs })
    this.total += page.bytes
    while (this.entries.size > this.options.maxEntries || this.total > this.options.maxBytes) {
      const [oldestKey, oldest] = this.entries.entries().next().value!
      this.entries.delete(oldestKey)
      this.total -= oldest.bytes
    }
  }
}

/** Headers not replayed: computed again for each response, or set per response by our chain. */
const NOT_REPLAYED = new Set([
  'content-length',
  'content-encoding',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'date',
  'set-cookie',
  CACHE_STATUS_HEADER.toLowerCase(),
])

/** The body as kept: cut at each occurrence of the nonce it was rendered with. */
export function cutAtNonce(body: Buffer, nonce: string): Buffer[] {
  const cut = Buffer.from(nonce)
  const parts: Buffer[] = []
  let from = 0
  for (let at = body.indexOf(cut); at >= 0; at = body.indexOf(cut, from)) {
    parts.push(body.subarray(from, at))
    from = at + cut.length
  }
  parts.push(body.subarray(from))
  return parts
}

/** The kept body with `nonce` wherever the rendered one was. */
export function joinWithNonce(parts: readonly Buffer[], nonce: string): Buffer {
  const glue = Buffer.from(nonce)
  const pieces: Buffer[] = []
  parts.forEach((part, i) => {
    if (i > 0) pieces.push(glue)
    pieces.push(part)
  })
  return Buffer.concat(pieces)
}

const asBuffer = (chunk: unknown, encoding: unknown): Buffer | null => {
  if (chunk === undefined || chunk === null || typeof chunk === 'function') return null
  if (typeof chunk === 'string') {
    return Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
  }
  if (chunk instanceof Uint8Array) return Buffer.from(chunk)
  return null
}

/**
 * The cache as Express middleware. `res.locals.cspNonce` must already hold this response's nonce
 * (and helmet's CSP carry it); `res.locals.pageCache` is what getLoadContext hands Remix.
 */
export function anonymousPageCache(
  options: PageCacheOptions = pageCacheOptions(),
  store = new PageStore(options),
): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (options.ttlMs <= 0) return next()
    const key = pageKey(req)
    const nonce = res.locals.cspNonce as unknown
    if (key === null || typeof nonce !== 'string' || nonce.length < 16) return next()

    const hit = store.get(key)
    if (hit) {
      res.statusCode = 200
      for (const [name, value] of hit.headers) res.setHeader(name, value)
      res.setHeader(CACHE_STATUS_HEADER, 'hit')
      if (req.method === 'HEAD') res.end()
      else res.end(joinWithNonce(hit.parts, nonce))
      return
    }
    // Remix marks the pages it renders that may be kept (and sends a HEAD no body to keep).
    const mark: PageCacheMark = { storable: false }
    res.locals.pageCache = mark
    const keeping = req.method === 'GET'
    const ownHeaders = new Set(res.getHeaderNames())
    const chunks: Buffer[] = []
    const limit = maxEntryBytes(options)
    let size = 0
    const keep = (chunk: unknown, encoding: unknown) => {
      if (!res.headersSent) res.setHeader(CACHE_STATUS_HEADER, 'miss')
      if (!keeping || size > limit) return
      const buffer = asBuffer(chunk, encoding)
      if (!buffer) return
      size += buffer.length
      if (size <= limit) chunks.push(buffer)
    }
    const write = res.write.bind(res) as (...args: unknown[]) => boolean
    const end = res.end.bind(res) as (...args: unknown[]) => Response
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      if (mark.storable) keep(chunk, rest[0])
      return write(chunk, ...rest)
    }) as Response['write']
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      if (mark.storable) keep(chunk, rest[0])
      if (
        keeping &&
        mark.storable &&
        res.statusCode === 200 &&
        size <= limit &&
        !res.hasHeader('set-cookie')
      ) {
        const headers: Entry['headers'] = []
        let bytes = 0
        for (const name of res.getHeaderNames()) {
          if (ownHeaders.has(name) || NOT_REPLAYED.has(name)) continue
          const value = res.getHeader(name)
          if (value === undefined) continue
          headers.push([name, value])
          bytes += name.length + String(value).length
        }
        const parts = cutAtNonce(Buffer.concat(chunks), nonce)
        for (const part of parts) bytes += part.length
        store.set(key, { headers, parts, bytes })
      }
      return end(chunk, ...rest)
    }) as Response['end']
    next()
  }
}
