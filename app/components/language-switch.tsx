import { useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { LANGUAGE_NAMES, LANGUAGES, isLanguage } from '#app/lib/i18n/config.ts'

/**
 * The header's language switch: a plain form post (works without JavaScript), answered by a
 * redirect back here; the whole page reloads in the chosen language.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation()
  const location = useLocation()
  const current = isLanguage(i18n.language) ? i18n.language : 'en'
  // `?lang=` chose this page's language; the choice made here replaces it.
  const search = new URLSearchParams(location.search)
  search.delete('lang')
  const query = search.toString()
  const here = `${location.pathname}${query ? `?${query}` : ''}`
  return (
    <form
      method="post"
      action="/language"
      className="language-switch"
      aria-label={t('common:language.label')}
    >
      <input type="hidden" name="redirectTo" value={here} />
      {LANGUAGES.filter((l) => l !== current).map((l) => (
        <button key={l} type="submit" name="language" value={l} lang={l} className="btn btn-link">
          {LANGUAGE_NAMES[l]}
        </button>
      ))}
    </form>
  )
}
