import { createInstance, type i18n as I18n, type Resource, type TFunction } from 'i18next'
import { NAMESPACES, baseOptions, type Language } from '#app/lib/i18n/config.ts'
import { formatWithLocales } from '#app/lib/i18n/intl-locales.ts'
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
