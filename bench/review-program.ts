/**
 * Issue 9, "Performance", with a real database: a program with 2,000 applications, 60 reviewers
 * and 3 reviews each; each phase under 1 s. Times, each --runs times after one warm-up run:
 * - assignment: assignReviewers on the whole program (its assignments deleted before each run);
 * - normalisation: each application's figures (per-review totals, per-reviewer means and sds,
 *   z-scores, normalised scores), in SQL (applicationAggregates);
 * - ranking: programRanking, the whole board (figures, flags, agreement, names);
 * - progress: programProgress, the officer's progress page (scored as the board scores);
 * - proposal: decisionProposal on either basis with the three suggested guardrails (the ranking,
 *   then the HiGHS solves).
 * Prints the median and max of wall and CPU time per phase and writes them to
 * bench/results/[label-]review-program-<time>-<driver>-<commit>.json.
 * On an in-memory PGlite; with DATABASE_URL, on a scratch database beside it, dropped after.
 * Usage: [DATABASE_URL=postgres://…] npx vite-node bench/review-program.ts -- [--applications 2000]
 *   [--reviewers 60] [--runs 5] [--label before] (vite-node: the services load their translations
 *   through Vite)
 */
import { writeFileSync } from 'node:fs'
import os from 'node:os'
import { parseArgs } from 'node:util'
import { sql } from 'drizzle-orm'
import { db, openDatabase, setDatabase } from '#db/client.server.ts'
import { memberships, panelMembers, type Program } from '#db/schema/index.ts'
import { assignReviewers } from '#app/services/review/assignments.server.ts'
import { decisionProposal, setSuggestedGuardrails } from '#app/services/review/decide.server.ts'
import { programProgress } from '#app/services/review/progress.server.ts'
import { programRanking } from '#app/services/review/ranking.server.ts'
import { createOpenProgram, createUser } from '#tests/support/factories.ts'
import { createScratchDatabase } from '#tests/support/scratch-databases.mjs'
import { resultsFile } from './results-file.ts'

const { values: opts } = parseArgs({
  options: {
    applications: { type: 'string', default: '2000' },
    reviewers: { type: 'string', default: '60' },
    runs: { type: 'string', default: '5' },
    label: { type: 'string', default: '' },
  },
})
const APPLICATIONS = Number(opts.applications)
const REVIEWERS = Number(opts.reviewers)
const RUNS = Number(opts.runs)

const driver = process.env.DATABASE_URL ? 'pg' : 'pglite'
const scratch = process.env.DATABASE_URL
  ? await createScratchDatabase(process.env.DATABASE_URL, 'cf_bench')
  : null
const database = await openDatabase(
  scratch ? { driver: 'pg', url: scratch.url } : { driver: 'pglite' },
)
setDatabase(database)

/**
 * The normalisation on its own: in SQL where this tree has it; in a tree from before it (for
 * "before" figures), the in-memory path the board took then: read every level, score, normalise.
 */
async function normalisation(): Promise<(program: Program) => Promise<string>> {
  try {
    const { applicationAggregates } =
      await import('#app/services/review/score-aggregates.server.ts')
    return async (program) => `${(await applicationAggregates(program)).length} applications (SQL)`
  } catch {
    const { submittedReviews, scoringRubric } =
      await import('#app/services/review/review-records.server.ts')
    const { normaliseScores } = await import('#app/domain/review/normalise.ts')
    const { scoreReviews } = await import('#app/domain/review/scores.ts')
    const { rubricCriteria, reviewAssignments } = await import('#db/schema/index.ts')
    const { eq } = await import('drizzle-orm')
    return async (program) => {
      const criteria = await db()
        .select()
        .from(rubricCriteria)
        .where(eq(rubricCriteria.programId, program.id))
      const reviews = await submittedReviews(program, eq(reviewAssignments.programId, program.id))
      const n = normaliseScores(scoreReviews(scoringRubric(criteria), reviews))
      return `${n.applications.length} applications (in memory)`
    }
  }
}

