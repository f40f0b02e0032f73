import type { InitOptions } from 'i18next'

/** The languages the platform speaks (docs/decisions/014-languages.md). */
export const LANGUAGES = ['en', 'es'] as const
export type Language = (typeof LANGUAGES)[number]
export const DEFAULT_LANGUAGE: Language = 'en'

/** The Intl locale each language formats dates, numbers and money in (US communities). */
export const LOCALES: Record<Language, string> = { en: 'en-US', es: 'es-US' }

/** Each language's own name, as the switch and the account page show it (never translated). */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', es: 'Español' }

/**
 * Translation files, app/locales/<language>/<namespace>.json. `common` and `validation` are loaded
 * on every page; a route names the others it needs: `export const handle = { i18n: ['auth'] }`.
 */
export const NAMESPACES = [
  'common',
  'validation',
  'home',
  'auth',
  'account',
  'programs',
  'applications',
  'funder',
  'organizations',
  'admin',
  'notifications',
  'mail',
  'review',
  'decisions',
  'grants',
  'donations',
  'volunteers',
  'gifts',
  'engagements',
] as const
export type Namespace = (typeof NAMESPACES)[number]
export const ALWAYS_LOADED: readonly Namespace[] = ['common', 'validation']

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)

/** The options both sides initialise i18next with; keys are always written with their namespace. */
export const baseOptions = {
  supportedLngs: [...LANGUAGES],
  fallbackLng: false,
  defaultNS: 'common',
  ns: [...ALWAYS_LOADED],
  nsSeparator: ':',
  keySeparator: '.',
  // React escapes what it renders; escaping here too would show "&amp;".
  interpolation: { escapeValue: false },
  returnNull: false,
} satisfies InitOptions

/** The namespaces the matched routes declare in `handle.i18n`, plus the ones always loaded. */
export function routeNamespaces(handles: readonly unknown[]): Namespace[] {
  const wanted = new Set<Namespace>(ALWAYS_LOADED)
  for (const handle of handles) {
    const declared = (handle as { i18n?: unknown } | undefined)?.i18n
    if (!Array.isArray(declared)) continue
    for (const ns of declared) {
      if ((NAMESPACES as readonly string[]).includes(ns)) wanted.add(ns as Namespace)
    }
  }
  return [...wanted]
}

/** What a route exports as `handle` to have its namespaces loaded before it renders. */
export type I18nHandle = { i18n: readonly Namespace[] }
