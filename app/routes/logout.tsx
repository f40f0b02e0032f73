import type { ActionFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { logOut } from '#app/services/accounts/accounts.server.ts'
import { redirectWithFlash, requestOrigin } from '#app/utils/http.server.ts'
import { clearSessionCookie, sessionToken } from '#app/utils/session.server.ts'

/**
 * Logging out deletes the session row, so the cookie is dead even if it was copied, and tells the
 * next page to drop this browser's unsaved-edit backups (a shared computer keeps nobody's text).
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const token = await sessionToken(request)
  if (token) await logOut(token, requestOrigin(request, context))
  return redirectWithFlash(
    '/',
    { kind: 'info', message: 'common:flash.loggedOut', forgetAllDrafts: true },
    { headers: { 'Set-Cookie': await clearSessionCookie() } },
  )
}

export async function loader() {
  return redirect('/')
}
