/**
 * The public fund page at scale (issue 10): the demo fund with N settled gifts (default
 * 1,000,000), each a donation, a `gift_settled` and a `processor_fee` ledger transaction and
 * their four entries, written set-based on a PostgreSQL scratch database; then the built app's
 * `/funds/<slug>` (description, programs and the goal bar, read from the ledger's running totals)
 * loaded over HTTP with C connections for D seconds. Prints p50/p95/p99 and requests a second
 * beside the load average, and writes bench/results/fund-page-….json.
 *
 * The seed turns the ledger's triggers off (session_replication_role = replica: one deferred
 * balance check per row would take minutes), then adds the running totals in one aggregate, and
 * checks what the triggers would have: every transaction balances, no total drifts from its
 * entries (`ledger_totals_drift()`), and the page shows the raised figure the entries give.
 *
 * Usage: DATABASE_URL=postgres://… BUILD_DIR=build-x npx tsx bench/fund-page.ts -- [N=1000000]
 *          [C=10] [D=10]
 */
import { writeFileSync } from 'node:fs'
import os from 'node:os'
import pg from 'pg'
import { createScratchDatabase } from '#tests/support/scratch-databases.mjs'
import { buildDir, load, startApp, type App } from './app-server.ts'
import { resultsFile } from './results-file.ts'

const args = process.argv.slice(2).filter((a) => a !== '--')
const N = Number(args[0] ?? 1_000_000)
const C = Number(args[1] ?? 10)
const D = Number(args[2] ?? 10)
const FUND = 'riverbend-health-equity-fund'
if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL: this bench runs on PostgreSQL')

const scratch = await createScratchDatabase(process.env.DATABASE_URL, 'cf_bench')
const pool = new pg.Pool({ connectionString: scratch.url, max: 2 })
const one = async <T extends pg.QueryResultRow>(text: string, values: unknown[] = []) =>
  (await pool.query<T>(text, values)).rows[0]!
const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1)

/** N settled gifts into the fund, with their ledger, as the webhook would have left them. */
async function seedGifts(fundId: string, currency: string) {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    const account = async (kind: string, fund: string | null) => {
      await client.query(
        `INSERT INTO ledger_accounts (kind, fund_id, currency) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
        [kind, fund, currency],
      )
      const found = await client.query<{ id: string }>(
        `SELECT id FROM ledger_accounts WHERE kind = $1 AND fund_id IS NOT DISTINCT FROM $2 AND grant_id IS NULL AND currency = $3`,
        [kind, fund, currency],
      )
      return found.rows[0]!.id
    }
    const processor = await account('processor', null)
    const fees = await account('processor_fees', null)
    const fund = await account('fund', fundId)
    await client.query(`SET LOCAL session_replication_role = replica`)
    await client.query(
      `CREATE TEMP TABLE bench_gifts ON COMMIT DROP AS
        SELECT g, gen_random_uuid() AS donation_id, gen_random_uuid() AS gift_tx,
               gen_random_uuid() AS fee_tx, 1000 + (g % 5000) AS amount,
               ((1000 + (g % 5000)) * 29 + 500) / 1000 + 30 AS fee
          FROM generate_series(1, $1::int) AS g`,
      [N],
    )
    await client.query(
      `INSERT INTO donations (id, fund_id, amount_minor, currency, status, donor_name, donor_email,
          stripe_charge_id, stripe_payment_intent_id, processor_fee_minor, settled_at)
        SELECT donation_id, $1, amount, $2, 'succeeded', 'Bench donor ' || g,
               'donor' || g || '@example.test', 'ch_bench_' || g, 'pi_bench_' || g, fee,
               now() - (g || ' seconds')::interval
          FROM bench_gifts`,
      [fundId, currency],
    )
    await client.query(
      `INSERT INTO ledger_transactions (id, idempotency_key, movement, memo, refs)
        SELECT gift_tx, 'stripe:txn_bench_' || g, 'gift_settled'::ledger_movement, 'Bench gift',
               jsonb_build_object('donationId', donation_id) FROM bench_gifts
        UNION ALL
        SELECT fee_tx, 'stripe:txn_bench_' || g || ':fee', 'processor_fee'::ledger_movement, 'Bench fee',
               jsonb_build_object('donationId', donation_id) FROM bench_gifts`,
    )
    await client.query(
      `INSERT INTO ledger_entries (transaction_id, account_id, amount_minor, currency)
        SELECT gift_tx, $1::uuid, -amount, $4 FROM bench_gifts
        UNION ALL SELECT gift_tx, $2::uuid, amount, $4 FROM bench_gifts
        UNION ALL SELECT fee_tx, $2::uuid, -fee, $4 FROM bench_gifts
        UNION ALL SELECT fee_tx, $3::uuid, fee, $4 FROM bench_gifts`,
      [processor, fund, fees, currency],
    )
    await client.query(`SET LOCAL session_replication_role = origin`)
    // What the totals trigger would have added, in one aggregate (slot 0).
    await client.query(
      `INSERT INTO ledger_account_totals AS kept (account_id, movement, slot, total_minor)
        SELECT e.account_id, x.movement, 0, sum(e.amount_minor)
          FROM bench_gifts b
          JOIN ledger_transactions x ON x.id IN (b.gift_tx, b.fee_tx)
          JOIN ledger_entries e ON e.transaction_id = x.id
          GROUP BY 1, 2
        ON CONFLICT (account_id, movement, slot)
          DO UPDATE SET total_minor = kept.total_minor + excluded.total_minor`,
    )
    // What the deferred balance trigger would have refused.
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (
         SELECT x.id FROM bench_gifts b
           JOIN ledger_transactions x ON x.id IN (b.gift_tx, b.fee_tx)
           JOIN ledger_entries e ON e.transaction_id = x.id
           GROUP BY x.id HAVING count(*) < 2 OR sum(e.amount_minor) <> 0) AS off`,
    )
    if (rows[0]!.n !== 0) throw new Error(`${rows[0]!.n} seeded transactions do not balance`)
    await client.query('COMMIT')
  } catch (error) {
    await client.query('ROLLBACK')
    throw error
  } finally {
    client.release()
  }
  await pool.query('ANALYZE')
}

