import { describe, expect, it } from 'vitest'
import { SKILLS, VOLUNTEER_SKILLS, meetsLevel } from '#app/domain/skills.ts'
import {
  PROJECT_TYPE_DEFINITIONS,
  PROJECT_TYPE_KEYS,
  PROJECT_TYPE_TEXTS,
  PROJECT_TYPES,
} from '#app/domain/volunteers/project-types.ts'
import { languageCodeOf, languageCodesOf } from '#app/domain/volunteers/languages.ts'
import { minutesOf, timeOf } from '#app/domain/volunteers/availability.ts'
import { VolunteerProfileSchema } from '#app/schemas/volunteers/profile.ts'
import { VolunteerRequestSchema } from '#app/schemas/volunteers/request.ts'
import { readResources } from '#tests/support/i18n-keys.ts'

const resources = readResources()

/** The text under "ns:a.b.c" in a language's files, or undefined. */
function lookup(language: 'en' | 'es', key: string): unknown {
  const [ns = '', path = ''] = key.split(':')
  return path
    .split('.')
    .reduce<unknown>(
      (node, part) => (node as Record<string, unknown> | undefined)?.[part],
      resources[language]?.[ns],
    )
}

describe('the skill taxonomy', () => {
  it('has the issue’s fourteen skills for volunteers, and keeps “other” for applications only', () => {
    expect(VOLUNTEER_SKILLS).toHaveLength(14)
    expect(SKILLS).toEqual([...VOLUNTEER_SKILLS, 'other'])
    for (const skill of SKILLS) {
      for (const language of ['en', 'es'] as const) {
        expect(
          lookup(language, `applications:skills.skill.${skill}`),
          `${language} ${skill}`,
        ).toBeTypeOf('string')
      }
    }
  })

  it('orders levels so an expert meets a request for some experience, not the reverse', () => {
    expect(meetsLevel('expert', 'some')).toBe(true)
    expect(meetsLevel('experienced', 'experienced')).toBe(true)
    expect(meetsLevel('some', 'expert')).toBe(false)
  })
})

describe('the project-type catalogue', () => {
  it('has twelve types, each with a volunteer skill, typical hours and every text in English and Spanish', () => {
    expect(PROJECT_TYPES).toHaveLength(12)
    for (const type of PROJECT_TYPES) {
      const definition = PROJECT_TYPE_DEFINITIONS[type]
      expect(VOLUNTEER_SKILLS).toContain(definition.skill)
      expect(definition.typicalHours).toBeGreaterThan(0)
      for (const part of PROJECT_TYPE_TEXTS) {
        const key = PROJECT_TYPE_KEYS[type][part]
        expect(key).toBe(`volunteers:projectTypes.${type}.${part}`)
        const en = lookup('en', key)
        const es = lookup('es', key)
        expect(en, key).toBeTypeOf('string')
        expect(es, key).toBeTypeOf('string')
        // Translated, not copied.
        expect(es, key).not.toBe(en)
      }
    }
  })
})

describe('languages', () => {
  it('reads typed names in English or Spanish, and codes, and drops what it does not know', () => {
    expect(languageCodeOf('Spanish')).toBe('es')
    expect(languageCodeOf(' español ')).toBe('es')
    expect(languageCodeOf('Haitian Creole')).toBe('ht')
    expect(languageCodeOf('vi')).toBe('vi')
    expect(languageCodeOf('Klingon')).toBeNull()
    expect(languageCodesOf(['English', 'inglés', 'Somali', 'Elvish'])).toEqual(['en', 'so'])
  })
})

describe('availability times', () => {
  it('reads a time input’s value as minutes and back; refuses impossible times', () => {
    expect(minutesOf('18:30')).toBe(1110)
    expect(minutesOf('24:00')).toBe(1440)
    expect(minutesOf('24:01')).toBeNull()
    expect(minutesOf('9:75')).toBeNull()
    expect(timeOf(545)).toBe('09:05')
  })
})

