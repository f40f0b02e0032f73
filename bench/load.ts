/**
 * Throughput under concurrent users: the built app on a fresh database with the demo data (and a
 * program with 5,000 applications), each page people use most loaded with autocannon at 1, 5 and
 * 20 connections, signed in as the role that uses it.
 *
 * The ceiling is /bench/ceiling: a Remix page with no loader of its own, rendered through the root
 * route (its layout, and the root loader for an anonymous visitor), so it is what every page pays
 * before doing any work of its own. /healthz (plain Express, no Remix) is the server's ceiling.
 *
 * Usage: npm run bench:load -- [--duration 3] [--connections 1,5,20] [--applications 5000]
 *                                [--only login,programs] [--profile] [--workers N] [--warmup 1]
 * --warmup S: seconds of load (5 connections) on each page before it is measured, so that the JIT
 * has compiled what the page runs; a server that has run for a while costs less per view.
 * --workers N: serve through scripts/start.mjs with WORKERS=N (PostgreSQL only: PGlite is one
 * process), as `npm start` does; the CPU column then sums every process of the server.
 * DATABASE_URL: a scratch database on that server (PGlite in a temp DATA_DIR without it).
 * BUILD_DIR: measure that build as it is (an older one too: pages it lacks are skipped); without
 * it, ./build is built first when the sources are newer.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { createServer } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { parseArgs } from 'node:util'
import { PGlite } from '@electric-sql/pglite'
import autocannon from 'autocannon'
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import pg from 'pg'
import type { Db } from '#db/client.server.ts'
import { createScratchDatabase } from '#tests/support/scratch-databases.mjs'
import { SERVER_NODE_FLAGS } from '../scripts/server-flags.mjs'
import { resultsFile } from './results-file.ts'
import { addApplications, addDraft, demoProgram, organizationId } from './seed-applications.ts'

const { values: opts } = parseArgs({
  options: {
    duration: { type: 'string', default: '3' },
    connections: { type: 'string', default: '1,5,20' },
    applications: { type: 'string', default: '5000' },
    only: { type: 'string' },
    profile: { type: 'boolean', default: false },
    workers: { type: 'string' },
    warmup: { type: 'string', default: '1' },
  },
})
const WORKERS = opts.workers === undefined ? null : Number(opts.workers)
if (WORKERS !== null && (!Number.isInteger(WORKERS) || WORKERS < 1)) {
  throw new Error(`--workers takes a whole number from 1, not "${opts.workers}"`)
}
if (WORKERS !== null && !process.env.DATABASE_URL) {
  throw new Error('--workers needs DATABASE_URL: on PGlite the app is one process')
}
const DURATION = Number(opts.duration)
const WARMUP = Number(opts.warmup)
const CONNECTIONS = opts.connections.split(',').map(Number)
const APPLICATIONS = Number(opts.applications)
const ONLY = opts.only?.split(',')

const PASSWORD = 'commons-demo-2026'
const PROGRAM = 'community-health-access-2027'
const FUNDER = 'riverbend-community-foundation'
const GROUP = 'eastside-health-collective'
const CEILING = 'ceiling'

type Role = 'anonymous' | 'admin' | 'officer' | 'maria'
const EMAILS: Record<Exclude<Role, 'anonymous'>, string> = {
  admin: 'admin@example.org',
  officer: 'officer@example.org',
  maria: 'maria@example.org',
}

interface Page {
  name: string
  role: Role
  path: string
  /** Text the real page contains: a login form or an error page would not. */
  expect: string
}

function pages(draftId: string): Page[] {
  const funder = `/orgs/${FUNDER}/programs/${PROGRAM}`
  return [
    { name: 'healthz', role: 'anonymous', path: '/healthz', expect: 'ok' },
    { name: CEILING, role: 'anonymous', path: '/bench/ceiling', expect: 'Ceiling' },
    { name: 'home', role: 'anonymous', path: '/', expect: 'Commons Fund' },
    { name: 'login', role: 'anonymous', path: '/login', expect: 'Log in' },
    { name: 'programs', role: 'anonymous', path: '/programs', expect: 'Community Health Access' },
    {
      name: 'program',
      role: 'anonymous',
      path: `/programs/${PROGRAM}`,
      expect: 'Applications are open',
    },
    { name: 'group dashboard', role: 'maria', path: '/', expect: 'Eastside' },
    { name: 'group org page', role: 'maria', path: `/orgs/${GROUP}`, expect: 'Eastside' },
    {
      name: 'application step',
      role: 'maria',
      path: `/applications/${draftId}/project`,
      expect: 'The project',
    },
    { name: 'funder overview', role: 'officer', path: funder, expect: 'Requested' },
    {
      name: 'funder list',
      role: 'officer',
      path: `${funder}/applications`,
      expect: APPLICATIONS > 0 ? 'Bench application' : 'Applications',
    },
    { name: 'admin users', role: 'admin', path: '/admin/users', expect: 'officer@example.org' },
  ]
}

