import { describe, expect, it } from 'vitest'
import { loader as placesResource } from '#app/routes/resources.places.ts'
import {
  getPlaces,
  populationWeightedVulnerability,
  resolvePlaceField,
  resolvePlaceLines,
  searchPlaces,
} from '#app/services/places.server.ts'
import { withTestDatabase } from '#tests/support/database.ts'
import { english } from '#tests/support/english.ts'
import { translateMessage, type Message } from '#app/lib/i18n/message.ts'
import { fixedT } from '#app/utils/i18n.server.ts'

withTestDatabase()

const labels = (places: { label: string }[]) => places.map((p) => p.label)
const inEnglish = (messages: readonly Message[]) => messages.map(english)
const inSpanish = (messages: readonly Message[]) =>
  messages.map((m) => translateMessage(fixedT('es'), m))

describe('searchPlaces', () => {
  it.each(['cook', 'Cook', 'cook il', 'Cook, Illinois', 'cook county', 'COOK COUNTY, IL'])(
    'finds Cook County, Illinois first for %j',
    async (q) => {
      const [first] = await searchPlaces(q)
      expect(first).toMatchObject({
        fips: '17031',
        label: 'Cook County, Illinois',
        population: 5_225_367,
        dataYear: 2022,
      })
      expect(first?.svi).toBeCloseTo(0.7964, 4)
    },
  )

  it('puts whole-word prefixes before longer prefixes, and those before substrings', async () => {
    const results = labels(await searchPlaces('cook', { limit: 25 }))
    // Cook County in three states, then Cooke County, Texas, then names merely containing "cook".
    expect(results.slice(0, 3).sort()).toEqual([
      'Cook County, Georgia',
      'Cook County, Illinois',
      'Cook County, Minnesota',
    ])
    expect(results[3]).toBe('Cooke County, Texas')
    expect(results.slice(4).every((l) => !l.toLowerCase().startsWith('cook'))).toBe(true)
    expect(results.some((l) => l.startsWith('Coos'))).toBe(false)
  })

  it('orders each rank by population', async () => {
    const results = await searchPlaces('washington', { limit: 5 })
    const populations = results.map((p) => p.population)
    expect(populations).toEqual([...populations].sort((a, b) => b - a))
  })

  it('ignores accents and punctuation', async () => {
    expect(labels(await searchPlaces('dona ana'))).toContain('Doña Ana County, New Mexico')
    expect(labels(await searchPlaces('prince georges'))[0]).toBe("Prince George's County, Maryland")
    expect(labels(await searchPlaces('saint louis, mo'))).toEqual([
      'St. Louis County, Missouri',
      'St. Louis City, Missouri',
    ])
  })

  it('restricts to the given states, by name or abbreviation', async () => {
    const results = await searchPlaces('cook', { states: ['MN', 'Georgia'] })
    expect(labels(results).sort()).toEqual(['Cook County, Georgia', 'Cook County, Minnesota'])
    expect(await searchPlaces('cook, illinois', { states: ['Georgia'] })).toEqual([])
  })

  it('falls back to the whole text when a trailing word only looks like a state', async () => {
    // "in" is Indiana's abbreviation, but there is no Cook County there.
    expect(await searchPlaces('cook in')).toEqual([])
    expect(labels(await searchPlaces('lake of the woods'))).toContain(
      'Lake of the Woods County, Minnesota',
    )
  })

  it('caps the number of results', async () => {
    expect(await searchPlaces('county', { limit: 500 })).toHaveLength(25)
    expect(await searchPlaces('a', { limit: 3 })).toHaveLength(3)
  })
})

describe('getPlaces and vulnerability', () => {
  it('returns places in the order asked for, leaving out unknown and malformed codes', async () => {
    const places = await getPlaces(['27031', 'nope', '99999', '17031', '27031'])
    expect(places.map((p) => p.fips)).toEqual(['27031', '17031'])
  })

  it('weights the SVI of real counties by their population', async () => {
    const result = await populationWeightedVulnerability(['17031', '27031'])
    const expected = (0.7964 * 5_225_367 + 0.084 * 5_611) / (5_225_367 + 5_611)
    expect(result?.percentile).toBeCloseTo(expected, 4)
    expect(result?.population).toBe(5_230_978)
    expect(result?.dataYear).toBe(2022)
    expect(await populationWeightedVulnerability([])).toBeNull()
  })
})

