/**
 * Webhook ingest through HTTP (issue 10): N pending donations (inserted set-based) are checked
 * out and paid at a sandbox stand-in run by this process, which both app processes use for their
 * Stripe calls (STRIPE_SANDBOX_URL); each paid gift's signed `checkout.session.completed` is then
 * posted to BOTH built app processes at once (different ports, one database), C events in flight.
 * Checks every gift settled exactly once (one ledger posting each, entries summing to zero, one
 * stripe_events row per event, no running total drifting from its entries), and prints unique
 * events applied a second and the p50/p95/p99 of the posts, beside the load average; writes
 * bench/results/stripe-webhooks-http-….json.
 *
 * Usage: DATABASE_URL=postgres://… BUILD_DIR=build-x npx tsx bench/stripe-webhooks-http.ts --
 *          [N=2000] [C=16] [--profile]
 * --profile: the app processes write V8 CPU profiles into bench/results/profiles (not committed).
 */
import { writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import Stripe from 'stripe'
import { StripeStandIn } from '#app/services/payments/stripe-sandbox/stand-in.server.ts'
import { createScratchDatabase } from '#tests/support/scratch-databases.mjs'
import { buildDir, cpuSecondsOf, percentile, startApp, type App } from './app-server.ts'
import { resultsFile } from './results-file.ts'

const argv = process.argv.slice(2).filter((a) => a !== '--')
const PROFILE = argv.includes('--profile')
const args = argv.filter((a) => !a.startsWith('--'))
const N = Number(args[0] ?? 2000)
const C = Number(args[1] ?? 16)
const SECRET = 'whsec_bench_secret_0123456789abcdef'
if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL: this bench runs on PostgreSQL')

const scratch = await createScratchDatabase(process.env.DATABASE_URL, 'cf_bench')
const pool = new pg.Pool({ connectionString: scratch.url, max: 4 })
const query = async <T extends pg.QueryResultRow>(text: string, values: unknown[] = []) =>
  (await pool.query<T>(text, values)).rows

/** The signed deliveries the stand-in would have posted, kept to post them ourselves. */
const held: { id: string; type: string; payload: string; signature: string }[] = []
const standIn = await new StripeStandIn({
  checkoutPageBase: 'http://127.0.0.1/sandbox/checkout',
  webhookSecret: SECRET,
  delayMs: 0,
  deliver: async (payload, signature) => {
    const { id, type } = JSON.parse(payload) as { id: string; type: string }
    held.push({ id, type, payload, signature })
  },
}).start()
const { host, port } = standIn.address
const sandboxUrl = `http://${host}:${port}`
const client = new Stripe('sk_test_bench', { host, port, protocol: 'http', telemetry: false })

/** N pending one-time gifts to one fund (the hot case: one fund account), set-based. */
async function pendingGifts(): Promise<{ id: string; amount: number }[]> {
  const [org] = await query<{ id: string }>(
    `INSERT INTO organizations (kind, name, slug) VALUES ('funder', 'Bench funder', 'bench-funder')
      RETURNING id`,
  )
  const [fund] = await query<{ id: string }>(
    `INSERT INTO funds (organization_id, name, slug) VALUES ($1, 'Bench fund', 'bench-fund')
      RETURNING id`,
    [org!.id],
  )
  return query<{ id: string; amount: number }>(
    `INSERT INTO donations (fund_id, amount_minor, currency, donor_name, donor_email)
      SELECT $1, 1000 + (g % 500), 'USD', 'Donor ' || g, 'donor' || g || '@example.test'
        FROM generate_series(1, $2::int) AS g
      RETURNING id, amount_minor::int AS amount`,
    [fund!.id, N],
  )
}

/** Each gift's checkout session opened and paid at the stand-in; its id noted on the donation. */
async function payAll(gifts: { id: string; amount: number }[]) {
  const sessions: string[] = []
  const queue = [...gifts]
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let gift = queue.shift(); gift; gift = queue.shift()) {
        const metadata = { donationId: gift.id }
        const session = await client.checkout.sessions.create({
          mode: 'payment',
          submit_type: 'donate',
          client_reference_id: gift.id,
          metadata,
          payment_intent_data: { metadata },
          line_items: [
            {
              quantity: 1,
              price_data: {
                currency: 'usd',
                unit_amount: gift.amount,
                product_data: { name: 'Gift' },
              },
            },
          ],
          success_url: 'http://127.0.0.1/thanks',
        })
        await standIn.checkout(session.id, 'pay')
        sessions.push(`${gift.id} ${session.id}`)
      }
    }),
  )
  await query(
    `UPDATE donations d SET stripe_checkout_session_id = s.session
       FROM (SELECT split_part(x, ' ', 1)::uuid AS id, split_part(x, ' ', 2) AS session
               FROM unnest($1::text[]) AS x) AS s
      WHERE d.id = s.id`,
    [sessions],
  )
}

/**
 * CPU seconds used so far by each PostgreSQL backend serving the scratch database (the server is
 * on this machine: its backends are processes here).
 */
