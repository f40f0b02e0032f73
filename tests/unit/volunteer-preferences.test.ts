import { describe, expect, it } from 'vitest'
import { placeFitWithin } from '#app/domain/volunteers/travel-area.ts'
import { VolunteerRequestSchema } from '#app/schemas/volunteers/request.ts'
import { VolunteerProfileSchema } from '#app/schemas/volunteers/profile.ts'
import { fixedT } from '#app/utils/i18n.server.ts'

/*
 * The request form's preferences and the profile's travel area, as the one schema checks them in
 * the browser and in the action; the place fit the reason words are drawn from.
 */

const BASE = {
  projectType: 'bookkeeping_setup',
  skill: 'finance',
  minLevel: 'some',
  title: 'Books',
  goal: 'Know the money.',
  deliverable: 'A ledger.',
  hours: '20',
  pointPerson: '6f1c1e0e-6a53-4b70-9f7e-4f7bb1ad2a11',
  timeZone: 'America/Chicago',
  workMode: 'remote',
}

const errorsOf = (input: Record<string, unknown>) => {
  const parsed = VolunteerRequestSchema.safeParse(input)
  return parsed.success
    ? {}
    : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message]))
}

describe('VolunteerRequestSchema: preferences', () => {
  it('takes preferred languages, working hours (blank rows dropped) and an optional grant', () => {
    const parsed = VolunteerRequestSchema.parse({
      ...BASE,
      preferredLanguages: ['es', 'vi'],
      groupHours: [
        { weekday: '2', start: '09:00', end: '12:30' },
        { weekday: '', start: '', end: '' },
      ],
      grant: '',
    })
    expect(parsed.preferredLanguages).toEqual(['es', 'vi'])
    expect(parsed.groupHours).toEqual([{ weekday: 2, startMinute: 540, endMinute: 750 }])
    expect(parsed.grant).toBeNull()
  })

  it('refuses a half-filled or backwards window, overlapping windows, a bad zone and a bad grant', () => {
    expect(
      errorsOf({
        ...BASE,
        timeZone: 'Nowhere/Else',
        grant: 'not-a-grant',
        groupHours: [{ weekday: '2', start: '12:00', end: '09:00' }],
      }),
    ).toEqual({
      timeZone: 'validation:volunteers.timeZone',
      grant: 'validation:volunteers.grant',
      'groupHours.0.end': 'validation:volunteers.endAfterStart',
    })
    expect(
      errorsOf({
        ...BASE,
        groupHours: [
          { weekday: '1', start: '09:00', end: '12:00' },
          { weekday: '1', start: '11:00', end: '13:00' },
        ],
      }),
    ).toEqual({ groupHours: 'validation:volunteers.windowsOverlap' })
  })

  it('refuses a language both required and preferred', () => {
    expect(errorsOf({ ...BASE, languages: ['es'], preferredLanguages: ['es', 'en'] })).toEqual({
      preferredLanguages: 'validation:volunteers.preferredAlsoRequired',
    })
  })
})

describe('VolunteerProfileSchema: travel area', () => {
  const profile = {
    headline: 'Bookkeeper',
    skills: { finance: 'expert' },
    languages: ['en'],
    timeZone: 'America/Chicago',
    workMode: 'on_site',
    hoursPerMonth: '10',
  }
  it('defaults to the own county and refuses an unknown area', () => {
    expect(VolunteerProfileSchema.parse(profile).travelArea).toBe('same_county')
    expect(VolunteerProfileSchema.parse({ ...profile, travelArea: 'same_state' }).travelArea).toBe(
      'same_state',
    )
    const refused = VolunteerProfileSchema.safeParse({ ...profile, travelArea: 'anywhere' })
    expect(refused.success).toBe(false)
    expect(refused.error?.issues[0]?.message).toBe('validation:volunteers.travelArea')
  })
})

describe('placeFitWithin', () => {
  it('is the same county, the same state for a state-wide volunteer, or outside', () => {
    expect(placeFitWithin('39035', 'same_county', '39035')).toBe('same_place')
    expect(placeFitWithin('39093', 'same_county', '39035')).toBe('outside_area')
    expect(placeFitWithin('39093', 'same_state', '39035')).toBe('within_area')
    expect(placeFitWithin('26163', 'same_state', '39035')).toBe('outside_area')
    expect(placeFitWithin(null, 'same_state', '39035')).toBe('unknown')
  })
})

describe('the new words, in English and Spanish', () => {
  it('has every key in both languages', () => {
    const keys = [
      'volunteers:travelArea.same_county',
      'volunteers:travelArea.same_state',
      'volunteers:profileForm.travelArea',
      'volunteers:requestForm.preferredLanguagesLegend',
      'volunteers:requestForm.groupHoursLegend',
      'volunteers:requestForm.timeZone',
      'volunteers:requestForm.grant',
      'volunteers:requestForm.noGrant',
      'volunteers:refusals.grant',
      'validation:volunteers.travelArea',
      'validation:volunteers.grant',
      'validation:volunteers.preferredAlsoRequired',
    ]
    for (const key of keys) {
      const en = fixedT('en')(key)
      const es = fixedT('es')(key)
      expect(en, key).not.toBe(key.split(':')[1])
      expect(es, key).not.toBe(en)
    }
  })
})
