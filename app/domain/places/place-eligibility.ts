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

function listNames(names: readonly string[]) {
  if (names.length <= 1) return names.join('')
  return `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`
}

/** Why this place is outside the program, in words the applicant can act on. */
export function ineligiblePlaceMessage(limits: PlaceLimits, place: PlaceRef) {
  const states = listNames(limits.eligibleStates)
  if (limits.eligibleCountyFips.length === 0) {
    return `${place.label} is outside the places this program funds: it funds work in ${states} only`
  }
  if (limits.eligibleStates.length === 0) {
    return `${place.label} is outside the places this program funds: it funds work only in the counties listed on the program’s page`
  }
  return `${place.label} is outside the places this program funds: it funds work in ${states} or in the counties listed on the program’s page`
}

/** One message for each place outside the program's limits. */
export function ineligiblePlaces(limits: PlaceLimits, places: readonly PlaceRef[]) {
  return places
    .filter((p) => !isPlaceEligible(limits, p))
    .map((p) => ineligiblePlaceMessage(limits, p))
}
