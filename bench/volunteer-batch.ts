/**
 * The platform batch "suggest matches" end to end (issue 11, "Performance": 100,000 volunteer
 * profiles, 5,000 open requests, under 30 s) on PostgreSQL: the set-based seeding of
 * bench/volunteer-ranking.ts (bench/volunteer-seed.ts), then one run of runSuggestionBatch (the
 * pool, the SQL candidates page by page with the scoring, the min-cost flow, storing), timed by
 * phase and in total, with the coverage it reached; then a second run through the job's handler.
 * Usage: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx vite-node
 *   bench/volunteer-batch.ts -- [profiles=100000] [requests=5000]
 * (vite-node, not tsx: reasons are worded through translations loaded by import.meta.glob.)
 */
import { readFileSync } from 'node:fs'
import { eq, sql } from 'drizzle-orm'
import { openDatabase, setDatabase } from '#db/client.server.ts'
import { volunteerSuggestionRuns } from '#db/schema/index.ts'
import {
  runSuggestionBatch,
  SUGGESTION_BATCH_JOB,
} from '#app/services/volunteers/suggestion-batch.server.ts'
import { defineJobs, runJobNow } from '#app/services/jobs/job-queue.server.ts'
import { suggestionBatchJobs } from '#app/services/volunteers/suggestion-batch.server.ts'
import { createScratchDatabase } from '#tests/support/scratch-databases.mjs'
import { seedVolunteers } from './volunteer-seed.ts'

const args = process.argv.slice(2).filter((a) => a !== '--')
const PROFILES = Number(args[0] ?? 100_000)
const REQUESTS = Number(args[1] ?? 5_000)

if (!process.env.DATABASE_URL) throw new Error('Set DATABASE_URL: this bench runs on PostgreSQL.')
const scratch = await createScratchDatabase(process.env.DATABASE_URL, 'cf_bench')
const database = await openDatabase({ driver: 'pg', url: scratch.url })
try {
  setDatabase(database)
  const seeding = performance.now()
  await seedVolunteers(database, PROFILES, REQUESTS)
  console.log(
    `${PROFILES} profiles, ${REQUESTS} open requests seeded in ${((performance.now() - seeding) / 1000).toFixed(1)} s`,
  )
  const [run] = await database.db.insert(volunteerSuggestionRuns).values({}).returning()
  const started = performance.now()
  const outcome = await runSuggestionBatch(run!.id)
  const total = performance.now() - started
  const [done] = await database.db
    .select()
    .from(volunteerSuggestionRuns)
    .where(eq(volunteerSuggestionRuns.id, run!.id))
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`
  console.log(`run ${outcome.status}${done?.error ? `: ${done.error}` : ''}`)
  if (outcome.phases)
    console.log(
      `phases: pool ${s(outcome.phases.pool)}, candidates (SQL + scoring) ${s(outcome.phases.candidates)}, ` +
        `solve ${s(outcome.phases.solving)}, store ${s(outcome.phases.storing)}; ` +
        `total ${s(total)} (target < 30 s)`,
    )
  console.log(
    `open ${done!.openRequests}, suggestible ${done!.suggestibleRequests}, candidate pairs ` +
      `${done!.candidatePairs}, covered ${done!.coveredRequests} ` +
      `(${((100 * done!.coveredRequests) / Math.max(1, done!.suggestibleRequests)).toFixed(1)}%), ` +
      `suggestions ${done!.suggestions}, objective ${done!.objective}`,
  )
  // Which requests went without: by work mode, required languages and minimum level.
  const without = await database.db.execute(sql`
    SELECT r.work_mode, array_to_string(r.languages, '+') AS languages, r.min_level,
      count(*)::int AS requests, (count(*) FILTER (WHERE s.request_id IS NULL))::int AS without
    FROM volunteer_requests r
    LEFT JOIN volunteer_suggestions s ON s.request_id = r.id AND s.run_id = ${run!.id}
    WHERE r.status = 'open' GROUP BY 1, 2, 3 HAVING count(*) FILTER (WHERE s.request_id IS NULL) > 0
    ORDER BY 5 DESC LIMIT 8`)
  console.log('requests without a suggestion, by work mode, languages and minimum level:')
  for (const row of (without as unknown as { rows: unknown[] }).rows)
    console.log(`  ${JSON.stringify(row)}`)
  // Of those, how many had any volunteer passing the hard filters at all (the rest could not be
  // covered by any assignment).
  const feasible = await database.db.execute(sql`
    SELECT count(*)::int AS n FROM volunteer_requests r
    WHERE r.status = 'open'
      AND NOT EXISTS (SELECT 1 FROM volunteer_suggestions s WHERE s.request_id = r.id
        AND s.run_id = ${run!.id})
      AND EXISTS (SELECT 1 FROM volunteer_skills k JOIN volunteer_profiles p ON p.id = k.profile_id
        WHERE k.skill = r.skill AND k.level >= r.min_level AND NOT p.paused
          AND p.languages @> r.languages
          AND CASE r.work_mode WHEN 'remote' THEN p.work_mode <> 'on_site'
            WHEN 'on_site' THEN p.work_mode <> 'remote' AND p.place_fips = r.place_fips
            ELSE p.work_mode <> 'on_site' OR p.place_fips = r.place_fips END)`)
  console.log(
    `requests without a suggestion that some volunteer could have taken: ${JSON.stringify((feasible as unknown as { rows: unknown[] }).rows[0])}`,
  )
  // A second run through the job, as the queue would call it (the nightly path: no run id).
  defineJobs(suggestionBatchJobs)
  const again = performance.now()
  const viaJob = (await runJobNow(SUGGESTION_BATCH_JOB, {})) as { status: string }
  console.log(`second run via the job: ${viaJob.status} in ${s(performance.now() - again)}`)
  const per = await database.db.execute(
    sql`SELECT max(n) AS most FROM (SELECT count(*) AS n FROM volunteer_suggestions GROUP BY profile_id) x`,
  )
  console.log(
    `most requests suggested to one volunteer: ${JSON.stringify((per as unknown as { rows: unknown[] }).rows[0])}`,
  )
  console.log(`loadavg: ${readFileSync('/proc/loadavg', 'utf8').trim()}`)
} finally {
  await database.close()
  await scratch.drop()
}
