import { compareIds, equityMultiplier, suggestible, type RequestEquity } from './ranking.ts'
import { DEFAULT_MATCH_WEIGHTS, type MatchWeights } from './weights.ts'

/**
 * The platform's batch "suggest matches" (issue 11; decision 028): each volunteer at most one
 * open request, each request at most k suggestions, chosen to maximise
 *
 *   Σ over suggestions  fit × m_r                  (m_r: the request's equity multiplier)
 * + Σ over requests given ≥ 1 suggestion  coverageBonus × m_r
 * − groupSpread × Σ over groups  n_g (n_g − 1) / 2  (n_g: the group's suggestions)
 *
 * exactly, as a min-cost flow on the candidate pairs only. Network: each request supplies k
 * units; a unit goes either to a volunteer (arc r→v of cost −fit×m_r, v→t capacity 1) or stays
 * unassigned through the group (r→g: k−1 units free, the last costs the lost coverage bonus;
 * g→t: the d-th unassigned unit of the group costs −groupSpread×(N_g − d), which is the convex
 * spread term seen from the unassigned side). Every unit has somewhere to go, so the flow is
 * feasible, and its minimum cost is the objective's maximum (up to a constant).
 *
 * Solved by successive shortest paths: one unit at a time from its request, Dijkstra on reduced
 * costs with the potentials kept from one search to the next and stopped as soon as the sink is
 * settled. The requests may be served in any order: each augmentation follows a shortest path
 * from a node that still has supply and keeps every reduced cost ≥ 0, which is all the method
 * needs to end at the optimum (Ahuja, Magnanti & Orlin, Network Flows, §9.7). Costs are whole
 * hundredths of a point, so the potentials are exact.
 */

export interface AssignmentRequest {
  id: string
  /** The organisation asking: its suggestions are spread by `groupSpread`. */
  groupId: string
  equity: RequestEquity
}

/** A volunteer who passed the request's hard filters, with the pair's score (0–100). */
export interface CandidatePair {
  volunteerId: string
  requestId: string
  fit: number
}

export interface AssignmentOptions {
  /** Suggestions a request may get (k); default 1. */
  perRequest?: number
  /** Only the best this many candidates of each request are used (M); default 50. */
  maxCandidatesPerRequest?: number
  weights?: MatchWeights
}

export interface Suggestion {
  volunteerId: string
  requestId: string
  fit: number
  /** fit × the request's equity multiplier: the points this suggestion adds. */
  score: number
}

export interface Assignment {
  suggestions: Suggestion[]
  /** The objective above, in points. */
  objective: number
  /** Requests with at least one suggestion, of those that could be suggested (below the offer cap). */
  coveredRequests: number
  suggestibleRequests: number
}

/** Requests, pairs and terms in whole hundredths of a point, as both solvers see them. */
interface Instance {
  requests: readonly AssignmentRequest[]
  k: number
  multiplier: number[]
  /** Hundredths: the coverage bonus of each request, and the cost of each pair of same-group suggestions. */
  bonus: number[]
  spread: number
  group: Int32Array
  groupCount: number
  volunteerIds: string[]
  /** Per request, its capped candidates, best first. */
  edges: { volunteer: number; fit: number; value: number }[][]
}

