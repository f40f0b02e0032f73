import type { ActionFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { resendVerification } from '#app/services/accounts/account-links.server.ts'
import { redirectWithFlash, requestOrigin, safeRedirect } from '#app/utils/http.server.ts'
import { requireUser } from '#app/utils/permissions.server.ts'
import { readForm } from '#app/utils/request-body.server.ts'

/** The unverified-email banner's "send the link again" (throttled per account and address). */
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const form = await readForm(request)
  const back = safeRedirect(form.get('redirectTo'), '/')
  const result = await resendVerification(user, requestOrigin(request, context).ip)
  if (!result.ok) return redirectWithFlash(back, { kind: 'error', message: result.message! })
  return redirectWithFlash(back, {
    kind: result.alreadyVerified ? 'info' : 'success',
    message: result.alreadyVerified
      ? 'common:flash.emailAlreadyVerified'
      : { key: 'common:flash.verificationSent', values: { email: user.email } },
  })
}

export async function loader() {
  return redirect('/')
}
