import type { MetaDescriptor } from '@remix-run/node'
import { LANGUAGES } from './config.ts'

type Match = { id: string; data: unknown }
type RootMeta = { siteTitle?: string; pageUrl?: string }

const rootOf = (matches: readonly Match[]) =>
  matches.find((m) => m.id === 'root')?.data as RootMeta | undefined

/**
 * A page's `<title>`: the loader translates it (`title: t('auth:login.title')`), meta shows it
 * with the site's name; without one (a failed loader) the site's name alone.
 */
export function titleMeta(
  data: { title?: string } | null | undefined,
  matches: readonly Match[],
): MetaDescriptor[] {
  const site = rootOf(matches)?.siteTitle ?? 'Commons Fund'
  return [{ title: data?.title ? `${data.title} · ${site}` : site }]
}

/** `<link rel="alternate" hreflang>` for a public page: each language, and x-default (English). */
export function hreflangLinks(matches: readonly Match[]): MetaDescriptor[] {
  const url = rootOf(matches)?.pageUrl
  if (!url) return []
  const withLang = (lang: string) => `${url}?lang=${lang}`
  return [
    ...LANGUAGES.map((lang) => ({
      tagName: 'link',
      rel: 'alternate',
      hrefLang: lang,
      href: withLang(lang),
    })),
    { tagName: 'link', rel: 'alternate', hrefLang: 'x-default', href: url },
  ]
}