// ---------------------------------------------------------------------------------------------
// The build and its server

const explicitBuild = process.env.BUILD_DIR
const buildDir = path.resolve(explicitBuild ?? 'build')
// The server resolves db/migrations from its working directory: the tree the build came from.
const buildTree = path.dirname(buildDir)

function newest(entry: string): number {
  if (!existsSync(entry)) return 0
  const stat = statSync(entry)
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(stat.mtimeMs, ...readdirSync(entry).map((c) => newest(path.join(entry, c))))
}

function ensureBuild() {
  const server = path.join(buildDir, 'server.js')
  if (explicitBuild) {
    if (!existsSync(server)) throw new Error(`${server} does not exist`)
    return
  }
  const sources = ['app', 'db', 'server', 'public', 'vite.config.ts', 'package.json']
  if (existsSync(server) && Math.max(...sources.map(newest)) <= statSync(server).mtimeMs) return
  console.log('Building the app…')
  const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })
}

interface Running {
  base: string
  /** CPU seconds the server's processes have used so far (user + system). */
  cpuSeconds(): number
  stop(): Promise<void>
}

/** A process's fields from /proc/<pid>/stat after its name: [0] state, [1] ppid, [11] utime…. */
function statFields(pid: number | string): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  } catch {
    return null
  }
}

/**
 * CPU seconds used by a process and every process under it (the workers of scripts/start.mjs),
 * from /proc (Linux): the figure that other processes' load on a shared machine disturbs least.
 * A process that has exited no longer counts; the server's workers live as long as the run.
 */
function treeCpuSeconds(root: number | undefined): number {
  if (root === undefined) return NaN
  const children = new Map<number, number[]>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    const parent = Number(statFields(entry)?.[1])
    if (!children.has(parent)) children.set(parent, [])
    children.get(parent)!.push(Number(entry))
  }
  let seconds = 0
  const pending = [root]
  while (pending.length) {
    const pid = pending.pop()!
    const fields = statFields(pid)
    if (!fields) {
      if (pid === root) return NaN
      continue
    }
    seconds += (Number(fields[11]) + Number(fields[12])) / 100 // utime, stime in clock ticks
    pending.push(...(children.get(pid) ?? []))
  }
  return seconds
}