let app: App | undefined
try {
  let started = performance.now()
  // The build's own server migrates the scratch database and seeds the demo (its fund has a goal).
  app = await startApp({ DATABASE_URL: scratch.url, SEED_DEMO: '1', DATA_DIR: os.tmpdir() })
  console.log(`server up and demo seeded in ${seconds(started)} s`)
  const fund = await one<{ id: string; currency: string }>(
    `SELECT id, currency FROM funds WHERE slug = $1`,
    [FUND],
  )
  started = performance.now()
  await seedGifts(fund.id, fund.currency)
  console.log(`${N.toLocaleString('en-US')} settled gifts seeded in ${seconds(started)} s`)
  started = performance.now()
  const drift = await one<{ n: number }>(`SELECT count(*)::int AS n FROM ledger_totals_drift()`)
  if (drift.n !== 0) throw new Error(`${drift.n} running totals drift from their entries`)
  console.log(`ledger_totals_drift(): none (checked in ${seconds(started)} s)`)

  // The page must show what the entries say the fund raised (net of fees), read from the totals.
  const raised = await one<{ total: string }>(
    `SELECT sum(e.amount_minor)::bigint AS total FROM ledger_entries e
       JOIN ledger_accounts a ON a.id = e.account_id WHERE a.kind = 'fund' AND a.fund_id = $1`,
    [fund.id],
  )
  const shown = new Intl.NumberFormat('en-US', { style: 'currency', currency: fund.currency })
    .format(Number(raised.total) / 100)
    .replace(/\u00a0/g, ' ')
  const url = `${app.base}/funds/${FUND}`
  const page = await fetch(url).then(async (r) => ({ status: r.status, body: await r.text() }))
  if (page.status !== 200 || !page.body.includes(shown)) {
    throw new Error(`${url} answers ${page.status} without "${shown}" raised`)
  }
  console.log(`the page shows ${shown} raised, as the entries say`)

  await load(url, C, 2) // warm up
  const before = os.loadavg()
  const measured = await load(url, C, D)
  const loadAverage = os.loadavg()
  // What any page costs on this machine now (root route, no loader of its own): on a shared,
  // loaded machine the fund page's own cost is the difference.
  const ceiling = await load(`${app.base}/bench/ceiling`, C, D)
  // One connection: the page's own latency, without queueing behind nine others on 2 cores.
  const alone = await load(url, 1, D)
  console.log(
    `/funds/${FUND}, 1 connection: ${alone.requestsPerSecond.toFixed(0)} req/s, ` +
      `p50 ${alone.p50.toFixed(1)} ms, p95 ${alone.p95.toFixed(1)} ms, p99 ${alone.p99.toFixed(1)} ms`,
  )
  console.log(
    `/bench/ceiling (no loader), same load: ${ceiling.requestsPerSecond.toFixed(0)} req/s, ` +
      `p50 ${ceiling.p50.toFixed(1)} ms, p95 ${ceiling.p95.toFixed(1)} ms; load average ` +
      `${os.loadavg()[0]!.toFixed(2)}`,
  )
  const explain = await pool.query<{ 'QUERY PLAN': string }>(
    `EXPLAIN (ANALYZE, BUFFERS) SELECT t.movement, sum(t.total_minor)
       FROM ledger_account_totals t JOIN ledger_accounts a ON a.id = t.account_id
      WHERE a.kind = 'fund' AND a.fund_id = $1 AND a.currency = $2 GROUP BY t.movement`,
    [fund.id, fund.currency],
  )
  const figuresQuery = explain.rows.map((r) => r['QUERY PLAN'])
  console.log(`the figures' read:\n  ${figuresQuery.join('\n  ')}`)
  console.log(
    `/funds/${FUND} with ${N.toLocaleString('en-US')} settled gifts, ${C} connections, ${D} s: ` +
      `${measured.requestsPerSecond.toFixed(0)} req/s, p50 ${measured.p50.toFixed(1)} ms, ` +
      `p95 ${measured.p95.toFixed(1)} ms, p99 ${measured.p99.toFixed(1)} ms, ` +
      `${measured.non2xx} non-2xx, ${measured.errors} errors; load average ` +
      `${loadAverage.map((l) => l.toFixed(2)).join(' ')} (before ${before[0]!.toFixed(2)})`,
  )
  const { date, commit, dirty, file } = resultsFile('fund-page', 'pg')
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
        gifts: N,
        connections: C,
        durationSeconds: D,
        raisedShown: shown,
        ...measured,
        loadAverage,
        ceiling,
        oneConnection: alone,
        figuresQuery,
      },
      null,
      2,
    ) + '\n',
  )
  console.log(file)
  if (measured.non2xx + measured.errors + alone.non2xx + alone.errors > 0) process.exitCode = 1
} finally {
  await app?.stop()
  await pool.end()
  await scratch.drop()
}
