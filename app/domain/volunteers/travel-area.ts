/**
 * How far a volunteer travels for on-site work (issue 11, "place for on-site work"). Places have
 * no coordinates and no adjacency here, so the wider area is the state (a county's FIPS code
 * starts with its state's two digits). A later `neighbouring_counties` or distance in miles fits
 * beside these: only `placesWithin` (SQL) and this list change (decision 028, "Within area").
 */
export const TRAVEL_AREAS = ['same_county', 'same_state'] as const
export type TravelArea = (typeof TRAVEL_AREAS)[number]

/** The areas' names, as translation keys. */
export const TRAVEL_AREA_KEYS: Record<TravelArea, string> = {
  same_county: 'volunteers:travelArea.same_county',
  same_state: 'volunteers:travelArea.same_state',
}

/** The areas as a profile page says them of the volunteer, as translation keys. */
export const TRAVEL_AREA_PROFILE_KEYS: Record<TravelArea, string> = {
  same_county: 'volunteers:profile.travelAreaValue.same_county',
  same_state: 'volunteers:profile.travelAreaValue.same_state',
}

/** The state part of a county's five-digit FIPS code. */
export const stateOf = (fips: string) => fips.slice(0, 2)

/**
 * Whether a volunteer in `volunteerFips` who travels `area` reaches work in `workFips`; the pure
 * twin of the SQL filter, for the place reason's words.
 */
export function placeFitWithin(
  volunteerFips: string | null,
  area: TravelArea,
  workFips: string | null,
): 'same_place' | 'within_area' | 'outside_area' | 'unknown' {
  if (volunteerFips === null || workFips === null) return 'unknown'
  if (volunteerFips === workFips) return 'same_place'
  if (area === 'same_state' && stateOf(volunteerFips) === stateOf(workFips)) return 'within_area'
  return 'outside_area'
}
