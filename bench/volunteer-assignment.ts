/**
 * The batch "suggest matches" at the issue's scale (issue 11, "Performance": 100,000 volunteers,
 * 5,000 open requests, the batch under 30 s): a seeded synthetic platform, each request's
 * candidates as SQL would hand them over (a sample of the volunteers holding the skill, scored,
 * the best M kept), then the exact assignment beside the greedy one, with coverage by place
 * vulnerability quartile and by organisation size. Pure computation, no database.
 * Usage: npx tsx bench/volunteer-assignment.ts [volunteers] [requests] [M] [k] [skew] [--highs]
 * With --highs (k = 1 only) it also solves the same assignment as a linear programme in HiGHS
 * (without the group spread term, which the LP would need extra columns for; the flow is rerun
 * without it too) and checks both reach the same optimum: the comparison in decision 028.
 */
import { writeFileSync } from 'node:fs'
import loadHighs from 'highs'
import { BUDGET_BANDS, type BudgetBand } from '#app/domain/organizations.ts'
import { SKILLS, type Skill, type WorkMode } from '#app/domain/skills.ts'
import {
  greedyMatches,
  suggestMatches,
  type Assignment,
  type AssignmentRequest,
  type CandidatePair,
} from '#app/domain/volunteers/assignment.ts'
import {
  MINUTES_PER_WEEK,
  type MatchRequest,
  type MatchVolunteer,
  type WeeklyWindow,
} from '#app/domain/volunteers/matching.ts'
import {
  equityMultiplier,
  rankVolunteersForRequest,
  vulnerabilityQuartile,
} from '#app/domain/volunteers/ranking.ts'
import type { PlaceFit } from '#app/domain/volunteers/reasons.ts'
import { DEFAULT_MATCH_WEIGHTS, SKILL_LEVELS } from '#app/domain/volunteers/weights.ts'
import { resultsFile } from './results-file.ts'

const VOLUNTEERS = Number(process.argv[2] ?? 100_000)
const REQUESTS = Number(process.argv[3] ?? 5_000)
const M = Number(process.argv[4] ?? 50)
const K = Number(process.argv[5] ?? 1)
/**
 * How strongly the "SQL" sample favours the front of a skill's list (a draw is at rand()^SKEW of
 * it): 1 is uniform, and with 4 half the draws land in the first 6% of the list, so requests for
 * the same skill compete for the same volunteers, as they do when SQL orders by fit.
 */
const SKEW = Number(process.argv[6] ?? 4)
/** Volunteers with the skill that "SQL" hands over per request before scoring keeps the best M. */
const SAMPLE = 300
const TODAY = '2026-12-01'

// A small deterministic generator (mulberry32), so every run times the same platform.
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const rand = random(20261201)
const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!
const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1))
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)

// Skills unevenly supplied and demanded: legal and finance volunteers scarcer than their requests
// (so those requests compete for too few people), marketing and design plentiful.
const skills = SKILLS.filter((s) => s !== 'other')
const supply = skills.map((s) =>
  s === 'legal' ? 0.03 : s === 'finance' ? 0.08 : s === 'marketing' || s === 'design' ? 2 : 1,
)
const demand = skills.map((s) =>
  s === 'legal' || s === 'finance' ? 2 : s === 'evaluation' ? 1.5 : 1,
)
const weighted = (weights: number[]) => {
  const total = weights.reduce((a, b) => a + b, 0)
  return () => {
    let x = rand() * total
    for (let i = 0; i < weights.length; i++) if ((x -= weights[i]!) < 0) return skills[i]!
    return skills.at(-1)!
  }
}
const supplySkill = weighted(supply)
const demandSkill = weighted(demand)

/** Weekly windows in UTC from local hours on the given days, in a US time zone (UTC−5…−8). */
function localWindows(
  days: number[],
  from: number,
  to: number,
  offsetHours: number,
): WeeklyWindow[] {
  return days.map((d) => ({
    start: (d * 1440 + (from - offsetHours) * 60 + MINUTES_PER_WEEK) % MINUTES_PER_WEEK,
    end: (d * 1440 + (to - offsetHours) * 60 + MINUTES_PER_WEEK) % MINUTES_PER_WEEK,
  }))
}
const weekdays = [0, 1, 2, 3, 4]

