import { createRequire } from 'node:module'

/**
 * The router's matchRoutes flattens the whole route tree, scores and sorts every branch, then
 * compiles a regular expression per pattern it tries, on every call; a request calls it several
 * times (Remix's matchServerRoutes, the static handler's query, React Router's render). Profiled
 * under load that was about a seventh of a plain page's CPU (docs/decisions/013-throughput.md).
 *
 * Here the flattened and ranked branches are kept per route tree, with each pattern compiled once
 * it is needed. A tree is known by its array, and, since Remix builds a fresh array of the same routes
 * for each render, also by its shape (each route's path, index and caseSensitive flags, and its
 * children): the branches hold only positions in the tree, so a match is built from the routes
 * of the array it was given, never from another array's. Matching a path still runs per call,
 * with the router's own algorithm (flattenRoutes, explodeOptionalSegments, computeScore,
 * rankRouteBranches, matchRouteBranch, matchPath and compilePath of @remix-run/router 1.23,
 * MIT, restated below); tests/unit/route-match-cache.test.ts compares it with the router's answer
 * for every route of the app.
 *
 * The router's module is reached by its consumers through its CommonJS exports object at each call
 * (`router.matchRoutes(…)` in Remix's server runtime and in React Router), which is what lets it
 * be replaced. The static handler's own call inside the router's module goes through that object
 * too since patches/@remix-run+router+1.23.3.patch (applied by `npm install`; decision 013, round
 * nine). Branches whose leading literal segments the pathname lacks are skipped before any pattern
 * is tried.
 */

interface RouteLike {
  path?: string
  index?: boolean
  caseSensitive?: boolean
  children?: RouteLike[]
}
interface Match {
  params: Record<string, string | undefined>
  pathname: string
  pathnameBase: string
  route: RouteLike
}
type MatchRoutes = (
  routes: RouteLike[],
  location: string | { pathname?: string },
  basename?: string,
) => Match[] | null
interface RouterModule {
  matchRoutes: MatchRoutes & { cached?: true }
  stripBasename(pathname: string, basename: string): string | null
  UNSAFE_decodePath(pathname: string): string
  joinPaths(paths: string[]): string
  normalizePathname(pathname: string): string
}

interface Meta {
  relativePath: string
  caseSensitive: boolean
  /** The route's position among its siblings. */
  childrenIndex: number
  /** Its pattern compiled to match to the end ([1]) or as a prefix ([0]), once needed. */
  compiled: [Compiled?, Compiled?]
}
interface Branch {
  path: string
  score: number
  metas: Meta[]
  /** The path's leading literal segments, lower-cased ("/orgs"), or "" when it starts with a parameter. */
  literal: string
}
interface Compiled {
  matcher: RegExp
  params: { paramName: string; isOptional?: boolean }[]
}

const MAX_SHAPES = 50

function flatten(
  routes: RouteLike[],
  branches: Branch[] = [],
  parents: Meta[] = [],
  parentPath = '',
) {
  const flattenRoute = (route: RouteLike, childrenIndex: number, relativePath?: string) => {
    const meta: Meta = {
      relativePath: relativePath ?? route.path ?? '',
      caseSensitive: route.caseSensitive === true,
      childrenIndex,
      compiled: [],
    }
    // The router refuses a wrongly nested absolute path; it has been asked first (see below).
    if (meta.relativePath.startsWith('/')) {
      meta.relativePath = meta.relativePath.slice(parentPath.length)
    }
    const path = joinPaths([parentPath, meta.relativePath])
    const metas = [...parents, meta]
    if (route.children && route.children.length > 0) flatten(route.children, branches, metas, path)
    if (route.path == null && !route.index) return
    branches.push({ path, score: computeScore(path, route.index), metas, literal: literalOf(path) })
  }
  routes.forEach((route, index) => {
    if (route.path === '' || !route.path?.includes('?')) flattenRoute(route, index)
    else
      for (const exploded of explodeOptionalSegments(route.path))
        flattenRoute(route, index, exploded)
  })
  return branches
}

/**
 * Optional segments are exploded before this, so a segment is a literal, a parameter or a splat.
 * Only printable ASCII counts: the patterns ignore case by JavaScript's rules, which for other
 * letters are not lower-casing's (a final sigma matches a sigma).
 */
