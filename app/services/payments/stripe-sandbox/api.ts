import { createHash } from 'node:crypto'
import { processorFee } from '#app/domain/donations/fees.ts'
import type { FormObject, FormValue } from './form.ts'
import { ObjectStore, unixNow, type StripeObject } from './store.ts'

/**
 * The endpoints of Stripe's API the app uses, answering with Stripe's object shapes (API version
 * pinned by the installed stripe-node). What a call changes is kept in an ObjectStore; events it
 * causes are handed to `emit` (the server signs and delivers them).
 */
export interface ApiAnswer {
  status: number
  body: unknown
}

export class StripeApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly param?: string,
    readonly code?: string,
  ) {
    super(message)
  }
  get answer(): ApiAnswer {
    const { message, param, code } = this
    return {
      status: this.status,
      body: { error: { type: 'invalid_request_error', message, param, code } },
    }
  }
}

/** What a session was created with that its object does not show (Stripe keeps it too). */
export interface SessionExtras {
  paymentIntentMetadata: Record<string, string>
  subscriptionMetadata: Record<string, string>
  interval: string | null
  /** What the hosted page lists: each line's name and amount. */
  lines: Array<{ name: string; amountMinor: number }>
}

const text = (v: FormValue | undefined) => (typeof v === 'string' ? v : undefined)
const record = (v: FormValue | undefined): Record<string, string> =>
  v && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(
        Object.entries(v).filter((e): e is [string, string] => typeof e[1] === 'string'),
      )
    : {}
const list = (v: FormValue | undefined): FormValue[] => (Array.isArray(v) ? v : [])
const whole = (v: FormValue | undefined, param: string): number => {
  const s = text(v)
  if (s === undefined || !/^\d+$/.test(s))
    throw new StripeApiError(400, `Invalid integer: ${s}`, param)
  return Number(s)
}

export class StripeApi {
  readonly store = new ObjectStore()
  readonly extras = new Map<string, SessionExtras>()
  private readonly idempotent = new Map<string, { fingerprint: string; answer: ApiAnswer }>()

  constructor(
    private readonly checkoutPageBase: string,
    private readonly emit: (type: string, object: StripeObject) => void,
  ) {}

  /**
   * Answers one request. A POST with an Idempotency-Key answers the first answer again for the
   * same key and parameters, and refuses the key with other parameters, as Stripe does.
   */
  handle(method: string, path: string, params: FormObject, idempotencyKey?: string): ApiAnswer {
    if (method !== 'POST' || !idempotencyKey) return this.attempt(method, path, params)
    const fingerprint = createHash('sha256')
      .update(`${path} ${JSON.stringify(params)}`)
      .digest('hex')
    const earlier = this.idempotent.get(idempotencyKey)
    if (earlier) {
      if (earlier.fingerprint === fingerprint) return earlier.answer
      return new StripeApiError(
        400,
        `Keys for idempotent requests can only be used with the same parameters they were first used with.`,
        undefined,
        'idempotency_key_in_use',
      ).answer
    }
    const answer = this.attempt(method, path, params)
    this.idempotent.set(idempotencyKey, { fingerprint, answer })
    return answer
  }

  private attempt(method: string, path: string, params: FormObject): ApiAnswer {
    try {
      return { status: 200, body: this.route(method, path, params) }
    } catch (error) {
      if (error instanceof StripeApiError) return error.answer
      throw error
    }
  }