const modes: WorkMode[] = ['remote', 'remote', 'either', 'on_site']
const volunteers: MatchVolunteer[] = Array.from({ length: VOLUNTEERS }, (_, i) => {
  const held = new Map<Skill, (typeof SKILL_LEVELS)[number]>()
  const n = between(1, 3)
  while (held.size < n) held.set(supplySkill(), pick(SKILL_LEVELS))
  const offset = -between(5, 8)
  const evenings = rand() < 0.6
  return {
    id: `v${i}`,
    paused: rand() < 0.05,
    skills: [...held].map(([skill, level]) => ({ skill, level })),
    languages: ['en', ...(rand() < 0.3 ? ['es'] : []), ...(rand() < 0.05 ? ['vi'] : [])],
    mode: pick(modes),
    hoursPerMonth: between(4, 40),
    availability:
      rand() < 0.1
        ? []
        : evenings
          ? localWindows(weekdays, 18, 21, offset)
          : localWindows([0, 2, 4], 9, 13, offset),
    availableFrom: rand() < 0.2 ? addDays(TODAY, between(1, 60)) : null,
    availableUntil: rand() < 0.1 ? addDays(TODAY, between(30, 200)) : null,
    completedEngagements: Math.floor(-Math.log(1 - rand()) * 1.5),
  }
})
const bySkill = new Map<Skill, MatchVolunteer[]>()
for (const v of volunteers) {
  for (const { skill } of v.skills) {
    const list = bySkill.get(skill) ?? []
    list.push(v)
    bySkill.set(skill, list)
  }
}

interface SyntheticRequest {
  request: MatchRequest
  assignment: AssignmentRequest
  percentile: number
  band: BudgetBand
}
const bands: BudgetBand[] = [
  'under_50k',
  'under_50k',
  '50k_250k',
  '50k_250k',
  '250k_1m',
  '1m_5m',
  'over_5m',
]
let groupCount = 0
const requests: SyntheticRequest[] = []
while (requests.length < REQUESTS) {
  // A group posts one request, sometimes two or three.
  const groupId = `g${groupCount++}`
  const percentile = rand()
  const band = pick(bands)
  const offset = -between(5, 8)
  const posts = rand() < 0.8 ? 1 : between(2, 3)
  for (let j = 0; j < posts && requests.length < REQUESTS; j++) {
    const id = `r${requests.length}`
    const spanish = rand() < 0.15
    const pending = rand()
    requests.push({
      percentile,
      band,
      request: {
        id,
        skill: demandSkill(),
        minLevel: rand() < 0.2 ? 'experienced' : null,
        languages: spanish ? ['es'] : ['en'],
        preferredLanguages: rand() < 0.3 ? ['en', 'es'] : [],
        mode: pick(modes),
        hours: between(10, 60),
        deadline: addDays(TODAY, between(14, 120)),
        groupHours: localWindows(weekdays, 9, 17, offset),
      },
      assignment: {
        id,
        groupId,
        equity: {
          vulnerabilityQuartile: vulnerabilityQuartile(percentile),
          budgetBand: band,
          daysOpen: between(0, 30),
          pendingOffers: pending < 0.6 ? 0 : pending < 0.8 ? 1 : pending < 0.9 ? 2 : 3,
        },
      },
    })
  }
}

/** What SQL would find: same place, within the area, or not (only on-site work reads it). */
const placeFit = (): PlaceFit => {
  const x = rand()
  return x < 0.1 ? 'same_place' : x < 0.3 ? 'within_area' : 'outside_area'
}

// The candidate lists. A sample skewed towards the front of each skill's list, so some volunteers
// (say, those SQL orders first) turn up in many requests' lists and the requests compete for them.
const tCandidates = performance.now()
const pairs: CandidatePair[] = []
const rankTimes: number[] = []
for (const { request } of requests) {
  const pool = bySkill.get(request.skill) ?? []
  const sample = new Map<string, MatchVolunteer>()
  for (let i = 0; i < SAMPLE * 2 && sample.size < Math.min(SAMPLE, pool.length); i++) {
    const v = pool[Math.floor(pool.length * rand() ** SKEW)]!
    sample.set(v.id, v)
  }
  const entries = [...sample.values()].map((volunteer) => ({ volunteer, placeFit: placeFit() }))
  const t = performance.now()
  const ranked = rankVolunteersForRequest(request, entries, TODAY)
  rankTimes.push(performance.now() - t)
  for (const r of ranked.slice(0, M))
    pairs.push({ volunteerId: r.volunteerId, requestId: request.id, fit: r.score })
}
const candidateMs = performance.now() - tCandidates
rankTimes.sort((a, b) => a - b)

