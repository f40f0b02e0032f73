import i18next, { type BackendModule, type ReadCallback } from 'i18next'
import { initReactI18next } from 'react-i18next'
import { baseOptions, type Language, type Namespace } from './config.ts'
import { formatWithLocales } from './intl-locales.ts'

// One lazily loaded chunk per language and namespace: a page fetches only what it shows.
const files = import.meta.glob<Record<string, unknown>>('../../locales/*/*.json', {
  import: 'default',
})

const lazyFiles: BackendModule = {
  type: 'backend',
  init() {},
  read(language: string, namespace: string, callback: ReadCallback) {
    const load = files[`../../locales/${language}/${namespace}.json`]
    if (!load) return callback(new Error(`No translations for ${language}/${namespace}`), false)
    load().then(
      (content) => callback(null, content as never),
      (error: unknown) => callback(error as Error, false),
    )
  },
}

/**
 * The browser's i18next, in the language the server rendered (`<html lang>`), with the namespaces
 * of the page's routes loaded before hydration so the first render matches the server's HTML.
 * Namespaces of later pages load on navigation: `useTranslation(ns)` suspends inside Remix's
 * transition, so the old page stays until they arrive.
 */
export async function startClientI18n(language: Language, namespaces: Namespace[]) {
  await i18next
    .use(lazyFiles)
    .use(initReactI18next)
    .init({ ...baseOptions, lng: language, ns: namespaces, react: { useSuspense: true } })
  formatWithLocales(i18next)
  return i18next
}
