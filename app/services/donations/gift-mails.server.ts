import type Stripe from 'stripe'
import type { Tx } from '#db/client.server.ts'
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '#app/lib/i18n/config.ts'
import { queueMails, type QueueMailInput } from '#app/services/mail/mail.server.ts'
import type { MailKind } from '#app/services/mail/templates/index.ts'
import { findSettledGiftsById, receiptPath, type SettledGift } from './receipts.server.ts'

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

export function mailSettledGift(tx: Tx, donationId: string, language: Language) {
  return mailSettledGifts(tx, new Map([[donationId, language]]))
}

/** The mails of gifts settled together, each in its donor's language: written in one go. */
export async function mailSettledGifts(tx: Tx, languages: ReadonlyMap<string, Language>) {
  const gifts = await findSettledGiftsById(tx, languages)
  await queueMails(
    tx,
    gifts.flatMap((gift) => mailsOf(gift, languages.get(gift.donationId)!)),
  )
}

function mailsOf(gift: SettledGift, language: Language): QueueMailInput<MailKind>[] {
  const { receipt, source } = gift
  const mails: QueueMailInput<MailKind>[] = [
    {
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
    },
  ]
  // A monthly gift's later months repeat its tribute; the person it honours is told once.
  if (!receipt.tribute || !gift.tributeNotifyEmail || gift.parentDonationId) return mails
  mails.push({
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
  return mails
}
