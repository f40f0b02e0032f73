import type { ActionFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { logOut } from '#app/services/accounts.server.ts'
import { requestOrigin } from '#app/utils/http.server.ts'
import { clearSessionCookie, sessionToken } from '#app/utils/session.server.ts'

/** Logging out deletes the session row, so the cookie is dead even if it was copied. */
export async function action({ request, context }: ActionFunctionArgs) {
  const token = await sessionToken(request)
  if (token) await logOut(token, requestOrigin(request, context))
  return redirect('/', { headers: { 'Set-Cookie': await clearSessionCookie() } })
}

export async function loader() {
  return redirect('/')
}
