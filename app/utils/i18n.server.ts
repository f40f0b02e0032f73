import { createInstance, type i18n as I18n, type Resource, type TFunction } from 'i18next'
import Negotiator from 'negotiator'
import { formatWithLocales } from '#app/lib/i18n/intl-locales.ts'
import {
  DEFAULT_LANGUAGE,
  LANGUAGES,
  NAMESPACES,
  baseOptions,
  isLanguage,
  type Language,
} from '#app/lib/i18n/config.ts'
import { getSessionUser, secureCookies } from './session.server.ts'
import { rememberTranslations } from './translation-cache.server.ts'

// The server has every file at hand: the first response is rendered in the reader's language.
const files = import.meta.glob<Record<string, unknown>>('../locales/*/*.json', {
  eager: true,
  import: 'default',
})

export const resources: Resource = {}
for (const [path, content] of Object.entries(files)) {
  const [, language, namespace] = /\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path) ?? []
  if (!language || !namespace) continue
  resources[language] ??= {}
  resources[language][namespace] = content
}

// One instance per language, made once; nothing ever changes its language or its resources, so
// the translations its fixed `t` functions give are remembered (translation-cache.server.ts).
const instances = new Map<Language, I18n>()
export function serverI18n(language: Language): I18n {
  let instance = instances.get(language)
  if (!instance) {
    instance = createInstance()
    void instance.init({
      ...baseOptions,
      lng: language,
      ns: [...NAMESPACES],
      resources,
      initAsync: false,
    })
    formatWithLocales(instance)
    rememberTranslations(instance)
    instances.set(language, instance)
  }
  return instance
}

/**
 * A translation function in `language`, for loaders (page titles), CSV headers and cells, and
 * mails: a remembering one, like the components' (the export translates a status per row).
 */
export const fixedT = (language: Language): TFunction => serverI18n(language).getFixedT(language)

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
