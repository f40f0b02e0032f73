/**
 * Webhook ingest through the route's action, in this process: N gifts are checked out through the
 * sandbox stand-in and paid; their signed events (each completion delivered twice, as the stand-in
 * does) are then posted to the webhook action, C at a time. Reports settled gifts a second and
 * checks each was posted exactly once. Not yet issue 10's figure (through HTTP, two app
 * processes): that needs a running app per process. Runs on PGlite unless DATABASE_URL is set.
 * Usage: npx vite-node bench/stripe-webhooks.ts -- [N=1000] [C=16] (vite-node, not tsx: the
 * services read translations through import.meta.glob).
 */
import { sql } from 'drizzle-orm'
import { openDatabase, setDatabase } from '#db/client.server.ts'
import { funds, organizations } from '#db/schema/index.ts'
import { forgetEnv } from '#app/config/env.server.ts'
import { action } from '#app/routes/webhooks.stripe.ts'
import { createCheckoutForDonation } from '#app/services/donations/checkout.server.ts'
import { driftedAccounts } from '#app/services/ledger/ledger.server.ts'
import { StripeStandIn } from '#app/services/payments/stripe-sandbox/stand-in.server.ts'
import { installSandbox } from '#app/services/payments/stripe.server.ts'
import { createScratchDatabase } from '#tests/support/scratch-databases.mjs'

const args = process.argv.slice(2).filter((a) => a !== '--')
const N = Number(args[0] ?? 1000)
const C = Number(args[1] ?? 16)
const SECRET = 'whsec_bench_secret_0123456789abcdef'
process.env.STRIPE_WEBHOOK_SECRET = SECRET
delete process.env.STRIPE_SECRET_KEY
forgetEnv()

const scratch = process.env.DATABASE_URL
  ? await createScratchDatabase(process.env.DATABASE_URL, 'cf_bench')
  : null
const database = await openDatabase(
  scratch ? { driver: 'pg', url: scratch.url, poolSize: C + 2 } : { driver: 'pglite' },
)
setDatabase(database)
const db = database.db

const held: Array<{ payload: string; signature: string }> = []
const standIn = await new StripeStandIn({
  checkoutPageBase: 'http://localhost/sandbox/checkout',
  webhookSecret: SECRET,
  delayMs: 0,
  deliver: async (payload, signature) => void held.push({ payload, signature }),
}).start()
installSandbox(standIn)

const [org] = await db
  .insert(organizations)
  .values({ kind: 'funder', name: 'Bench funder', slug: `bench-funder-${Date.now()}` })
  .returning()
const [fund] = await db
  .insert(funds)
  .values({ organizationId: org!.id, name: 'Bench fund', slug: `bench-fund-${Date.now()}` })
  .returning()

for (let i = 0; i < N; i++) {
  const started = await createCheckoutForDonation({
    fundId: fund!.id,
    amountMinor: 10_00 + (i % 500),
    coverFee: i % 2 === 0,
    interval: 'one_time',
    donorName: `Donor ${i}`,
    donorEmail: `donor${i}@example.test`,
    anonymous: false,
    language: 'en',
    successUrl: 'http://localhost/thanks',
    cancelUrl: 'http://localhost/',
  })
  if (!started.ok) throw new Error(started.reason)
  const sessionId = new URL(started.url).pathname.split('/').pop()!
  await standIn.checkout(sessionId, 'pay')
}
console.log(
  `driver: ${database.driver}; ${N} paid gifts, ${held.length} signed deliveries, ${C} at a time`,
)

const answers: Record<string, number> = {}
const queue = [...held]
const started = performance.now()
await Promise.all(
  Array.from({ length: C }, async () => {
    for (let d = queue.shift(); d; d = queue.shift()) {
      const request = new Request('http://localhost/webhooks/stripe', {
        method: 'POST',
        headers: { 'Stripe-Signature': d.signature, 'Content-Type': 'application/json' },
        body: d.payload,
      })
      const response = await action({ request, params: {}, context: { ip: '', cspNonce: '' } })
      const { received } = (await response.json()) as { received: string }
      answers[received] = (answers[received] ?? 0) + 1
    }
  }),
)
const seconds = (performance.now() - started) / 1000
const [settled] = await db
  .select({
    gifts: sql<number>`(SELECT count(*)::int FROM donations WHERE status = 'succeeded')`,
    postings: sql<number>`(SELECT count(*)::int FROM ledger_transactions WHERE movement = 'gift_settled')`,
  })
  .from(sql`(SELECT 1) AS one`)
console.log(`answers: ${JSON.stringify(answers)}`)
console.log(
  `${held.length} deliveries in ${seconds.toFixed(2)} s: ${(N / seconds).toFixed(0)} settled gifts/s ` +
    `(${(held.length / seconds).toFixed(0)} deliveries/s); settled ${settled!.gifts}, gift postings ` +
    `${settled!.postings}, drifted accounts ${(await driftedAccounts(db)).length}`,
)
await standIn.stop()
await database.close()
await scratch?.drop()
