import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import Stripe from 'stripe'
import { StripeApi } from './api.ts'
import { completeCheckout, type CheckoutOutcome } from './checkout.ts'
import { parseStripeForm } from './form.ts'
import { closeDispute, openDispute, renewSubscription } from './renewals-disputes.ts'
import { unixNow, type StripeObject } from './store.ts'

/**
 * The sandbox's stand-in for Stripe (docs/decisions/026-stripe-sandbox.md): a small HTTP server on
 * the loopback interface that the real stripe-node SDK talks to through its host/port/protocol
 * settings, so the app's code path is the production one. It answers the few endpoints the app
 * uses with Stripe's object shapes and delivers signed webhooks to the app, the checkout
 * completion twice (Stripe delivers at least once; the app must count it once).
 */

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost', '[::1]'])

/** Throws unless `host` is this machine: the stand-in speaks plain HTTP and holds fake money. */
export function assertLoopback(host: string, what: string) {
  if (!LOOPBACK.has(host)) {
    throw new Error(
      `The Stripe sandbox only works on this machine (loopback); refusing ${what} ${host}`,
    )
  }
}

export interface StandInOptions {
  /** Where the hosted checkout pages are: a session's url is this plus its id. */
  checkoutPageBase: string
  webhookSecret: string
  /** The app's webhook endpoint (loopback only); or give `deliver` instead. */
  webhookUrl?: string
  /** Hands one signed event to the app (tests call the route directly). */
  deliver?: (payload: string, signature: string) => Promise<void>
  /** How long a delayed payment method takes to clear or fail; default 3 s. */
  delayMs?: number
  host?: string
  port?: number
}

export class StripeStandIn {
  readonly api: StripeApi
  private readonly pending = new Set<Promise<void>>()
  private server?: Server
  /** How long a delayed payment method takes to clear or fail (from the options; default 3 s). */
  delayMs: number
  private readonly signer = new Stripe('sk_test_sandbox_signer', { telemetry: false })

  constructor(private readonly options: StandInOptions) {
    this.delayMs = options.delayMs ?? 3000
    this.api = new StripeApi(
      options.checkoutPageBase,
      (type, object) => void this.send(type, object),
    )
    if (options.webhookUrl) assertLoopback(new URL(options.webhookUrl).hostname, 'webhook address')
    if (!options.webhookUrl && !options.deliver) throw new Error('stand-in: webhookUrl or deliver')
  }

