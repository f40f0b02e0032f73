import type { TFunction } from 'i18next'
import { LOCALES, type Language } from '#app/lib/i18n/config.ts'
import { formatMoney } from '#app/lib/money.ts'
import { dateToZonedInput } from '#app/lib/time-zones.ts'
import type { DonationInterval } from './donation-status.ts'
import type { TributeKind } from './giving.ts'

/**
 * A gift's receipt (issue 10, docs/decisions/027-pdf-receipts.md): what the page, the PDF and the
 * mail all say, from the settled donation, its fund and the fund's owning organisation. The
 * facts come first (`receiptOf`), then the words in a language (`receiptText`), so every form of
 * the receipt says the same thing.
 */

/** What a receipt is made from. */
export interface ReceiptSource {
  donation: {
    id: string
    amountMinor: number
    feeCoveredMinor: number
    refundedMinor: number
    currency: string
    interval: DonationInterval
    donorName: string
    donorEmail: string
    tributeKind: string | null
    tributeName: string | null
    settledAt: Date
  }
  fund: string
  /** The program or grant the gift was designated to, as the reader reads it; null: the fund. */
  designation: string | null
  owner: { name: string; legalName: string; registrationNumber: string }
  /** When the last refund of the gift was applied; null when none was (or it is not known). */
  refundedAt: Date | null
  /** The zone whose calendar the receipt's days are in. */
  timeZone: string
}

export interface Receipt {
  /** "CF-2026-1A2B3C4D": stable, since it comes from the donation's id and its year. */
  number: string
  recipient: { legalName: string; registrationNumber: string }
  donor: { name: string; email: string }
  /** The calendar day the gift was received, in the receipt's zone ("2026-11-30"). */
  receivedOn: string
  amountMinor: number
  feeCoveredMinor: number
  /** What the donor was charged: the gift and the fee they covered. */
  totalMinor: number
  currency: string
  fund: string
  designation: string | null
  monthly: boolean
  tribute: { kind: TributeKind; name: string } | null
  /** What was given back; `whole` when all of it was, which voids the receipt. */
  refund: { amountMinor: number; on: string | null; whole: boolean } | null
}

const dayIn = (moment: Date, timeZone: string) => dateToZonedInput(moment, timeZone).slice(0, 10)

const tributeOf = (kind: string | null, name: string | null): Receipt['tribute'] =>
  (kind === 'honour' || kind === 'memory') && name ? { kind, name } : null

export function receiptOf(source: ReceiptSource): Receipt {
  const { donation: d, owner, timeZone } = source
  const receivedOn = dayIn(d.settledAt, timeZone)
  const totalMinor = d.amountMinor + d.feeCoveredMinor
  return {
    number: `CF-${receivedOn.slice(0, 4)}-${d.id.replace(/-/g, '').slice(0, 8).toUpperCase()}`,
    recipient: {
      legalName: owner.legalName.trim() || owner.name,
      registrationNumber: owner.registrationNumber.trim(),
    },
    donor: { name: d.donorName, email: d.donorEmail },
    receivedOn,
    amountMinor: d.amountMinor,
    feeCoveredMinor: d.feeCoveredMinor,
    totalMinor,
    currency: d.currency,
    fund: source.fund,
    designation: source.designation,
    monthly: d.interval === 'month',
    tribute: tributeOf(d.tributeKind, d.tributeName),
    refund:
      d.refundedMinor > 0
        ? {
            amountMinor: d.refundedMinor,
            on: source.refundedAt ? dayIn(source.refundedAt, timeZone) : null,
            whole: d.refundedMinor >= totalMinor,
          }
        : null,
  }
}

/** A calendar day in the reader's words: "November 30, 2026", "30 de noviembre de 2026". */
export function formatReceiptDay(day: string, language: Language): string {
  const format = new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'long', timeZone: 'UTC' })
  return format.format(new Date(`${day}T00:00:00Z`))
}

export interface ReceiptRow {
  label: string
  value: string
}

/** A receipt in one language, as every form of it shows it. */
export interface ReceiptText {
  title: string
  rows: ReceiptRow[]
  /** "In memory of Rosa Díaz", when the gift was given in someone's name. */
  tribute: string | null
  /** That nothing was given in return (what a tax receipt must say). */
  statement: string
  /** "Refunded: $10.00 on December 2, 2026.", or that the receipt is void. */
  refund: string | null
  void: boolean
}

/** Each row's label (keys written whole, so the key check finds them). */
const LABEL_KEYS = {
  number: 'donations:receipt.number',
  recipient: 'donations:receipt.recipient',
  registrationNumber: 'donations:receipt.registrationNumber',
  donor: 'donations:receipt.donor',
  email: 'donations:receipt.email',
  received: 'donations:receipt.received',
  gift: 'donations:receipt.gift',
  feeCovered: 'donations:receipt.feeCovered',
  total: 'donations:receipt.total',
  currency: 'donations:receipt.currency',
  fund: 'donations:receipt.fund',
  designation: 'donations:receipt.designation',
  frequency: 'donations:receipt.frequency',
} as const

const TRIBUTE_KEYS: Record<TributeKind, string> = {
  honour: 'donations:receipt.inHonour',
  memory: 'donations:receipt.inMemory',
}

export function receiptText(receipt: Receipt, t: TFunction, language: Language): ReceiptText {
  const money = (minor: number) => formatMoney(minor, receipt.currency, LOCALES[language])
  const day = (d: string) => formatReceiptDay(d, language)
  const row = (key: keyof typeof LABEL_KEYS, value: string): ReceiptRow => ({
    label: t(LABEL_KEYS[key]),
    value,
  })
  const { recipient, refund, tribute } = receipt
  const rows = [
    row('number', receipt.number),
    row('recipient', recipient.legalName),
    recipient.registrationNumber ? row('registrationNumber', recipient.registrationNumber) : null,
    row('donor', receipt.donor.name),
    row('email', receipt.donor.email),
    row('received', day(receipt.receivedOn)),
    row('gift', money(receipt.amountMinor)),
    receipt.feeCoveredMinor > 0 ? row('feeCovered', money(receipt.feeCoveredMinor)) : null,
    row('total', money(receipt.totalMinor)),
    row('currency', receipt.currency),
    row('fund', receipt.fund),
    receipt.designation ? row('designation', receipt.designation) : null,
    row('frequency', t(receipt.monthly ? 'donations:receipt.monthly' : 'donations:receipt.once')),
  ].filter((r): r is ReceiptRow => r !== null)
  return {
    title: t('donations:receipt.title'),
    rows,
    tribute: tribute ? t(TRIBUTE_KEYS[tribute.kind], { name: tribute.name }) : null,
    statement: t('donations:receipt.statement'),
    refund: refund ? refundLine(refund, t, money(refund.amountMinor), day) : null,
    void: refund?.whole ?? false,
  }
}

/** "Refunded: $10.00 on December 2, 2026." or, for the whole gift, that the receipt is void. */
function refundLine(
  refund: NonNullable<Receipt['refund']>,
  t: TFunction,
  amount: string,
  day: (d: string) => string,
): string {
  if (refund.whole) {
    return refund.on
      ? t('donations:receipt.voidOn', { amount, date: day(refund.on) })
      : t('donations:receipt.void', { amount })
  }
  return refund.on
    ? t('donations:receipt.refundedOn', { amount, date: day(refund.on) })
    : t('donations:receipt.refunded', { amount })
}