const assignmentRequests = requests.map((r) => r.assignment)
const options = { perRequest: K, maxCandidatesPerRequest: M }
const run = (solve: typeof suggestMatches) => {
  const used = process.cpuUsage()
  const t = performance.now()
  const result = solve(assignmentRequests, pairs, options)
  const wall = performance.now() - t
  const spent = process.cpuUsage(used)
  return { result, wall, cpu: (spent.user + spent.system) / 1000 }
}
const greedy = run(greedyMatches)
const optimal = run(suggestMatches)

// Checks the figures rest on: nobody twice, no request over k, only candidate pairs.
const candidateKeys = new Set(pairs.map((p) => `${p.volunteerId}|${p.requestId}`))
for (const { result } of [greedy, optimal]) {
  const seen = new Set<string>()
  const perRequest = new Map<string, number>()
  for (const s of result.suggestions) {
    if (seen.has(s.volunteerId)) throw new Error(`volunteer ${s.volunteerId} suggested twice`)
    seen.add(s.volunteerId)
    perRequest.set(s.requestId, (perRequest.get(s.requestId) ?? 0) + 1)
    if (!candidateKeys.has(`${s.volunteerId}|${s.requestId}`))
      throw new Error('not a candidate pair')
  }
  if ([...perRequest.values()].some((n) => n > K)) throw new Error('a request over k')
}

function coverage(a: Assignment) {
  const covered = new Set(a.suggestions.map((s) => s.requestId))
  const open = requests.filter((r) => r.assignment.equity.pendingOffers < 3)
  const share = (subset: SyntheticRequest[]) =>
    subset.length === 0
      ? null
      : subset.filter((r) => covered.has(r.request.id)).length / subset.length
  return {
    overall: share(open),
    quartile: Object.fromEntries(
      ([1, 2, 3, 4] as const).map((q) => [
        q,
        share(open.filter((r) => r.assignment.equity.vulnerabilityQuartile === q)),
      ]),
    ),
    band: Object.fromEntries(BUDGET_BANDS.map((b) => [b, share(open.filter((r) => r.band === b))])),
    meanFit: a.suggestions.reduce((s, x) => s + x.fit, 0) / Math.max(1, a.suggestions.length),
  }
}
const pct = (x: number | null) => (x === null ? '   –' : `${(x * 100).toFixed(1).padStart(5)}%`)
const distinctVolunteers = new Set(pairs.map((p) => p.volunteerId)).size
console.log(
  `${VOLUNTEERS} volunteers, ${REQUESTS} requests from ${groupCount} groups; ${pairs.length} candidate pairs (≤ ${M} per request, ${distinctVolunteers} distinct volunteers); k = ${K}, skew ${SKEW}`,
)
console.log(
  `candidate lists (sample ${SAMPLE} per request, scored and ranked): ${(candidateMs / 1000).toFixed(2)} s; one request's ranked list p50 ${rankTimes[Math.floor(rankTimes.length * 0.5)]!.toFixed(2)} ms, p95 ${rankTimes[Math.floor(rankTimes.length * 0.95)]!.toFixed(2)} ms`,
)
const rows = [
  ['greedy', greedy],
  ['min-cost flow', optimal],
] as const
const summary: Record<string, unknown> = {}
for (const [name, { result, wall, cpu }] of rows) {
  const c = coverage(result)
  summary[name] = {
    wallMs: wall,
    cpuMs: cpu,
    objective: result.objective,
    suggestions: result.suggestions.length,
    coverage: c,
  }
  console.log(
    `\n${name}: ${(wall / 1000).toFixed(2)} s wall, ${(cpu / 1000).toFixed(2)} s cpu; objective ${result.objective.toFixed(1)}; ${result.suggestions.length} suggestions, mean fit ${c.meanFit.toFixed(1)}`,
  )
  console.log(
    `  coverage of suggestible requests: ${pct(c.overall)} (${result.coveredRequests} of ${result.suggestibleRequests})`,
  )
  console.log(
    `  by SVI quartile (1 least vulnerable): ${[1, 2, 3, 4].map((q) => `Q${q} ${pct(c.quartile[q] ?? null)}`).join('  ')}`,
  )
  console.log(
    `  by budget band: ${BUDGET_BANDS.map((b) => `${b} ${pct(c.band[b] ?? null)}`).join('  ')}`,
  )
}

