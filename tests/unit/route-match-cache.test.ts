import { createRequire } from 'node:module'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { cacheRouteMatches } from '#app/utils/route-match-cache.server.ts'

interface Route {
  id: string
  path?: string
  index?: boolean
  caseSensitive?: boolean
  children?: Route[]
}
type MatchRoutes = (
  routes: Route[],
  location: string | { pathname?: string },
  basename?: string,
) => { params: object; pathname: string; pathnameBase: string; route: Route }[] | null

const router = createRequire(import.meta.url)('@remix-run/router') as { matchRoutes: MatchRoutes }
const original = router.matchRoutes

/** The app's route tree, as app/routes.ts gives it to the build. */
async function appRoutes(): Promise<Route[]> {
  // flatRoutes() asks the Remix Vite plugin for the app folder; outside a build, say it here.
  ;(globalThis as { __remixAppDirectory?: string }).__remixAppDirectory = path.resolve('app')
  const config = (await (await import('#app/routes.ts')).default) as Route[]
  // The build nests every route under the root route.
  return [{ id: 'root', path: '', children: config }]
}

/** Paths that reach each route, and paths around them that must match the same way or not at all. */
function pathsFor(routes: Route[]): string[] {
  const patterns: string[] = []
  const walk = (list: Route[], parent: string) => {
    for (const route of list) {
      const pattern = [parent, route.path].filter(Boolean).join('/')
      patterns.push(pattern)
      walk(route.children ?? [], pattern)
    }
  }
  walk(routes, '')
  const paths = ['', '/', '//', '/nope', '/nope/deeper', '/%E0%A4%A', '/a%2Fb', '/?q=1#h', '#only']
  // Around the literal segments a branch is skipped by: case, doubled and missing slashes, a
  // letter that lower-cases to ASCII (the Kelvin sign) but that the patterns do not take for one.
  paths.push('/ORGS', '/Orgs/', '//orgs/x', '/orgs//x', '/orgsx', '/\u212Aey', '/admin//users')
  for (const pattern of patterns) {
    const concrete = ('/' + pattern)
      .replace(/\/:([\w-]+)\?/g, '/opt-1')
      .replace(/\/:([\w-]+)/g, '/6f1c2d3e-1')
      .replace(/\*$/, 'a/b%20c')
    paths.push(
      concrete,
      concrete + '/',
      concrete.toUpperCase(),
      concrete + '?x=1#y',
      concrete + '/extra',
      concrete.replace(/\/[^/]*$/, ''),
      concrete.replace(/6f1c2d3e-1/g, 'caf%C3%A9'),
    )
  }
  return [...new Set(paths)]
}

/** A copy of a route tree: the same shape, other objects (what Remix builds for each render). */
const copy = (routes: Route[]): Route[] =>
  routes.map((r) => ({ ...r, children: r.children && copy(r.children) }))

/** Counts how often any route's path is read: flattening reads them all. */
function counted(routes: Route[]) {
  let reads = 0
  const wrap = (list: Route[]): Route[] =>
    list.map((r) => {
      const children = r.children && wrap(r.children)
      const routePath = r.path
      return Object.defineProperties({ ...r, children } as Route, {
        path: {
          get: () => {
            reads++
            return routePath
          },
          enumerable: true,
        },
      })
    })
  return { routes: wrap(routes), reads: () => reads }
}

function expectSameMatches(routes: Route[], location: string, basename?: string) {
  const expected = original(routes, location, basename)
  const actual = router.matchRoutes(routes, location, basename)
  expect(actual, `${location} (${basename ?? 'no basename'})`).toEqual(expected)
  // The very route objects of the array given, not equal-looking ones from another array.
  expect(actual?.map((m) => m.route)).toStrictEqual(expected?.map((m) => m.route))
  actual?.forEach((m, i) => expect(m.route).toBe(expected![i]!.route))
}

