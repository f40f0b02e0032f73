import type { i18n as I18n } from 'i18next'
import { isLanguage, LOCALES } from './config.ts'

/**
 * i18next's own formatters (`{{at, datetime(…)}}`, `{{n, number}}`, `{{states, list}}`) format
 * with the bare language ("es"), which writes times as "20:29"; these use the language's Intl
 * locale (es-US: "8:29 p.m."), as `useFormatters` does, so a date reads the same in a sentence and
 * in a table. Called on each instance once it is initialised, on both sides.
 */
export function formatWithLocales(instance: I18n) {
  const formatter = instance.services.formatter
  if (!formatter) return
  const locale = (lng: string | undefined) => (isLanguage(lng) ? LOCALES[lng] : lng)
  formatter.addCached('datetime', (lng, options: Intl.DateTimeFormatOptions) => {
    const format = new Intl.DateTimeFormat(locale(lng), options)
    return (value: Date | number) => format.format(value)
  })
  formatter.addCached('number', (lng, options: Intl.NumberFormatOptions) => {
    const format = new Intl.NumberFormat(locale(lng), options)
    return (value: number) => format.format(value)
  })
  formatter.addCached('list', (lng, options: Intl.ListFormatOptions) => {
    const format = new Intl.ListFormat(locale(lng), options)
    return (value: Iterable<string>) => format.format(value)
  })
}
