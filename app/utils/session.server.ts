import { createCookie, createCookieSessionStorage, redirect } from '@remix-run/node'
import { findPageSession } from '#app/services/accounts/sessions.server.ts'
import type { Flash } from '#app/lib/flash.ts'
import { env, isProduction } from '#app/config/env.server.ts'
import { sessionSecrets } from '#app/config/secrets.server.ts'
import { memo } from './request-memo-cache.server.ts'

const secure = () => isProduction() && env().COOKIE_SECURE !== 'false'
/** Whether cookies carry Secure (production, unless COOKIE_SECURE=false). */
export const secureCookies = secure

let sessionCookieInstance: ReturnType<typeof createCookie> | undefined
function sessionCookie() {
  sessionCookieInstance ??= createCookie('cf_session', {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: secure(),
    secrets: sessionSecrets(),
  })
  return sessionCookieInstance
}

/** The signed token in the request's cookie; a forged or tampered cookie reads as none. */
export async function sessionToken(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie().parse(request.headers.get('Cookie'))
  return typeof value === 'string' && value.length > 0 ? value : null
}

/**
 * Work several loaders of one page need, done once: per HTTP request when it only reads (see
 * request-memo-cache.server.ts; Remix hands each loader its own copy of the Request), else per
 * Request object (the loaders after an action get a fresh one, so they see what it changed).
 */
let perRequestCount = 0
function perRequest<T>(work: (request: Request) => Promise<T>) {
  const key = `perRequest:${perRequestCount++}`
  const done = new WeakMap<Request, Promise<T>>()
  return (request: Request): Promise<T> =>
    memo(key, () => {
      let found = done.get(request)
      if (!found) {
        found = work(request)
        done.set(request, found)
      }
      return found
    })
}

/** The session and what its pages show of it, looked up once per request however many ask. */
const getPageSession = perRequest(async (request) => {
  const token = await sessionToken(request)
  return token ? findPageSession(token) : null
})

/** The signed-in user (null when signed out). */
export async function getSessionUser(request: Request) {
  return (await getPageSession(request))?.user ?? null
}

/** The signed-in user's organisations (none when signed out), for the layout and the dashboard. */
export async function getSessionOrganizations(request: Request) {
  return (await getPageSession(request))?.organizations ?? []
}

/** The header's bell count and Reviews link (none when signed out). */
export async function getPageHeader(request: Request) {
  return (await getPageSession(request))?.header ?? { unread: 0, reviewer: false }
}

export function commitSessionCookie(token: string, expiresAt: Date) {
  return sessionCookie().serialize(token, { expires: expiresAt })
}

export function clearSessionCookie() {
  return sessionCookie().serialize('', { maxAge: 0 })
}

// Flash messages ride in their own short-lived cookie so they survive the redirect after a post.
type FlashStorage = ReturnType<typeof createCookieSessionStorage<object, { flash: Flash }>>
let flashStorageInstance: FlashStorage | undefined
function flashStorage() {
  flashStorageInstance ??= createCookieSessionStorage<object, { flash: Flash }>({
    cookie: {
      name: 'cf_flash',
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: secure(),
      secrets: sessionSecrets(),
    },
  })
  return flashStorageInstance
}

export async function flashCookie(flash: Flash): Promise<string> {
  const session = await flashStorage().getSession()
  session.flash('flash', flash)
  return flashStorage().commitSession(session)
}

/**
 * Reads (and so consumes) the pending flash; the returned header clears it. With none pending
 * there is nothing to clear, and no cookie is signed (the root loader asks on every page).
 */
export async function takeFlash(
  request: Request,
): Promise<{ flash: Flash; header: string } | { flash: null; header: null }> {
  const session = await flashStorage().getSession(request.headers.get('Cookie'))
  const flash = session.get('flash')
  if (!flash) return { flash: null, header: null }
  return { flash, header: await flashStorage().commitSession(session) }
}

/** After sign-up or login: set the session cookie and go where the user was heading. */
export async function redirectSignedIn(
  to: string,
  session: { token: string; expiresAt: Date },
): Promise<Response> {
  return redirect(to, {
    headers: { 'Set-Cookie': await commitSessionCookie(session.token, session.expiresAt) },
  })
}
