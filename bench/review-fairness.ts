/**
 * The fairness page's service at the scale (issue 9, "Performance"): a program with 2,000
 * applications, 60 reviewers and 3 complete reviews each, in a real database (PGlite by default,
 * DATABASE_URL for a server): programFairness, i.e. the review scores aggregated in SQL, the
 * applications with their groups, and the statistics in memory.
 * Usage: npx vite-node bench/review-fairness.ts [applications=2000] [reviewers=60]
 * (vite-node, not tsx: the services read translations through import.meta.glob.)
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { openDatabase, setDatabase } from '#db/client.server.ts'
import { isEmpty, seedDemoData } from '#app/seed/seed.server.ts'
import { programFairness } from '#app/services/review/fairness.server.ts'
import { createScratchDatabase } from '#tests/support/scratch-databases.mjs'
import { demoProgram } from './seed-applications.ts'
import { measure, report } from './stats.ts'

const APPLICATIONS = Number(process.argv[2] ?? 2_000)
const REVIEWERS = Number(process.argv[3] ?? 60)

const dataDir = mkdtempSync(path.join(tmpdir(), 'commons-bench-'))
const scratch = process.env.DATABASE_URL
  ? await createScratchDatabase(process.env.DATABASE_URL, 'cf_bench')
  : null
const database = await openDatabase(
  scratch
    ? { driver: 'pg', url: scratch.url }
    : { driver: 'pglite', dataDir: path.join(dataDir, 'pglite') },
)
setDatabase(database)
const db = database.db
try {
  if (await isEmpty(db)) await seedDemoData(db)
  const { id } = await demoProgram(db, 'neighbourhood-health-grants-2026')
  const [found] = (
    (await db.execute(sql`SELECT p.community_reviewer_weight AS weight, f.organization_id AS funder
      FROM programs p JOIN funds f ON f.id = p.fund_id WHERE p.id = ${id}`)) as { rows: unknown[] }
  ).rows as { weight: number; funder: string }[]
  const program = { id, communityReviewerWeight: Number(found!.weight), funderId: found!.funder }
  const started = performance.now()
  // Set-based inserts: groups, their applications, reviewers, three assignments per application
  // (reviewers in turn) and a pseudo-random level per criterion.
  await db.execute(sql`INSERT INTO organizations (kind, name, slug, budget_band)
    SELECT 'community_group', 'Bench group ' || i, 'bench-group-' || i,
      (ARRAY['under_50k','50k_250k','250k_1m','1m_5m','over_5m'])[1 + i % 5]::budget_band
    FROM generate_series(1, ${APPLICATIONS}) AS i`)
  await db.execute(sql`INSERT INTO applications (program_id, organization_id, status, title,
      led_by_lived_experience, place_vulnerability, submitted_at)
    SELECT ${program.id}, o.id, 'in_review', o.name,
      (ARRAY['yes','partly','no'])[1 + abs(hashtext(o.slug)) % 3], (abs(hashtext(o.name)) % 1000) / 1000.0,
      now() - interval '10 days'
    FROM organizations o WHERE o.slug LIKE 'bench-group-%'`)
  await db.execute(sql`INSERT INTO users (email, name, password_hash)
    SELECT 'bench-reviewer-' || i || '@example.test', 'Bench reviewer ' || i, 'x'
    FROM generate_series(1, ${REVIEWERS}) AS i`)
  await db.execute(sql`INSERT INTO review_assignments (program_id, application_id, reviewer_user_id,
      state, declared_at, submitted_at)
    SELECT ${program.id}, a.id, r.id, 'submitted', now(), now()
    FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM applications
          WHERE program_id = ${program.id} AND title LIKE 'Bench group %') a
    JOIN (SELECT id, row_number() OVER (ORDER BY email) - 1 AS k FROM users
          WHERE email LIKE 'bench-reviewer-%') r
      ON r.k IN ((a.n * 3) % ${REVIEWERS}, (a.n * 3 + 1) % ${REVIEWERS}, (a.n * 3 + 2) % ${REVIEWERS})`)
  await db.execute(sql`INSERT INTO review_scores (assignment_id, criterion_id, level)
    SELECT ra.id, c.id, 1 + abs(hashtext(ra.id::text || c.id::text)) % c.max_score
    FROM review_assignments ra JOIN rubric_criteria c ON c.program_id = ra.program_id
    WHERE ra.program_id = ${program.id} AND ra.state = 'submitted'`)
  await db.execute(sql`ANALYZE`)
  const [counts] = (
    (await db.execute(sql`SELECT
      (SELECT count(*) FROM review_assignments WHERE program_id = ${program.id} AND state = 'submitted')::int AS reviews,
      (SELECT count(*) FROM review_scores s JOIN review_assignments ra ON ra.id = s.assignment_id
        WHERE ra.program_id = ${program.id})::int AS levels`)) as { rows: unknown[] }
  ).rows as { reviews: number; levels: number }[]
  console.log(
    `Seeded ${APPLICATIONS} applications, ${REVIEWERS} reviewers, ${counts?.reviews} reviews, ${counts?.levels} levels in ${((performance.now() - started) / 1000).toFixed(1)} s (${scratch ? 'PostgreSQL' : 'PGlite'}).`,
  )
  const page = await programFairness(program, program.funderId)
  console.log(
    `Scored applications ${page.scoredApplications}, reviews ${page.reviews}, reviewers ${page.leniency.length}.`,
  )
  report(
    'programFairness (2 reads + statistics)',
    await measure(() => programFairness(program, program.funderId), 20, 3),
  )
} finally {
  await database.close()
  await scratch?.drop()
  rmSync(dataDir, { recursive: true, force: true })
}
