// `npm start`: builds when the sources are newer than the build, then serves the production build,
// in one process or, on a PostgreSQL server, in WORKERS processes sharing one port (Node's cluster).
import { spawn, spawnSync } from 'node:child_process'
import cluster from 'node:cluster'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { SERVER_NODE_FLAGS } from './server-flags.mjs'

const SOURCES = ['app', 'db', 'server', 'public', 'vite.config.ts', 'package.json']
// BUILD_DIR is honoured by the build (vite.config.ts, the esbuild step) and so here too.
const BUILD_DIR = process.env.BUILD_DIR || 'build'
const BUILT = path.join(BUILD_DIR, 'server.js')

/** One JSON line like the app's own (pino's shape), so the log stays one format. */
function log(/** @type {string} */ msg, /** @type {Record<string, unknown>} */ extra = {}) {
  const line = { level: 30, time: Date.now(), pid: process.pid, ...extra, msg }
  process.stdout.write(JSON.stringify(line) + '\n')
}

/** @param {string} entry @returns {number} */
function newest(entry) {
  if (!existsSync(entry)) return 0
  const stat = statSync(entry)
  if (!stat.isDirectory()) return stat.mtimeMs
  let latest = stat.mtimeMs
  for (const child of readdirSync(entry)) latest = Math.max(latest, newest(path.join(entry, child)))
  return latest
}

/** WORKERS: a count, or "auto" for one per core; unset means one process. */
function workerCount(/** @type {string | undefined} */ value) {
  if (!value) return 1
  if (value === 'auto') return availableParallelism()
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1 || n > 256) {
    throw new Error(`WORKERS must be a whole number from 1 or "auto", not "${value}"`)
  }
  return n
}

const builtAt = existsSync(BUILT) ? statSync(BUILT).mtimeMs : 0
// START_BUILD=never serves BUILD_DIR as it is (bench:load measuring an older build).
if (process.env.START_BUILD !== 'never' && Math.max(...SOURCES.map(newest)) > builtAt) {
  log('Building the app…')
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' })
  if (build.status !== 0) process.exit(build.status ?? 1)
}

process.env.NODE_ENV ??= 'production'
const workers = workerCount(process.env.WORKERS)

if (workers === 1 || !process.env.DATABASE_URL) {
  if (workers > 1) {
    log(
      'Serving from one process: the embedded PGlite database is single-process (WORKERS needs DATABASE_URL).',
      { workers: 1 },
    )
  }
  const server = spawn(process.execPath, [...SERVER_NODE_FLAGS, BUILT], {
    stdio: 'inherit',
    env: process.env,
  })
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
    process.on(signal, () => server.kill(signal))
  }
  server.on('exit', (code) => process.exit(code ?? 0))
} else {
  await serveWithWorkers(workers)
}

/**
 * The primary migrates and seeds once, then forks the workers; each runs the whole app (HTTP on
 * the shared port, and the job queue, which hands each job to one of them).
 */
async function serveWithWorkers(/** @type {number} */ count) {
  const entryUrl = pathToFileURL(path.resolve(BUILD_DIR, 'server', 'index.js')).href
  const build = /** @type {{ entry: { module: { prepareDatabase(): Promise<void> } } }} */ (
    await import(entryUrl)
  )
  await build.entry.module.prepareDatabase()
  cluster.setupPrimary({ exec: BUILT, execArgv: [...process.execArgv, ...SERVER_NODE_FLAGS] })
  log(`Starting ${count} workers on one port.`, { workers: count })
  let stopping = false
  /** @type {Map<number, number>} pid → when it was forked */
  const startedAt = new Map()
  const fork = () => {
    const worker = cluster.fork()
    if (worker.process.pid) startedAt.set(worker.process.pid, Date.now())
  }
  for (let i = 0; i < count; i++) fork()
  cluster.on('exit', (worker, code, signal) => {
    const pid = worker.process.pid ?? 0
    const lived = Date.now() - (startedAt.get(pid) ?? 0)
    startedAt.delete(pid)
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(process.exitCode ?? 0)
      return
    }
    // A worker that dies at once would only die again: stop rather than loop.
    if (lived < 10_000) {
      log('A worker failed while starting; stopping.', { worker: pid, code, signal })
      stopping = true
      for (const other of Object.values(cluster.workers ?? {})) other?.process.kill('SIGTERM')
      process.exitCode = 1
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(1)
      return
    }
    log('A worker stopped unexpectedly; starting another.', { worker: pid, code, signal })
    fork()
  })
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
    process.on(signal, () => {
      stopping = true
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal)
    })
  }
}