async function backendCpu(): Promise<Map<number, number>> {
  const rows = await query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database()`,
  )
  return new Map(rows.map((r) => [r.pid, cpuSecondsOf(r.pid)]))
}

async function post(app: App, d: (typeof held)[number]) {
  const started = performance.now()
  const response = await fetch(`${app.base}/webhooks/stripe`, {
    method: 'POST',
    headers: { 'Stripe-Signature': d.signature, 'Content-Type': 'application/json' },
    body: d.payload,
  })
  const body = (await response.json().catch(() => ({}))) as { received?: string }
  return { ms: performance.now() - started, answer: `${response.status} ${body.received}` }
}

const apps: App[] = []
try {
  const env = {
    DATABASE_URL: scratch.url,
    SEED_DEMO: '0',
    DATA_DIR: os.tmpdir(),
    STRIPE_WEBHOOK_SECRET: SECRET,
    STRIPE_SANDBOX_URL: sandboxUrl,
  }
  const profile = PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve('bench/results/profiles')}`]
    : []
  // One after the other: the first migrates the scratch database.
  apps.push(await startApp(env, profile))
  apps.push(await startApp(env, profile))
  const gifts = await pendingGifts()
  await payAll(gifts)
  // One of each event (the stand-in delivers every completion twice; both processes get it).
  const events = [...new Map(held.map((d) => [d.id, d])).values()].filter(
    (d) => d.type === 'checkout.session.completed',
  )
  console.log(
    `${N} pending gifts paid at the stand-in; ${events.length} signed completions, each to ` +
      `${apps.length} processes, ${C} events in flight`,
  )

  const latencies: number[] = []
  const answers: Record<string, number> = {}
  const queue = [...events]
  const loadBefore = os.loadavg()
  const appCpuBefore = apps.map((app) => app.cpuSeconds())
  const benchCpuBefore = process.cpuUsage()
  const dbCpuBefore = await backendCpu()
  const started = performance.now()
  await Promise.all(
    Array.from({ length: C }, async () => {
      for (let d = queue.shift(); d; d = queue.shift()) {
        for (const r of await Promise.all(apps.map((app) => post(app, d)))) {
          latencies.push(r.ms)
          answers[r.answer] = (answers[r.answer] ?? 0) + 1
        }
      }
    }),
  )
  const seconds = (performance.now() - started) / 1000
  const loadAverage = os.loadavg()
  // CPU per event, which the other sessions on this machine disturb least: both app processes
  // (both receive every event), and this process (the stand-in answering their Stripe calls).
  const appCpu = apps.reduce((t, app, i) => t + app.cpuSeconds() - appCpuBefore[i]!, 0)
  const benchCpu = process.cpuUsage(benchCpuBefore)
  let dbCpu = 0
  for (const [pid, now] of await backendCpu()) dbCpu += now - (dbCpuBefore.get(pid) ?? 0)
  const cpuMsPerEvent = {
    apps: (appCpu * 1000) / N,
    benchAndStandIn: (benchCpu.user + benchCpu.system) / 1000 / N,
    postgres: (dbCpu * 1000) / N,
  }
  latencies.sort((a, b) => a - b)

  const [check] = await query<Record<string, number>>(
    `SELECT
       (SELECT count(*)::int FROM donations WHERE status = 'succeeded') AS settled,
       (SELECT count(*)::int FROM stripe_events) AS "eventRows",
       (SELECT count(*)::int FROM stripe_events WHERE applied_at IS NOT NULL) AS "eventsApplied",
       (SELECT count(*)::int FROM (SELECT refs->>'donationId' FROM ledger_transactions
          WHERE movement = 'gift_settled' GROUP BY 1 HAVING count(*) <> 1) AS x) AS "giftsNotOnce",
       (SELECT count(*)::int FROM ledger_transactions WHERE movement = 'gift_settled') AS "giftPostings",
       (SELECT coalesce(sum(amount_minor), 0)::int FROM ledger_entries) AS "entriesSum",
       (SELECT count(*)::int FROM ledger_totals_drift()) AS "driftedTotals",
       (SELECT count(DISTINCT slot)::int FROM ledger_account_totals) AS "slotsUsed"`,
  )
  const ok =
    check!.settled === N &&
    check!.eventRows === N &&
    check!.eventsApplied === N &&
    check!.giftsNotOnce === 0 &&
    check!.giftPostings === N &&
    check!.entriesSum === 0 &&
    check!.driftedTotals === 0
  const figures = {
    eventsPerSecond: N / seconds,
    postsPerSecond: latencies.length / seconds,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
  }
  console.log(`answers: ${JSON.stringify(answers)}`)
  console.log(
    `CPU per event: ${cpuMsPerEvent.apps.toFixed(2)} ms in the two app processes, ` +
      `${cpuMsPerEvent.benchAndStandIn.toFixed(2)} ms in this process (stand-in and posting), ` +
      `${cpuMsPerEvent.postgres.toFixed(2)} ms in PostgreSQL's backends`,
  )
  console.log(`checks: ${JSON.stringify(check)} → ${ok ? 'each gift exactly once' : 'FAILED'}`)
  console.log(
    `${N} events to 2 processes in ${seconds.toFixed(2)} s: ` +
      `${figures.eventsPerSecond.toFixed(0)} settled-gift events/s applied ` +
      `(${figures.postsPerSecond.toFixed(0)} posts/s), p50 ${figures.p50.toFixed(1)} ms, ` +
      `p95 ${figures.p95.toFixed(1)} ms, p99 ${figures.p99.toFixed(1)} ms; load average ` +
      `${loadAverage.map((l) => l.toFixed(2)).join(' ')} (before ${loadBefore[0]!.toFixed(2)})`,
  )
  const { date, commit, dirty, file } = resultsFile('stripe-webhooks-http', 'pg')
  writeFileSync(
    file,
    JSON.stringify(
      {
        date,
        commit,
        dirty,
        build: buildDir,
        driver: 'pg',
        cores: os.availableParallelism(),
        node: process.version,
        events: N,
        processes: apps.length,
        inFlight: C,
        seconds,
        ...figures,
        cpuMsPerEvent,
        answers,
        checks: check,
        loadAverage,
      },
      null,
      2,
    ) + '\n',
  )
  console.log(file)
  if (!ok) process.exitCode = 1
} finally {
  for (const app of apps) await app.stop()
  await standIn.stop()
  await pool.end()
  await scratch.drop()
}