describe('resolvePlaceLines', () => {
  it('matches one county per line, in many spellings', async () => {
    const { matched, unmatched } = await resolvePlaceLines(
      [
        'Cook County, Illinois',
        '',
        'cook, IL',
        'Doña Ana, NM',
        'Orleans Parish, Louisiana',
        'prince georges county, md',
        'Los Angeles County',
      ].join('\r\n'),
    )
    expect(unmatched).toEqual([])
    expect(labels(matched)).toEqual([
      'Cook County, Illinois',
      'Doña Ana County, New Mexico',
      'Orleans Parish, Louisiana',
      "Prince George's County, Maryland",
      'Los Angeles County, California',
    ])
  })

  it('leaves ambiguous and unknown lines unmatched, saying how to fix each', async () => {
    const { matched, unmatched } = await resolvePlaceLines(
      [
        'Cook County',
        'Baltimore, Maryland',
        'Nowhere County, Ohio',
        'Cook, Ilinois',
        'Atlantis',
      ].join('\n'),
    )
    expect(matched).toEqual([])
    expect(inEnglish(unmatched)).toEqual([
      '“Cook County” is in more than one state (Georgia, Illinois, and Minnesota); add the state, e.g. “Cook County, Illinois”.',
      '“Baltimore, Maryland” could be Baltimore City or Baltimore County; write the full name, e.g. “Baltimore County, Maryland”.',
      '“Nowhere County, Ohio”: no county of that name in Ohio.',
      '“Cook, Ilinois”: “Ilinois” is not a US state; write its full name or two-letter abbreviation.',
      '“Atlantis”: no US county of that name; write it as “County, State”.',
    ])
    // Each message in the reader's language, the lists joined by Spanish words.
    expect(inSpanish(unmatched)).toEqual([
      '“Cook County” está en más de un estado (Georgia, Illinois y Minnesota); agregue el estado, por ejemplo: “Cook County, Illinois”.',
      '“Baltimore, Maryland” podría ser Baltimore City o Baltimore County; escriba el nombre completo, por ejemplo: “Baltimore County, Maryland”.',
      '“Nowhere County, Ohio”: no hay ningún condado con ese nombre en Ohio.',
      '“Cook, Ilinois”: “Ilinois” no es un estado de EE. UU.; escriba su nombre completo o su abreviatura de dos letras.',
      '“Atlantis”: no hay ningún condado de EE. UU. con ese nombre; escríbalo como “Condado, Estado”.',
    ])
  })

  it('refuses counties outside the allowed states', async () => {
    const { matched, unmatched } = await resolvePlaceLines('Cook, IL\nCook, MN', {
      states: ['Minnesota'],
    })
    expect(labels(matched)).toEqual(['Cook County, Minnesota'])
    expect(inEnglish(unmatched)).toEqual([
      'Cook County, Illinois is outside the states allowed here (Minnesota).',
    ])
    expect(inSpanish(unmatched)).toEqual([
      'Cook County, Illinois está fuera de los estados permitidos aquí (Minnesota).',
    ])
  })
})

describe('resolvePlaceField', () => {
  it('merges picked codes with typed lines, once each', async () => {
    const { places, unmatched } = await resolvePlaceField({
      fips: ['17031', '17031'],
      text: 'Cook County, Illinois\nCook, Minnesota\nAtlantis',
    })
    expect(labels(places)).toEqual(['Cook County, Illinois', 'Cook County, Minnesota'])
    expect(unmatched).toHaveLength(1)
  })

  it('refuses a posted code outside the allowed states', async () => {
    const limits = { eligibleStates: ['Georgia'], eligibleCountyFips: [] }
    const { places, unmatched } = await resolvePlaceField({ fips: ['17031'] }, { limits })
    expect(places).toEqual([])
    expect(inEnglish(unmatched)).toEqual([
      'Cook County, Illinois is outside the places this program funds: it funds work in Georgia only.',
    ])
    expect(inSpanish(unmatched)).toEqual([
      'Cook County, Illinois está fuera de los lugares que financia esta convocatoria: solo financia trabajo en Georgia.',
    ])
  })

  it('refuses counties, picked or typed, outside the eligible counties, and keeps those inside', async () => {
    // Franklin County, Ohio by county; anything in Georgia by state.
    const limits = { eligibleStates: ['Georgia'], eligibleCountyFips: ['39049'] }
    const { places, unmatched } = await resolvePlaceField(
      { fips: ['17031', '39049'], text: 'Cook, Minnesota' },
      { limits },
    )
    expect(labels(places)).toEqual(['Franklin County, Ohio'])
    expect(inEnglish(unmatched)).toEqual([
      'Cook County, Illinois is outside the places this program funds: it funds work in Georgia or in the counties listed on the program’s page.',
      'Cook County, Minnesota is outside the places this program funds: it funds work in Georgia or in the counties listed on the program’s page.',
    ])
    // One field error holding both, each read in Spanish (the list form of Message).
    expect(translateMessage(fixedT('es'), unmatched)).toBe(
      [
        'Cook County, Illinois está fuera de los lugares que financia esta convocatoria: financia trabajo en Georgia o en los condados que aparecen en la página de la convocatoria.',
        'Cook County, Minnesota está fuera de los lugares que financia esta convocatoria: financia trabajo en Georgia o en los condados que aparecen en la página de la convocatoria.',
      ].join(' '),
    )
  })

  it('joins several eligible states with the reader’s own “or”', async () => {
    const limits = { eligibleStates: ['Georgia', 'Ohio', 'Texas'], eligibleCountyFips: [] }
    const { unmatched } = await resolvePlaceField({ fips: ['17031'] }, { limits })
    expect(inEnglish(unmatched)).toEqual([
      'Cook County, Illinois is outside the places this program funds: it funds work in Georgia, Ohio, or Texas only.',
    ])
    expect(inSpanish(unmatched)).toEqual([
      'Cook County, Illinois está fuera de los lugares que financia esta convocatoria: solo financia trabajo en Georgia, Ohio o Texas.',
    ])
  })
})

describe('GET /resources/places', () => {
  const get = (query: string) =>
    placesResource({
      request: new Request(`http://localhost/resources/places?${query}`),
      params: {},
      context: { ip: '127.0.0.1', cspNonce: '' },
    })

  it('answers JSON for the picker, restricted to states', async () => {
    const response = await get('q=cook&states=Georgia,Minnesota')
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toMatch(/application\/json/)
    const body = (await response.json()) as { label: string; svi: number }[]
    expect(labels(body).sort()).toEqual(['Cook County, Georgia', 'Cook County, Minnesota'])
    expect(typeof body[0]?.svi).toBe('number')
  })

  it('answers nothing for one letter and refuses oversized queries and limits', async () => {
    expect(await (await get('q=c')).json()).toEqual([])
    expect((await get(`q=${'a'.repeat(101)}`)).status).toBe(400)
    expect((await get('q=cook&limit=1000')).status).toBe(400)
  })
})
