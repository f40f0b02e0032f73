/**
 * The batch assignment's hard case, beside the realistic one in volunteer-assignment.ts: every
 * request's candidates drawn from one small pool, so thousands of requests compete for the same
 * volunteers (by default 5,000 requests × 50 candidates over 2,500 volunteers: each volunteer is
 * in about 100 lists, and a third of the requests must go without). Successive shortest paths
 * then search most of the network for every unit; this prints how long that takes.
 * Usage: npx tsx bench/volunteer-assignment-dense.ts [volunteers] [requests] [candidates]
 */
import { writeFileSync } from 'node:fs'
import {
  greedyMatches,
  suggestMatches,
  type AssignmentRequest,
  type CandidatePair,
} from '#app/domain/volunteers/assignment.ts'
import { resultsFile } from './results-file.ts'

const VOLUNTEERS = Number(process.argv[2] ?? 2_500)
const REQUESTS = Number(process.argv[3] ?? 5_000)
const CANDIDATES = Number(process.argv[4] ?? 50)

// mulberry32, as in the other benches: every run times the same instance.
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const rand = random(20261130)

const requests: AssignmentRequest[] = Array.from({ length: REQUESTS }, (_, i) => ({
  id: `r${i}`,
  groupId: `g${Math.floor(rand() * REQUESTS * 0.75)}`,
  equity: {
    vulnerabilityQuartile: (1 + Math.floor(rand() * 4)) as 1 | 2 | 3 | 4,
    budgetBand: null,
    daysOpen: Math.floor(rand() * 30),
    pendingOffers: 0,
  },
}))
const pairs: CandidatePair[] = requests.flatMap((r) =>
  Array.from({ length: CANDIDATES }, () => ({
    volunteerId: `v${Math.floor(rand() * VOLUNTEERS)}`,
    requestId: r.id,
    fit: Math.round(rand() * 1000) / 10,
  })),
)

const figures: Record<
  string,
  { wallMs: number; cpuMs: number; covered: number; objective: number }
> = {}
console.log(
  `${VOLUNTEERS} volunteers, ${REQUESTS} requests, ${CANDIDATES} candidates each (${pairs.length} pairs)`,
)
for (const [name, solve] of [
  ['greedy', greedyMatches],
  ['min-cost flow', suggestMatches],
] as const) {
  const used = process.cpuUsage()
  const t = performance.now()
  const result = solve(requests, pairs)
  const wallMs = performance.now() - t
  const spent = process.cpuUsage(used)
  const cpuMs = (spent.user + spent.system) / 1000
  figures[name] = { wallMs, cpuMs, covered: result.coveredRequests, objective: result.objective }
  console.log(
    `${name}: ${(wallMs / 1000).toFixed(2)} s wall, ${(cpuMs / 1000).toFixed(2)} s cpu; ${result.coveredRequests} of ${REQUESTS} requests covered; objective ${result.objective.toFixed(1)}`,
  )
}
const { file, date, commit, dirty } = resultsFile(
  'volunteer-assignment-dense',
  `${VOLUNTEERS}x${REQUESTS}-c${CANDIDATES}`,
)
writeFileSync(
  file,
  JSON.stringify({ date, commit, dirty, VOLUNTEERS, REQUESTS, CANDIDATES, ...figures }, null, 2),
)
console.log(`figures written to ${file}`)
