import { data, redirect } from '@remix-run/node'
import type { Flash } from './flash.ts'
import { flashCookie } from './session.server.ts'

/** Only same-site paths: a crafted ?redirectTo= must not send users elsewhere. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = '/') {
  if (!to || typeof to !== 'string') return fallback
  if (!to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\')) return fallback
  return to
}

export async function redirectWithFlash(to: string, flash: Flash, init: ResponseInit = {}) {
  const headers = new Headers(init.headers)
  headers.append('Set-Cookie', await flashCookie(flash))
  return redirect(to, { ...init, headers })
}

export const notFound = (message = 'Not found') => data({ message }, { status: 404 })
export const forbidden = (message = 'You do not have permission to do that.') =>
  data({ message }, { status: 403 })

/** Throws a 404 response; used where a thing must not even be admitted to exist. */
export function throwNotFound(message?: string): never {
  throw notFound(message)
}

/** Where a request came from, for sessions and the audit log. */
export function requestOrigin(request: Request, context: { ip?: string }) {
  return { ip: context.ip ?? 'unknown', userAgent: request.headers.get('user-agent') }
}
