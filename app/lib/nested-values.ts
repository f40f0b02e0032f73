type Nested = { [key: string]: NestedValue }
type NestedValue = string | string[] | Nested | NestedValue[]

/** Longest form name, deepest path and highest row index we accept; anything beyond is ignored. */
export const NAME_LIMITS = { length: 200, depth: 6, index: 999 } as const

const INDEX = /^\d{1,3}$/
/** Not needed for safety (containers have no prototype), but no form of ours uses them. */
const RESERVED = new Set(['__proto__', 'constructor', 'prototype'])

type Container = Record<string, unknown> | unknown[]

/**
 * Turns flat form names into nested values, the way react-hook-form names repeated rows:
 * { "lines.0.amount": "5" } → { lines: [{ amount: "5" }] }. Plain names pass through unchanged.
 *
 * Names come from whoever posts, so the walk only ever writes into containers it created itself
 * (objects without a prototype, arrays), never into an inherited property such as
 * `hasOwnProperty.call`. A name that collides with another — `email` and `email.x`, or
 * `lines.length` beside `lines.0.amount` — is ignored: the shorter name wins, whatever the order.
 */
export function nestValues(flat: Record<string, string | string[]>): Record<string, unknown> {
  const root: Record<string, unknown> = Object.create(null) as Record<string, unknown>
  const created = new WeakSet<object>([root])
  const paths = Object.keys(flat)
    .map((key) => ({ key, path: key.split('.') }))
    .filter(({ key, path }) => acceptableName(key, path))
    // Shorter names first, so a plain value always beats a deeper name through the same slot.
    .sort((a, b) => a.path.length - b.path.length)
  // A slot followed by a row index anywhere is a list of rows; other names through it are ignored.
  const lists = new Set(
    paths.flatMap(({ path }) =>
      path.slice(1).flatMap((p, i) => (INDEX.test(p) ? [path.slice(0, i + 1).join('.')] : [])),
    ),
  )
  for (const { key, path } of paths) {
    let node: Container = root
    for (let i = 0; i < path.length; i++) {
      const slot = slotIn(node, path[i] as string)
      if (slot === null) break
      const target = node as Record<string | number, unknown>
      if (i === path.length - 1) {
        if (!Object.hasOwn(target, slot)) target[slot] = flat[key]
        break
      }
      if (!Object.hasOwn(target, slot)) {
        const fresh: Container = lists.has(path.slice(0, i + 1).join('.'))
          ? []
          : (Object.create(null) as Record<string, unknown>)
        created.add(fresh)
        target[slot] = fresh
      }
      const next = target[slot]
      // Only descend into a container this function made; a string or anything else ends the name.
      if (typeof next !== 'object' || next === null || !created.has(next)) break
      node = next as Container
    }
  }
  return compact(root) as Record<string, unknown>
}

function acceptableName(key: string, path: string[]) {
  return (
    key.length <= NAME_LIMITS.length &&
    path.length <= NAME_LIMITS.depth &&
    path.every((p) => p !== '' && !RESERVED.has(p))
  )
}

/** The key to use in `node`, or null when the segment cannot address it (arrays take indexes only). */
function slotIn(node: Container, segment: string): string | number | null {
  if (!Array.isArray(node)) return segment
  if (!INDEX.test(segment)) return null
  const index = Number(segment)
  return index <= NAME_LIMITS.index ? index : null
}

/** Removed rows leave holes ("lines.0", "lines.2"): close them up, and give plain objects back. */
function compact(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map(compact)
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, compact(v)]))
  }
  return value
}

export type { NestedValue }

/** Reads "lines.0.amount" out of nested values (own properties only, never inherited ones). */
export function valueAt(root: unknown, name: string): unknown {
  let node = root
  for (const segment of name.split('.')) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, segment)) {
      return undefined
    }
    node = (node as Record<string, unknown>)[segment]
  }
  return node
}

/** How many rows of `prefix` to render: the saved ones, or more if a refused post had more. */
export function rowCount(prefix: string, saved: number, posted?: Record<string, unknown>) {
  const pattern = new RegExp(`^${prefix}\\.(\\d{1,3})\\.`)
  const postedRows = Object.keys(posted ?? {}).map((k) => Number(k.match(pattern)?.[1] ?? -1) + 1)
  return Math.max(saved, ...postedRows)
}
