import { createRequire } from 'node:module'

/**
 * Every document Remix renders first builds the app's whole route tree twice over: RemixServer
 * turns the build's manifest into React routes (`createServerRoutes`, every route of the app), and
 * the static router copies those into data routes (`convertRoutesToDataRoutes`, again every route,
 * with an id check and a property map each). Their answer depends only on the build, yet it was
 * about 5% of a page's CPU under load (docs/decisions/013-throughput.md, round eight). Here each is
 * kept per build:
 *
 * - the server routes per manifest, reused while every route's module is the one they were built
 *   from (Remix hands each request a fresh object of the same modules);
 * - the data routes per server-routes array (the same array now, so the same data routes), with
 *   the id-to-route map the caller asked to have filled filled from the kept one.
 *
 * Neither is changed by a render (React Router reads them; patching routes throws on the server).
 * Both functions are reached through their CommonJS module objects at each call
 * (`routes.createServerRoutes(…)` in Remix's server.js, `router.UNSAFE_convertRoutesToDataRoutes(…)`
 * in react-router-dom/server.js), which is what lets them be wrapped; should an upgrade move them,
 * nothing is wrapped and pages render as before, only slower, and
 * tests/unit/render-routes-cache.test.ts fails.
 */

type Modules = Record<string, unknown>
type CreateServerRoutes = ((
  manifest: Record<string, unknown>,
  routeModules: Modules,
  future: unknown,
  isSpaMode: boolean,
  ...rest: unknown[]
) => unknown[]) & { cached?: true }
type ConvertRoutes = ((
  routes: unknown[],
  mapRouteProperties: unknown,
  parentPath?: string[],
  manifest?: Record<string, unknown>,
) => unknown[]) & { cached?: true }

const load = createRequire(import.meta.url)

export function cacheRenderRoutes(): boolean {
  const remixRoutes = load('@remix-run/react/dist/routes.js') as {
    createServerRoutes?: CreateServerRoutes
  }
  const router = load('@remix-run/router') as { UNSAFE_convertRoutesToDataRoutes?: ConvertRoutes }
  const create = remixRoutes.createServerRoutes
  const convert = router.UNSAFE_convertRoutesToDataRoutes
  if (typeof create !== 'function' || typeof convert !== 'function') return false
  if (!create.cached) remixRoutes.createServerRoutes = keepServerRoutes(create)
  if (!convert.cached) router.UNSAFE_convertRoutesToDataRoutes = keepDataRoutes(convert)
  return true
}

interface KeptServerRoutes {
  modules: Modules
  future: unknown
  isSpaMode: boolean
  routes: unknown[]
}

function keepServerRoutes(create: CreateServerRoutes): CreateServerRoutes {
  const byManifest = new WeakMap<object, KeptServerRoutes>()
  const sameModules = (manifest: object, a: Modules, b: Modules) =>
    Object.keys(manifest).every((id) => a[id] === b[id])
  const kept: CreateServerRoutes = (manifest, routeModules, future, isSpaMode, ...rest) => {
    // Only the top-level call (Remix's own) is kept; the recursion passes more arguments.
    if (rest.length > 0) return create(manifest, routeModules, future, isSpaMode, ...rest)
    const known = byManifest.get(manifest)
    if (
      known &&
      known.future === future &&
      known.isSpaMode === isSpaMode &&
      sameModules(manifest, known.modules, routeModules)
    ) {
      return known.routes
    }
    const routes = create(manifest, routeModules, future, isSpaMode)
    byManifest.set(manifest, { modules: { ...routeModules }, future, isSpaMode, routes })
    return routes
  }
  return Object.assign(kept, { cached: true as const })
}

function keepDataRoutes(convert: ConvertRoutes): ConvertRoutes {
  const byRoutes = new WeakMap<
    object,
    { map: unknown; dataRoutes: unknown[]; manifest: Record<string, unknown> }
  >()
  const kept: ConvertRoutes = (routes, mapRouteProperties, parentPath, manifest) => {
    // Only a whole tree (no parent path) is kept, as the static router asks for it.
    if (parentPath !== undefined) return convert(routes, mapRouteProperties, parentPath, manifest)
    const known = byRoutes.get(routes)
    if (known && known.map === mapRouteProperties) {
      if (manifest) Object.assign(manifest, known.manifest)
      return known.dataRoutes
    }
    const filled: Record<string, unknown> = {}
    const dataRoutes = convert(routes, mapRouteProperties, undefined, filled)
    byRoutes.set(routes, { map: mapRouteProperties, dataRoutes, manifest: filled })
    if (manifest) Object.assign(manifest, filled)
    return dataRoutes
  }
  return Object.assign(kept, { cached: true as const })
}