function literalOf(path: string) {
  const literal: string[] = []
  for (const segment of path.split('/').filter(Boolean)) {
    if (segment.startsWith(':') || segment.includes('*') || !/^[\x20-\x7e]+$/.test(segment)) break
    literal.push(segment.toLowerCase())
  }
  return literal.length > 0 ? `/${literal.join('/')}` : ''
}

/**
 * Whether a lower-cased pathname can match a branch: each of the branch's patterns matches from a
 * "/" and a literal segment ends at a "/" or the end, so a pathname the branch matches begins with
 * its literal segments (ASCII, the same length lower-cased). A cheap test that skips most branches
 * before any pattern is tried; the patterns still decide.
 */
function mayMatch(lowerPathname: string, literal: string) {
  if (literal === '') return true
  if (!lowerPathname.startsWith(literal)) return false
  const next = lowerPathname.charAt(literal.length)
  return next === '' || next === '/'
}

function explodeOptionalSegments(path: string): string[] {
  const segments = path.split('/')
  if (segments.length === 0) return []
  const [first = '', ...rest] = segments
  const isOptional = first.endsWith('?')
  const required = first.replace(/\?$/, '')
  if (rest.length === 0) return isOptional ? [required, ''] : [required]
  const restExploded = explodeOptionalSegments(rest.join('/'))
  const result = restExploded.map((sub) => (sub === '' ? required : [required, sub].join('/')))
  if (isOptional) result.push(...restExploded)
  return result.map((exploded) => (path.startsWith('/') && exploded === '' ? '/' : exploded))
}

const paramRe = /^:[\w-]+$/
const isSplat = (s: string) => s === '*'
function computeScore(path: string, index: boolean | undefined) {
  const segments = path.split('/')
  let initialScore = segments.length
  if (segments.some(isSplat)) initialScore += -2
  if (index) initialScore += 2
  return segments
    .filter((s) => !isSplat(s))
    .reduce((score, s) => score + (paramRe.test(s) ? 3 : s === '' ? 1 : 10), initialScore)
}

function compareIndexes(a: number[], b: number[]) {
  const siblings = a.length === b.length && a.slice(0, -1).every((n, i) => n === b[i])
  return siblings ? a[a.length - 1]! - b[b.length - 1]! : 0
}

function rank(branches: Branch[]) {
  return branches.sort((a, b) =>
    a.score !== b.score
      ? b.score - a.score
      : compareIndexes(
          a.metas.map((m) => m.childrenIndex),
          b.metas.map((m) => m.childrenIndex),
        ),
  )
}

function compile(path: string, caseSensitive: boolean, end: boolean): Compiled {
  const params: Compiled['params'] = []
  let source =
    '^' +
    path
      .replace(/\/*\*?$/, '')
      .replace(/^\/*/, '/')
      .replace(/[\\.*+^${}|()[\]]/g, '\\$&')
      .replace(/\/:([\w-]+)(\?)?/g, (_, paramName: string, isOptional?: string) => {
        params.push({ paramName, isOptional: isOptional != null })
        return isOptional ? '/?([^\\/]+)?' : '/([^\\/]+)'
      })
  if (path.endsWith('*')) {
    params.push({ paramName: '*' })
    source += path === '*' || path === '/*' ? '(.*)$' : '(?:\\/(.+)|\\/*)$'
  } else if (end) {
    source += '\\/*$'
  } else if (path !== '' && path !== '/') {
    source += '(?:(?=\\/|$))'
  }
  return { matcher: new RegExp(source, caseSensitive ? undefined : 'i'), params }
}

function matchPath(meta: Meta, end: boolean, pathname: string) {
  const { matcher, params: names } = (meta.compiled[end ? 1 : 0] ??= compile(
    meta.relativePath,
    meta.caseSensitive,
    end,
  ))
  const match = pathname.match(matcher)
  if (!match) return null
  const matchedPathname = match[0]
  let pathnameBase = matchedPathname.replace(/(.)\/+$/, '$1')
  const captureGroups = match.slice(1)
  const params: Record<string, string | undefined> = {}
  names.forEach(({ paramName, isOptional }, index) => {
    if (paramName === '*') {
      const splatValue = captureGroups[index] ?? ''
      pathnameBase = matchedPathname
        .slice(0, matchedPathname.length - splatValue.length)
        .replace(/(.)\/+$/, '$1')
    }
    const value = captureGroups[index]
    params[paramName] = isOptional && !value ? undefined : (value ?? '').replace(/%2F/g, '/')
  })
  return { params, pathname: matchedPathname, pathnameBase }
}