if (process.argv.includes('--highs') && K === 1) summary.highs = await compareWithHighs()

/** The k = 1 assignment without the spread term as an LP (totally unimodular: HiGHS answers 0/1). */
async function compareWithHighs() {
  const weights = { ...DEFAULT_MATCH_WEIGHTS, groupSpread: 0 }
  const flow = run((r, p) => suggestMatches(r, p, { ...options, weights }))
  const tLoad = performance.now()
  const highs = await loadHighs()
  const loadMs = performance.now() - tLoad
  const t = performance.now()
  const open = requests.filter((r) => r.assignment.equity.pendingOffers < weights.maxPendingOffers)
  const requestRow = new Map(open.map((r, i) => [r.request.id, i]))
  const multiplier = new Map(
    open.map((r) => [r.request.id, equityMultiplier(r.assignment.equity, weights)]),
  )
  const volunteerRow = new Map<string, number>()
  const columns = pairs.filter((p) => requestRow.has(p.requestId))
  const objective: string[] = []
  const rows = new Map<string, string[]>()
  columns.forEach((p, j) => {
    const m = multiplier.get(p.requestId)!
    // The same hundredths as the flow: the pair's value plus the request's coverage bonus.
    const value = Math.round(p.fit * m * 100) + Math.round(weights.coverageBonus * m * 100)
    objective.push(`+ ${value} x${j}`)
    if (!volunteerRow.has(p.volunteerId)) volunteerRow.set(p.volunteerId, volunteerRow.size)
    for (const row of [`r${requestRow.get(p.requestId)}`, `v${volunteerRow.get(p.volunteerId)}`])
      rows.set(row, [...(rows.get(row) ?? []), `+ x${j}`])
  })
  const lines = ['Maximize', ' obj:']
  for (let i = 0; i < objective.length; i += 10)
    lines.push('  ' + objective.slice(i, i + 10).join(' '))
  lines.push('Subject To')
  for (const [name, terms] of rows) {
    lines.push(` ${name}:`)
    for (let i = 0; i < terms.length; i += 10) lines.push('  ' + terms.slice(i, i + 10).join(' '))
    lines.push('  <= 1')
  }
  lines.push('Bounds')
  for (let j = 0; j < columns.length; j++) lines.push(`  x${j} <= 1`)
  lines.push('End')
  const buildMs = performance.now() - t
  const tSolve = performance.now()
  const solved = highs.solve(lines.join('\n'), { output_flag: false })
  const solveMs = performance.now() - tSolve
  const lp = solved.ObjectiveValue / 100
  console.log(
    `\nHiGHS LP (no spread term): load ${(loadMs / 1000).toFixed(2)} s, model text ${(buildMs / 1000).toFixed(2)} s, solve ${(solveMs / 1000).toFixed(2)} s, ${solved.Status}, objective ${lp.toFixed(2)}; min-cost flow on the same terms ${(flow.wall / 1000).toFixed(2)} s wall (${(flow.cpu / 1000).toFixed(2)} s cpu), objective ${flow.result.objective.toFixed(2)}`,
  )
  if (Math.abs(lp - flow.result.objective) > 1e-6) throw new Error('HiGHS and the flow disagree')
  return {
    loadMs,
    buildMs,
    solveMs,
    status: solved.Status,
    lp,
    flowWallMs: flow.wall,
    flowCpuMs: flow.cpu,
    flow: flow.result.objective,
  }
}

const { file, date, commit, dirty } = resultsFile(
  'volunteer-assignment',
  `${VOLUNTEERS}x${REQUESTS}-M${M}-k${K}-skew${SKEW}`,
)
writeFileSync(
  file,
  JSON.stringify(
    {
      date,
      commit,
      dirty,
      volunteers: VOLUNTEERS,
      requests: REQUESTS,
      M,
      k: K,
      skew: SKEW,
      pairs: pairs.length,
      candidateMs,
      rankP95Ms: rankTimes[Math.floor(rankTimes.length * 0.95)],
      ...summary,
    },
    null,
    2,
  ),
)
console.log(`\nfigures written to ${file}`)
