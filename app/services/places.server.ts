import { and, asc, desc, inArray, sql, type SQL } from 'drizzle-orm'
import { db } from '#db/client.server.ts'
import { preparedQuery } from '#db/prepared.server.ts'
import type { SingleMessage } from '#app/lib/i18n/message.ts'
import { places } from '#db/schema/index.ts'
import {
  countiesNamed,
  parsePlaceLine,
  parsePlaceQuery,
  type PlaceQuery,
} from '#app/domain/places/place-search.ts'
import { findState, foldName } from '#app/domain/places/us-states.ts'
import {
  ineligiblePlaceMessage,
  isPlaceEligible,
  type PlaceLimits,
} from '#app/domain/places/place-eligibility.ts'
import {
  weightedVulnerability,
  SVI_DATA_YEAR,
  type PlaceVulnerability,
} from '#app/domain/places/vulnerability.ts'

export { weightedVulnerability, SVI_DATA_YEAR, type PlaceVulnerability }

/** A county as pickers, forms and pages show it. */
export interface PlaceSummary {
  fips: string
  /** "Cook County, Illinois". */
  label: string
  state: string
  county: string
  /** Overall SVI percentile, 0–1. */
  svi: number
  population: number
  dataYear: number
}

export const MAX_SEARCH_LIMIT = 25
/** More lines than any real application serves; stops a pasted novel from becoming a query. */
export const MAX_PLACE_LINES = 200

const summaryColumns = {
  fips: places.fips,
  state: places.state,
  county: places.county,
  svi: places.svi,
  population: places.population,
  dataYear: places.dataYear,
}

type Row = Omit<PlaceSummary, 'label'>

const summarise = (row: Row): PlaceSummary => ({ ...row, label: `${row.county}, ${row.state}` })

// foldName (app/domain/places/us-states.ts) in SQL, so typed text and stored names compare the same way
// on PostgreSQL and PGlite alike (no unaccent extension needed). Accents are translated before
// lower(), which leaves non-ASCII letters alone under the C locale.
const ACCENTED = 'ÀÁÂÃÄÅàáâãäåÇçÈÉÊËèéêëÌÍÎÏìíîïÑñÒÓÔÕÖòóôõöÙÚÛÜùúûüÝýÿ'
const PLAIN = [...ACCENTED].map((c) => c.normalize('NFD')[0]).join('')
const foldedCounty = sql<string>`trim(regexp_replace(regexp_replace(lower(translate(${places.county}, ${ACCENTED}, ${PLAIN})), ${"['’.]"}, '', 'g'), '[^a-z0-9]+', ' ', 'g'))`

/** Full state names from names or abbreviations; unknown entries are dropped. */
function stateNames(states: readonly string[] | undefined): string[] | undefined {
  if (!states || states.length === 0) return undefined
  const names: string[] = []
  for (const s of states) {
    const state = findState(s)
    if (state && !names.includes(state.name)) names.push(state.name)
  }
  return names
}

function intersect(a: string[] | null, b: string[] | undefined): string[] | null {
  if (!b) return a
  if (!a) return b
  return a.filter((s) => b.includes(s))
}

async function searchOne(query: PlaceQuery, states: string[] | undefined, limit: number) {
  const within = intersect(query.states, states)
  if (within && within.length === 0) return []
  // The folded name holds only [a-z0-9 ], so it cannot carry LIKE wildcards.
  const n = query.name
  const rank = sql<number>`CASE
    WHEN ${foldedCounty} = ${n} OR ${foldedCounty} LIKE ${n + ' %'} THEN 0
    WHEN ${foldedCounty} LIKE ${n + '%'} THEN 1
    WHEN ${foldedCounty} LIKE ${'% ' + n + '%'} THEN 2
    ELSE 3 END`
  const conditions: SQL[] = [sql`${foldedCounty} LIKE ${'%' + n + '%'}`]
  if (within) conditions.push(inArray(places.state, within))
  return (
    db()
      .select(summaryColumns)
      .from(places)
      .where(and(...conditions))
      // Whole-word prefix, then prefix, then a later word, then anywhere; the most populous first
      // within each, since that is the county most people typing the name mean.
      .orderBy(rank, desc(places.population), asc(places.county), asc(places.state))
      .limit(limit)
  )
}

/**
 * Type-ahead over county names: "cook", "Cook, Illinois", "cook il", "cook county" all find Cook
 * County, Illinois. `states` (names or postal abbreviations) restricts the suggestions.
 */
export async function searchPlaces(
  query: string,
  { limit = 10, states }: { limit?: number; states?: readonly string[] } = {},
): Promise<PlaceSummary[]> {
  const capped = Math.min(Math.max(1, Math.floor(limit)), MAX_SEARCH_LIMIT)
  const allowed = stateNames(states)
  for (const reading of parsePlaceQuery(query.slice(0, 100))) {
    const rows = await searchOne(reading, allowed, capped)
    if (rows.length > 0) return rows.map(summarise)
  }
  return []
}

/** Prepared: the funder's overview and every program page name their eligible counties. */
const placesByFipsQuery = preparedQuery('places_by_fips', (db, name) =>
  db
    .select(summaryColumns)
    .from(places)
    .where(sql`${places.fips} = ANY(${sql.placeholder('fips')}::text[])`)
    .prepare(name),
)

