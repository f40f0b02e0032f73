import { data, redirect } from '@remix-run/node'
import { env } from '#app/config/env.server.ts'
import type { Flash } from '#app/lib/flash.ts'
import type { Message } from '#app/lib/i18n/message.ts'
import { flashCookie } from './session.server.ts'

/** Only for resolving: what matters is whether a target stays on whatever origin this is. */
const OWN_ORIGIN = 'http://commons-fund.invalid'
/** Control characters (tab, newline, DEL…) and backslashes, which browsers drop or read as "/". */
function hasUnsafeCharacter(text: string) {
  for (const c of text) {
    const code = c.charCodeAt(0)
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || c === '\\') return true
  }
  return false
}

/**
 * Only same-site paths: a crafted ?redirectTo= must not send users elsewhere. The target is
 * resolved as a browser would, against our own origin, and kept only when it stays there; any
 * control character or backslash, raw or percent-encoded, refuses it (browsers strip tabs and
 * newlines, so "/\t/evil.com" becomes "//evil.com", and a newline cannot go in a header).
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = '/') {
  if (!to || typeof to !== 'string' || to.length > 2000 || !to.startsWith('/')) return fallback
  let decoded: string
  try {
    decoded = decodeURIComponent(to)
  } catch {
    return fallback
  }
  if (hasUnsafeCharacter(to) || hasUnsafeCharacter(decoded) || decoded.startsWith('//'))
    return fallback
  const url = new URL(to, OWN_ORIGIN)
  if (url.origin !== OWN_ORIGIN) return fallback
  return `${url.pathname}${url.search}${url.hash}`
}

export async function redirectWithFlash(to: string, flash: Flash, init: ResponseInit = {}) {
  const headers = new Headers(init.headers)
  headers.append('Set-Cookie', await flashCookie(flash))
  return redirect(to, { ...init, headers })
}

export const notFound = (message: Message = 'common:errors.notFoundText') =>
  data({ message }, { status: 404 })
export const forbidden = (message: Message = 'common:errors.forbiddenText') =>
  data({ message }, { status: 403 })

/** Throws a 404 response; used where a thing must not even be admitted to exist. */
export function throwNotFound(message?: Message): never {
  throw notFound(message)
}

/**
 * The site's public origin ("https://commons.example.org"): `APP_ORIGIN` when set (the same
 * setting mails use, validated at start-up), since a proxy in front may hand the app another host;
 * else the request's own (which, with `TRUST_PROXY`, already follows X-Forwarded-Host and
 * X-Forwarded-Proto). For links that leave the page, such as hreflang alternates.
 */
export function publicOrigin(request: Request): string {
  const configured = env().APP_ORIGIN
  return configured ? new URL(configured).origin : new URL(request.url).origin
}

/** Where a request came from, for sessions and the audit log. */
export function requestOrigin(request: Request, context: { ip?: string }) {
  return { ip: context.ip ?? 'unknown', userAgent: request.headers.get('user-agent') }
}

/**
 * An upload route's answer: the redirect as it is for a plain form post; for the upload script
 * (which asks for JSON), where to go instead, since its request would follow the redirect and eat
 * the flash message on the way.
 */
export function answerUpload(request: Request, response: Response): Response {
  if (request.headers.get('Accept') !== 'application/json') return response
  const headers = new Headers({ 'Content-Type': 'application/json' })
  const cookie = response.headers.get('Set-Cookie')
  if (cookie) headers.set('Set-Cookie', cookie)
  return new Response(JSON.stringify({ location: response.headers.get('Location') }), { headers })
}

/**
 * A stored file as a download, never shown inline, with the type we decided on upload, so a file
 * can never run as a page on our origin.
 */
export function fileDownload(file: { fileName: string; contentType: string; bytes: Uint8Array }) {
  const asciiName = file.fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')
  return new Response(Buffer.from(file.bytes), {
    headers: {
      'Content-Type': file.contentType,
      'Content-Length': String(file.bytes.byteLength),
      'Content-Disposition': `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    },
  })
}