  private route(method: string, path: string, params: FormObject): StripeObject {
    const expand = list(params.expand).filter((e): e is string => typeof e === 'string')
    const [, version, ...parts] = path.split('/')
    const resource = parts.slice(0, -1).join('/') || parts[0]
    const id = parts.length > 1 ? parts[parts.length - 1]! : undefined
    if (version !== 'v1')
      throw new StripeApiError(404, `Unrecognized request URL (${method}: ${path})`)
    if (method === 'POST' && path === '/v1/checkout/sessions') return this.createSession(params)
    if (method === 'POST' && path === '/v1/refunds') return this.createRefund(params)
    if (method === 'DELETE' && resource === 'subscriptions' && id)
      return this.cancelSubscription(id)
    const kind = RETRIEVABLE[resource ?? '']
    if (method === 'GET' && kind && id) {
      const found = this.store.get(id, kind)
      if (!found)
        throw new StripeApiError(404, `No such ${kind}: '${id}'`, 'id', 'resource_missing')
      return this.store.expanded(found, expand)
    }
    throw new StripeApiError(404, `Unrecognized request URL (${method}: ${path})`)
  }

  private createSession(params: FormObject): StripeObject {
    const mode = text(params.mode)
    if (mode !== 'payment' && mode !== 'subscription') {
      throw new StripeApiError(400, 'Invalid mode: must be one of payment, subscription', 'mode')
    }
    const successUrl = text(params.success_url)
    if (!successUrl)
      throw new StripeApiError(400, 'Missing required param: success_url.', 'success_url')
    const items = list(params.line_items)
    if (items.length === 0)
      throw new StripeApiError(400, 'Missing required param: line_items.', 'line_items')
    let total = 0
    const currencies = new Set<string>()
    let interval: string | null = null
    const lines: SessionExtras['lines'] = []
    items.forEach((raw, i) => {
      const item = raw as FormObject
      const price = (item.price_data ?? {}) as FormObject
      const quantity =
        item.quantity === undefined ? 1 : whole(item.quantity, `line_items[${i}][quantity]`)
      const amount =
        whole(price.unit_amount, `line_items[${i}][price_data][unit_amount]`) * quantity
      total += amount
      const product = (price.product_data ?? {}) as FormObject
      lines.push({ name: text(product.name) ?? '', amountMinor: amount })
      currencies.add((text(price.currency) ?? '').toLowerCase())
      interval = text((price.recurring as FormObject | undefined)?.interval) ?? interval
    })
    if (currencies.size !== 1 || currencies.has('')) {
      throw new StripeApiError(400, 'All line items must share one currency.', 'line_items')
    }
    if ((mode === 'subscription') !== (interval !== null)) {
      throw new StripeApiError(
        400,
        mode === 'subscription'
          ? 'You must provide at least one recurring price in `subscription` mode.'
          : 'You specified `payment` mode but passed a recurring price.',
        'line_items',
      )
    }
    const id = this.store.newId('cs_test')
    const created = unixNow()
    this.extras.set(id, {
      paymentIntentMetadata: record(
        (params.payment_intent_data as FormObject | undefined)?.metadata,
      ),
      subscriptionMetadata: record((params.subscription_data as FormObject | undefined)?.metadata),
      interval,
      lines,
    })
    return this.store.put({
      id,
      object: 'checkout.session',
      amount_subtotal: total,
      amount_total: total,
      cancel_url: text(params.cancel_url) ?? null,
      client_reference_id: text(params.client_reference_id) ?? null,
      created,
      currency: [...currencies][0]!,
      customer: null,
      customer_email: text(params.customer_email) ?? null,
      expires_at: created + 24 * 3600,
      invoice: null,
      livemode: false,
      locale: text(params.locale) ?? null,
      metadata: record(params.metadata),
      mode,
      payment_intent: null,
      payment_status: 'unpaid',
      status: 'open',
      submit_type: text(params.submit_type) ?? null,
      subscription: null,
      success_url: successUrl,
      ui_mode: 'hosted_page',
      url: `${this.checkoutPageBase}/${id}`,
    })
  }

