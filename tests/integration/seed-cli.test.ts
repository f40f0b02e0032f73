import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'

/*
 * `npm run db:seed` as the README gives it, in a process of its own on an embedded database of its
 * own: the seed reaches services that load their translations the way the app's build does
 * (import.meta.glob), which a plain TypeScript runner cannot run (it failed so for a while).
 */

const run = promisify(execFile)
const dataDir = mkdtempSync(path.join(tmpdir(), 'seed-cli-'))
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

async function seed() {
  // Without DATABASE_URL: never the test server's database, always this folder's PGlite.
  const { DATABASE_URL: _server, ...env } = process.env
  const { stdout } = await run('npm', ['run', '--silent', 'db:seed'], {
    env: { ...env, DATA_DIR: dataDir, NODE_ENV: 'development' },
    timeout: 120_000,
  })
  return stdout
}

describe('npm run db:seed', () => {
  it('fills an empty database with the demo data, then leaves it alone', async () => {
    expect(await seed()).toContain('Seeded demo data')
    expect(await seed()).toContain('The database already has data; nothing seeded.')
  }, 180_000)
})
