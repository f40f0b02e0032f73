import { randomBytes } from 'node:crypto'

/**
 * The stand-in's memory: every Stripe object it made, by id. In memory only, per process: a
 * restart forgets open sessions (the app's own rows keep what was settled), and two app processes
 * each have their own stand-in (docs/decisions/026-stripe-sandbox.md).
 */
export type StripeObject = { id: string; object: string; [field: string]: unknown }

export class ObjectStore {
  private readonly objects = new Map<string, StripeObject>()

  /** A new id in Stripe's form: the kind's prefix, then random characters. */
  newId(prefix: string): string {
    return `${prefix}_${randomBytes(12).toString('hex')}`
  }

  put<T extends StripeObject>(object: T): T {
    this.objects.set(object.id, object)
    return object
  }

  /** The stored object of that kind, or undefined (an id of another kind is not found either). */
  get(id: string, kind?: string): StripeObject | undefined {
    const found = this.objects.get(id)
    return found && (!kind || found.object === kind) ? found : undefined
  }

  /** Changes fields of a stored object in place and answers it. */
  update(id: string, fields: Record<string, unknown>): StripeObject {
    const found = this.objects.get(id)
    if (!found) throw new Error(`stand-in: no object ${id}`)
    Object.assign(found, fields)
    return found
  }

  /**
   * A copy of `object` with each `expand` path's ids replaced by the objects they name, as
   * Stripe's `expand[]` does (`latest_charge.balance_transaction` expands two levels; a list's
   * `data` is walked item by item).
   */
  expanded(object: StripeObject, paths: readonly string[]): StripeObject {
    let copy = structuredClone(object)
    for (const path of paths) copy = this.expandPath(copy, path.split('.')) as StripeObject
    return copy
  }

  private expandPath(value: unknown, path: string[]): unknown {
    if (path.length === 0) return value
    if (Array.isArray(value)) return value.map((item) => this.expandPath(item, path))
    if (typeof value !== 'object' || value === null) return value
    const [head, ...rest] = path as [string, ...string[]]
    let child = (value as Record<string, unknown>)[head]
    if (typeof child === 'string' && this.objects.has(child)) {
      child = structuredClone(this.objects.get(child))
    }
    return { ...value, [head]: this.expandPath(child, rest) }
  }
}

/** Seconds since the epoch, as Stripe writes times. */
export const unixNow = () => Math.floor(Date.now() / 1000)

/** The same moment a calendar month later (UTC), in seconds: a monthly subscription's next period. */
export function monthAfter(unixSeconds: number): number {
  const at = new Date(unixSeconds * 1000)
  at.setUTCMonth(at.getUTCMonth() + 1)
  return Math.floor(at.getTime() / 1000)
}