describe("the router's matchRoutes, with the ranked branches kept per route tree", () => {
  it('answers what the router answers for every route of the app, and for paths around them', async () => {
    expect(cacheRouteMatches()).toBe(true)
    expect(router.matchRoutes).not.toBe(original)
    const routes = await appRoutes()
    const paths = pathsFor(routes)
    expect(paths.length).toBeGreaterThan(100)
    for (const location of paths) expectSameMatches(routes, location)
    // A fresh array of the same shape: matches hold that array's routes.
    const again = copy(routes)
    for (const location of paths) expectSameMatches(again, location)
    for (const location of paths.slice(0, 40)) {
      expectSameMatches(routes, `/base${location}`, '/base')
      expectSameMatches(routes, location, '/base')
    }
    // Parameters: the router gives a branch's matches one shared params object.
    const match = router.matchRoutes(routes, '/nope/deeper')
    if (match && match.length > 1) expect(match[0]!.params).toBe(match[1]!.params)
    expect(cacheRouteMatches()).toBe(true)
  })

  it('flattens a route tree once, and a tree of another shape gets its own branches', () => {
    expect(cacheRouteMatches()).toBe(true)
    const tree: Route[] = [
      {
        id: 'root',
        path: '',
        children: [
          { id: 'a', path: 'a', children: [{ id: 'a-index', index: true }] },
          { id: 'a-id', path: 'a/:id' },
          { id: 'opt', path: 'o/:x?/p' },
          { id: 'splat', path: '*' },
        ],
      },
    ]
    const first = counted(tree)
    expectSameMatches(first.routes, '/a/7')
    const afterFirst = first.reads()
    expect(router.matchRoutes(first.routes, '/a/8')?.at(-1)?.route.id).toBe('a-id')
    expect(router.matchRoutes(first.routes, '/o/p')?.at(-1)?.route.id).toBe('opt')
    // No route's path read again: the branches were kept.
    expect(first.reads()).toBe(afterFirst)

    // The same ids, another shape: 'a/:id' is now 'b/:id'. Served from a cache it would match.
    const moved = copy(tree)
    moved[0]!.children![1]!.path = 'b/:id'
    expect(router.matchRoutes(moved, '/a/7')?.at(-1)?.route.id).toBe('splat')
    expect(router.matchRoutes(moved, '/b/7')?.at(-1)?.route.id).toBe('a-id')
    for (const location of ['/a/7', '/b/7', '/a', '/o/1/p', '/zzz']) {
      expectSameMatches(moved, location)
      expectSameMatches(tree, location)
    }
  })

  it("matches a literal by the patterns' own rules for letters outside ASCII", () => {
    expect(cacheRouteMatches()).toBe(true)
    const tree: Route[] = [
      {
        id: 'root',
        path: '',
        children: [
          { id: 'sigma', path: 'σ/x' },
          { id: 'kelvin', path: 'k' },
        ],
      },
    ]
    // The router's patterns take a final sigma for a sigma, and not the Kelvin sign for a k.
    for (const location of ['/ς/x', '/Σ/X', '/σ/x', '/\u212A', '/K', '/k/'])
      expectSameMatches(tree, location)
    expect(router.matchRoutes(tree, '/ς/x')?.at(-1)?.route.id).toBe('sigma')
  })

  it("serves the router's static handler too (patches/@remix-run+router)", async () => {
    expect(cacheRouteMatches()).toBe(true)
    const { createStaticHandler } = createRequire(import.meta.url)('@remix-run/router') as {
      createStaticHandler(routes: Route[]): { query(request: Request): Promise<unknown> }
    }
    const cached = router.matchRoutes
    const asked: string[] = []
    router.matchRoutes = Object.assign<MatchRoutes, { cached: true }>(
      (routes, location, basename) => {
        asked.push(typeof location === 'string' ? location : (location.pathname ?? ''))
        return cached(routes, location, basename)
      },
      { cached: true },
    )
    try {
      const handler = createStaticHandler([
        {
          id: 'root',
          path: '/',
          children: [{ id: 'a', path: 'a/:id', loader: () => 'a' } as Route],
        },
      ])
      const context = (await handler.query(new Request('http://localhost/a/7'))) as {
        matches: { route: { id: string } }[]
      }
      expect(context.matches.map((m) => m.route.id)).toEqual(['root', 'a'])
      expect(asked).toEqual(['/a/7'])
    } finally {
      router.matchRoutes = cached
    }
  })

  it("keeps the router's refusals", () => {
    expect(cacheRouteMatches()).toBe(true)
    const bad: Route[] = [{ id: 'p', path: 'x', children: [{ id: 'c', path: '/y' }] }]
    expect(() => router.matchRoutes(bad, '/x/y')).toThrow(/Absolute route path/)
  })
})
