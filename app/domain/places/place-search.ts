import { findState, foldName, statesStartingWith, type UsState } from './us-states.ts'

/** One way to read what someone typed: a county name, maybe limited to some states. */
export interface PlaceQuery {
  /** Folded (see foldName) county name or its beginning. */
  name: string
  /** Full state names, or null for anywhere. An empty list means a state nobody recognises. */
  states: string[] | null
}

/** The data spells "Saint" as "St." and "Sainte" as "Ste."; people type either. */
function abbreviateSaints(folded: string): string {
  return folded.replace(/\bsainte\b/g, 'ste').replace(/\bsaint\b/g, 'st')
}

/**
 * A trailing state name or postal abbreviation split off a folded text: "cook il" →
 * { name: "cook", state: Illinois }. Longest first, so "new york" wins over "york".
 * The name must not be empty: "washington" alone is a county name, not a state filter.
 */
function splitTrailingState(folded: string): { name: string; state: UsState } | null {
  const words = folded.split(' ')
  for (const size of [3, 2, 1]) {
    if (words.length <= size) continue
    const state = findState(words.slice(-size).join(' '))
    if (state) return { name: words.slice(0, -size).join(' '), state }
  }
  return null
}

/**
 * The readings of a type-ahead query, most specific first; a search tries each until one finds
 * something. "Cook, Ill" limits to states starting with "ill"; "cook il" and "cook county
 * illinois" to Illinois, falling back to the whole text as a name (a county can end in a word
 * that is also a state abbreviation).
 */
export function parsePlaceQuery(text: string): PlaceQuery[] {
  const comma = text.lastIndexOf(',')
  if (comma >= 0) {
    const name = abbreviateSaints(foldName(text.slice(0, comma)))
    const statePart = foldName(text.slice(comma + 1))
    if (!name) return []
    if (!statePart) return [{ name, states: null }]
    return [{ name, states: statesStartingWith(statePart).map((s) => s.name) }]
  }
  const folded = abbreviateSaints(foldName(text))
  if (!folded) return []
  const split = splitTrailingState(folded)
  const whole = { name: folded, states: null }
  return split ? [{ name: split.name, states: [split.state.name] }, whole] : [whole]
}

/** One line of the no-JavaScript place list, read as "County, State". */
export type PlaceLine =
  | { kind: 'place'; text: string; name: string; state: UsState | null }
  | { kind: 'bad-state'; text: string; stateText: string }

export function parsePlaceLine(line: string): PlaceLine | null {
  const text = line.trim()
  if (!foldName(text)) return null
  const comma = text.lastIndexOf(',')
  if (comma >= 0) {
    const name = abbreviateSaints(foldName(text.slice(0, comma)))
    const stateText = text.slice(comma + 1).trim()
    const state = findState(stateText)
    if (!stateText) return { kind: 'place', text, name, state: null }
    if (!state) return { kind: 'bad-state', text, stateText }
    return { kind: 'place', text, name, state }
  }
  const folded = abbreviateSaints(foldName(text))
  const split = splitTrailingState(folded)
  return split
    ? { kind: 'place', text, name: split.name, state: split.state }
    : { kind: 'place', text, name: folded, state: null }
}

/**
 * Words that say what kind of county-equivalent a place is. Leaving them off is how people
 * usually write a place ("Cook, Illinois"); "city" is among them so that "St. Louis, Missouri"
 * is seen to mean either St. Louis County or St. Louis city rather than silently one of them.
 */
const KIND_SUFFIX =
  / (county|parish|borough|census area|municipality|city and borough|planning region|city)$/

export function withoutKind(folded: string): string {
  return folded.replace(KIND_SUFFIX, '')
}

/**
 * The counties a written name means: the exact name when one is written out in full, otherwise
 * every county whose name without its kind word is the same. `folded` is the county's name
 * through foldName, worked out once for all the lines being read.
 */
export function countiesNamed<T extends { folded: string }>(name: string, candidates: T[]): T[] {
  const exact = candidates.filter((c) => c.folded === name)
  if (exact.length > 0) return exact
  const bare = withoutKind(name)
  return candidates.filter((c) => withoutKind(c.folded) === bare)
}
