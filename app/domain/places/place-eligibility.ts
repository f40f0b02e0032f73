import { msg } from '#app/lib/i18n/message.ts'

/**
 * Where a program funds work: groups in any of its states, or serving any of its counties. A
 * program that names neither funds work anywhere. The one rule the community step, the
 * submission check and the review page apply.
 */
export interface PlaceLimits {
  /** Full state names, as the county data writes them. */
  eligibleStates: readonly string[]
  /** 5-digit county FIPS codes. */
  eligibleCountyFips: readonly string[]
}

export interface PlaceRef {
  fips: string
  state: string
  label: string
}

export const isLimited = (limits: PlaceLimits) =>
  limits.eligibleStates.length > 0 || limits.eligibleCountyFips.length > 0

export function isPlaceEligible(limits: PlaceLimits, place: Pick<PlaceRef, 'fips' | 'state'>) {
  return (
    !isLimited(limits) ||
    limits.eligibleStates.includes(place.state) ||
    limits.eligibleCountyFips.includes(place.fips)
  )
}

/**
 * Why this place is outside the program, in words the applicant can act on: a message key packed
 * with its values (`msg`), the states as a list the reader's language joins ("Illinois or Indiana").
 */
export function ineligiblePlaceMessage(limits: PlaceLimits, place: PlaceRef): string {
  const values = { place: place.label, states: [...limits.eligibleStates] }
  if (limits.eligibleCountyFips.length === 0) return msg('validation:places.outsideStates', values)
  if (limits.eligibleStates.length === 0) return msg('validation:places.outsideCounties', values)
  return msg('validation:places.outsideStatesOrCounties', values)
}

/** One message for each place outside the program's limits. */
export function ineligiblePlaces(limits: PlaceLimits, places: readonly PlaceRef[]) {
  return places
    .filter((p) => !isPlaceEligible(limits, p))
    .map((p) => ineligiblePlaceMessage(limits, p))
}
