import { type TFunction } from 'i18next'
import Negotiator from 'negotiator'
import { DEFAULT_LANGUAGE, LANGUAGES, isLanguage, type Language } from '#app/lib/i18n/config.ts'
import { fixedT } from '#app/services/translations.server.ts'
import { getSessionUser, secureCookies } from './session.server.ts'

// The instances live with the services (mails translate too); the request layer re-exports them.
export { fixedT, resources, serverI18n } from '#app/services/translations.server.ts'

export const LANGUAGE_COOKIE = 'lang'
const YEAR_SECONDS = 365 * 24 * 60 * 60

/** The `lang` cookie: plain text (it is no secret), a year, same-site navigation only. */
export function languageCookie(language: Language): string {
  return [
    `${LANGUAGE_COOKIE}=${language}`,
    'Path=/',
    `Max-Age=${YEAR_SECONDS}`,
    'SameSite=Lax',
    ...(secureCookies() ? ['Secure'] : []),
  ].join('; ')
}

export function languageFromCookie(header: string | null): Language | null {
  if (!header) return null
  for (const part of header.split(';')) {
    const [name, value] = part.trim().split('=')
    if (name === LANGUAGE_COOKIE && isLanguage(value)) return value
  }
  return null
}

export function languageFromAcceptLanguage(header: string | null): Language | null {
  if (!header) return null
  const found = new Negotiator({ headers: { 'accept-language': header } }).language([...LANGUAGES])
  return isLanguage(found) ? found : null
}

/**
 * The language a page is rendered in: `?lang=` for this page (hreflang alternates), else the
 * account's saved preference, else the `lang` cookie, else the browser's Accept-Language, else
 * English.
 */
export function chooseLanguage(
  request: Request,
  user?: { language: string | null } | null,
): Language {
  return chooseLanguageFrom(
    new URL(request.url).searchParams,
    user,
    request.headers.get('Cookie'),
    request.headers.get('Accept-Language'),
  )
}

/** chooseLanguage from the request's parts (the anonymous page cache has no fetch Request). */
export function chooseLanguageFrom(
  query: URLSearchParams,
  user: { language: string | null } | null | undefined,
  cookie: string | null,
  acceptLanguage: string | null,
): Language {
  const asked = query.get('lang')
  if (isLanguage(asked)) return asked
  if (isLanguage(user?.language)) return user.language
  return (
    languageFromCookie(cookie) ?? languageFromAcceptLanguage(acceptLanguage) ?? DEFAULT_LANGUAGE
  )
}

/** The request's language (looked up once per request, like the user) and a `t` in it. */
export async function requestLanguage(request: Request): Promise<Language> {
  return chooseLanguage(request, await getSessionUser(request))
}
export async function requestT(request: Request): Promise<TFunction> {
  return fixedT(await requestLanguage(request))
}