/** The counties with these FIPS codes, in the order asked for; unknown codes are left out. */
export async function getPlaces(fips: readonly string[]): Promise<PlaceSummary[]> {
  const wanted = [...new Set(fips.filter((f) => /^\d{5}$/.test(f)))]
  if (wanted.length === 0) return []
  const rows = await placesByFipsQuery().execute({ fips: wanted })
  const byFips = new Map(rows.map((r) => [r.fips, summarise(r)]))
  return wanted.map((f) => byFips.get(f)).filter((p): p is PlaceSummary => !!p)
}

/** The population-weighted SVI percentile of the places an application serves (null for none). */
export async function populationWeightedVulnerability(
  fips: readonly string[],
): Promise<PlaceVulnerability | null> {
  return weightedVulnerability(await getPlaces(fips))
}

const sorted = (names: readonly string[]) => [...names].sort()

/**
 * Reads the no-JavaScript place list: one "County, State" per line. Each line is either matched
 * to exactly one county or left unmatched with a message saying how to fix it; nothing is
 * guessed. `states` limits which counties may be chosen (a program's eligible states). The
 * messages are keys with values (`Message`), shown in the reader's language.
 */
export async function resolvePlaceLines(
  text: string,
  { states }: { states?: readonly string[] } = {},
): Promise<{ matched: PlaceSummary[]; unmatched: SingleMessage[] }> {
  const lines = text
    .split(/\r?\n/)
    .map(parsePlaceLine)
    .filter((l) => l !== null)
  const unmatched: SingleMessage[] = []
  if (lines.length > MAX_PLACE_LINES) {
    unmatched.push({ key: 'validation:places.tooManyLines', values: { count: MAX_PLACE_LINES } })
    lines.length = MAX_PLACE_LINES
  }
  const allowed = stateNames(states)
  const wantedStates = lines.map((l) => (l.kind === 'place' ? l.state?.name : undefined))
  // One query: every county of the states named, or the whole table when a line names none.
  const candidates = (
    await db()
      .select(summaryColumns)
      .from(places)
      .where(
        wantedStates.includes(undefined)
          ? undefined
          : inArray(places.state, wantedStates as string[]),
      )
  ).map((row) => ({ ...summarise(row), folded: foldName(row.county) }))

  const matched = new Map<string, PlaceSummary>()
  for (const line of lines) {
    if (line.kind === 'bad-state') {
      unmatched.push({
        key: 'validation:places.badState',
        values: { line: line.text, state: line.stateText },
      })
      continue
    }
    const pool = line.state ? candidates.filter((c) => c.state === line.state?.name) : candidates
    const found = countiesNamed(line.name, pool)
    if (found.length === 0) {
      unmatched.push(
        line.state
          ? {
              key: 'validation:places.noCountyInState',
              values: { line: line.text, state: line.state.name },
            }
          : { key: 'validation:places.noCounty', values: { line: line.text } },
      )
      continue
    }
    if (found.length > 1) {
      const inStates = [...new Set(found.map((f) => f.state))]
      // The example is the most populous candidate: the likeliest to be meant.
      const example = found.reduce((a, b) => (b.population > a.population ? b : a)).label
      unmatched.push(
        inStates.length > 1
          ? {
              key: 'validation:places.severalStates',
              values: { line: line.text, states: sorted(inStates), example },
            }
          : {
              key: 'validation:places.severalCounties',
              values: { line: line.text, counties: sorted(found.map((f) => f.county)), example },
            },
      )
      continue
    }
    const { folded: _folded, ...place } = found[0] as PlaceSummary & { folded: string }
    if (allowed && !allowed.includes(place.state)) {
      unmatched.push({
        key: 'validation:places.outsideAllowedStates',
        values: { place: place.label, states: sorted(allowed) },
      })
      continue
    }
    matched.set(place.fips, place)
  }
  return { matched: [...matched.values()], unmatched }
}

/**
 * The places posted through PlacePicker, as its schema parsed them: the FIPS codes of its hidden
 * inputs plus, when the browser had no JavaScript, the lines of its textarea. With `limits` (a
 * program's eligible states and counties), places outside them are refused with the reason,
 * whichever way they were entered.
 */
export async function resolvePlaceField(
  field: { fips: readonly string[]; text?: string },
  { limits }: { limits?: PlaceLimits } = {},
): Promise<{ places: PlaceSummary[]; unmatched: SingleMessage[] }> {
  const picked = await getPlaces([...field.fips])
  const typed = field.text?.trim()
    ? await resolvePlaceLines(field.text)
    : { matched: [], unmatched: [] }
  const unmatched = [...typed.unmatched]
  const byFips = new Map<string, PlaceSummary>()
  for (const p of [...picked, ...typed.matched]) {
    // The picker suggests only counties of allowed states, but not by county, and a crafted post
    // could send any code.
    if (limits && !isPlaceEligible(limits, p)) {
      unmatched.push(ineligiblePlaceMessage(limits, p))
    } else {
      byFips.set(p.fips, p)
    }
  }
  return { places: [...byFips.values()], unmatched }
}
