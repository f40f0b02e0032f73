/** The state of the county combobox, kept pure so its behaviour is tested without a browser. */

import type { Message } from '#app/lib/i18n/message.ts'

export interface PickedPlace {
  fips: string
  label: string
  /** SVI percentile, 0–1, when known. */
  svi?: number
}

export interface PickerState {
  query: string
  /** Suggestions for `query`, already-chosen places left out. */
  results: PickedPlace[]
  open: boolean
  /** Index in `results` of the option the arrow keys are on, or -1. */
  active: number
  status: 'idle' | 'loading' | 'ready' | 'error'
  selected: PickedPlace[]
  /** What the live region says (translated where shown); changes only when something worth
   * announcing happened. */
  announcement: Message
}

/** Shorter queries match hundreds of counties; the list waits for a second letter. */
export const MIN_QUERY_LENGTH = 2

export type PickerAction =
  | { type: 'typed'; query: string }
  | { type: 'loaded'; query: string; results: PickedPlace[] }
  | { type: 'failed'; query: string }
  | { type: 'move'; by: 1 | -1 }
  | { type: 'hover'; index: number }
  | { type: 'close' }
  | { type: 'choose'; index?: number }
  | { type: 'remove'; fips: string }
  /** The chosen places replaced at once (a restored browser backup). */
  | { type: 'replace'; selected: PickedPlace[] }

export function initialPickerState(selected: PickedPlace[]): PickerState {
  return {
    query: '',
    results: [],
    open: false,
    active: -1,
    status: 'idle',
    selected: dedupe(selected),
    announcement: '',
  }
}

function dedupe(places: PickedPlace[]): PickedPlace[] {
  const seen = new Set<string>()
  return places.filter((p) => (seen.has(p.fips) ? false : (seen.add(p.fips), true)))
}

export function countMessage(n: number): Message {
  if (n === 0) return 'applications:steps.places.noMatch'
  return { key: 'applications:steps.places.found', values: { count: n } }
}

function selectedMessage(n: number): Message {
  return n === 0
    ? 'applications:steps.places.noneSelected'
    : { key: 'applications:steps.places.selected', values: { count: n } }
}

/**
 * Whether to show, as well as announce, that the search found nothing: the list is empty then,
 * and a sighted user would otherwise see no answer at all.
 */
export function showsNoMatch(state: PickerState): boolean {
  return state.status === 'ready' && state.results.length === 0 && shouldSearch(state.query)
}

/** Whether a query is long enough to be sent to the server. */
export function shouldSearch(query: string): boolean {
  return query.trim().length >= MIN_QUERY_LENGTH
}

export function pickerReducer(state: PickerState, action: PickerAction): PickerState {
  switch (action.type) {
    case 'typed': {
      if (!shouldSearch(action.query)) {
        return {
          ...state,
          query: action.query,
          results: [],
          open: false,
          active: -1,
          status: 'idle',
        }
      }
      return { ...state, query: action.query, status: 'loading' }
    }
    case 'loaded': {
      // An answer to an earlier query arriving late must not replace the current one.
      if (action.query !== state.query) return state
      const chosen = new Set(state.selected.map((p) => p.fips))
      const results = action.results.filter((p) => !chosen.has(p.fips))
      return {
        ...state,
        results,
        open: results.length > 0,
        active: -1,
        status: 'ready',
        announcement: countMessage(results.length),
      }
    }
    case 'failed': {
      if (action.query !== state.query) return state
      return {
        ...state,
        results: [],
        open: false,
        active: -1,
        status: 'error',
        announcement: 'applications:steps.places.loadFailed',
      }
    }
    case 'move': {
      if (state.results.length === 0) return state
      if (!state.open)
        return { ...state, open: true, active: action.by === 1 ? 0 : state.results.length - 1 }
      const n = state.results.length
      // From "nothing active", down goes to the first option and up to the last; both wrap.
      const active =
        state.active === -1 ? (action.by === 1 ? 0 : n - 1) : (state.active + action.by + n) % n
      return { ...state, active }
    }
    case 'hover':
      return action.index >= 0 && action.index < state.results.length
        ? { ...state, active: action.index }
        : state
    case 'close':
      return state.open ? { ...state, open: false, active: -1 } : state
    case 'choose': {
      const index = action.index ?? state.active
      const place = state.open ? state.results[index] : undefined
      if (!place) return state
      const selected = [...state.selected, place]
      return {
        ...state,
        query: '',
        results: [],
        open: false,
        active: -1,
        status: 'idle',
        selected,
        announcement: {
          key: 'applications:steps.places.added',
          values: { label: place.label, count: selected.length },
        },
      }
    }
    case 'remove': {
      const place = state.selected.find((p) => p.fips === action.fips)
      if (!place) return state
      const selected = state.selected.filter((p) => p.fips !== action.fips)
      return {
        ...state,
        selected,
        announcement: selected.length
          ? {
              key: 'applications:steps.places.removed',
              values: { label: place.label, count: selected.length },
            }
          : { key: 'applications:steps.places.removedLast', values: { label: place.label } },
      }
    }
    case 'replace': {
      const selected = dedupe(action.selected)
      return {
        ...state,
        selected,
        announcement: selectedMessage(selected.length),
      }
    }
  }
}

/**
 * The places a browser backup kept (each chosen county's JSON, as the picker writes it). A bare
 * code (a backup from before) counts when it is one of the `known` places; anything else
 * misshapen is left out.
 */
export function placesFromBackup(items: string[], known: PickedPlace[] = []): PickedPlace[] {
  return items.flatMap((item) => {
    const place = known.find((p) => p.fips === item)
    if (place) return [place]
    try {
      const value = JSON.parse(item) as Partial<PickedPlace> | null
      if (typeof value?.fips !== 'string' || !/^\d{5}$/.test(value.fips)) return []
      if (typeof value.label !== 'string' || !value.label) return []
      const svi = typeof value.svi === 'number' ? value.svi : undefined
      return [{ fips: value.fips, label: value.label, ...(svi === undefined ? {} : { svi }) }]
    } catch {
      return []
    }
  })
}

/** The query string for the place search resource. */
export function searchUrl(query: string, states?: readonly string[]): string {
  const params = new URLSearchParams({ q: query.trim().slice(0, 100) })
  for (const s of states ?? []) params.append('states', s)
  return `/resources/places?${params.toString()}`
}
