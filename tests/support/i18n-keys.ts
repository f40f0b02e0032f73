import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { LANGUAGES, NAMESPACES } from '#app/lib/i18n/config.ts'

/*
 * The translation key check (docs/i18n.md): every key in both languages, with the plural forms
 * each language's rules need; every key the code uses exists; every key in the files is used.
 * Keys are found in the code as literal strings "namespace:key", so they must be written whole.
 */

type Tree = { [key: string]: string | Tree }
export type Resources = Record<string, Record<string, Tree>>

const CATEGORY = '(zero|one|two|few|many|other)'
const ORDINAL = new RegExp(`_ordinal_${CATEGORY}$`)
const CARDINAL = new RegExp(`_${CATEGORY}$`)

export function flatten(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : flatten(v, `${prefix}${k}.`),
  )
}

/** "tooLong_other" → { base: "tooLong", kind: "cardinal" }; "x" → { base: "x" }. */
export function pluralBase(key: string): { base: string; kind?: 'cardinal' | 'ordinal' } {
  if (ORDINAL.test(key)) return { base: key.replace(ORDINAL, ''), kind: 'ordinal' }
  if (CARDINAL.test(key)) return { base: key.replace(CARDINAL, ''), kind: 'cardinal' }
  return { base: key }
}

const categories = (language: string, type: 'cardinal' | 'ordinal') =>
  new Intl.PluralRules(language, { type }).resolvedOptions().pluralCategories

/** Keys present in one language and not the other, and plural forms missing or extra. */
export function compareLanguages(resources: Resources): string[] {
  const problems: string[] = []
  const languages = Object.keys(resources)
  const namespaces = new Set(languages.flatMap((l) => Object.keys(resources[l] ?? {})))
  for (const ns of namespaces) {
    // base key → language → the plural suffixes it has ('' for a plain key)
    const bases = new Map<string, Map<string, Set<string>>>()
    for (const language of languages) {
      for (const key of flatten(resources[language]?.[ns] ?? {})) {
        const { base, kind } = pluralBase(key)
        const id = kind ? `${base} (${kind})` : base
        if (!bases.has(id)) bases.set(id, new Map())
        const forms = bases.get(id)!
        if (!forms.has(language)) forms.set(language, new Set())
        forms.get(language)!.add(key.slice(base.length))
      }
    }
    for (const [id, forms] of bases) {
      const kind = /\((cardinal|ordinal)\)$/.exec(id)?.[1] as 'cardinal' | 'ordinal' | undefined
      for (const language of languages) {
        const have = forms.get(language)
        if (!have) {
          problems.push(`${language}: ${ns}:${id} is missing`)
          continue
        }
        if (!kind) continue
        const prefix = kind === 'ordinal' ? '_ordinal_' : '_'
        const need = new Set(categories(language, kind).map((c) => `${prefix}${c}`))
        for (const form of need)
          if (!have.has(form)) problems.push(`${language}: ${ns}:${id} lacks ${form}`)
        for (const form of have)
          if (!need.has(form))
            problems.push(`${language}: ${ns}:${id} has ${form}, not a form of this language`)
      }
    }
  }
  return problems
}

const KEY_IN_CODE = new RegExp(`['"\`]((?:${NAMESPACES.join('|')}):[A-Za-z0-9_.-]+)['"\`]`, 'g')
const HANDLE = /i18n:\s*\[([^\]]*)\]/g

/** Keys written in the code ("auth:login.title") and namespaces routes declare (`i18n: [...]`). */
export function usedInCode(sources: { file: string; text: string }[]) {
  const keys = new Map<string, string>()
  const namespaces = new Map<string, string>()
  for (const { file, text } of sources) {
    for (const m of text.matchAll(KEY_IN_CODE)) keys.set(m[1]!, file)
    for (const m of text.matchAll(HANDLE))
      for (const ns of m[1]!.matchAll(/['"]([^'"]+)['"]/g)) namespaces.set(ns[1]!, file)
  }
  return { keys, namespaces }
}

/** Keys used and missing from the (reference) language, keys there that nothing uses. */
export function compareUsage(
  reference: Record<string, Tree>,
  used: ReturnType<typeof usedInCode>,
): string[] {
  const problems: string[] = []
  const defined = new Set<string>()
  const bases = new Set<string>()
  for (const [ns, tree] of Object.entries(reference)) {
    for (const key of flatten(tree)) {
      defined.add(`${ns}:${key}`)
      bases.add(`${ns}:${pluralBase(key).base}`)
    }
  }
  for (const [key, file] of used.keys) {
    if (!defined.has(key) && !bases.has(key))
      problems.push(`${file} uses ${key}, which is not in the files`)
  }
  for (const base of bases) {
    if (!used.keys.has(base) && ![...defined].some((k) => k === base && used.keys.has(k)))
      problems.push(`${base} is in the files but used nowhere`)
  }
  for (const [ns, file] of used.namespaces) {
    if (!(NAMESPACES as readonly string[]).includes(ns))
      problems.push(`${file} declares unknown namespace ${ns}`)
  }
  return problems
}

export function readResources(root = 'app/locales'): Resources {
  const resources: Resources = {}
  for (const language of LANGUAGES) {
    resources[language] = {}
    for (const file of readdirSync(path.join(root, language))) {
      if (!file.endsWith('.json')) continue
      resources[language][file.replace(/\.json$/, '')] = JSON.parse(
        readFileSync(path.join(root, language, file), 'utf8'),
      ) as Tree
    }
  }
  return resources
}

export function readSources(root = 'app'): { file: string; text: string }[] {
  const found: { file: string; text: string }[] = []
  for (const entry of readdirSync(root, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.(ts|tsx)$/.test(entry.name)) continue
    const file = path.join(entry.parentPath, entry.name)
    found.push({ file, text: readFileSync(file, 'utf8') })
  }
  return found
}