function matchBranch(branch: Branch, routes: RouteLike[], pathname: string): Match[] | null {
  const matchedParams: Match['params'] = {}
  let matchedPathname = '/'
  const matches: Match[] = []
  let siblings: RouteLike[] | undefined = routes
  for (let i = 0; i < branch.metas.length; ++i) {
    const meta = branch.metas[i]!
    const remaining =
      matchedPathname === '/' ? pathname : pathname.slice(matchedPathname.length) || '/'
    const match = matchPath(meta, i === branch.metas.length - 1, remaining)
    if (!match) return null
    const route: RouteLike | undefined = siblings?.[meta.childrenIndex]
    if (!route) return null
    siblings = route.children
    Object.assign(matchedParams, match.params)
    matches.push({
      // One params object shared by the matches of a branch, as the router does.
      params: matchedParams,
      pathname: joinPaths([matchedPathname, match.pathname]),
      pathnameBase: normalizePathname(joinPaths([matchedPathname, match.pathnameBase])),
      route,
    })
    if (match.pathnameBase !== '/')
      matchedPathname = joinPaths([matchedPathname, match.pathnameBase])
  }
  return matches
}

/** What matching depends on: paths, index and caseSensitive flags, and nesting. */
function shapeOf(routes: RouteLike[]): string {
  return routes
    .map(
      (r) =>
        `${r.path === undefined ? '\u0001' : r.path}\u0002${r.index ? 1 : 0}${r.caseSensitive ? 1 : 0}` +
        (r.children && r.children.length > 0 ? `\u0003${shapeOf(r.children)}\u0004` : ''),
    )
    .join('\u0005')
}

let joinPaths: RouterModule['joinPaths']
let normalizePathname: RouterModule['normalizePathname']

export function cacheRouteMatches(): boolean {
  const router = createRequire(import.meta.url)('@remix-run/router') as RouterModule
  const original = router.matchRoutes
  if (typeof original !== 'function') return false
  if (original.cached) return true
  ;({ joinPaths, normalizePathname } = router)
  const byArray = new WeakMap<RouteLike[], Branch[]>()
  const byShape = new Map<string, Branch[]>()
  const branchesOf = (routes: RouteLike[]) => {
    let branches = byArray.get(routes)
    if (branches) return branches
    const shape = shapeOf(routes)
    branches = byShape.get(shape)
    if (!branches) {
      // The router's own checks (a misplaced absolute path, an index route with children) throw
      // here as they would have.
      original(routes, '/')
      branches = rank(flatten(routes))
      if (byShape.size >= MAX_SHAPES) byShape.clear()
      byShape.set(shape, branches)
    }
    byArray.set(routes, branches)
    return branches
  }
  const cached: MatchRoutes = (routes, locationArg, basename = '/') => {
    const location =
      typeof locationArg === 'string' ? { pathname: pathOf(locationArg) } : locationArg
    const pathname = router.stripBasename(location.pathname || '/', basename)
    if (pathname == null) return null
    const decoded = router.UNSAFE_decodePath(pathname)
    const lower = decoded.toLowerCase()
    for (const branch of branchesOf(routes)) {
      if (!mayMatch(lower, branch.literal)) continue
      const matches = matchBranch(branch, routes, decoded)
      if (matches) return matches
    }
    return null
  }
  router.matchRoutes = Object.assign(cached, { cached: true as const })
  return true
}

/** The pathname part of a path with a search and a hash, as the router's parsePath finds it. */
function pathOf(path: string) {
  const hash = path.indexOf('#')
  const beforeHash = hash >= 0 ? path.slice(0, hash) : path
  const search = beforeHash.indexOf('?')
  return search >= 0 ? beforeHash.slice(0, search) : beforeHash
}
