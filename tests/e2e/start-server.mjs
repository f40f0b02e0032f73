// Serves the built app for the end-to-end suite on a database of its own: a fresh database on
// the PostgreSQL server when there is one (DATABASE_URL, else a server answering on
// 127.0.0.1:5432, unless TEST_DB=pglite), otherwise a fresh PGlite folder. The demo data
// is seeded so tests can use the demo accounts; everything else the tests create for themselves.
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createScratchDatabase } from '../support/scratch-databases.mjs'
import { chooseTestServer, describeServer } from '../support/test-database-server.mjs'

const dataDir = mkdtempSync(path.join(tmpdir(), 'commons-e2e-'))
/** @type {NodeJS.ProcessEnv} */
const env = {
  ...process.env,
  NODE_ENV: 'production',
  SEED_DEMO: '1',
  SESSION_SECRET: randomBytes(32).toString('base64url'),
  DATA_DIR: dataDir,
  // Every test signs up a fresh account from this one address.
  SIGNUP_LIMIT_PER_HOUR: '10000',
  // The access log of every request would bury the test report; warnings and errors still show.
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
}

/** @type {(() => Promise<void>) | undefined} */
let dropDatabase
const target = await chooseTestServer()
if (target.url) {
  const scratch = await createScratchDatabase(target.url, 'cf_e2e')
  env.DATABASE_URL = scratch.url
  dropDatabase = scratch.drop
  console.log(`E2E server: PostgreSQL at ${describeServer(target.url)} (${target.reason}).`)
} else {
  delete env.DATABASE_URL
  console.log(`E2E server: PGlite (${target.reason}).`)
}

const buildDir = process.env.BUILD_DIR ?? 'build'
const app = spawn(process.execPath, [path.join(buildDir, 'server.js')], {
  stdio: 'inherit',
  env,
})

let cleaning = false
async function cleanUp() {
  if (cleaning) return
  cleaning = true
  await dropDatabase?.().catch((e) => console.error('Could not drop the e2e database:', e))
  rmSync(dataDir, { recursive: true, force: true })
}

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, () => app.kill(signal))
}
app.on('exit', async (code) => {
  await cleanUp()
  process.exit(code ?? 0)
})
