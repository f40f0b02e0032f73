import { AsyncLocalStorage } from 'node:async_hooks'

/**
 * Lookups several loaders of one page make (the session's user, the organisation in the URL and
 * the viewer's membership, the program), done once per HTTP request instead of once per loader.
 *
 * Remix gives each loader its own copy of the Request (it strips its `_routes` and `index`
 * parameters into a new Request per loader), so a memo keyed by the Request object never hits:
 * the funder's program pages read the session three or four times and the organisation and
 * membership two or three times per view (docs/decisions/013-throughput.md, round three). The
 * scope is entered once per HTTP request by the request-logging middleware, and only for GET and
 * HEAD: a POST runs an action that may change what was read (a login, a switch of organisation),
 * and the loaders after it must see the change, so they look everything up afresh.
 *
 * Outside a scope (tests calling loaders directly, a POST) `memo` does the work every time.
 */
type Memo = Map<unknown, Promise<unknown>>
const holder = globalThis as { __commonsRequestMemo?: AsyncLocalStorage<Memo> }
const scope = () => (holder.__commonsRequestMemo ??= new AsyncLocalStorage<Memo>())

const READS = new Set(['GET', 'HEAD'])

/** Runs `fn` (the rest of one HTTP request) with its own memo when the method only reads. */
export function withRequestMemo<T>(method: string, fn: () => T): T {
  return READS.has(method) ? scope().run(new Map(), fn) : fn()
}

/**
 * `work()`'s answer, shared with every caller of the same key in this read-only request. The key
 * must name everything the answer depends on besides the request (the ids or slugs it reads).
 */
export function memo<T>(key: string, work: () => Promise<T>): Promise<T> {
  const known = scope().getStore()
  if (!known) return work()
  let found = known.get(key) as Promise<T> | undefined
  if (!found) {
    found = work()
    known.set(key, found)
  }
  return found
}
