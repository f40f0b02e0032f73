import { and, eq } from 'drizzle-orm'
import Stripe from 'stripe'
import { afterAll, beforeAll, beforeEach } from 'vitest'
import { forgetEnv } from '#app/config/env.server.ts'
import { auditLog, donations, ledgerTransactions } from '#db/schema/index.ts'
import { db } from '#db/client.server.ts'
import type { AccountRef } from '#app/domain/ledger/postings.ts'
import {
  createCheckoutForDonation,
  type DonationInput,
} from '#app/services/donations/checkout.server.ts'
import { StripeStandIn } from '#app/services/payments/stripe-sandbox/stand-in.server.ts'
import { installSandbox } from '#app/services/payments/stripe.server.ts'
import { action } from '#app/routes/webhooks.stripe.ts'
import { createOpenProgram } from '#tests/support/factories.ts'

/*
 * Stripe's webhook end to end, for the test files that use it: the sandbox's stand-in pays
 * checkout sessions made by the app's own service and delivers the signed events to the real
 * route, which settles the donation and posts the ledger.
 */

export const SECRET = 'whsec_webhook_test_secret_0123456789'
export type Delivery = { payload: string; signature: string }
/** What the stand-in delivered, and what the route answered each time. */
export const delivered: Array<Delivery & { answer: unknown }> = []
/** When set, deliveries are held here instead of reaching the route (to replay them). */
let held: Delivery[] | null = null
let current: StripeStandIn | undefined

/** The stand-in of the running test file. */
export const standIn = () => current!

/** Posts a delivery to the route; answers its JSON body, or its status when not 200. */
export async function answerOf(d: Delivery): Promise<unknown> {
  const request = new Request('http://localhost/webhooks/stripe', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Stripe-Signature': d.signature },
    body: d.payload,
  })
  const response = await action({ request, params: {}, context: { ip: '127.0.0.1', cspNonce: '' } })
  return response.status === 200 ? await response.json() : response.status
}

/** Starts the stand-in for the test file (call at the top level, after withTestDatabase). */
export function withStripeStandIn() {
  beforeAll(async () => {
    process.env.STRIPE_WEBHOOK_SECRET = SECRET
    delete process.env.STRIPE_SECRET_KEY
    forgetEnv()
    current = await new StripeStandIn({
      checkoutPageBase: 'http://localhost/sandbox/checkout',
      webhookSecret: SECRET,
      delayMs: 0,
      deliver: async (payload, signature) => {
        if (held) return void held.push({ payload, signature })
        delivered.push({ payload, signature, answer: await answerOf({ payload, signature }) })
      },
    }).start()
    installSandbox(current)
  })
  afterAll(async () => {
    await current!.stop()
    installSandbox(undefined)
    delete process.env.STRIPE_WEBHOOK_SECRET
    forgetEnv()
  })
  beforeEach(() => {
    delivered.length = 0
    held = null
  })
}

/**
 * A gift to a new fund (of a new funder, with an open program) through the app's checkout
 * service; `gift` overrides what the donor chose (a tribute, the language, anonymity).
 */
export async function give(
  amountMinor = 50_00,
  options: {
    coverFee?: boolean
    monthly?: boolean
    gift?: Partial<
      Pick<DonationInput, 'tribute' | 'language' | 'anonymous' | 'donorName' | 'donorEmail'>
    >
  } = {},
) {
  const { fund, owner, org, program } = await createOpenProgram()
  const started = await createCheckoutForDonation({
    fundId: fund.id,
    amountMinor,
    coverFee: options.coverFee ?? true,
    interval: options.monthly ? 'month' : 'one_time',
    donorName: 'Ana Donor',
    donorEmail: 'ana@example.org',
    anonymous: false,
    language: 'en',
    successUrl: 'http://localhost/give/thanks?session={CHECKOUT_SESSION_ID}',
    cancelUrl: 'http://localhost/give',
    ...options.gift,
  })
  if (!started.ok) throw new Error(started.reason)
  const [row] = await db().select().from(donations).where(eq(donations.id, started.donationId))
  const fundAccount: AccountRef = { kind: 'fund', fundId: fund.id, currency: 'USD' }
  return { donation: row!, fundAccount, fund, funder: { owner, org }, program }
}

export const donationNow = async (id: string) =>
  (await db().select().from(donations).where(eq(donations.id, id)))[0]!

/** The ledger transactions a donation's settlement posted (gift and fee). */
export async function postedFor(donationId: string) {
  const rows = await db().select().from(ledgerTransactions)
  return rows
    .filter((r) => r.refs.donationId === donationId)
    .map((r) => r.movement)
    .sort()
}

/** The events `trigger` makes the stand-in send, held instead of delivered. */
export async function heldWhile(trigger: () => Promise<unknown>): Promise<Delivery[]> {
  held = []
  try {
    await trigger()
    await current!.idle()
    return held
  } finally {
    held = null
  }
}

export const eventsHeld = (sessionId: string, outcome: 'pay' | 'delayed' | 'fail' | 'expire') =>
  heldWhile(() => current!.checkout(sessionId, outcome))

export const auditsOf = async (donationId: string) =>
  (
    await db()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'donation'), eq(auditLog.entityId, donationId)))
      .orderBy(auditLog.id)
  ).map((a) => a.action)

export const typeOf = (d: Delivery) => (JSON.parse(d.payload) as Stripe.Event).type

/** The same event under another id (Stripe can send two events about one object). */
export function twin(d: Delivery, id: string): Delivery {
  const payload = d.payload.replace(/"id":"evt_[0-9a-f]+"/, `"id":"${id}"`)
  const signature = new Stripe('sk_test_x').webhooks.generateTestHeaderString({
    payload,
    secret: SECRET,
  })
  return { payload, signature }
}
