import { sql } from 'drizzle-orm'
import { check, doublePrecision, index, integer, pgTable, text } from 'drizzle-orm/pg-core'

/**
 * US counties with the CDC/ATSDR Social Vulnerability Index (data/svi, loaded by migration).
 * Percentiles run 0 (least vulnerable) to 1 (most), ranked against all US counties; every figure
 * derived from them carries `dataYear`.
 */
export const places = pgTable(
  'places',
  {
    fips: text('fips').primaryKey(),
    state: text('state').notNull(),
    county: text('county').notNull(),
    svi: doublePrecision('svi').notNull(),
    sviSocioeconomic: doublePrecision('svi_socioeconomic').notNull(),
    sviHousehold: doublePrecision('svi_household').notNull(),
    sviMinorityLanguage: doublePrecision('svi_minority_language').notNull(),
    sviHousingTransport: doublePrecision('svi_housing_transport').notNull(),
    population: integer('population').notNull(),
    dataYear: integer('data_year').notNull(),
  },
  (t) => [
    index('places_state_county_idx').on(t.state, t.county),
    check(
      'places_svi_range',
      sql`${t.svi} BETWEEN 0 AND 1 AND ${t.sviSocioeconomic} BETWEEN 0 AND 1 AND ${t.sviHousehold} BETWEEN 0 AND 1 AND ${t.sviMinorityLanguage} BETWEEN 0 AND 1 AND ${t.sviHousingTransport} BETWEEN 0 AND 1`,
    ),
  ],
)

export type Place = typeof places.$inferSelect
