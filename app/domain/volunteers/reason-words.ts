import type { TFunction } from 'i18next'
import { BUDGET_BAND_KEYS } from '#app/domain/organizations.ts'
import { SKILL_KEYS } from '#app/domain/skills.ts'
import { formatNumber } from '#app/lib/format.ts'
import { LOCALES, type Language } from '#app/lib/i18n/config.ts'
import {
  HARD_FILTER_KEYS,
  PLACE_FIT_KEYS,
  REASON_KEYS,
  SKILL_LEVEL_KEYS,
  type HardFilter,
  type MatchReason,
} from './reasons.ts'

/**
 * A reason as the sentence a page shows, in the reader's language: codes inside it (skill, level,
 * budget band, place, ISO languages) become their names first, numbers take the locale's format.
 */
export function describeReason(t: TFunction, language: Language, reason: MatchReason): string {
  const locale = LOCALES[language]
  const n = (value: number) => formatNumber(value, locale)
  const key = REASON_KEYS[reason.code]
  switch (reason.code) {
    case 'skill_level':
      return t(key, {
        skill: t(SKILL_KEYS[reason.params.skill]),
        level: t(SKILL_LEVEL_KEYS[reason.params.level]),
      })
    case 'language_preferred':
    case 'language_required':
      return t(key, {
        ...numbers(reason.params, n),
        languages: languageList(reason.params.languages, locale),
      })
    case 'small_organisation':
      return t(key, { band: t(BUDGET_BAND_KEYS[reason.params.band]) })
    case 'on_site_place':
      return t(key, { place: t(PLACE_FIT_KEYS[reason.params.fit]) })
    default:
      return t(key, numbers(reason.params, n))
  }
}

export const describeFilter = (t: TFunction, filter: HardFilter) => t(HARD_FILTER_KEYS[filter])

/** The params that are numbers, formatted; the others are left for the caller to name. */
function numbers(params: object, n: (value: number) => string) {
  return Object.fromEntries(
    Object.entries(params).flatMap(([k, v]) => (typeof v === 'number' ? [[k, n(v)]] : [])),
  )
}

/** ISO 639-1 codes as the reader's names for them, in the reader's list form ("English and Spanish"). */
function languageList(codes: readonly string[], locale: string) {
  const names = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' })
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(
    codes.map((c) => names.of(c) ?? c),
  )
}