function prepare(
  requests: readonly AssignmentRequest[],
  pairs: readonly CandidatePair[],
  options: AssignmentOptions,
): Instance {
  const weights = options.weights ?? DEFAULT_MATCH_WEIGHTS
  const k = options.perRequest ?? 1
  const cap = options.maxCandidatesPerRequest ?? 50
  if (!Number.isInteger(k) || k < 1) throw new RangeError('perRequest must be a whole number ≥ 1')
  const kept = requests.filter((r) => suggestible(r.equity, weights))
  const index = new Map(kept.map((r, i) => [r.id, i]))
  if (index.size !== kept.length) throw new RangeError('request ids must be unique')
  const multiplier = kept.map((r) => equityMultiplier(r.equity, weights))
  const groups = new Map<string, number>()
  const group = Int32Array.from(kept, (r) => {
    if (!groups.has(r.groupId)) groups.set(r.groupId, groups.size)
    return groups.get(r.groupId)!
  })
  // The best fit of each (request, volunteer), then each request's best `cap` of them.
  const best = kept.map(() => new Map<string, number>())
  for (const p of pairs) {
    const r = index.get(p.requestId)
    if (r === undefined || !Number.isFinite(p.fit) || p.fit < 0) continue
    const seen = best[r]!.get(p.volunteerId)
    if (seen === undefined || p.fit > seen) best[r]!.set(p.volunteerId, p.fit)
  }
  const volunteers = new Map<string, number>()
  const edges = best.map((candidates, r) =>
    [...candidates]
      .sort((a, b) => b[1] - a[1] || compareIds(a[0], b[0]))
      .slice(0, cap)
      .map(([id, fit]) => {
        if (!volunteers.has(id)) volunteers.set(id, volunteers.size)
        return { volunteer: volunteers.get(id)!, fit, value: hundredths(fit * multiplier[r]!) }
      }),
  )
  return {
    requests: kept,
    k,
    multiplier,
    bonus: multiplier.map((m) => hundredths(weights.coverageBonus * m)),
    spread: hundredths(weights.groupSpread),
    group,
    groupCount: groups.size,
    volunteerIds: [...volunteers.keys()],
    edges,
  }
}

const hundredths = (points: number) => Math.round(points * 100)

/** The optimum: the objective above, exactly, over the capped candidate pairs. */
export function suggestMatches(
  requests: readonly AssignmentRequest[],
  pairs: readonly CandidatePair[],
  options: AssignmentOptions = {},
): Assignment {
  const instance = prepare(requests, pairs, options)
  const chosen = solveFlow(instance)
  return result(instance, chosen)
}

/**
 * The baseline the optimum is measured against: highest score first, each taken while its
 * volunteer is free and its request has room. It starves a request whose volunteers all rank
 * higher somewhere else.
 */
export function greedyMatches(
  requests: readonly AssignmentRequest[],
  pairs: readonly CandidatePair[],
  options: AssignmentOptions = {},
): Assignment {
  const instance = prepare(requests, pairs, options)
  const all = instance.edges.flatMap((list, r) => list.map((e) => ({ r, ...e })))
  all.sort(
    (a, b) =>
      b.value - a.value ||
      b.fit - a.fit ||
      a.r - b.r ||
      compareIds(instance.volunteerIds[a.volunteer]!, instance.volunteerIds[b.volunteer]!),
  )
  const taken = new Uint8Array(instance.volunteerIds.length)
  const count = new Int32Array(instance.requests.length)
  const chosen: [number, number][] = []
  for (const e of all) {
    if (taken[e.volunteer] || count[e.r]! >= instance.k) continue
    taken[e.volunteer] = 1
    count[e.r]!++
    chosen.push([e.r, e.volunteer])
  }
  return result(instance, chosen)
}

function result(instance: Instance, chosen: readonly [number, number][]): Assignment {
  const suggestions: Suggestion[] = []
  const perRequest = new Int32Array(instance.requests.length)
  const perGroup = new Float64Array(instance.groupCount)
  let total = 0
  for (const [r, v] of chosen) {
    const edge = instance.edges[r]!.find((e) => e.volunteer === v)!
    suggestions.push({
      volunteerId: instance.volunteerIds[v]!,
      requestId: instance.requests[r]!.id,
      fit: edge.fit,
      score: edge.value / 100,
    })
    total += edge.value
    perRequest[r]!++
    perGroup[instance.group[r]!]!++
  }
  let covered = 0
  perRequest.forEach((n, r) => {
    if (n > 0) {
      covered++
      total += instance.bonus[r]!
    }
  })
  for (const n of perGroup) total -= (instance.spread * n * (n - 1)) / 2
  suggestions.sort(
    (a, b) => compareIds(a.requestId, b.requestId) || compareIds(a.volunteerId, b.volunteerId),
  )
  return {
    suggestions,
    objective: total / 100,
    coveredRequests: covered,
    suggestibleRequests: instance.requests.length,
  }
}

