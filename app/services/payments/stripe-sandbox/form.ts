/**
 * Reads a body or query string the way stripe-node encodes parameters (`qs` style brackets:
 * `line_items[0][price_data][currency]=usd`, `expand[0]=balance_transaction`) back into the
 * nested object the caller passed. Numeric keys make arrays.
 */
export type FormValue = string | FormValue[] | { [key: string]: FormValue }
export type FormObject = { [key: string]: FormValue }

export function parseStripeForm(encoded: string): FormObject {
  const root = container()
  for (const [name, value] of new URLSearchParams(encoded)) {
    const path = keyPath(name)
    setAt(root, path, value)
  }
  return arraysFromIndexes(root) as FormObject
}

/** `a[b][0]` → ['a', 'b', '0']. */
function keyPath(name: string): string[] {
  const head = name.split('[', 1)[0]!
  const rest = [...name.slice(head.length).matchAll(/\[([^\]]*)\]/g)].map((m) => m[1]!)
  return [head, ...rest]
}

/** Containers without a prototype: a name like `__proto__[x]` makes a key, never reaches a built-in. */
const container = (): FormObject => Object.create(null) as FormObject

function setAt(root: FormObject, path: string[], value: string) {
  let node: FormObject = root
  path.forEach((key, i) => {
    if (i === path.length - 1) {
      node[key] = value
      return
    }
    const next = Object.hasOwn(node, key) ? node[key] : undefined
    if (typeof next !== 'object' || Array.isArray(next)) node[key] = container()
    node = node[key] as FormObject
  })
}

/** Objects whose keys are all 0…n-1 become arrays (qs writes arrays as indexed keys). */
function arraysFromIndexes(value: FormValue): FormValue {
  if (typeof value === 'string' || Array.isArray(value)) return value
  const keys = Object.keys(value)
  const entries = keys.map((k) => [k, arraysFromIndexes(value[k]!)] as const)
  const indexed = keys.length > 0 && keys.every((k, i) => k === String(i))
  return indexed ? entries.map(([, v]) => v) : Object.fromEntries(entries)
}
