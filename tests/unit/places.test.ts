import { describe, expect, it } from 'vitest'
import {
  countiesNamed,
  parsePlaceLine,
  parsePlaceQuery,
  withoutKind,
} from '#app/domain/places/place-search.ts'
import {
  findState,
  foldName,
  stateOfFips,
  statesStartingWith,
  US_STATES,
} from '#app/domain/places/us-states.ts'
import {
  formatPercentile,
  formatSvi,
  ordinal,
  weightedVulnerability,
} from '#app/domain/places/vulnerability.ts'

describe('weightedVulnerability', () => {
  it('weights each place by its population', () => {
    const result = weightedVulnerability([
      { svi: 0.2, population: 100 },
      { svi: 0.6, population: 300 },
    ])
    expect(result?.percentile).toBeCloseTo(0.5, 10)
    expect(result?.population).toBe(400)
    expect(result?.dataYear).toBe(2022)
  })

  it('is null for no places and the place itself for one', () => {
    expect(weightedVulnerability([])).toBeNull()
    expect(weightedVulnerability([{ svi: 0.87, population: 5, dataYear: 2022 }])).toEqual({
      percentile: 0.87,
      dataYear: 2022,
      population: 5,
    })
  })

  it('counts places equally when no population is known', () => {
    const result = weightedVulnerability([
      { svi: 0.1, population: 0 },
      { svi: 0.3, population: 0 },
    ])
    expect(result?.percentile).toBeCloseTo(0.2, 10)
  })
})

describe('percentile wording', () => {
  it.each([
    [1, '1st'],
    [2, '2nd'],
    [3, '3rd'],
    [4, '4th'],
    [11, '11th'],
    [12, '12th'],
    [13, '13th'],
    [21, '21st'],
    [22, '22nd'],
    [87, '87th'],
    [101, '101st'],
    [111, '111th'],
    [100, '100th'],
  ])('%i is %s', (n, text) => expect(ordinal(n)).toBe(text))

  it('rounds a 0–1 figure to a percentile with the data year', () => {
    expect(formatPercentile(0.8683)).toBe('87th percentile')
    expect(formatPercentile(0.02)).toBe('2nd percentile')
    expect(formatPercentile(0.0012)).toBe('0th percentile')
    expect(formatSvi(0.8683)).toBe('SVI 2022: 87th percentile')
  })
})

describe('US states', () => {
  it('has the 50 states and DC, each with a distinct abbreviation and FIPS prefix', () => {
    expect(US_STATES).toHaveLength(51)
    expect(new Set(US_STATES.map((s) => s.abbr)).size).toBe(51)
    expect(new Set(US_STATES.map((s) => s.fips)).size).toBe(51)
  })

  it.each([
    ['IL', 'Illinois'],
    ['il', 'Illinois'],
    ['Illinois', 'Illinois'],
    ['  new   york ', 'New York'],
    ['D.C.', 'District of Columbia'],
    ['Washington DC', 'District of Columbia'],
    ['district of columbia', 'District of Columbia'],
  ])('reads %j as %s', (text, name) => expect(findState(text)?.name).toBe(name))

  it('knows no state called Ilinois or XX', () => {
    expect(findState('Ilinois')).toBeUndefined()
    expect(findState('XX')).toBeUndefined()
  })

  it('completes a state name as it is typed', () => {
    expect(statesStartingWith('ill').map((s) => s.name)).toEqual(['Illinois'])
    expect(statesStartingWith('new').map((s) => s.abbr)).toEqual(['NH', 'NJ', 'NM', 'NY'])
    expect(statesStartingWith('in').map((s) => s.name)).toEqual(['Indiana'])
  })

  it('finds the state of a county FIPS code', () => {
    expect(stateOfFips('17031')?.name).toBe('Illinois')
  })

  it('folds accents, case and punctuation', () => {
    expect(foldName('Doña Ana County')).toBe('dona ana county')
    expect(foldName("Prince George's")).toBe('prince georges')
    expect(foldName('St. Louis')).toBe('st louis')
    expect(foldName('Matanuska-Susitna')).toBe('matanuska susitna')
  })
})

describe('parsePlaceQuery', () => {
  it.each([
    ['cook', [{ name: 'cook', states: null }]],
    [
      'cook il',
      [
        { name: 'cook', states: ['Illinois'] },
        { name: 'cook il', states: null },
      ],
    ],
    [
      'Cook County Illinois',
      [
        { name: 'cook county', states: ['Illinois'] },
        { name: 'cook county illinois', states: null },
      ],
    ],
    ['Cook, Illinois', [{ name: 'cook', states: ['Illinois'] }]],
    ['Cook, Ill', [{ name: 'cook', states: ['Illinois'] }]],
    ['Cook,', [{ name: 'cook', states: null }]],
    ['Cook, Nowhere', [{ name: 'cook', states: [] }]],
    [
      'york new york',
      [
        { name: 'york', states: ['New York'] },
        { name: 'york new york', states: null },
      ],
    ],
    ['washington', [{ name: 'washington', states: null }]],
    ['Saint Louis', [{ name: 'st louis', states: null }]],
    ['', []],
    [' , IL', []],
  ])('reads %j', (text, readings) => expect(parsePlaceQuery(text)).toEqual(readings))
})

describe('parsePlaceLine', () => {
  it('splits "County, State" and accepts an abbreviation or no comma', () => {
    expect(parsePlaceLine('Cook County, Illinois')).toMatchObject({
      kind: 'place',
      name: 'cook county',
      state: { name: 'Illinois' },
    })
    expect(parsePlaceLine('cook il')).toMatchObject({ name: 'cook', state: { abbr: 'IL' } })
    expect(parsePlaceLine('Los Angeles County')).toMatchObject({ state: null })
  })

  it('reports a state it does not know and skips blank lines', () => {
    expect(parsePlaceLine('Cook, Ilinois')).toEqual({
      kind: 'bad-state',
      text: 'Cook, Ilinois',
      stateText: 'Ilinois',
    })
    expect(parsePlaceLine('   ')).toBeNull()
  })
})

describe('countiesNamed', () => {
  const md = ['Baltimore County', 'Baltimore City', "Prince George's County"].map((county) => ({
    county,
    folded: foldName(county),
  }))

  it('prefers the exact full name', () => {
    expect(countiesNamed('baltimore city', md).map((c) => c.county)).toEqual(['Baltimore City'])
    expect(countiesNamed('prince georges county', md)).toHaveLength(1)
  })

  it('matches a name written without its kind word, ambiguously when two share it', () => {
    expect(countiesNamed('prince georges', md)).toHaveLength(1)
    expect(countiesNamed('baltimore', md)).toHaveLength(2)
  })

  it('strips the kind word', () => {
    expect(withoutKind('orleans parish')).toBe('orleans')
    expect(withoutKind('juneau city and borough')).toBe('juneau')
    expect(withoutKind('county')).toBe('county')
  })
})
