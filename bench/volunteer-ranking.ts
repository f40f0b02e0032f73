/**
 * One request's ranked volunteers (issue 11, "Performance": under 100 ms p95) over 100,000
 * volunteer profiles and 5,000 open requests, seeded with set-based SQL, on PGlite or, with
 * DATABASE_URL, on a scratch database of that server. A quarter of the volunteers travel state-wide
 * and the requests carry preferred languages and working hours, so every factor and the wider
 * on-site area are exercised. Times rankedVolunteersForRequest for 200
 * random requests (p50/p95/p99) and prints the EXPLAIN of the hard-filter query and the load.
 * Usage: [DATABASE_URL=postgres://…] npx vite-node bench/volunteer-ranking.ts -- [profiles=100000]
 *   [requests=5000] [samples=200] (vite-node, not tsx: the reasons are worded through the
 *   translations, which load through import.meta.glob.)
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { eq } from 'drizzle-orm'
import { openDatabase, setDatabase } from '#db/client.server.ts'
import { volunteerRequests } from '#db/schema/index.ts'
import {
  candidateQuery,
  rankedVolunteersForRequest,
} from '#app/services/volunteers/matching.server.ts'
import { createScratchDatabase } from '#tests/support/scratch-databases.mjs'
import { seedVolunteers } from './volunteer-seed.ts'

const args = process.argv.slice(2).filter((a) => a !== '--')
const PROFILES = Number(args[0] ?? 100_000)
const REQUESTS = Number(args[1] ?? 5_000)
const SAMPLES = Number(args[2] ?? 200)

function percentile(sorted: number[], q: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'commons-volunteer-ranking-'))
const scratch = process.env.DATABASE_URL
  ? await createScratchDatabase(process.env.DATABASE_URL, 'cf_bench')
  : null
const database = await openDatabase(
  scratch
    ? { driver: 'pg', url: scratch.url }
    : { driver: 'pglite', dataDir: path.join(dataDir, 'pglite') },
)
try {
  setDatabase(database)
  const seeding = performance.now()
  await seedVolunteers(database, PROFILES, REQUESTS)
  console.log(
    `driver ${database.driver}: ${PROFILES} profiles, ${REQUESTS} open requests seeded in ${((performance.now() - seeding) / 1000).toFixed(1)} s`,
  )
  const open = await database.db
    .select({ id: volunteerRequests.id, mode: volunteerRequests.workMode })
    .from(volunteerRequests)
    .where(eq(volunteerRequests.status, 'open'))
  const ids = open.map((r) => r.id)
  const modeOf = new Map(open.map((r) => [r.id, r.mode]))
  // A fixed stride through the requests: "random" but the same on every run.
  const sample = Array.from({ length: SAMPLES }, (_, i) => ids[(i * 7919) % ids.length]!)
  for (const id of sample.slice(0, 10)) await rankedVolunteersForRequest(id, 'en')
  const times: number[] = []
  const byMode = new Map<string, number[]>()
  let suggested = 0
  for (const id of sample) {
    const start = performance.now()
    const ranked = await rankedVolunteersForRequest(id, 'en')
    const took = performance.now() - start
    times.push(took)
    const mode = modeOf.get(id) ?? 'unknown'
    byMode.set(mode, [...(byMode.get(mode) ?? []), took])
    suggested += ranked.length
  }
  times.sort((a, b) => a - b)
  const f = (n: number) => n.toFixed(2)
  console.log(
    `rankedVolunteersForRequest, ${SAMPLES} requests: p50 ${f(percentile(times, 0.5))} ms, ` +
      `p95 ${f(percentile(times, 0.95))} ms, p99 ${f(percentile(times, 0.99))} ms, ` +
      `max ${f(times.at(-1) ?? 0)} ms (target p95 < 100 ms); ${f(suggested / SAMPLES)} suggested on average`,
  )
  for (const [mode, list] of byMode) {
    list.sort((a, b) => a - b)
    console.log(
      `  ${mode} (${list.length}): p50 ${f(percentile(list, 0.5))} ms, p95 ${f(percentile(list, 0.95))} ms`,
    )
  }
  // One on-site request (the place index narrows it) and one remote (only the skill index does).
  for (const mode of ['on_site', 'remote'] as const) {
    const [request] = await database.db
      .select()
      .from(volunteerRequests)
      .where(eq(volunteerRequests.workMode, mode))
      .limit(1)
    const query = candidateQuery(request!).toSQL()
    const plan = await database.sql.executeSql(
      `EXPLAIN (ANALYZE, BUFFERS) ${query.sql}`,
      query.params as unknown[],
    )
    console.log(`EXPLAIN of the hard-filter query (skill ${request!.skill}, ${mode}):`)
    for (const row of plan.rows as Record<string, string>[]) console.log(`  ${row['QUERY PLAN']}`)
  }
  console.log(`loadavg: ${readFileSync('/proc/loadavg', 'utf8').trim()}`)
} finally {
  await database.close()
  await scratch?.drop()
  rmSync(dataDir, { recursive: true, force: true })
}
