/**
 * Issue 9, "Performance", with a real database: a program with 2,000 applications, 60 reviewers
 * and 3 reviews each. Times the assignment of the whole program (assignReviewers), the ranking
 * (programRanking: the reads, per-review scores, normalisation and agreement) and the decision
 * page's proposal (decisionProposal: the ranking again, the guardrails, then two HiGHS solves)
 * with the three suggested guardrails, and the officer's progress page (programProgress). Runs on an in-memory PGlite (nothing else is touched).
 * Usage: npx vite-node bench/review-program.ts -- [applications] [reviewers] (vite-node: the
 * services load their translations through Vite)
 */
import { sql } from 'drizzle-orm'
import { db, openDatabase, setDatabase } from '#db/client.server.ts'
import { memberships, panelMembers } from '#db/schema/index.ts'
import { assignReviewers } from '#app/services/review/assignments.server.ts'
import { decisionProposal, setSuggestedGuardrails } from '#app/services/review/decide.server.ts'
import { programProgress } from '#app/services/review/progress.server.ts'
import { programRanking } from '#app/services/review/ranking.server.ts'
import { createOpenProgram, createUser } from '#tests/support/factories.ts'

const APPLICATIONS = Number(process.argv[2] ?? 2_000)
const REVIEWERS = Number(process.argv[3] ?? 60)

const database = await openDatabase({ driver: 'pglite' })
setDatabase(database)

const s = await createOpenProgram({
  status: 'in_review',
  reviewersPerApplication: 3,
  // A tenth of what is asked for (about $25k each on average).
  budgetMinor: APPLICATIONS * 250_000,
  minAwardMinor: 100_000,
})
const actor = { id: s.owner.id, organizationId: s.org.id, ip: null }
for (let r = 0; r < REVIEWERS; r++) {
  const user = await createUser()
  await db()
    .insert(memberships)
    .values({ organizationId: s.org.id, userId: user.id, role: 'reviewer' })
  await db()
    .insert(panelMembers)
    .values({ programId: s.program.id, userId: user.id, kind: 'staff' })
}
// Groups and their applications, with varied amounts, places, budgets and leadership.
await db().execute(sql`
  INSERT INTO organizations (kind, name, slug, budget_band)
  SELECT 'community_group', 'Bench Group ' || g, 'bench-group-' || g,
    (ARRAY['under_50k','50k_250k','250k_1m','1m_5m','over_5m'])[1 + (g * 7) % 5]::budget_band
  FROM generate_series(1, ${APPLICATIONS}) g`)
await db().execute(sql`
  INSERT INTO applications (program_id, organization_id, status, title, amount_requested_minor,
    place_vulnerability, led_by_lived_experience, submitted_at)
  SELECT ${s.program.id}, o.id, 'in_review', 'Bench application ' || n,
    (50 + (n * 7919) % 2450) * 10000, ((n * 37) % 1000) / 1000.0,
    (ARRAY['yes','partly','no'])[1 + (n * 13) % 3], now()
  FROM (SELECT id, row_number() OVER (ORDER BY slug) n FROM organizations
        WHERE slug LIKE 'bench-group-%') o`)
await db().execute(sql`ANALYZE`)

async function time<T>(step: string, fn: () => Promise<T>, note: (value: T) => string) {
  const start = performance.now()
  const used = process.cpuUsage()
  const value = await fn()
  const wall = performance.now() - start
  const cpu = process.cpuUsage(used)
  console.log(
    `${step.padEnd(44)} ${wall.toFixed(0).padStart(7)} ms wall ${((cpu.user + cpu.system) / 1000).toFixed(0).padStart(7)} ms cpu  ${note(value)}`,
  )
  return value
}

console.log(
  `${APPLICATIONS} applications, ${REVIEWERS} reviewers, 3 reviews each (PGlite in memory)`,
)
await time(
  'assignment (assignReviewers, whole program)',
  () => assignReviewers(actor, s.program),
  (r) => (r.ok ? `${r.assigned} assigned` : JSON.stringify(r)),
)
// Every review submitted, each criterion at a level that depends on the application and reviewer.
await db().execute(sql`
  UPDATE review_assignments SET state = 'submitted', declared_at = now(), submitted_at = now()
  WHERE program_id = ${s.program.id}`)
await db().execute(sql`
  INSERT INTO review_scores (assignment_id, criterion_id, level)
  SELECT a.id, c.id,
    1 + abs(hashtext(a.application_id::text) % 3) + abs(hashtext(a.reviewer_user_id::text || c.id::text) % 3)
  FROM review_assignments a JOIN rubric_criteria c ON c.program_id = a.program_id
  WHERE a.program_id = ${s.program.id}`)
await db().execute(sql`ANALYZE`)

for (let run = 1; run <= 3; run++) {
  await time(
    `ranking (programRanking), run ${run}`,
    () => programRanking(s.program),
    (r) =>
      `${r.lines.length} lines, ${r.submittedReviews} reviews, α ${r.agreement.overall.alpha?.toFixed(3)}`,
  )
}
// The officer's progress page scores each application by the ranking's definition too.
for (let run = 1; run <= 2; run++) {
  await time(
    `progress (programProgress), run ${run}`,
    () => programProgress(s.program),
    (p) =>
      `${p.applications.length} applications, ${p.applications.filter((a) => a.mean !== null).length} scored`,
  )
}
await setSuggestedGuardrails(actor, s.program)
for (const basis of ['raw', 'normalised', 'normalised'] as const) {
  await time(
    `decision proposal (${basis}, 3 guardrails)`,
    () => decisionProposal(s.program, basis),
    (d) =>
      `${d.proposal.status}${d.proposal.optimalityGap ? ` (within ${d.proposal.optimalityGap.toFixed(2)} points)` : ''}; ${d.proposal.proposal?.applicationIds.length ?? 0} funded of ${d.lines.length}; shares ${d.proposal.proposal?.shares.map((x) => `${x.flag} ${x.percent?.toFixed(1)}%`).join(', ')}`,
  )
}
await database.close()
