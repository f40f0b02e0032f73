/**
 * What a donor may give through the public donate page, in integer minor units of the fund's
 * currency. The bounds keep out typing slips (a gift of 5 cents costs more in fees than it gives;
 * a six-figure gift should be a conversation with the fund, not a card payment).
 */
export const GIFT_MIN_MINOR = 500
export const GIFT_MAX_MINOR = 2_500_000

/** The amounts offered as one tap; "another amount" takes any whole amount between the bounds. */
export const GIFT_PRESETS_MINOR = [2500, 5000, 10000, 25000] as const

/** The preset radio's value for "another amount". */
export const CUSTOM_AMOUNT = 'custom'

export const TRIBUTE_KINDS = ['honour', 'memory'] as const
export type TributeKind = (typeof TRIBUTE_KINDS)[number]

/** How far a fund is toward its goal, as a whole percentage capped at 100 for the bar. */
export function goalPercent(raisedMinor: number, goalMinor: number): number {
  if (goalMinor <= 0) return 0
  return Math.min(100, Math.floor((Math.max(0, raisedMinor) * 100) / goalMinor))
}
