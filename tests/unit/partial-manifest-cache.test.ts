import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { cachePartialManifests } from '#app/utils/partial-manifest-cache.server.ts'

const fogOfWar = createRequire(import.meta.url)('@remix-run/react/dist/fog-of-war.js') as {
  getPartialManifest: (manifest: object, router: object) => { routes: Record<string, unknown> }
}

const route = (id: string, path?: string, children: object[] = []) => ({ id, path, children })
const manifest = {
  url: '/m.js',
  routes: Object.fromEntries(
    ['root', 'routes/a', 'routes/a._index', 'routes/b'].map((id) => [id, { id, module: id }]),
  ),
}
const routes = [
  route('root', '', [
    route('routes/a', 'a', [{ id: 'routes/a._index', index: true }]),
    route('routes/b', 'b'),
  ]),
]
const routerAt = (pathname: string, ids: string[]) => ({
  routes,
  basename: undefined,
  state: { location: { pathname }, matches: ids.map((id) => ({ route: { id } })) },
})

describe('the partial route manifest each document inlines', () => {
  it('is worked out once per path and matched routes, with what Remix would answer', () => {
    const original = fogOfWar.getPartialManifest
    const atA = routerAt('/a/x', ['root', 'routes/a'])
    const expected = original(manifest, atA)

    expect(cachePartialManifests()).toBe(true)
    const first = fogOfWar.getPartialManifest(manifest, atA)
    expect(first).toEqual(expected)
    // The same request again: the very same answer, not a new computation.
    expect(fogOfWar.getPartialManifest(manifest, routerAt('/a/x', ['root', 'routes/a']))).toBe(
      first,
    )
    // Another path or other matches: its own answer.
    const atB = fogOfWar.getPartialManifest(manifest, routerAt('/b', ['root', 'routes/b']))
    expect(atB).not.toBe(first)
    expect(Object.keys(atB.routes).sort()).toEqual(['root', 'routes/b'])
    expect(cachePartialManifests()).toBe(true)
  })
})