  /** Listens on the loopback interface (port 0: any free port). */
  async start(): Promise<this> {
    const host = this.options.host ?? '127.0.0.1'
    assertLoopback(host, 'to listen on')
    const server = createServer((req, res) => void this.answer(req, res))
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(this.options.port ?? 0, host, resolve)
    })
    server.unref()
    this.server = server
    return this
  }

  get address(): { host: string; port: number } {
    const address = this.server?.address() as AddressInfo | null
    if (!address) throw new Error('stand-in: not started')
    return { host: address.address, port: address.port }
  }

  async stop() {
    await this.idle()
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    )
  }

  /** Resolves when every webhook due so far, delayed ones included, has been delivered. */
  async idle() {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending])
  }

  /** What the hosted checkout page shows of a session: its state and its lines. */
  checkoutPage(id: string) {
    const found = this.api.store.get(id, 'checkout.session')
    if (!found) return null
    return {
      open: found.status === 'open',
      monthly: found.mode === 'subscription',
      amountMinor: found.amount_total as number,
      currency: String(found.currency).toUpperCase(),
      lines: this.api.extras.get(id)?.lines ?? [],
      cancelUrl: typeof found.cancel_url === 'string' ? found.cancel_url : null,
    }
  }

  /**
   * Does what the person chose on the hosted page and delivers the events; answers where Stripe
   * would send their browser (the success page with the session id, or the cancel page).
   */
  async checkout(sessionId: string, outcome: CheckoutOutcome): Promise<string> {
    const session = this.api.store.get(sessionId, 'checkout.session')
    if (!session) throw new Error(`No such checkout session: ${sessionId}`)
    const events = completeCheckout(this.api, session, outcome)
    for (const [type, object] of events.now) {
      await this.send(type, object).catch(this.noteFailure)
      // At-least-once delivery: the completion arrives twice.
      if (type === 'checkout.session.completed') {
        await this.send(type, object, true).catch(this.noteFailure)
      }
    }
    this.later(async () => {
      for (const [type, object] of events.later())
        await this.send(type, object).catch(this.noteFailure)
    })
    if (outcome === 'expire') return String(session.cancel_url ?? session.success_url)
    return String(session.success_url).replace('{CHECKOUT_SESSION_ID}', sessionId)
  }

  /** Sandbox only: the subscription's next month is charged now (delivers `invoice.paid`). */
  renew(subscriptionId: string): Promise<void> {
    return this.deliverAll(renewSubscription(this.api, subscriptionId))
  }

  /** Sandbox only: the cardholder disputes the charge (created, then funds withdrawn). */
  dispute(chargeId: string): Promise<void> {
    return this.deliverAll(openDispute(this.api, chargeId))
  }

  /** Sandbox only: the dispute is decided (won: funds reinstated; then closed). */
  decideDispute(disputeId: string, outcome: 'won' | 'lost'): Promise<void> {
    return this.deliverAll(closeDispute(this.api, disputeId, outcome))
  }

  private async deliverAll(events: Array<[type: string, object: StripeObject]>) {
    for (const [type, object] of events) await this.send(type, object).catch(this.noteFailure)
  }

  /** Deliveries the app refused or never answered (Stripe would retry them; this says so). */
  readonly failures: string[] = []
  private readonly noteFailure = (error: unknown) => {
    this.failures.push(error instanceof Error ? error.message : String(error))
  }

  private later(work: () => Promise<void>) {
    const done = new Promise<void>((resolve) => {
      const timer = setTimeout(() => void work().finally(resolve), this.delayMs)
      timer.unref()
    })
    this.track(done)
  }

  private track(work: Promise<void>) {
    this.pending.add(work)
    void work.finally(() => this.pending.delete(work))
  }

  private readonly sent = new Map<string, string>()

  /** Signs and delivers an event about `object` (the same event again when `again`). */
  private send(type: string, object: StripeObject, again = false): Promise<void> {
    const key = `${type}:${object.id}`
    const payload =
      (again && this.sent.get(key)) ||
      JSON.stringify({
        id: this.api.store.newId('evt'),
        object: 'event',
        api_version: Stripe.API_VERSION,
        created: unixNow(),
        data: { object: structuredClone(object) },
        livemode: false,
        pending_webhooks: 1,
        request: { id: null, idempotency_key: null },
        type,
      })
    this.sent.set(key, payload)
    const signature = this.signer.webhooks.generateTestHeaderString({
      payload,
      secret: this.options.webhookSecret,
    })
    const delivery = (this.options.deliver ?? this.post)(payload, signature)
    this.track(delivery.catch(() => {}))
    return delivery
  }

  private readonly post = async (payload: string, signature: string) => {
    const response = await fetch(this.options.webhookUrl!, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signature },
      body: payload,
    })
    if (!response.ok) throw new Error(`webhook answered ${response.status}`)
  }

  private async answer(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const url = new URL(req.url ?? '/', 'http://stand-in')
    const encoded =
      req.method === 'GET' ? url.search.slice(1) : Buffer.concat(chunks).toString('utf8')
    const key = req.headers['idempotency-key']
    let status = 500
    let body: unknown = { error: { type: 'api_error', message: 'stand-in failure' } }
    try {
      ;({ status, body } = this.api.handle(
        req.method ?? 'GET',
        url.pathname,
        parseStripeForm(encoded),
        typeof key === 'string' ? key : undefined,
      ))
    } finally {
      res.writeHead(status, {
        'Content-Type': 'application/json',
        'Request-Id': this.api.store.newId('req'),
      })
      res.end(JSON.stringify(body))
    }
  }
}
