import type { ActionFunctionArgs } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { LanguageSwitchSchema } from '#app/schemas/language.ts'
import { setLanguagePreference } from '#app/services/accounts/accounts.server.ts'
import { safeRedirect } from '#app/utils/http.server.ts'
import { languageCookie } from '#app/utils/i18n.server.ts'
import { readForm } from '#app/utils/request-body.server.ts'
import { getSessionUser } from '#app/utils/session.server.ts'

/**
 * The header's language switch (a plain form post): remembers the choice in the `lang` cookie for
 * a year and, when signed in, on the account; then back to the page it was posted from.
 */
export async function action({ request }: ActionFunctionArgs) {
  const formData = await readForm(request)
  const parsed = LanguageSwitchSchema.safeParse(Object.fromEntries(formData))
  if (!parsed.success) throw data({ message: 'common:errors.unknownLanguage' }, { status: 400 })
  const { language, redirectTo } = parsed.data
  const user = await getSessionUser(request)
  if (user) await setLanguagePreference(user.id, language)
  return redirect(safeRedirect(redirectTo, '/'), {
    headers: { 'Set-Cookie': languageCookie(language) },
  })
}

export async function loader() {
  return redirect('/')
}
