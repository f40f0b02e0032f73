/** A rate per hour in minor units, for one skill (null: the general value) and one year. */
export interface InKindRate {
  skill: string | null
  rateMinor: number
  currency: string
  year: number
  source: string
}

/**
 * The rate that values a request's hours: the newest professional rate for its skill where one is
 * set, else the newest general one. Null when no rate is stored at all.
 */
export function rateFor(skill: string, rates: readonly InKindRate[]): InKindRate | null {
  const newest = (list: InKindRate[]) =>
    list.reduce<InKindRate | null>((best, r) => (!best || r.year > best.year ? r : best), null)
  return (
    newest(rates.filter((r) => r.skill === skill)) ?? newest(rates.filter((r) => r.skill === null))
  )
}

/** Verified minutes at an hourly rate, rounded to the nearest minor unit. */
export const inKindMinor = (verifiedMinutes: number, rateMinor: number) =>
  Math.round((verifiedMinutes * rateMinor) / 60)
