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
import { openDatabase, setDatabase, type Database } from '#db/client.server.ts'
import { volunteerRequests } from '#db/schema/index.ts'
import {
  candidateQuery,
  rankedVolunteersForRequest,
} from '#app/services/volunteers/matching.server.ts'
import { createScratchDatabase } from '#tests/support/scratch-databases.mjs'

const args = process.argv.slice(2).filter((a) => a !== '--')
const PROFILES = Number(args[0] ?? 100_000)
const REQUESTS = Number(args[1] ?? 5_000)
const SAMPLES = Number(args[2] ?? 200)

const SKILLS = `ARRAY['legal','marketing','data_analysis','grant_writing','strategic_planning','it',
  'finance','translation','evaluation','design','hr','public_health','fundraising','facilitation']`
const LEVELS = `ARRAY['some','experienced','expert']`
const MODES = `ARRAY['remote','on_site','either']`
const BANDS = `ARRAY['under_50k','50k_250k','250k_1m','1m_5m','over_5m']`
/** Fifty counties the profiles and requests share, so on-site work finds people nearby. */
const COUNTIES = `(SELECT array_agg(fips) FROM (SELECT fips FROM places ORDER BY fips LIMIT 50) c)`

/**
 * Deterministic variety from the row number: most speak English, a third Spanish, a few
 * Vietnamese; one in ten paused; one to three skills each at varied levels.
 */
async function seed(database: Database) {
  const run = (text: string) => database.sql.executeSql(text)
  await run(`INSERT INTO users (email, name, password_hash)
    SELECT 'bench-volunteer-' || i || '@example.test', 'Volunteer ' || i, 'x'
    FROM generate_series(1, ${PROFILES}) i`)
  await run(`INSERT INTO volunteer_profiles
      (user_id, headline, languages, time_zone, place_fips, travel_area, work_mode, hours_per_month,
       paused)
    SELECT u.id, 'Volunteer headline',
      array_remove(ARRAY[CASE WHEN n % 10 <> 0 THEN 'en' END, CASE WHEN n % 3 = 0 THEN 'es' END,
        CASE WHEN n % 20 = 0 THEN 'vi' END], NULL),
      (ARRAY['America/New_York','America/Chicago','America/Denver','America/Los_Angeles'])[n % 4 + 1],
      CASE WHEN n % 10 = 3 THEN NULL ELSE (${COUNTIES})[n % 50 + 1] END,
      (CASE WHEN n % 4 = 1 THEN 'same_state' ELSE 'same_county' END)::travel_area,
      (${MODES})[n % 3 + 1]::work_mode, 2 + n % 40, n % 10 = 0
    FROM (SELECT id, row_number() OVER (ORDER BY email) AS n FROM users
          WHERE email LIKE 'bench-volunteer-%') u`)
  await run(`INSERT INTO volunteer_skills (profile_id, skill, level)
    SELECT p.id, (${SKILLS})[(p.n / 3 + k * 5) % 14 + 1], (${LEVELS})[(p.n / 7 + k) % 3 + 1]::skill_level
    FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM volunteer_profiles) p,
      generate_series(1, 3) k
    WHERE k <= 1 + p.n % 3
    ON CONFLICT DO NOTHING`)
  await run(`INSERT INTO volunteer_availability (profile_id, weekday, start_minute, end_minute)
    SELECT id, (row_number() OVER (ORDER BY id)) % 7, 1080, 1260 FROM volunteer_profiles`)
  await run(`INSERT INTO organizations (kind, name, slug, budget_band)
    SELECT 'community_group', 'Bench group ' || g, 'bench-group-' || g, (${BANDS})[g % 5 + 1]::budget_band
    FROM generate_series(1, 500) g`)
  await run(`INSERT INTO volunteer_requests (organization_id, skill, min_level, title, goal, hours,
      deadline, languages, preferred_languages, time_zone, work_mode, place_fips, status, opened_at)
    SELECT o.id, (${SKILLS})[r % 14 + 1], (${LEVELS})[r % 3 + 1]::skill_level, 'Request ' || r,
      'Goal of request ' || r, 10 + r % 70, current_date + 30 + r % 90,
      CASE WHEN r % 20 = 0 THEN ARRAY['en','es'] WHEN r % 7 = 0 THEN ARRAY['es'] ELSE '{}' END,
      CASE WHEN r % 5 = 0 THEN ARRAY['vi'] WHEN r % 5 = 1 THEN ARRAY['es','vi'] ELSE '{}' END,
      (ARRAY['America/New_York','America/Chicago'])[r % 2 + 1],
      (${MODES})[r % 3 + 1]::work_mode, (${COUNTIES})[r % 50 + 1], 'open',
      now() - (r % 30) * interval '1 day'
    FROM generate_series(1, ${REQUESTS}) r
    JOIN (SELECT id, row_number() OVER (ORDER BY slug) AS g FROM organizations
          WHERE slug LIKE 'bench-group-%') o ON o.g = r % 500 + 1`)
  // The groups' working hours: two weekday afternoons each (the time-zone factor scores them).
  await run(`INSERT INTO volunteer_request_hours (request_id, weekday, start_minute, end_minute)
    SELECT id, d, 780, 1020 FROM volunteer_requests, generate_series(1, 3, 2) d`)
  await run('ANALYZE')
}

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
  await seed(database)
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
