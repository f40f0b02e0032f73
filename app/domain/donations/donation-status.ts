/**
 * A donation's status moves forward only, so webhooks that arrive twice or out of order converge
 * on the same end: a late `checkout.session.completed` (unpaid) cannot pull a settled gift back
 * to processing, and nothing leaves a final state except a settled gift being refunded or
 * disputed.
 */
export const DONATION_STATUSES = [
  'pending',
  'processing',
  'succeeded',
  'failed',
  'expired',
  'refunded',
  'disputed',
] as const
export type DonationStatus = (typeof DONATION_STATUSES)[number]

const NEXT: Record<DonationStatus, readonly DonationStatus[]> = {
  pending: ['processing', 'succeeded', 'failed', 'expired'],
  processing: ['succeeded', 'failed'],
  succeeded: ['refunded', 'disputed'],
  disputed: ['refunded'],
  failed: [],
  expired: [],
  refunded: [],
}

/** Whether `from` may become `to` (staying put is not a move). */
export const canMove = (from: DonationStatus, to: DonationStatus): boolean =>
  NEXT[from].includes(to)

export const DONATION_INTERVALS = ['one_time', 'month'] as const
export type DonationInterval = (typeof DONATION_INTERVALS)[number]
