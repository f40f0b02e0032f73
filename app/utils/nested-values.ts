type Nested = { [key: string]: NestedValue }
type NestedValue = string | string[] | Nested | NestedValue[]

/**
 * Turns flat form names into nested values, the way react-hook-form names repeated rows:
 * { "lines.0.amount": "5" } → { lines: [{ amount: "5" }] }. Plain names pass through unchanged.
 */
export function nestValues(flat: Record<string, string | string[]>): Record<string, unknown> {
  const root: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(flat)) {
    const path = key.split('.')
    if (
      path.some((p) => p === '' || p === '__proto__' || p === 'constructor' || p === 'prototype')
    ) {
      continue
    }
    let node: Record<string, unknown> | unknown[] = root
    path.forEach((segment, i) => {
      const last = i === path.length - 1
      const index = /^\d{1,3}$/.test(segment) ? Number(segment) : null
      const slot = index ?? segment
      const container = node as Record<string | number, unknown>
      if (last) {
        container[slot] = value
        return
      }
      const nextIsIndex = /^\d{1,3}$/.test(path[i + 1] ?? '')
      container[slot] ??= nextIsIndex ? [] : {}
      node = container[slot] as Record<string, unknown> | unknown[]
    })
  }
  return compactArrays(root) as Record<string, unknown>
}

/** Removed rows leave holes ("lines.0", "lines.2"); close them up. */
function compactArrays(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map(compactArrays)
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, compactArrays(v)]))
  }
  return value
}

export type { NestedValue }

/** Reads "lines.0.amount" out of nested values. */
export function valueAt(root: unknown, name: string): unknown {
  let node = root
  for (const segment of name.split('.')) {
    if (node === null || typeof node !== 'object') return undefined
    node = (node as Record<string, unknown>)[segment]
  }
  return node
}

/** How many rows of `prefix` to render: the saved ones, or more if a refused post had more. */
export function rowCount(prefix: string, saved: number, posted?: Record<string, unknown>) {
  const pattern = new RegExp(`^${prefix}\\.(\\d+)\\.`)
  const postedRows = Object.keys(posted ?? {}).map((k) => Number(k.match(pattern)?.[1] ?? -1) + 1)
  return Math.max(saved, ...postedRows)
}
