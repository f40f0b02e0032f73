import { english } from '#tests/support/english.ts'
import { describe, expect, it } from 'vitest'
import {
  countMessage,
  initialPickerState,
  pickerReducer,
  placesFromBackup,
  searchUrl,
  shouldSearch,
  showsNoMatch,
  type PickedPlace,
  type PickerAction,
  type PickerState,
} from '#app/components/place-picker-state.ts'

const cook: PickedPlace = { fips: '17031', label: 'Cook County, Illinois', svi: 0.7964 }
const cookGa: PickedPlace = { fips: '13075', label: 'Cook County, Georgia', svi: 0.9338 }
const cookMn: PickedPlace = { fips: '27031', label: 'Cook County, Minnesota', svi: 0.084 }

const run = (state: PickerState, ...actions: PickerAction[]) => actions.reduce(pickerReducer, state)

function withResults(selected: PickedPlace[] = []) {
  return run(
    initialPickerState(selected),
    { type: 'typed', query: 'cook' },
    { type: 'loaded', query: 'cook', results: [cook, cookGa, cookMn] },
  )
}

describe('place picker state', () => {
  it('starts closed with the chosen places, without duplicates', () => {
    const state = initialPickerState([cook, cook, cookGa])
    expect(state.selected).toEqual([cook, cookGa])
    expect(state.open).toBe(false)
  })

  it('waits for two letters before searching', () => {
    expect(shouldSearch('c')).toBe(false)
    expect(shouldSearch(' co ')).toBe(true)
    const state = run(initialPickerState([]), { type: 'typed', query: 'c' })
    expect(state.status).toBe('idle')
    expect(run(state, { type: 'typed', query: 'co' }).status).toBe('loading')
  })

  it('opens on results, announces the count and leaves out places already chosen', () => {
    const state = withResults([cookGa])
    expect(state.open).toBe(true)
    expect(state.results).toEqual([cook, cookMn])
    expect(state.announcement).toEqual(countMessage(2))
    expect(state.active).toBe(-1)
  })

  it('ignores an answer to an earlier query', () => {
    const state = run(
      initialPickerState([]),
      { type: 'typed', query: 'co' },
      { type: 'typed', query: 'cook' },
      { type: 'loaded', query: 'co', results: [cookMn] },
    )
    expect(state.results).toEqual([])
    expect(state.status).toBe('loading')
  })

  it('announces when nothing matches and stays closed', () => {
    const state = run(
      initialPickerState([]),
      { type: 'typed', query: 'zzz' },
      { type: 'loaded', query: 'zzz', results: [] },
    )
    expect(state.open).toBe(false)
    expect(english(state.announcement)).toBe('No counties match.')
  })

  it('moves with the arrow keys, wrapping at both ends', () => {
    const state = withResults()
    expect(run(state, { type: 'move', by: 1 }).active).toBe(0)
    expect(run(state, { type: 'move', by: -1 }).active).toBe(2)
    expect(run(state, { type: 'move', by: 1 }, { type: 'move', by: -1 }).active).toBe(2)
    expect(
      run(state, { type: 'move', by: 1 }, { type: 'move', by: 1 }, { type: 'move', by: 1 }).active,
    ).toBe(2)
    expect(
      run(
        state,
        { type: 'move', by: 1 },
        { type: 'move', by: 1 },
        { type: 'move', by: 1 },
        { type: 'move', by: 1 },
      ).active,
    ).toBe(0)
  })

  it('chooses the active option with Enter, clears the query and announces it', () => {
    const state = run(withResults(), { type: 'move', by: 1 }, { type: 'choose' })
    expect(state.selected).toEqual([cook])
    expect(state.query).toBe('')
    expect(state.open).toBe(false)
    expect(english(state.announcement)).toBe('Cook County, Illinois added. 1 county selected.')
  })

  it('chooses nothing when no option is active or the list is closed', () => {
    expect(run(withResults(), { type: 'choose' }).selected).toEqual([])
    expect(run(withResults(), { type: 'close' }, { type: 'choose', index: 0 }).selected).toEqual([])
  })

  it('chooses a clicked option', () => {
    expect(run(withResults(), { type: 'choose', index: 2 }).selected).toEqual([cookMn])
  })

  it('closes with Escape and reopens with an arrow key', () => {
    const closed = run(withResults(), { type: 'move', by: 1 }, { type: 'close' })
    expect(closed.open).toBe(false)
    expect(closed.active).toBe(-1)
    const reopened = run(closed, { type: 'move', by: 1 })
    expect(reopened.open).toBe(true)
    expect(reopened.active).toBe(0)
  })

  it('removes a chosen place and says how many are left', () => {
    const state = run(initialPickerState([cook, cookGa]), { type: 'remove', fips: cook.fips })
    expect(state.selected).toEqual([cookGa])
    expect(english(state.announcement)).toBe('Cook County, Illinois removed. 1 county selected.')
    expect(english(run(state, { type: 'remove', fips: cookGa.fips }).announcement)).toBe(
      'Cook County, Georgia removed. No counties selected.',
    )
  })

  it('takes the places a browser backup kept, replacing the chosen ones', () => {
    const kept = placesFromBackup(
      [JSON.stringify(cookGa), JSON.stringify(cookMn), '{"fips":"x"}', 'not json', cook.fips],
      [cook],
    )
    expect(kept).toEqual([cookGa, cookMn, cook])
    const state = run(initialPickerState([cook]), { type: 'replace', selected: kept })
    expect(state.selected).toEqual([cookGa, cookMn, cook])
    expect(english(state.announcement)).toBe('3 counties selected.')
    expect(run(state, { type: 'replace', selected: [] }).selected).toEqual([])
  })

  it('reports a failed search', () => {
    const state = run(
      initialPickerState([]),
      { type: 'typed', query: 'cook' },
      { type: 'failed', query: 'cook' },
    )
    expect(state.status).toBe('error')
    expect(english(state.announcement)).toMatch(/Could not load counties/)
  })

  it('builds the search URL with the state restriction', () => {
    expect(searchUrl(' cook ', ['Illinois', 'Indiana'])).toBe(
      '/resources/places?q=cook&states=Illinois&states=Indiana',
    )
  })

  it('shows "No counties match." once a search found nothing, and not while the next one runs', () => {
    const none = run(
      initialPickerState([]),
      { type: 'typed', query: 'zzyzx' },
      { type: 'loaded', query: 'zzyzx', results: [] },
    )
    expect(showsNoMatch(none)).toBe(true)
    expect(english(none.announcement)).toBe('No counties match.')
    expect(showsNoMatch(run(none, { type: 'typed', query: 'zzyzx c' }))).toBe(false)
    expect(showsNoMatch(withResults())).toBe(false)
    expect(showsNoMatch(run(none, { type: 'typed', query: 'z' }))).toBe(false)
  })
})
