import type Stripe from 'stripe'
import type { Tx } from '#db/client.server.ts'
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '#app/lib/i18n/config.ts'
import { queueMail } from '#app/services/mail/mail.server.ts'
import { findSettledGiftById, receiptPath } from './receipts.server.ts'

/**
 * The mails a gift sends when it settles (issue 10), written in the transaction that settles it
 * (the mail outbox, docs/decisions/016-mail.md): its receipt to the donor and, for a gift given
 * in someone's name with an address to tell, the tribute notice. Each mail's idempotency key
 * names the gift, so a duplicate or late webhook that reaches here again adds nothing.
 */

/**
 * The donor's language: the one the checkout was made in, which the session and, for a monthly
 * gift, the subscription carry in their metadata (checkout.server.ts); English for a gift made
 * before they did.
 */
export function donorLanguage(
  metadata: Stripe.Metadata | null | undefined,
  locale?: string | null,
): Language {
  const named = metadata?.language ?? locale
  return isLanguage(named) ? named : DEFAULT_LANGUAGE
}

export async function mailSettledGift(tx: Tx, donationId: string, language: Language) {
  const gift = await findSettledGiftById(tx, donationId, language)
  if (!gift) return
  const { receipt, source } = gift
  await queueMail(tx, {
    to: receipt.donor.email,
    kind: 'donation-receipt',
    language,
    data: {
      donorName: receipt.donor.name,
      totalMinor: receipt.totalMinor,
      currency: receipt.currency,
      fund: receipt.fund,
      monthly: receipt.monthly,
      receiptPath: receiptPath(gift.token),
    },
    idempotencyKey: `donation-receipt:${gift.donationId}`,
  })
  // A monthly gift's later months repeat its tribute; the person it honours is told once.
  if (!receipt.tribute || !gift.tributeNotifyEmail || gift.parentDonationId) return
  await queueMail(tx, {
    to: gift.tributeNotifyEmail,
    kind: 'tribute-notice',
    language,
    data: {
      donorName: gift.anonymous ? null : source.donation.donorName,
      fund: receipt.fund,
      fundPath: `/funds/${gift.fundSlug}`,
      tributeKind: receipt.tribute.kind,
      tributeName: receipt.tribute.name,
    },
    idempotencyKey: `tribute-notice:${gift.donationId}`,
  })
}
