import { createCookie } from '@remix-run/node'
import { sessionSecrets } from '#app/config/secrets.server.ts'
import { donorSessionEmail } from '#app/services/donations/donor-access.server.ts'
import type { DonorViewer } from '#app/services/donations/donor-gifts.server.ts'
import { secureCookies } from './session.server.ts'
import { getSessionUser } from './session.server.ts'

/**
 * Who is looking at /gifts, and whose gifts they may see: the signed-in account's address when
 * the account has proved it receives mail there (an unverified address could be anyone's), and
 * the address a donor link was opened for in this browser (the signed cookie below, backed by a
 * `donor_access` session row). Nobody else's.
 */

let donorCookieInstance: ReturnType<typeof createCookie> | undefined
function donorCookie() {
  donorCookieInstance ??= createCookie('cf_donor', {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: secureCookies(),
    secrets: sessionSecrets(),
  })
  return donorCookieInstance
}

/** The donor session token in the request's cookie; a forged or tampered cookie reads as none. */
export async function donorToken(request: Request): Promise<string | null> {
  const value: unknown = await donorCookie().parse(request.headers.get('Cookie'))
  return typeof value === 'string' && value.length > 0 ? value : null
}

export const commitDonorCookie = (token: string, expiresAt: Date) =>
  donorCookie().serialize(token, { expires: expiresAt })

export const clearDonorCookie = () => donorCookie().serialize('', { maxAge: 0 })

export interface GiftsViewer extends DonorViewer {
  signedIn: boolean
  /** Signed in with an address not yet verified: told to verify it or use a link. */
  unverified: boolean
  /** A donor link's access is on in this browser (it can be forgotten). */
  viaLink: boolean
}

export async function giftsViewer(request: Request, ip: string): Promise<GiftsViewer> {
  const [user, token] = await Promise.all([getSessionUser(request), donorToken(request)])
  const linked = token ? await donorSessionEmail(token) : null
  const emails = new Set<string>()
  if (user?.emailVerified) emails.add(user.email.toLowerCase())
  if (linked) emails.add(linked)
  return {
    emails: [...emails],
    actorUserId: user?.id ?? null,
    ip,
    signedIn: !!user,
    unverified: !!user && !user.emailVerified,
    viaLink: !!linked,
  }
}