const profile = {
  headline: 'Accountant',
  skills: { finance: 'expert' },
  languages: 'en',
  timeZone: 'America/Chicago',
  workMode: 'remote',
  hoursPerMonth: '8',
  availability: [
    { weekday: '1', start: '09:00', end: '12:00' },
    { weekday: '', start: '', end: '' },
  ],
}

const errorPaths = (result: {
  success: boolean
  error?: { issues: { path: (string | number)[] }[] }
}) => (result.success ? [] : (result.error?.issues ?? []).map((i) => i.path.join('.')).sort())

describe('the volunteer profile schema', () => {
  it('takes a profile, dropping blank windows and skills not offered', () => {
    const parsed = VolunteerProfileSchema.parse({
      ...profile,
      skills: { finance: 'expert', legal: '' },
    })
    expect(parsed.skills).toEqual([{ skill: 'finance', level: 'expert' }])
    expect(parsed.languages).toEqual(['en'])
    expect(parsed.availability).toEqual([{ weekday: 1, startMinute: 540, endMinute: 720 }])
    expect(parsed.paused).toBe(false)
  })

  it('refuses no skill, no language, an unknown zone, absurd hours and overlapping or backwards windows', () => {
    expect(
      errorPaths(
        VolunteerProfileSchema.safeParse({
          ...profile,
          skills: {},
          languages: '',
          timeZone: 'Nowhere/Land',
          hoursPerMonth: '500',
          availability: [{ weekday: '1', start: '10:00', end: '09:00' }],
        }),
      ),
    ).toEqual(['availability.0.end', 'hoursPerMonth', 'languages', 'skills', 'timeZone'])
    expect(
      errorPaths(
        VolunteerProfileSchema.safeParse({
          ...profile,
          availability: [
            { weekday: '1', start: '09:00', end: '12:00' },
            { weekday: '1', start: '11:00', end: '13:00' },
          ],
        }),
      ),
    ).toEqual(['availability'])
    expect(
      errorPaths(VolunteerProfileSchema.safeParse({ ...profile, skills: { other: 'expert' } })),
    ).toEqual(['skills.other'])
  })
})

const request = {
  projectType: 'website_refresh',
  skill: 'design',
  minLevel: 'experienced',
  title: 'New website',
  goal: 'Be found',
  deliverable: 'Five pages',
  hours: '30',
  pointPerson: '00000000-0000-4000-8000-000000000000',
  timeZone: 'America/Chicago',
  workMode: 'remote',
}

describe('the volunteer request schema', () => {
  it('takes a scoped request, as a draft unless asked to open', () => {
    const parsed = VolunteerRequestSchema.parse(request)
    expect(parsed).toMatchObject({
      projectType: 'website_refresh',
      hours: 30,
      intent: 'draft',
      deadline: null,
    })
    expect(
      VolunteerRequestSchema.parse({ ...request, projectType: '', intent: 'open' }),
    ).toMatchObject({
      projectType: null,
      intent: 'open',
    })
  })

  it('refuses missing scope, absurd hours, a bad date, and “other” as a skill', () => {
    expect(
      errorPaths(
        VolunteerRequestSchema.safeParse({
          ...request,
          goal: ' ',
          deliverable: '',
          hours: '0',
          deadline: '2027-02-31x',
          skill: 'other',
        }),
      ),
    ).toEqual(['deadline', 'deliverable', 'goal', 'hours', 'skill'])
  })

  it('asks for a county for on-site work, and in-person work with vulnerable people for a background check', () => {
    expect(
      errorPaths(
        VolunteerRequestSchema.safeParse({
          ...request,
          workMode: 'on_site',
          backgroundCheckRequired: 'on',
        }),
      ),
    ).toEqual(['backgroundCheckRequired', 'placeFips'])
    expect(
      VolunteerRequestSchema.safeParse({
        ...request,
        workMode: 'on_site',
        placeFips: '39049',
        vulnerableInPerson: 'on',
        backgroundCheckRequired: 'on',
      }).success,
    ).toBe(true)
  })
})