  /** A charge that succeeded now, with its balance transaction (fee by the sandbox formula). */
  settleCharge(paymentIntentId: string): StripeObject {
    const intent = this.store.get(paymentIntentId, 'payment_intent')!
    const amount = intent.amount as number
    const chargeId = this.store.newId('ch')
    const fee = processorFee(amount)
    const txn = this.store.put({
      id: this.store.newId('txn'),
      object: 'balance_transaction',
      amount,
      available_on: unixNow() + 2 * 86400,
      created: unixNow(),
      currency: intent.currency,
      fee,
      fee_details: [
        {
          amount: fee,
          application: null,
          currency: intent.currency,
          description: 'Stripe processing fees',
          type: 'stripe_fee',
        },
      ],
      net: amount - fee,
      reporting_category: 'charge',
      source: chargeId,
      status: 'pending',
      type: 'charge',
    })
    const charge = this.store.put({
      id: chargeId,
      object: 'charge',
      amount,
      amount_captured: amount,
      amount_refunded: 0,
      balance_transaction: txn.id,
      captured: true,
      created: unixNow(),
      currency: intent.currency,
      disputed: false,
      livemode: false,
      metadata: intent.metadata,
      paid: true,
      payment_intent: intent.id,
      refunded: false,
      status: 'succeeded',
    })
    this.store.update(intent.id, {
      status: 'succeeded',
      latest_charge: charge.id,
      amount_received: amount,
    })
    return charge
  }

  private createRefund(params: FormObject): StripeObject {
    const intentId = text(params.payment_intent)
    const chargeId =
      text(params.charge) ??
      (intentId && (this.store.get(intentId)?.latest_charge as string | undefined))
    const charge = chargeId ? this.store.get(chargeId, 'charge') : undefined
    if (!charge)
      throw new StripeApiError(
        404,
        `No such charge: '${chargeId ?? intentId ?? ''}'`,
        'charge',
        'resource_missing',
      )
    const left = (charge.amount as number) - (charge.amount_refunded as number)
    const amount = params.amount === undefined ? left : whole(params.amount, 'amount')
    if (left === 0)
      throw new StripeApiError(
        400,
        `Charge ${charge.id} has already been refunded.`,
        undefined,
        'charge_already_refunded',
      )
    if (amount < 1 || amount > left) {
      throw new StripeApiError(
        400,
        `Refund amount (${amount}) is greater than unrefunded amount on charge (${left})`,
        'amount',
      )
    }
    const refundId = this.store.newId('re')
    const txn = this.store.put({
      id: this.store.newId('txn'),
      object: 'balance_transaction',
      amount: -amount,
      created: unixNow(),
      currency: charge.currency,
      fee: 0,
      fee_details: [],
      net: -amount,
      reporting_category: 'refund',
      source: refundId,
      status: 'available',
      type: 'refund',
    })
    const refund = this.store.put({
      id: refundId,
      object: 'refund',
      amount,
      balance_transaction: txn.id,
      charge: charge.id,
      created: unixNow(),
      currency: charge.currency,
      metadata: record(params.metadata),
      payment_intent: charge.payment_intent,
      reason: text(params.reason) ?? null,
      status: 'succeeded',
    })
    const refunded = (charge.amount_refunded as number) + amount
    this.store.update(charge.id, {
      amount_refunded: refunded,
      refunded: refunded === charge.amount,
    })
    this.emit('charge.refunded', charge)
    this.emit('refund.created', refund)
    return refund
  }

  private cancelSubscription(id: string): StripeObject {
    const found = this.store.get(id, 'subscription')
    if (!found)
      throw new StripeApiError(404, `No such subscription: '${id}'`, 'id', 'resource_missing')
    if (found.status === 'canceled') return found
    const canceled = this.store.update(id, {
      status: 'canceled',
      canceled_at: unixNow(),
      ended_at: unixNow(),
    })
    this.emit('customer.subscription.deleted', canceled)
    return canceled
  }
}

/** Path resource → the `object` its GET answers. */
const RETRIEVABLE: Record<string, string> = {
  'checkout/sessions': 'checkout.session',
  payment_intents: 'payment_intent',
  charges: 'charge',
  balance_transactions: 'balance_transaction',
  refunds: 'refund',
  subscriptions: 'subscription',
  invoices: 'invoice',
  disputes: 'dispute',
}
