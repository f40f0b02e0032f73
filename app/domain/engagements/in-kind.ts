/** A rate per hour in minor units, for one skill (null: the general value) and one year. */
export interface InKindRate {
  skill: string | null
  rateMinor: number
  currency: string
  year: number
  source: string
  /** When it was added: of two rates for one skill and year, the later added wins. */
  createdAt: Date
}

/** Whether `a` is newer than `b`: the later year, then (rates are append-only) the later added. */
export const newerRate = (a: InKindRate, b: InKindRate) =>
  a.year !== b.year ? a.year > b.year : a.createdAt.getTime() > b.createdAt.getTime()

/**
 * The rate that values a request's hours: the newest professional rate for its skill where one is
 * set, else the newest general one (newest: the latest year, then the last added for that year).
 * Null when no rate is stored at all.
 */
export function rateFor(skill: string, rates: readonly InKindRate[]): InKindRate | null {
  const newest = (list: InKindRate[]) =>
    list.reduce<InKindRate | null>((best, r) => (!best || newerRate(r, best) ? r : best), null)
  return (
    newest(rates.filter((r) => r.skill === skill)) ?? newest(rates.filter((r) => r.skill === null))
  )
}

/** Verified minutes at an hourly rate, rounded to the nearest minor unit. */
export const inKindMinor = (verifiedMinutes: number, rateMinor: number) =>
  Math.round((verifiedMinutes * rateMinor) / 60)

/** The highest hourly value an admin may set, in minor units ($1,000 an hour). */
export const MAX_RATE_MINOR = 100_000

/** The earliest year a rate may be for. */
export const MIN_RATE_YEAR = 2000
