import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createServer } from 'node:net'
import { defineConfig, devices } from '@playwright/test'
import { systemChromium } from '../support/system-chromium.mjs'

/** A port nobody is listening on, chosen once by the runner and inherited by its workers. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

process.env.E2E_PORT ??= String(await freePort())
// Pages the accessibility checks have covered, shared by the workers (tests/e2e/checked-pages.ts).
// The runner makes the folder; its workers inherit the variable.
if (!process.env.E2E_CHECKED_DIR) {
  const folder = mkdtempSync(path.join(tmpdir(), 'e2e-checked-'))
  process.env.E2E_CHECKED_DIR = folder
  process.on('exit', () => rmSync(folder, { recursive: true, force: true }))
}
const baseURL = `http://localhost:${process.env.E2E_PORT}`
const DECIDING_SPECS = /(decisions|donations-walk)\.spec\.ts$/

// E2E_BROWSER names another build to run (to compare them); otherwise Debian's where it exists,
// else Playwright's own, installed with `npx playwright install chromium`.
const chromiumPath = process.env.E2E_BROWSER ?? systemChromium()

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  // Side-by-side runs (BUILD_DIR set) must not clean each other's results.
  outputDir: `../../test-results/e2e${process.env.BUILD_DIR ? '-' + process.env.BUILD_DIR : ''}`,
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: process.env.CI
    ? [['list'], ['json', { outputFile: '../../test-results/e2e.json' }]]
    : 'list',
  use: {
    ...devices['Desktop Chrome'],
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  // One server and one demo database for every spec. Each spec that changes the seeded review
  // round has applications of its own there (app/seed/demo-review-round.ts). Deciding them still
  // changes the whole program's committed budget and guardrail shares, which the decision page's
  // proposal reads (done-means.spec, decide.spec): the deciding spec runs after all the others.
  // So does the donations walk, which compares the fund's totals before and after its own gift.
  projects: [
    { name: 'main', testIgnore: DECIDING_SPECS },
    { name: 'deciding', testMatch: DECIDING_SPECS, dependencies: ['main'] },
  ],
  webServer: {
    command: 'node tests/e2e/start-server.mjs',
    cwd: '../..',
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    // SIGTERM lets the server close its database and start-server.mjs drop the scratch one.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: { PORT: process.env.E2E_PORT },
  },
})
