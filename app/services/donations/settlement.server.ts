import type Stripe from 'stripe'
import type { Db } from '#db/client.server.ts'
import type { Donation } from '#db/schema/index.ts'
import { move, type AccountRef } from '#app/domain/ledger/postings.ts'
import {
  accountIds,
  postTransactions,
  type NewLedgerTransaction,
} from '#app/services/ledger/ledger.server.ts'

/** A paid charge and its balance transaction (the processor's actual fee), as Stripe has them. */
export interface PaidCharge {
  charge: Stripe.Charge
  balance: Stripe.BalanceTransaction
}

/**
 * The charge re-read through its payment intent, with its balance transaction expanded; null
 * while nothing is paid.
 */
export async function paidChargeOf(client: Stripe, intentId: string): Promise<PaidCharge | null> {
  const intent = await client.paymentIntents.retrieve(intentId, {
    expand: ['latest_charge.balance_transaction'],
  })
  const charge = intent.latest_charge as Stripe.Charge | null
  const balance = (charge?.balance_transaction ?? null) as Stripe.BalanceTransaction | null
  return charge && balance ? { charge, balance } : null
}

/** The payment intent that paid an invoice (a monthly gift's month). */
export async function invoiceIntent(client: Stripe, invoice: Stripe.Invoice): Promise<string> {
  const withPayments = invoice.payments
    ? invoice
    : await client.invoices.retrieve(invoice.id!, { expand: ['payments'] })
  const paid = withPayments.payments?.data.find((p) => p.payment.payment_intent)
  const intent = paid?.payment.payment_intent
  if (!intent) throw new Error(`Invoice ${invoice.id} has no payment intent`)
  return typeof intent === 'string' ? intent : intent.id
}

/** A gift whose charge settled, with the event that said so. */
export interface Settling {
  donation: Pick<Donation, 'id' | 'fundId' | 'currency'>
  event: Stripe.Event
  paid: PaidCharge
}

/**
 * The settled charge's ledger: the whole charge from the processor into the fund, then the
 * processor's actual fee from the fund. Keyed by the balance transaction, so the first month of a
 * monthly gift, reached by `checkout.session.completed` and by `invoice.paid`, is posted once.
 */
export async function postSettlement(
  tx: Db,
  donation: Settling['donation'],
  event: Stripe.Event,
  paid: PaidCharge,
) {
  await postSettlements(tx, [{ donation, event, paid }])
}

/** The ledger of gifts settled together: their accounts read once, all movements in one statement. */
export async function postSettlements(tx: Db, settling: readonly Settling[]) {
  if (settling.length === 0) return
  const movements = settling.flatMap(settlementMovements)
  const known = await accountIds(
    tx,
    movements.flatMap((m) => m.postings.map((p) => p.account)),
  )
  await postTransactions(tx, movements, known)
}

function settlementMovements({ donation, event, paid }: Settling): NewLedgerTransaction[] {
  const { charge, balance } = paid
  const currency = donation.currency
  const fund: AccountRef = { kind: 'fund', fundId: donation.fundId, currency }
  const processor: AccountRef = { kind: 'processor', currency }
  const fees: AccountRef = { kind: 'processor_fees', currency }
  const refs = {
    donationId: donation.id,
    charge: charge.id,
    balanceTransaction: balance.id,
    event: event.id,
  }
  const gift: NewLedgerTransaction = {
    idempotencyKey: `stripe:${balance.id}`,
    movement: 'gift_settled',
    postings: move(processor, fund, charge.amount),
    memo: `Gift ${donation.id} settled`,
    refs,
  }
  if (balance.fee <= 0) return [gift]
  const fee: NewLedgerTransaction = {
    idempotencyKey: `stripe:${balance.id}:fee`,
    movement: 'processor_fee',
    postings: move(fund, fees, balance.fee),
    memo: `Processor fee on gift ${donation.id}`,
    refs,
  }
  return [gift, fee]
}

/** The donation's fields once its charge settled. */
export const settledFields = ({ charge, balance }: PaidCharge) => ({
  settledAt: new Date(),
  processorFeeMinor: balance.fee,
  stripePaymentIntentId: typeof charge.payment_intent === 'string' ? charge.payment_intent : null,
  stripeChargeId: charge.id,
})