async function seed() {
  const s = await createOpenProgram({
    status: 'in_review',
    reviewersPerApplication: 3,
    // A tenth of what is asked for (about $25k each on average).
    budgetMinor: APPLICATIONS * 250_000,
    minAwardMinor: 100_000,
  })
  for (let r = 0; r < REVIEWERS; r++) {
    // Numbered, so the scores below can be a function of the reviewer's number.
    const user = await createUser({ name: `Bench Reviewer ${String(r).padStart(4, '0')}` })
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
  return s
}

/**
 * The same reviews on every run and driver (the assignment just timed breaks ties by uuid, so it
 * differs from run to run): application n is reviewed by reviewers 3n, 3n + 1 and 3n + 2 (mod the
 * panel), all submitted; each criterion's level depends on the application, the reviewer and the
 * criterion.
 */
async function scoreEverything(programId: string, assignedBy: string) {
  await db().execute(sql`DELETE FROM review_assignments WHERE program_id = ${programId}`)
  await db().execute(sql`
    WITH apps AS (
      SELECT id, row_number() OVER (ORDER BY title) - 1 AS n FROM applications
      WHERE program_id = ${programId}),
    panel AS (
      SELECT u.id, row_number() OVER (ORDER BY u.name) - 1 AS r
      FROM panel_members p JOIN users u ON u.id = p.user_id WHERE p.program_id = ${programId})
    INSERT INTO review_assignments (program_id, application_id, reviewer_user_id,
      assigned_by_user_id, state, declared_at, submitted_at)
    SELECT ${programId}, apps.id, panel.id, ${assignedBy}, 'submitted', now(), now()
    FROM apps CROSS JOIN generate_series(0, 2) k
    JOIN panel ON panel.r = (3 * apps.n + k) % ${REVIEWERS}`)
  await db().execute(sql`
    WITH apps AS (
      SELECT id, row_number() OVER (ORDER BY title) AS n FROM applications
      WHERE program_id = ${programId}),
    panel AS (
      SELECT u.id, row_number() OVER (ORDER BY u.name) AS r
      FROM panel_members p JOIN users u ON u.id = p.user_id WHERE p.program_id = ${programId})
    INSERT INTO review_scores (assignment_id, criterion_id, level)
    SELECT a.id, c.id, 1 + abs(hashtext(apps.n::text) % 3)
      + abs(hashtext(panel.r::text || '-' || c.position::text) % 3)
    FROM review_assignments a
    JOIN apps ON apps.id = a.application_id
    JOIN panel ON panel.id = a.reviewer_user_id
    JOIN rubric_criteria c ON c.program_id = a.program_id
    WHERE a.program_id = ${programId}`)
  await db().execute(sql`ANALYZE`)
}

interface Phase {
  phase: string
  runs: number
  wallMedian: number
  wallMax: number
  cpuMedian: number
  cpuMax: number
  note: string
}
const phases: Phase[] = []
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

/** One warm-up run, then RUNS timed ones (`before` runs untimed ahead of each). */
async function time<T>(
  phase: string,
  fn: () => Promise<T>,
  note: (value: T) => string,
  before: () => Promise<unknown> = async () => {},
) {
  await before()
  await fn()
  const wall: number[] = []
  const cpu: number[] = []
  let last: T | undefined
  for (let run = 0; run < RUNS; run++) {
    await before()
    const start = performance.now()
    const used = process.cpuUsage()
    last = await fn()
    wall.push(performance.now() - start)
    const spent = process.cpuUsage(used)
    cpu.push((spent.user + spent.system) / 1000)
  }
  const row = {
    phase,
    runs: RUNS,
    wallMedian: median(wall),
    wallMax: Math.max(...wall),
    cpuMedian: median(cpu),
    cpuMax: Math.max(...cpu),
    note: note(last as T),
  }
  phases.push(row)
  const f = (n: number) => n.toFixed(0).padStart(6)
  console.log(
    `${phase.padEnd(28)} wall median ${f(row.wallMedian)} max ${f(row.wallMax)} ms   cpu median ${f(row.cpuMedian)} max ${f(row.cpuMax)} ms   ${row.note}`,
  )
}

try {
  const s = await seed()
  const actor = { id: s.owner.id, organizationId: s.org.id, ip: null }
  const loadBefore = os.loadavg()
  console.log(
    `${APPLICATIONS} applications, ${REVIEWERS} reviewers, 3 reviews each; ${driver}; ${RUNS} runs after a warm-up; load average ${loadBefore.map((l) => l.toFixed(1)).join(' ')}`,
  )
  await time(
    'assignment',
    () => assignReviewers(actor, s.program),
    (r) => (r.ok ? `${r.assigned} assigned` : JSON.stringify(r)),
    () => db().execute(sql`DELETE FROM review_assignments WHERE program_id = ${s.program.id}`),
  )
  await scoreEverything(s.program.id, s.owner.id)
  const normalise = await normalisation()
  await time(
    'normalisation',
    () => normalise(s.program),
    (note) => note,
  )
  await time(
    'ranking',
    () => programRanking(s.program),
    (r) =>
      `${r.lines.length} lines, ${r.submittedReviews} reviews, α ${r.agreement.overall.alpha?.toFixed(3)}`,
  )
  // The officer's progress page scores each application by the ranking's definition too.
  await time(
    'progress',
    () => programProgress(s.program),
    (p) =>
      `${p.applications.length} applications, ${p.applications.filter((a) => a.mean !== null).length} scored`,
  )
  await setSuggestedGuardrails(actor, s.program)
  for (const basis of ['raw', 'normalised'] as const) {
    await time(
      `proposal (${basis})`,
      () => decisionProposal(s.program, basis),
      (d) =>
        `${d.proposal.status}${d.proposal.optimalityGap ? ` (within ${d.proposal.optimalityGap.toFixed(2)} points)` : ''}; ${d.proposal.proposal?.applicationIds.length ?? 0} funded, score ${d.proposal.proposal?.score.toFixed(2)}; shares ${d.proposal.proposal?.shares.map((x) => `${x.flag} ${x.percent?.toFixed(1)}%`).join(', ')}`,
    )
  }

  const { date, commit, dirty, file } = resultsFile(
    `${opts.label ? `${opts.label}-` : ''}review-program`,
    driver,
  )
  const result = {
    date,
    commit,
    dirty,
    driver,
    cores: os.availableParallelism(),
    cpu: os.cpus()[0]?.model,
    node: process.version,
    applications: APPLICATIONS,
    reviewers: REVIEWERS,
    reviewsPerApplication: 3,
    // The machine is shared: its load says how far wall time stands above CPU time.
    loadAverage: { before: loadBefore, after: os.loadavg() },
    phases,
  }
  writeFileSync(file, JSON.stringify(result, null, 2) + '\n')
  console.log(file)
} finally {
  await database.close()
  await scratch?.drop()
}
