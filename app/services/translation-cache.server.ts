import type { i18n as I18n } from 'i18next'

/**
 * The server's translations, remembered. Each `t` call through i18next 26 costs 10–60 µs of CPU
 * (it copies the instance's options and resolves the language hierarchy, the namespace, plural
 * and ordinal suffixes and interpolation afresh), and a page calls it a hundred to several
 * hundred times: the funder's application list 221 times per view, about a fifth of its CPU in a
 * profile under load (docs/decisions/013-throughput.md). On the server nothing ever changes an
 * instance's language or resources (app/utils/i18n.server.ts makes one per language, from every
 * file, once), so a call's answer depends only on its key and options, and the same calls come
 * with every page view.
 *
 * So the server instances' `getFixedT` (what react-i18next's `useTranslation` calls on every
 * render) hands out one remembering `t` per language, namespace and key prefix. It keeps each
 * string answer under the key and the options' values when every value is a string, number,
 * boolean or undefined (`count`, `ordinal`, `year`, an amount already formatted); anything else
 * (an object, a function, a selector, an array of keys, a default value given as a string) goes
 * to i18next each time, as before. Each `t` keeps at most LIMIT answers and starts afresh past
 * that, so counts and amounts that differ with every view cannot grow it without end.
 *
 * The browser's instance is not touched: it loads namespaces and changes language as it goes.
 */
export const LIMIT = 5_000

type Fixed = (...args: unknown[]) => unknown

/** The cache key of a call, or null when it must go to i18next. */
function callKey(key: unknown, options: unknown, more: number): string | null {
  if (typeof key !== 'string' || more > 0) return null
  if (options === undefined) return key
  if (options === null || typeof options !== 'object') return null
  const proto = Object.getPrototypeOf(options) as unknown
  if (proto !== Object.prototype && proto !== null) return null
  let id = key
  for (const [name, value] of Object.entries(options)) {
    const kind = typeof value
    if (kind !== 'string' && kind !== 'number' && kind !== 'boolean' && kind !== 'undefined') {
      return null
    }
    // The kind is part of the key: `count: 1` and `count: '1'` are separate entries.
    id += `\0${name}\u0001${kind[0]}${String(value)}`
  }
  return id
}

function remembering(fixed: Fixed): Fixed {
  const answers = new Map<string, string>()
  const remembered: Fixed = (key, options, ...more) => {
    const id = callKey(key, options, more.length)
    if (id === null) return fixed(key, options, ...more)
    const known = answers.get(id)
    if (known !== undefined) return known
    const answer = fixed(key, options)
    if (typeof answer === 'string') {
      if (answers.size >= LIMIT) answers.clear()
      answers.set(id, answer)
    }
    return answer
  }
  // i18next's fixed `t` carries its language, namespace and key prefix as properties.
  return Object.assign(remembered, fixed)
}

/** Makes `instance.getFixedT` hand out remembering translation functions (see above). */
export function rememberTranslations(instance: I18n): I18n {
  const original = instance.getFixedT.bind(instance) as unknown as (...args: unknown[]) => Fixed
  const made = new Map<string, Fixed>()
  const getFixedT = (lng: unknown, ns: unknown, keyPrefix: unknown, ...more: unknown[]) => {
    const plain = (v: unknown) => v === undefined || v === null || typeof v === 'string'
    const namespaces = Array.isArray(ns) && ns.every((n) => typeof n === 'string')
    // Anything unusual (a selector prefix, scoped options) is i18next's own, unremembered.
    if (more.length > 0 || !plain(lng) || !plain(keyPrefix) || !(plain(ns) || namespaces)) {
      return original(lng, ns, keyPrefix, ...more)
    }
    const id = JSON.stringify([lng ?? null, ns ?? null, keyPrefix ?? null])
    let t = made.get(id)
    if (!t) {
      t = remembering(original(lng, ns, keyPrefix))
      made.set(id, t)
    }
    return t
  }
  instance.getFixedT = getFixedT as unknown as I18n['getFixedT']
  return instance
}