/** The min-cost flow described above; the (request, volunteer) pairs that carry flow. */
function solveFlow(instance: Instance): [number, number][] {
  const { requests, k, edges, group, groupCount, bonus, spread } = instance
  const R = requests.length
  const V = instance.volunteerIds.length
  const groupSupply = new Int32Array(groupCount)
  for (let r = 0; r < R; r++) groupSupply[group[r]!]! += k
  const pairCount = edges.reduce((s, list) => s + list.length, 0)
  const arcCount = pairCount + V + 2 * R + R * k
  const net = new Network(R + V + groupCount + 1, arcCount)
  const volunteerNode = (v: number) => R + v
  const groupNode = (g: number) => R + V + g
  const sink = R + V + groupCount

  const pairArcs: number[] = []
  for (let r = 0; r < R; r++)
    for (const e of edges[r]!) pairArcs.push(net.addArc(r, volunteerNode(e.volunteer), 1, -e.value))
  for (let v = 0; v < V; v++) net.addArc(volunteerNode(v), sink, 1, 0)
  for (let r = 0; r < R; r++) {
    if (k > 1) net.addArc(r, groupNode(group[r]!), k - 1, 0)
    net.addArc(r, groupNode(group[r]!), 1, bonus[r]!)
  }
  for (let g = 0; g < groupCount; g++) {
    const n = groupSupply[g]!
    for (let d = 1; d <= n; d++) net.addArc(groupNode(g), sink, 1, -spread * (n - d))
  }

  // Potentials: shortest distances from a source joined to every request at no cost, so every
  // reduced cost starts ≥ 0 (the network is acyclic: requests, then volunteers and groups, then t).
  const pot = net.potential
  for (let r = 0; r < R; r++)
    for (const e of edges[r]!)
      pot[volunteerNode(e.volunteer)] = Math.min(pot[volunteerNode(e.volunteer)]!, -e.value)
  let sinkPotential = 0
  for (let v = 0; v < V; v++) sinkPotential = Math.min(sinkPotential, pot[volunteerNode(v)]!)
  for (let g = 0; g < groupCount; g++) {
    pot[groupNode(g)] = 0
    const n = groupSupply[g]!
    if (n > 0) sinkPotential = Math.min(sinkPotential, -spread * (n - 1))
  }
  pot[sink] = sinkPotential

  for (let r = 0; r < R; r++) {
    let supply = k
    while (supply > 0) supply -= net.augmentShortest(r, sink, supply)
  }
  const chosen: [number, number][] = []
  let i = 0
  for (let r = 0; r < R; r++)
    for (const e of edges[r]!) if (net.capacity[pairArcs[i++]!] === 0) chosen.push([r, e.volunteer])
  return chosen
}

/**
 * A residual network in flat arrays (arc a and its reverse a ^ 1), with node potentials that keep
 * every residual arc's reduced cost ≥ 0 between searches.
 */
class Network {
  readonly head: Int32Array
  readonly next: Int32Array
  readonly to: Int32Array
  readonly capacity: Int32Array
  readonly cost: Float64Array
  readonly potential: Float64Array
  private arcs = 0
  private readonly dist: Float64Array
  private readonly parent: Int32Array
  private readonly settledIn: Int32Array
  private search = 0
  private heap = new MinHeap()

  constructor(nodes: number, arcs: number) {
    this.head = new Int32Array(nodes).fill(-1)
    this.next = new Int32Array(2 * arcs)
    this.to = new Int32Array(2 * arcs)
    this.capacity = new Int32Array(2 * arcs)
    this.cost = new Float64Array(2 * arcs)
    this.potential = new Float64Array(nodes)
    this.dist = new Float64Array(nodes).fill(Infinity)
    this.parent = new Int32Array(nodes).fill(-1)
    this.settledIn = new Int32Array(nodes)
  }