async function startServer(env: Record<string, string>, profileDir?: string): Promise<Running> {
  const port = await freePort()
  const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []
  // As `npm start` serves: with its V8 options (scripts/server-flags.mjs); with --workers,
  // through scripts/start.mjs, which forks the workers (profiling every process through
  // NODE_OPTIONS).
  const args =
    WORKERS === null
      ? [...SERVER_NODE_FLAGS, ...profile, path.join(buildDir, 'server.js')]
      : [path.resolve(import.meta.dirname, '../scripts/start.mjs')]
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: buildTree,
    env: {
      ...process.env,
      ...env,
      ...(WORKERS === null
        ? {}
        : {
            WORKERS: String(WORKERS),
            BUILD_DIR: buildDir,
            START_BUILD: 'never',
            ...(profileDir ? { NODE_OPTIONS: profile.join(' ') } : {}),
          }),
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      // Production on a server database refuses to start without one.
      SESSION_SECRET: randomBytes(32).toString('base64url'),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const base = `http://127.0.0.1:${port}`
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode})`)
    const up = await fetch(`${base}/healthz`).then(
      (r) => r.ok,
      () => false,
    )
    if (up) break
    if (i > 600) throw new Error('the server did not start within two minutes')
    await new Promise((r) => setTimeout(r, 200))
  }
  return {
    base,
    cpuSeconds: () => treeCpuSeconds(child.pid),
    stop: async () => {
      if (child.exitCode !== null) return
      child.kill('SIGTERM')
      await new Promise((r) => child.once('exit', r))
    },
  }
}

// ---------------------------------------------------------------------------------------------
// The database: migrated and seeded by the build's own server, then the bench data added with
// plain SQL (no migrations of this tree, which may be newer than the build).

async function withDatabase<T>(
  target: { url: string } | { dataDir: string },
  work: (db: Db) => Promise<T>,
): Promise<T> {
  if ('url' in target) {
    const pool = new pg.Pool({ connectionString: target.url, max: 2 })
    try {
      return await work(drizzlePg(pool) as unknown as Db)
    } finally {
      await pool.end()
    }
  }
  const client = new PGlite(target.dataDir)
  try {
    return await work(drizzlePglite(client) as unknown as Db)
  } finally {
    await client.close()
  }
}

async function addBenchData(db: Db): Promise<string> {
  const program = await demoProgram(db, PROGRAM)
  if (APPLICATIONS > 0) await addApplications(db, program.id, APPLICATIONS)
  return addDraft(db, program.fundId, await organizationId(db, GROUP))
}

// ---------------------------------------------------------------------------------------------
// Measuring

async function logIn(base: string, email: string): Promise<string> {
  const res = await fetch(`${base}/login`, {
    method: 'POST',
    body: new URLSearchParams({ email, password: PASSWORD }),
    redirect: 'manual',
  })
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  if (res.status !== 302 || !cookie.startsWith('cf_session=')) {
    throw new Error(`login as ${email} failed: ${res.status}`)
  }
  return cookie
}

interface Row {
  page: string
  role: Role
  path: string
  connections: number
  requestsPerSecond: number
  p50: number
  p95: number
  p99: number
  responses: number
  non2xx: number
  errors: number
  statusCodes: Record<string, number>
  /** The server process's CPU time per response: its cost, whatever else the machine runs. */
  cpuMsPerRequest: number
  shareOfCeiling: number | null
  loadAverage: number[]
}

/** 'missing' when this build lacks the page (404), else the problem with its answer, if any. */
async function check(base: string, page: Page, cookie: string): Promise<string | null> {
  const res = await fetch(base + page.path, { headers: { Cookie: cookie }, redirect: 'manual' })
  const body = await res.text()
  if (res.status === 404) return 'missing'
  if (res.status !== 200) return `answers ${res.status} ${res.headers.get('location') ?? ''}`
  if (!body.includes(page.expect)) return `lacks "${page.expect}"`
  return null
}

function percentile(sorted: number[], q: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN
}

async function load(url: string, cookie: string, connections: number, duration: number) {
  const latencies: number[] = []
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url, connections, duration, headers: cookie ? { cookie } : {} },
      (error, done) => (error ? reject(error as Error) : resolve(done)),
    )
    instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms))
  })
  latencies.sort((a, b) => a - b)
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count ?? 0]),
  )
  return {
    requestsPerSecond: latencies.length / duration,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    responses: latencies.length,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    statusCodes,
  }
}

function printTable(rows: Row[]) {
  const head = ['page', 'role', 'conns', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'cpu ms/req']
  head.push('non-2xx', 'ceiling', 'load')
  const lines = rows.map((r) => [
    r.page,
    r.role,
    String(r.connections),
    r.requestsPerSecond.toFixed(0),
    r.p50.toFixed(1),
    r.p95.toFixed(1),
    r.p99.toFixed(1),
    r.cpuMsPerRequest.toFixed(2),
    r.non2xx + r.errors > 0 ? `${r.non2xx + r.errors} !` : '0',
    r.shareOfCeiling === null ? '' : `${(r.shareOfCeiling * 100).toFixed(0)}%`,
    r.loadAverage[0]!.toFixed(2),
  ])
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)))
  const format = (cells: string[]) =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')
  console.log(format(head))
  for (const line of lines) console.log(format(line))
}

// ---------------------------------------------------------------------------------------------

ensureBuild()
const driver = process.env.DATABASE_URL ? 'pg' : 'pglite'
const tempDir = mkdtempSync(path.join(os.tmpdir(), 'commons-load-'))
const scratch = process.env.DATABASE_URL
  ? await createScratchDatabase(process.env.DATABASE_URL, 'cf_bench')
  : null
const serverEnv: Record<string, string> = { DATA_DIR: tempDir, SEED_DEMO: '1' }
if (scratch) serverEnv.DATABASE_URL = scratch.url
const target = scratch ? { url: scratch.url } : { dataDir: path.join(tempDir, 'pglite') }
const profileDir = opts.profile ? path.resolve('bench/results/profiles') : undefined

let server: Running | undefined
try {
  console.log(`Seeding (${driver}, ${APPLICATIONS} applications)…`)
  server = await startServer(serverEnv, scratch ? profileDir : undefined)
  // PGlite is one process's: stop the server while the bench writes to it.
  if (!scratch) await server.stop()
  const draftId = await withDatabase(target, addBenchData)
  if (!scratch) server = await startServer(serverEnv, profileDir)

  const base = server.base
  const cookies: Record<Role, string> = { anonymous: '', admin: '', officer: '', maria: '' }
  for (const role of Object.keys(EMAILS) as (keyof typeof EMAILS)[]) {
    cookies[role] = await logIn(base, EMAILS[role])
  }

  const rows: Row[] = []
  const skipped: { page: string; reason: string }[] = []
  const ceilingAt = new Map<number, number>()
  for (const page of pages(draftId)) {
    if (ONLY && !ONLY.includes(page.name) && page.name !== CEILING) continue
    const problem = await check(base, page, cookies[page.role])
    if (problem === 'missing') {
      skipped.push({ page: page.name, reason: 'not in this build (404)' })
      console.log(`skip ${page.name}: not in this build`)
      continue
    }
    if (problem) console.warn(`WARNING ${page.name} (${page.path}) ${problem}: measured anyway`)
    // Warm up (JIT, caches) before the measured runs.
    await load(base + page.path, cookies[page.role], 5, WARMUP)
    for (const connections of CONNECTIONS) {
      const cpuBefore = server.cpuSeconds()
      const measured = await load(base + page.path, cookies[page.role], connections, DURATION)
      const cpuMsPerRequest = ((server.cpuSeconds() - cpuBefore) * 1000) / measured.responses
      if (page.name === CEILING) ceilingAt.set(connections, measured.requestsPerSecond)
      const ceiling = ceilingAt.get(connections)
      const row: Row = {
        page: page.name,
        role: page.role,
        path: page.path,
        connections,
        ...measured,
        cpuMsPerRequest,
        shareOfCeiling: ceiling ? measured.requestsPerSecond / ceiling : null,
        loadAverage: os.loadavg(),
      }
      rows.push(row)
      console.log(
        `${page.name} ×${connections}: ${row.requestsPerSecond.toFixed(0)} req/s, ` +
          `p95 ${row.p95.toFixed(1)} ms, ${cpuMsPerRequest.toFixed(2)} cpu ms/req` +
          (row.non2xx + row.errors > 0 ? `, ${row.non2xx} non-2xx, ${row.errors} errors` : ''),
      )
    }
  }

  console.log()
  if (WORKERS !== null) console.log(`scripts/start.mjs with WORKERS=${WORKERS}`)
  printTable(rows)
  const { date, commit, dirty, file } = resultsFile(
    'load',
    `${driver}${WORKERS === null ? '' : `-w${WORKERS}`}`,
    buildTree,
  )
  writeFileSync(
    file,
    JSON.stringify(
      {
        date,
        commit,
        dirty,
        build: buildDir,
        driver,
        cores: os.availableParallelism(),
        cpu: os.cpus()[0]?.model,
        node: process.version,
        durationSeconds: DURATION,
        warmupSeconds: WARMUP,
        // null: build/server.js started directly, one process; N: scripts/start.mjs, WORKERS=N.
        workers: WORKERS,
        applications: APPLICATIONS,
        ceiling: '/bench/ceiling: no loader of its own, through the root route, anonymous',
        rows,
        skipped,
      },
      null,
      2,
    ) + '\n',
  )
  const failures = rows.filter((r) => r.non2xx + r.errors > 0)
  console.log(`\n${file}`)
  if (failures.length) {
    console.log(
      `non-2xx answers or errors on: ${[...new Set(failures.map((r) => r.page))].join(', ')}`,
    )
    process.exitCode = 1
  }
} finally {
  await server?.stop()
  await scratch?.drop()
  rmSync(tempDir, { recursive: true, force: true })
}
