// `npm start` with WORKERS: one port served by several processes on PostgreSQL (jobs run once
// among them), one process on PGlite. These start their own copies of the built app.
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes, randomUUID } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs'
import { get } from 'node:http'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { expect, test } from '@playwright/test'
import pg from 'pg'
import PgBoss from 'pg-boss'
import { createScratchDatabase } from '../support/scratch-databases.mjs'

test.describe.configure({ mode: 'serial', timeout: 180_000 })

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

interface Started {
  child: ChildProcess
  port: number
  lines: Record<string, unknown>[]
  stop(): Promise<void>
}

const newDataDir = () => mkdtempSync(path.join(tmpdir(), 'commons-workers-'))

/** Runs `npm start`'s script on the existing build and collects its JSON log lines. */
async function startApp(env: Record<string, string>): Promise<Started> {
  const port = await freePort()
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: path.resolve(import.meta.dirname, '../..'),
    env: {
      ...process.env,
      NODE_ENV: 'production',
      SEED_DEMO: '0',
      SESSION_SECRET: randomBytes(32).toString('base64url'),
      DATA_DIR: newDataDir(),
      LOG_LEVEL: 'info',
      PORT: String(port),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const lines: Record<string, unknown>[] = []
  let rest = ''
  child.stdout!.on('data', (chunk: Buffer) => {
    const parts = (rest + chunk.toString()).split('\n')
    rest = parts.pop() ?? ''
    for (const part of parts) {
      try {
        lines.push(JSON.parse(part) as Record<string, unknown>)
      } catch {
        // the build's own output, if it rebuilds
      }
    }
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  await expect
    .poll(async () => (await processIdOf(port).catch(() => null)) !== null, { timeout: 120_000 })
    .toBe(true)
  return {
    child,
    port,
    lines,
    stop: async () => {
      child.kill('SIGTERM')
      await exited
    },
  }
}

/** The pid that answered /healthz, over a connection of its own (so any worker may take it). */
function processIdOf(port: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path: '/healthz', agent: false }, (res) => {
      res.resume()
      resolve((res.headers['x-process-id'] as string | undefined) ?? null)
    }).on('error', reject)
  })
}

test('with DATABASE_URL and WORKERS=2, two processes serve one port and a job runs once', async () => {
  test.skip(!process.env.DATABASE_URL, 'WORKERS needs a PostgreSQL server (DATABASE_URL)')
  const scratch = await createScratchDatabase(process.env.DATABASE_URL!, 'cf_e2e_workers')
  const app = await startApp({ DATABASE_URL: scratch.url, WORKERS: '2' })
  const pool = new pg.Pool({ connectionString: scratch.url, max: 2 })
  try {
    const pids = new Set<string>()
    await expect
      .poll(
        async () => {
          for (let i = 0; i < 10; i++) pids.add((await processIdOf(app.port)) ?? '')
          return pids.size
        },
        { timeout: 30_000 },
      )
      .toBe(2)
    expect(pids).not.toContain(String(app.child.pid))

    // A program due in two seconds, and its close queued as the app queues it.
    const tag = randomUUID().slice(0, 8)
    const { rows } = await pool.query<{ id: string }>(
      `WITH org AS (
         INSERT INTO organizations (kind, name, slug) VALUES ('funder', $1, $1) RETURNING id),
       fund AS (
         INSERT INTO funds (organization_id, name, slug) SELECT id, $1, $1 FROM org RETURNING id)
       INSERT INTO programs (fund_id, slug, title, status, opens_at, closes_at)
       SELECT id, $1, $1, 'open', now() - interval '1 day', now() + interval '2 seconds' FROM fund
       RETURNING id`,
      [`workers-${tag}`],
    )
    const programId = rows[0]!.id
    const boss = new PgBoss({ db: { executeSql: (text, values) => pool.query(text, values) } })
    const jobId = await boss.send(
      'program-close',
      { programId },
      { singletonKey: programId, startAfter: new Date(Date.now() + 2000) },
    )
    expect(jobId).toBeTruthy()

    await expect
      .poll(
        async () =>
          (await pool.query(`SELECT status FROM programs WHERE id = $1`, [programId])).rows[0]
            ?.status,
        {
          timeout: 30_000,
        },
      )
      .toBe('closed')
    const audits = await pool.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action = 'program.closed'`,
      [programId],
    )
    expect(audits.rows[0].n).toBe(1)
    await expect.poll(() => app.lines.filter((l) => l.jobId === jobId).length).toBe(1)
    const workersServing = new Set(
      app.lines.filter((l) => l.msg === 'Job queue started.').map((l) => l.pid),
    )
    expect(workersServing.size).toBe(2)
  } finally {
    await app.stop()
    await pool.end()
    await scratch.drop()
  }
})

test('on PGlite, WORKERS is declined and the app stays one process, saying so', async () => {
  test.skip(!!process.env.DATABASE_URL, 'the PGlite case (no DATABASE_URL)')
  const app = await startApp({ WORKERS: '2' })
  try {
    const pid = await processIdOf(app.port)
    expect(app.lines).toContainEqual(
      expect.objectContaining({ msg: expect.stringMatching(/one process.*PGlite/), workers: 1 }),
    )
    const started = app.lines.filter((l) => l.msg === 'Job queue started.')
    expect(started.map((l) => String(l.pid))).toEqual([pid])
  } finally {
    await app.stop()
  }
})

test('at start-up the app removes temporary upload files a crash left, and only those', async () => {
  const dataDir = newDataDir()
  const folder = path.join(dataDir, 'tmp')
  mkdirSync(folder, { recursive: true })
  const plant = (name: string, minutesAgo: number) => {
    const file = path.join(folder, name)
    writeFileSync(file, 'partial upload')
    const when = new Date(Date.now() - minutesAgo * 60_000)
    utimesSync(file, when, when)
    return file
  }
  const crashed = plant(`upload-${randomUUID()}`, 60)
  const recent = plant(`upload-${randomUUID()}`, 0)
  const notOurs = plant('notes.txt', 60)
  const scratch = process.env.DATABASE_URL
    ? await createScratchDatabase(process.env.DATABASE_URL, 'cf_e2e_workers')
    : null
  const app = await startApp({
    DATA_DIR: dataDir,
    ...(scratch ? { DATABASE_URL: scratch.url } : {}),
  })
  try {
    expect(existsSync(crashed)).toBe(false)
    expect(existsSync(recent)).toBe(true)
    expect(existsSync(notOurs)).toBe(true)
    expect(app.lines).toContainEqual(expect.objectContaining({ removed: 1 }))
  } finally {
    await app.stop()
    await scratch?.drop()
  }
})