  addArc(from: number, to: number, capacity: number, cost: number) {
    const a = this.arcs
    this.link(a, from, to, capacity, cost)
    this.link(a + 1, to, from, 0, -cost)
    this.arcs += 2
    return a
  }

  private link(a: number, from: number, to: number, capacity: number, cost: number) {
    this.to[a] = to
    this.capacity[a] = capacity
    this.cost[a] = cost
    this.next[a] = this.head[from]!
    this.head[from] = a
  }

  /**
   * Dijkstra from `source` on reduced costs until the sink is settled, then the potential update
   * that keeps reduced costs ≥ 0 (settled nodes move by their distance less the sink's; the rest
   * stay), then one augmentation of at most `limit` units along the path found. Returns the units.
   */
  augmentShortest(source: number, sink: number, limit: number): number {
    const { dist, parent, settledIn, potential, head, next, to, capacity, cost, heap } = this
    const search = ++this.search
    const touched: number[] = [source]
    const settled: number[] = []
    dist[source] = 0
    heap.clear()
    heap.push(0, source)
    while (heap.size > 0) {
      const d = heap.topKey()
      const u = heap.pop()
      if (settledIn[u] === search || d > dist[u]!) continue
      settledIn[u] = search
      settled.push(u)
      if (u === sink) break
      const pu = potential[u]!
      for (let a = head[u]!; a !== -1; a = next[a]!) {
        if (capacity[a] === 0) continue
        const w = to[a]!
        if (settledIn[w] === search) continue
        const nd = d + cost[a]! + pu - potential[w]!
        if (nd < dist[w]!) {
          if (dist[w] === Infinity) touched.push(w)
          dist[w] = nd
          parent[w] = a
          heap.push(nd, w)
        }
      }
    }
    if (settledIn[sink] !== search)
      throw new Error('the sink is unreachable: the network is broken')
    const reach = dist[sink]!
    for (const u of settled) potential[u] = potential[u]! + dist[u]! - reach
    let units = limit
    for (let w = sink; w !== source; w = to[parent[w]! ^ 1]!)
      units = Math.min(units, capacity[parent[w]!]!)
    for (let w = sink; w !== source; w = to[parent[w]! ^ 1]!) {
      capacity[parent[w]!]! -= units
      capacity[parent[w]! ^ 1]! += units
    }
    for (const u of touched) dist[u] = Infinity
    return units
  }
}

/** A binary min-heap of (key, node), with stale entries skipped by the caller. */
class MinHeap {
  private keys = new Float64Array(1024)
  private nodes = new Int32Array(1024)
  size = 0

  clear() {
    this.size = 0
  }

  topKey() {
    return this.keys[0]!
  }

  push(key: number, node: number) {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(this.size * 2)
      keys.set(this.keys)
      this.keys = keys
      const nodes = new Int32Array(this.size * 2)
      nodes.set(this.nodes)
      this.nodes = nodes
    }
    let i = this.size++
    while (i > 0) {
      const p = (i - 1) >> 1
      if (this.keys[p]! <= key) break
      this.keys[i] = this.keys[p]!
      this.nodes[i] = this.nodes[p]!
      i = p
    }
    this.keys[i] = key
    this.nodes[i] = node
  }

  pop(): number {
    const top = this.nodes[0]!
    const last = --this.size
    const key = this.keys[last]!
    const node = this.nodes[last]!
    let i = 0
    for (;;) {
      let c = 2 * i + 1
      if (c >= last) break
      if (c + 1 < last && this.keys[c + 1]! < this.keys[c]!) c++
      if (this.keys[c]! >= key) break
      this.keys[i] = this.keys[c]!
      this.nodes[i] = this.nodes[c]!
      i = c
    }
    this.keys[i] = key
    this.nodes[i] = node
    return top
  }
}
