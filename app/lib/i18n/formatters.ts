import { useTranslation } from 'react-i18next'
import { formatDate, formatDateTime, formatNumber, formatPercent } from '../format.ts'
import { formatMoney } from '../money.ts'
import { DEFAULT_LANGUAGE, LOCALES, isLanguage, type Language } from './config.ts'

/**
 * Dates, numbers and money in a language's locale. Server code that formats for someone else
 * (the CSV export, mails) passes the language explicitly; components use `useFormatters()`.
 */
export function formattersFor(language: Language) {
  const locale = LOCALES[language]
  return {
    locale,
    dateTime: (iso: string | Date, timeZone?: string) => formatDateTime(iso, timeZone, locale),
    date: (iso: string | Date) => formatDate(iso, locale),
    number: (value: number) => formatNumber(value, locale),
    percent: (share: number) => formatPercent(share, locale),
    money: (minor: number, currency?: string) => formatMoney(minor, currency, locale),
  }
}

export type Formatters = ReturnType<typeof formattersFor>

/** The formatters for the language this page is shown in. */
export function useFormatters() {
  const { i18n } = useTranslation()
  return formattersFor(isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE)
}
