import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import autocannon from 'autocannon'

/**
 * A built app server for the HTTP benches of one feature (fund page, webhooks): started from
 * BUILD_DIR (default ./build) on a free loopback port, in production mode, on the database `env`
 * names. bench/load.ts has its own, with the workers and profiles it needs.
 */

export const buildDir = path.resolve(process.env.BUILD_DIR ?? 'build')

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })
}

export interface App {
  base: string
  /** The server's process id. */
  pid: number | undefined
  /** CPU seconds the server process has used so far (user + system, from /proc: Linux). */
  cpuSeconds(): number
  stop(): Promise<void>
}

/** A process's user + system CPU seconds from /proc/<pid>/stat (fields 14 and 15). */
export function cpuSecondsOf(pid: number | undefined): number {
  if (pid === undefined) return NaN
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch {
    return NaN
  }
}

/** Starts build/server.js with `env` (and `nodeArgs`, e.g. --cpu-prof) and waits for /healthz. */
export async function startApp(env: Record<string, string>, nodeArgs: string[] = []): Promise<App> {
  const server = path.join(buildDir, 'server.js')
  if (!existsSync(server)) throw new Error(`${server} does not exist: npm run build first`)
  const port = await freePort()
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, server], {
    // The server resolves db/migrations from its working directory: the tree the build came from.
    cwd: path.dirname(buildDir),
    env: {
      ...process.env,
      ...env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
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
    pid: child.pid,
    cpuSeconds: () => cpuSecondsOf(child.pid),
    stop: async () => {
      if (child.exitCode !== null) return
      child.kill('SIGTERM')
      await new Promise((r) => child.once('exit', r))
    },
  }
}

/** The q-quantile of sorted figures. */
export function percentile(sorted: number[], q: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN
}

/** `url` under `connections` concurrent requests for `duration` seconds (autocannon). */
export async function load(url: string, connections: number, duration: number) {
  const latencies: number[] = []
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections, duration }, (error, done) =>
      error ? reject(error as Error) : resolve(done),
    )
    instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms))
  })
  latencies.sort((a, b) => a - b)
  return {
    requestsPerSecond: latencies.length / duration,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    responses: latencies.length,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  }
}
