import { createRequire } from 'node:module'

/**
 * Every document Remix renders inlines the part of the route manifest the page needs (lazy route
 * discovery, a v3 future flag). Remix works that part out afresh for each response:
 * getPartialManifest runs the router's matchRoutes once per parent path of the URL, and each run
 * flattens, ranks and compiles the pattern of every route. Profiled, that was about a sixth of
 * the CPU a plain page costs (docs/decisions/013-throughput.md). Its answer depends only on the
 * build's manifest, the path and the routes that matched, so it is kept per manifest under that
 * key, in a bounded map (paths with ids in them would otherwise grow it without end).
 *
 * Remix's server components reach the function through its CommonJS module object at each call
 * (`fogOfWar.getPartialManifest(…)`), which is what lets it be wrapped here. Should a Remix
 * upgrade move it, nothing is wrapped and pages are rendered as before, only slower; the unit
 * test tests/unit/partial-manifest-cache.test.ts then fails.
 */
const MAX_PATHS = 1000

interface RouterLike {
  state: { location: { pathname: string }; matches: { route: { id: string } }[] }
}
type GetPartialManifest = (manifest: object, router: RouterLike) => unknown
interface FogOfWarModule {
  getPartialManifest?: GetPartialManifest & { cached?: true }
}

export function cachePartialManifests(): boolean {
  const fogOfWar = createRequire(import.meta.url)(
    '@remix-run/react/dist/fog-of-war.js',
  ) as FogOfWarModule
  const compute = fogOfWar.getPartialManifest
  if (typeof compute !== 'function') return false
  if (compute.cached) return true
  const byManifest = new WeakMap<object, Map<string, unknown>>()
  const cached = (manifest: object, router: RouterLike) => {
    let known = byManifest.get(manifest)
    if (!known) byManifest.set(manifest, (known = new Map()))
    const { location, matches } = router.state
    const key = [location.pathname, ...matches.map((m) => m.route.id)].join('\0')
    let partial = known.get(key)
    if (partial === undefined) {
      partial = compute(manifest, router)
      if (known.size >= MAX_PATHS) known.clear()
      known.set(key, partial)
    }
    return partial
  }
  fogOfWar.getPartialManifest = Object.assign(cached, { cached: true as const })
  return true
}
