import path from 'node:path'
import Stripe from 'stripe'
import { appOrigin, env } from '#app/config/env.server.ts'
import { readOrCreateSecret } from '#app/config/secrets.server.ts'
import { assertLoopback, StripeStandIn } from './stripe-sandbox/stand-in.server.ts'

/**
 * The one way the app reaches Stripe. With STRIPE_SECRET_KEY it is Stripe itself; without it the
 * app runs in the sandbox: the same SDK, pointed through its host/port/protocol settings at the
 * stand-in on this machine (docs/decisions/026-stripe-sandbox.md), so every call takes the
 * production code path.
 */

export const isSandbox = () => !env().STRIPE_SECRET_KEY

/**
 * The secret webhooks are signed with: STRIPE_WEBHOOK_SECRET, else (sandbox only) one generated
 * on first use and kept in DATA_DIR, so every process of the app and a restart agree on it.
 */
export function webhookSecret(): string {
  const e = env()
  if (e.STRIPE_WEBHOOK_SECRET) return e.STRIPE_WEBHOOK_SECRET
  if (!isSandbox()) throw new Error('STRIPE_WEBHOOK_SECRET must be set with STRIPE_SECRET_KEY.')
  return `whsec_${readOrCreateSecret(path.resolve(e.DATA_DIR, 'stripe-webhook-secret'))}`
}

let standIn: Promise<StripeStandIn> | undefined
let client: Promise<Stripe> | undefined

/** The sandbox's stand-in, started on first use (loopback, any free port). */
export function sandbox(): Promise<StripeStandIn> {
  if (!isSandbox()) throw new Error('No Stripe sandbox: STRIPE_SECRET_KEY is set.')
  standIn ??= new StripeStandIn({
    checkoutPageBase: `${appOrigin()}/sandbox/checkout`,
    // This very process, whatever name the public reaches it by.
    webhookUrl: `http://127.0.0.1:${env().PORT}/webhooks/stripe`,
    webhookSecret: webhookSecret(),
  }).start()
  return standIn
}

/** Tests install a stand-in of their own (one that delivers to the route directly). */
export function installSandbox(installed: StripeStandIn | undefined) {
  standIn = installed ? Promise.resolve(installed) : undefined
  client = undefined
}

/** The Stripe client: real with STRIPE_SECRET_KEY, else talking to the sandbox's stand-in. */
export function stripe(): Promise<Stripe> {
  client ??= (async () => {
    const key = env().STRIPE_SECRET_KEY
    if (key) return new Stripe(key, { maxNetworkRetries: 2, telemetry: false })
    const { host, port } = await sandboxApiAddress()
    assertLoopback(host, 'to send Stripe calls to')
    return new Stripe('sk_test_sandbox', {
      host,
      port,
      protocol: 'http',
      maxNetworkRetries: 0,
      telemetry: false,
    })
  })()
  return client
}

/** Where the sandbox's API calls go: STRIPE_SANDBOX_URL's stand-in, else this process's own. */
async function sandboxApiAddress(): Promise<{ host: string; port: number }> {
  const shared = env().STRIPE_SANDBOX_URL
  if (!shared) return (await sandbox()).address
  const url = new URL(shared)
  return { host: url.hostname, port: Number(url.port) }
}

/**
 * The idempotency key of one operation on one donation, the same however often it is retried
 * (a double submit, a re-run job), so Stripe does it once: `donation:<id>:<operation>`.
 */
export const idempotencyKey = (donationId: string, operation: string) =>
  `donation:${donationId}:${operation}`

/** Request options for an outgoing call that changes something at Stripe. */
export const onceFor = (donationId: string, operation: string): Stripe.RequestOptions => ({
  idempotencyKey: idempotencyKey(donationId, operation),
})
