import { and, between, eq, or, type SQL } from 'drizzle-orm'
import type { AnyPgColumn } from 'drizzle-orm/pg-core'
import { volunteerProfiles } from '#db/schema/index.ts'
import { stateOf, type TravelArea } from '#app/domain/volunteers/travel-area.ts'

/**
 * "Within area" for on-site work, in SQL (decision 028). Places carry no coordinates, so the wider
 * area is the state: a county's FIPS code starts with its state's two digits, and a range on the
 * code uses the same b-tree indexes as equality. Neighbouring counties or a distance would replace
 * the `same_state` branch with a lookup table (county → counties within reach) and nothing else.
 */

/** `column` (a county's FIPS code) lies within `area` of the county `fips`. */
export function countyWithin(column: AnyPgColumn, fips: string, area: TravelArea): SQL {
  if (area === 'same_county') return eq(column, fips)
  const state = stateOf(fips)
  return between(column, `${state}000`, `${state}999`)
}

/**
 * Volunteers who reach on-site work in the county `fips`: those who live there, and those whose
 * travel area includes it (served by volunteer_profiles_travel_place_idx).
 */
export function volunteersReaching(fips: string): SQL {
  return or(
    eq(volunteerProfiles.placeFips, fips),
    and(
      eq(volunteerProfiles.travelArea, 'same_state'),
      countyWithin(volunteerProfiles.placeFips, fips, 'same_state'),
    ),
  )!
}
