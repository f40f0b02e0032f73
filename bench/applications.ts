/**
 * Issue 3's performance targets, measured: a program with 5,000 submitted applications.
 * - the funder's application list over HTTP from the built server (full render, with the
 *   figures and charts above it), by filter/sort, and the program overview with its charts;
 * - the figures' aggregate query on its own;
 * - saving a draft step (the service call every "Save" makes).
 * Embedded PGlite by default (the target); DATABASE_URL measures a server database instead.
 * Usage: npm run build && npx tsx bench/applications.ts [applications=5000]
 * (BUILD_DIR, as for the build, measures a build kept elsewhere.)
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { eq, sql } from 'drizzle-orm'
import { openDatabase, setDatabase } from '#db/client.server.ts'
import { applications } from '#db/schema/index.ts'
import { isEmpty, seedDemoData } from '#app/seed/seed.server.ts'
import { saveStep } from '#app/services/applications/application-drafts.server.ts'
import { programApplicationStats } from '#app/services/applications/application-stats.server.ts'
import { createScratchDatabase } from '#tests/support/scratch-databases.mjs'
import { addApplications, addDraft, demoProgram, organizationId } from './seed-applications.ts'
import { measure, report } from './stats.ts'

const COUNT = Number(process.argv[2] ?? 5000)
const PORT = 3950
const SERVER = path.join(process.env.BUILD_DIR ?? 'build', 'server.js')
if (!existsSync(SERVER)) throw new Error('Run `npm run build` first.')

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
if (await isEmpty(db)) await seedDemoData(db)

const program = await demoProgram(db, 'community-health-access-2027')

const t = performance.now()
await addApplications(db, program.id, COUNT)
console.log(
  `driver ${database.driver}: seeded ${COUNT} applications in ${((performance.now() - t) / 1000).toFixed(1)} s\n`,
)

// Saving a draft step: one draft, saved repeatedly from its current version.
const draftId = await addDraft(db, program.fundId, await organizationId(db, 'bench-group-1'))
const [draft] = await db.select().from(applications).where(eq(applications.id, draftId))
let version = draft!.version
const actor = {
  id: await db
    .execute<{ id: string }>(sql`SELECT id FROM users LIMIT 1`)
    .then((r) => (r as unknown as { rows: { id: string }[] }).rows[0]!.id),
}
report(
  'save a draft step (project)',
  await measure(async () => {
    const r = await saveStep(
      actor,
      draft!,
      {
        step: 'project',
        data: {
          version,
          title: `T${version}`,
          summary: 'A summary.',
          sdohDomains: ['health_care'],
        },
      },
      version,
    )
    if (!r.ok) throw new Error('save failed')
    version = r.version
  }, 200),
)
report(
  'save a draft step (budget, 5 lines)',
  await measure(async () => {
    const lines = Array.from({ length: 5 }, (_, i) => ({
      description: `Line ${i}`,
      amount: 100_000,
    }))
    const r = await saveStep(
      actor,
      draft!,
      { step: 'budget', data: { version, amountRequested: 500_000, lines } },
      version,
    )
    if (!r.ok) throw new Error('save failed')
    version = r.version
  }, 200),
)
report(
  'figures: aggregate query, whole program',
  await measure(() => programApplicationStats(program.id), 100, 10),
)
report(
  'figures: aggregate query, SDOH = health care',
  await measure(() => programApplicationStats(program.id, { sdoh: 'health_care' }), 100, 10),
)
await database.close()

// The funder's list over HTTP, rendered by the built server on the same data.
const server = spawn(process.execPath, [SERVER], {
  env: {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(PORT),
    DATA_DIR: dataDir,
    // Production on a server database refuses to start without one.
    SESSION_SECRET: randomBytes(32).toString('base64url'),
    ...(scratch ? { DATABASE_URL: scratch.url } : {}),
  },
  stdio: ['ignore', 'ignore', 'inherit'],
})
try {
  const base = `http://localhost:${PORT}`
  for (let i = 0; i < 100; i++) {
    if (
      await fetch(`${base}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break
    await new Promise((r) => setTimeout(r, 200))
  }
  const login = await fetch(`${base}/login`, {
    method: 'POST',
    body: new URLSearchParams({ email: 'officer@example.org', password: 'commons-demo-2026' }),
    redirect: 'manual',
  })
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  const overview = `${base}/orgs/riverbend-community-foundation/programs/community-health-access-2027`
  const get = (url: string, expected: string[]) => async () => {
    const res = await fetch(url, { headers: { Cookie: cookie } })
    const html = await res.text()
    if (res.status !== 200 || expected.some((text) => !html.includes(text)))
      throw new Error(`GET ${url}: ${res.status}`)
  }
  // Every list page carries the figures of its filters: four charts, each with its table.
  const charts = ['Applications by status', 'Applications by place vulnerability']
  for (const [label, query] of [
    ['list, page 1 (newest)', ''],
    ['list, status = in review', '?status=in_review'],
    ['list, SDOH = health care', '?sdoh=health_care'],
    ['list, sorted by amount', '?sort=amount'],
    ['list, sorted by vulnerability, page 40', '?sort=vulnerability&page=40'],
  ] as const) {
    const url = `${overview}/applications${query}`
    report(`HTTP ${label}`, await measure(get(url, ['Bench application', ...charts]), 100, 10))
  }
  report(
    'HTTP program overview (status and budget charts)',
    await measure(get(overview, ['Requested against the budget']), 100, 10),
  )
  // The whole program as CSV (streamed in batches of 500): the time to the last byte.
  report(
    'HTTP CSV export of every application (5,000+ rows)',
    await measure(get(`${overview}/applications.csv`, ['Bench application']), 20, 2),
  )
} finally {
  if (server.exitCode === null) {
    server.kill('SIGTERM')
    await new Promise((r) => server.once('exit', r))
  }
  await scratch?.drop()
  rmSync(dataDir, { recursive: true, force: true })
}
