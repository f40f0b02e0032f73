import { describe, expect, it } from 'vitest'
import { protectedCharacteristicTerms } from '#app/domain/programs/eligibility-warning.ts'

describe('the eligibility warning', () => {
  it.each([
    ['serving Black-led organisations', ['black']],
    ['Open to organisations led by women of color', ['women']],
    ['Applicants must be of Hispanic ethnicity', ['hispanic', 'ethnicity']],
    ['Only Christian churches may apply', ['christian']],
    ['Groups selected by race or sex', ['race', 'sex']],
    ['based on NATIONAL   ORIGIN', ['national origin']],
    ['open to all genders', ['genders']],
    ['Organizaciones dirigidas por mujeres', ['mujeres']],
    ['Solo grupos de origen nacional mexicano', ['origen nacional']],
    ['Según su Religión', ['religion']],
    ['comunidades afroamericanas y latinas', ['afroamericanas', 'latinas']],
    ['grupos por género', ['genero']],
  ])('warns on %j', (text, expected) => {
    expect(protectedCharacteristicTerms(text)).toEqual(expected)
  })

  it.each([
    'blackberry farm cooperatives',
    'Whitehall neighbourhood associations',
    'Organisations in counties in the top quartile of the Social Vulnerability Index',
    'Annual budget under $250,000',
    'Led by people with lived experience of housing insecurity',
    'Sextant Park tenants; Essex County; mentors and menus',
    'racetrack workers',
    'Organizaciones en barrios con alta vulnerabilidad social',
    'un presupuesto anual menor de 250.000 dólares',
    '',
  ])('does not warn on %j', (text) => {
    expect(protectedCharacteristicTerms(text)).toEqual([])
  })
})
