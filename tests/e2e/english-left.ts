import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { expect } from './fixtures.ts'

/*
 * "Nothing English left" (issue 7): the English a Spanish reader must not meet is every English
 * text of app/locales/en/*.json that differs from its Spanish, cut at its placeholders and tags
 * ({{name}}, <strong>) into the phrases a reader would see, keeping those of two words or more
 * that the Spanish text does not also contain (names, "SVI", "CDC/ATSDR"). A page passes when its
 * visible text, title and accessible labels hold none of them, outside what the page itself marks
 * as English (`lang="en"`: funder-written content shown untranslated, answers written in English).
 */

type Tree = { [key: string]: string | Tree }
const LOCALES = path.join(import.meta.dirname, '../../app/locales')
const read = (lang: string, file: string) =>
  JSON.parse(readFileSync(path.join(LOCALES, lang, file), 'utf8')) as Tree
const leaves = (tree: Tree, prefix = ''): [string, string][] =>
  Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string'
      ? [[`${prefix}${k}`, v] as [string, string]]
      : leaves(v, `${prefix}${k}.`),
  )

/** "Request_one" and "request_other" are compared with the Spanish forms of the same key. */
const pluralBase = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '')

const EDGE = /^[\s.,:;!?()[\]“”"'‘’—–\-/…·]+|[\s.,:;!?()[\]“”"'‘’—–\-/…·]+$/g

/** Demo content and names that happen to equal one of our phrases (none yet). */
const ALLOWED: readonly string[] = []

export const ENGLISH_PHRASES: readonly string[] = (() => {
  const phrases = new Set<string>()
  for (const file of readdirSync(path.join(LOCALES, 'en'))) {
    const spanish = new Map<string, string[]>()
    for (const [key, text] of leaves(read('es', file))) {
      spanish.set(pluralBase(key), [...(spanish.get(pluralBase(key)) ?? []), text])
    }
    for (const [key, text] of leaves(read('en', file))) {
      const es = spanish.get(pluralBase(key)) ?? []
      if (es.includes(text)) continue
      for (const part of text.split(/\{\{[^}]*\}\}|<[^>]*>|\$t\([^)]*\)/)) {
        const phrase = part.replace(EDGE, '').replace(/\s+/g, ' ')
        if (phrase.split(' ').length < 2) continue
        if (es.some((s) => s.includes(phrase)) || ALLOWED.includes(phrase)) continue
        phrases.add(phrase)
      }
    }
  }
  return [...phrases]
})()

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const PATTERNS = ENGLISH_PHRASES.map(
  (phrase) =>
    [phrase, new RegExp(`(?<![\\p{L}\\p{N}])${escape(phrase)}(?![\\p{L}\\p{N}])`, 'u')] as const,
)

/** What a reader meets on the page in the interface's words: text, title and labels. */
async function readerText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const body = document.body.cloneNode(true) as HTMLElement
    for (const marked of body.querySelectorAll('[lang]')) {
      if (marked.getAttribute('lang')?.startsWith('en')) marked.remove()
    }
    // innerText needs the copy laid out; it is put in the page hidden for the moment.
    const holder = document.createElement('div')
    holder.style.cssText = 'position:absolute;left:-99999px;top:0;width:1200px'
    holder.append(body)
    document.documentElement.append(holder)
    const labels = [...body.querySelectorAll('[aria-label], [title], [placeholder], [alt]')]
      .filter((el) => !el.closest('[lang^="en"]'))
      .flatMap((el) =>
        ['aria-label', 'title', 'placeholder', 'alt'].map((a) => el.getAttribute(a) ?? ''),
      )
    const text = [document.title, body.innerText, ...labels].join('\n')
    holder.remove()
    return text
  })
}

/** The English phrases on the page as it is now. */
export async function englishLeft(page: Page): Promise<string[]> {
  const text = await readerText(page)
  return PATTERNS.filter(([, pattern]) => pattern.test(text)).map(([phrase]) => phrase)
}

/** Fails when the page shows any of our English phrases to a Spanish reader. */
export async function expectNothingEnglish(page: Page) {
  await page.waitForLoadState('load')
  await expect(page.locator('html')).toHaveAttribute('lang', 'es')
  expect(await englishLeft(page), `English left on ${page.url()}`).toEqual([])
}
