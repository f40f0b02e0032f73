import { useTranslation } from 'react-i18next'
import { formatNumber } from '#app/lib/format.ts'
import { isLanguage, LOCALES } from '#app/lib/i18n/config.ts'
import type { ReasonLine } from '#app/domain/volunteers/suggestions.ts'

/** The reader's number locale, from the language the page is in. */
export function useNumberLocale() {
  const { i18n } = useTranslation()
  return isLanguage(i18n.language) ? LOCALES[i18n.language] : 'en-US'
}

/**
 * A match's score and why, in words: every reason with the points it adds, so the list adds up
 * to the score shown (decision 028).
 */
export function MatchReasons({ score, reasons }: { score: number; reasons: ReasonLine[] }) {
  const { t } = useTranslation('volunteers')
  const locale = useNumberLocale()
  const points = (n: number) => (n > 0 ? '+' : '') + formatNumber(n, locale)
  return (
    <>
      <p>
        <strong>{t('volunteers:matching.score', { score: formatNumber(score, locale) })}</strong>
      </p>
      <details>
        <summary>{t('volunteers:matching.why')}</summary>
        <ul>
          {reasons.map((r) => (
            <li key={r.text}>
              {r.text}{' '}
              <span className="hint">
                {t('volunteers:matching.points', { points: points(r.points) })}
              </span>
            </li>
          ))}
        </ul>
      </details>
    </>
  )
}
