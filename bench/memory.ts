import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { buildDir, startApp, type App } from './app-server.ts'
import { resultsFile } from './results-file.ts'

/**
 * The memory the built app holds on the embedded database (PGlite, the quick start's default):
 * resident and peak, after its first start on a new DATA_DIR (which creates the database and
 * seeds the demo data) and after a restart on the same folder, each once a few pages were served.
 * What a group self-hosting on a small machine needs to know.
 *
 * Usage: npm run bench:memory [-- --rounds 2]   (builds ./build first; BUILD_DIR=<dir> npx tsx
 * bench/memory.ts measures another build as it is)
 */

const { values: opts } = parseArgs({ options: { rounds: { type: 'string', default: '2' } } })
const rounds = Number(opts.rounds)
if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds takes a whole number from 1`)
const PAGES = ['/', '/login', '/programs', '/funds']

/** VmRSS and VmHWM of a process, in MB, from /proc (Linux). */
function memoryOf(pid: number | undefined) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1])
  return { residentMb: Math.round(kb('VmRSS') / 1024), peakMb: Math.round(kb('VmHWM') / 1024) }
}

async function measure(dataDir: string) {
  const started = Date.now()
  const app: App = await startApp({ DATA_DIR: dataDir, LOG_LEVEL: 'warn' })
  const startSeconds = (Date.now() - started) / 1000
  for (const page of PAGES) await fetch(app.base + page).then((r) => r.arrayBuffer())
  // Let the collector settle what serving the pages left, as a server at rest would.
  await new Promise((r) => setTimeout(r, 2_000))
  const figures = { startSeconds, ...memoryOf(app.pid) }
  await app.stop()
  return figures
}

delete process.env.DATABASE_URL // the embedded database, whatever the shell has set
const rows: {
  round: number
  start: string
  startSeconds: number
  residentMb: number
  peakMb: number
}[] = []
for (let round = 1; round <= rounds; round++) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'commons-memory-'))
  try {
    for (const start of ['first start', 'restart']) {
      const figures = await measure(dataDir)
      rows.push({ round, start, ...figures })
      console.log(
        `${start.padEnd(12)} resident ${String(figures.residentMb).padStart(4)} MB` +
          `  peak ${String(figures.peakMb).padStart(4)} MB  ready in ${figures.startSeconds.toFixed(1)} s`,
      )
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}

const { date, commit, dirty, file } = resultsFile('memory', 'pglite')
writeFileSync(
  file,
  JSON.stringify({ date, commit, dirty, build: path.basename(buildDir), rows }, null, 2) + '\n',
)
console.log(file)
