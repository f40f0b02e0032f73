import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { cacheRenderRoutes } from '#app/utils/render-routes-cache.server.ts'

const load = createRequire(import.meta.url)
type Route = { id: string; path?: string; index?: boolean; children?: Route[] }
const remixRoutes = load('@remix-run/react/dist/routes.js') as {
  createServerRoutes: (m: object, modules: object, future: object, spa: boolean) => Route[]
}
const router = load('@remix-run/router') as {
  UNSAFE_convertRoutesToDataRoutes: (
    routes: Route[],
    map: (r: Route) => object,
    parent?: string[],
    manifest?: Record<string, Route>,
  ) => Route[]
}

const entry = (id: string, parentId: string | undefined, path?: string, index?: boolean) => ({
  id,
  parentId,
  path,
  index,
  hasLoader: true,
  module: `/${id}.js`,
})
const manifest = Object.fromEntries(
  [
    entry('root', undefined, ''),
    entry('routes/a', 'root', 'a'),
    entry('routes/a._index', 'routes/a', undefined, true),
    entry('routes/b', 'root', 'b'),
  ].map((e) => [e.id, e]),
)
const MODULES: Record<string, object> = Object.fromEntries(
  Object.keys(manifest).map((id) => [id, { default: () => null }]),
)
const modulesFor = () => Object.fromEntries(Object.keys(manifest).map((id) => [id, MODULES[id]]))
const future = {}
const ids = (routes: Route[]): string[] => routes.flatMap((r) => [r.id, ...ids(r.children ?? [])])

describe('the route tree each render builds', () => {
  it('is built once per build, as Remix and React Router would build it', () => {
    const expected = remixRoutes.createServerRoutes(manifest, modulesFor(), future, false)
    const expectedData = router.UNSAFE_convertRoutesToDataRoutes(expected, (r) => ({ ...r }))

    expect(cacheRenderRoutes()).toBe(true)
    const first = remixRoutes.createServerRoutes(manifest, modulesFor(), future, false)
    expect(ids(first)).toEqual(ids(expected))
    expect(first[0]!.children!.map((r) => r.path)).toEqual(['a', 'b'])
    // A fresh object of the same modules (as Remix passes each request): the same routes.
    expect(remixRoutes.createServerRoutes(manifest, modulesFor(), future, false)).toBe(first)
    // A module replaced (a rebuilt route): built again.
    const changed = { ...modulesFor(), 'routes/b': { default: () => null } }
    expect(remixRoutes.createServerRoutes(manifest, changed, future, false)).not.toBe(first)

    const map = (r: Route) => ({ ...r })
    const filled: Record<string, Route> = {}
    const data = router.UNSAFE_convertRoutesToDataRoutes(first, map, undefined, filled)
    expect(ids(data)).toEqual(ids(expectedData))
    const again: Record<string, Route> = {}
    expect(router.UNSAFE_convertRoutesToDataRoutes(first, map, undefined, again)).toBe(data)
    // The caller's id-to-route map is filled each time, with the kept routes.
    expect(Object.keys(again).sort()).toEqual(Object.keys(manifest).sort())
    expect(again['routes/b']).toBe(filled['routes/b'])
    expect(cacheRenderRoutes()).toBe(true)
  })
})
