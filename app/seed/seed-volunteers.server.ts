import type { Db } from '#db/client.server.ts'
import {
  users,
  volunteerAvailability,
  volunteerProfiles,
  volunteerRequestHours,
  volunteerRequests,
  volunteerSkills,
} from '#db/schema/index.ts'
import type { SkillLevel, VolunteerSkill, WorkMode } from '#app/domain/skills.ts'
import {
  PROJECT_TYPE_DEFINITIONS,
  PROJECT_TYPE_KEYS,
  type ProjectType,
} from '#app/domain/volunteers/project-types.ts'
import type { TravelArea } from '#app/domain/volunteers/travel-area.ts'
import { fixedT } from '#app/services/translations.server.ts'

interface DemoVolunteer {
  email: string
  name: string
  headline: string
  skills: [VolunteerSkill, SkillLevel][]
  languages: string[]
  timeZone: string
  /** A county FIPS code (data/svi). */
  place: string | null
  workMode: WorkMode
  hoursPerMonth: number
  /** [weekday, start, end] in minutes after midnight. */
  windows: [number, number, number][]
  /** How far they go for on-site work (own county when not given). */
  travelArea?: TravelArea
  paused?: boolean
}

const EVENINGS: [number, number, number][] = [
  [2, 18 * 60, 21 * 60],
  [4, 18 * 60, 21 * 60],
]
const SATURDAY: [number, number, number][] = [[6, 9 * 60, 13 * 60]]

/**
 * Sam Lee (volunteer@example.org) and twelve more volunteers with varied skills, languages and
 * places (Ohio first, where the demo groups are, and a few big cities further away), so the
 * matching pages have people to rank. They log in with the demo password.
 */
export const DEMO_VOLUNTEERS: DemoVolunteer[] = [
  {
    email: 'volunteer@example.org',
    name: 'Sam Lee',
    headline: 'Nonprofit accountant and data analyst, 12 years',
    skills: [
      ['finance', 'expert'],
      ['data_analysis', 'experienced'],
      ['grant_writing', 'some'],
    ],
    languages: ['en', 'ko'],
    timeZone: 'America/New_York',
    place: '39049',
    workMode: 'either',
    hoursPerMonth: 12,
    windows: [...EVENINGS, ...SATURDAY],
    travelArea: 'same_state',
  },
  {
    email: 'lucia.vol@example.org',
    name: 'Lucía Fernández',
    headline: 'Medical interpreter and translator (English–Spanish)',
    skills: [
      ['translation', 'expert'],
      ['public_health', 'experienced'],
    ],
    languages: ['es', 'en'],
    timeZone: 'America/New_York',
    place: '39049',
    workMode: 'either',
    hoursPerMonth: 10,
    windows: SATURDAY,
  },
  {
    email: 'ahmed.vol@example.org',
    name: 'Ahmed Hassan',
    headline: 'Full-stack developer who builds booking systems',
    skills: [
      ['it', 'expert'],
      ['design', 'some'],
    ],
    languages: ['en', 'ar'],
    timeZone: 'America/Chicago',
    place: '17031',
    workMode: 'remote',
    hoursPerMonth: 15,
    windows: EVENINGS,
  },
  {
    email: 'grace.vol@example.org',
    name: 'Grace Kim',
    headline: 'Brand designer for small organisations',
    skills: [
      ['design', 'expert'],
      ['marketing', 'experienced'],
    ],
    languages: ['en', 'ko'],
    timeZone: 'America/Los_Angeles',
    place: '06037',
    workMode: 'remote',
    hoursPerMonth: 8,
    windows: [[0, 10 * 60, 14 * 60]],
  },
  {
    email: 'david.vol@example.org',
    name: 'David Okonkwo',
    headline: 'Nonprofit lawyer: governance, bylaws, fiscal sponsorship',
    skills: [['legal', 'expert']],
    languages: ['en'],
    timeZone: 'America/New_York',
    place: '39035',
    workMode: 'either',
    hoursPerMonth: 6,
    windows: [[3, 12 * 60, 13 * 60]],
  },
  {
    email: 'nguyen.vol@example.org',
    name: 'Linh Nguyen',
    headline: 'Program evaluator in community health',
    skills: [
      ['evaluation', 'expert'],
      ['data_analysis', 'experienced'],
      ['public_health', 'experienced'],
    ],
    languages: ['en', 'vi'],
    timeZone: 'America/Chicago',
    place: '48201',
    workMode: 'remote',
    hoursPerMonth: 10,
    windows: EVENINGS,
  },
  {
    email: 'rosa.vol@example.org',
    name: 'Rosa Martínez',
    headline: 'Grant writer, over $4M raised for grassroots groups',
    skills: [
      ['grant_writing', 'expert'],
      ['fundraising', 'experienced'],
    ],
    languages: ['es', 'en'],
    timeZone: 'America/New_York',
    place: '12086',
    workMode: 'remote',
    hoursPerMonth: 12,
    windows: SATURDAY,
  },
  {
    email: 'tom.vol@example.org',
    name: 'Tom Becker',
    headline: 'HR manager; writes handbooks people actually read',
    skills: [
      ['hr', 'expert'],
      ['facilitation', 'some'],
    ],
    languages: ['en', 'de'],
    timeZone: 'America/New_York',
    place: '39113',
    workMode: 'on_site',
    travelArea: 'same_state',
    hoursPerMonth: 5,
    windows: [[1, 17 * 60, 19 * 60]],
  },
  {
    email: 'fatima.vol@example.org',
    name: 'Fatima Diallo',
    headline: 'Facilitator and strategist for community coalitions',
    skills: [
      ['facilitation', 'expert'],
      ['strategic_planning', 'expert'],
    ],
    languages: ['fr', 'en'],
    timeZone: 'America/New_York',
    place: '39095',
    workMode: 'either',
    hoursPerMonth: 8,
    windows: SATURDAY,
  },
  {
    email: 'mike.vol@example.org',
    name: 'Mike Brennan',
    headline: 'Communications lead at a public radio station',
    skills: [
      ['marketing', 'expert'],
      ['fundraising', 'some'],
    ],
    languages: ['en'],
    timeZone: 'America/New_York',
    place: '39153',
    workMode: 'remote',
    hoursPerMonth: 6,
    windows: EVENINGS,
  },
  {
    email: 'wei.vol@example.org',
    name: 'Wei Zhang',
    headline: 'Data engineer; dashboards from messy spreadsheets',
    skills: [
      ['data_analysis', 'expert'],
      ['it', 'experienced'],
    ],
    languages: ['zh', 'en'],
    timeZone: 'America/Los_Angeles',
    place: null,
    workMode: 'remote',
    hoursPerMonth: 20,
    windows: [[6, 14 * 60, 18 * 60]],
  },
  {
    email: 'jean.vol@example.org',
    name: 'Jean-Baptiste Pierre',
    headline: 'Haitian Creole and French translator, public health background',
    skills: [
      ['translation', 'experienced'],
      ['public_health', 'some'],
    ],
    languages: ['ht', 'fr', 'en'],
    timeZone: 'America/New_York',
    place: '12086',
    workMode: 'remote',
    hoursPerMonth: 10,
    windows: EVENINGS,
  },
  {
    email: 'olga.vol@example.org',
    name: 'Olga Petrenko',
    headline: 'CFO, retired; bookkeeping and budgets for small groups',
    skills: [
      ['finance', 'expert'],
      ['strategic_planning', 'experienced'],
    ],
    languages: ['uk', 'ru', 'en'],
    timeZone: 'America/New_York',
    place: '39061',
    workMode: 'either',
    hoursPerMonth: 16,
    windows: [[1, 9 * 60, 12 * 60], ...SATURDAY],
    paused: true,
  },
]

interface DemoRequest {
  group: string
  owner: string
  type: ProjectType
  status: 'draft' | 'open'
  languages: string[]
  workMode: WorkMode
  place: string | null
  /** Days from the seeding to the deadline. */
  deadlineInDays: number | null
  touchesPersonalData?: boolean
  vulnerableInPerson?: boolean
  backgroundCheckRequired?: boolean
  /** Nice to have beside `languages`: the community's languages, say. */
  preferredLanguages: string[]
  /** The group's working hours: [weekday, start, end] in minutes, in `timeZone`. */
  hours: [number, number, number][]
  timeZone: string
}

/** Weekday office hours of a group with a part-time coordinator. */
const WEEKDAY_AFTERNOONS: [number, number, number][] = [
  [1, 13 * 60, 17 * 60],
  [3, 13 * 60, 17 * 60],
]
/** A volunteer-run group that meets in the evenings. */
const MEETING_EVENINGS: [number, number, number][] = [
  [2, 18 * 60, 21 * 60],
  [4, 18 * 60, 20 * 60],
]

/** Requests of the demo groups across project types; one touches community members' health data. */
const DEMO_REQUESTS: DemoRequest[] = [
  {
    group: 'eastside-health-collective',
    owner: 'eastside',
    type: 'bookkeeping_setup',
    // Spanish is wished for, not required: the demo volunteer (English, Korean) fits it, and
    // the platform batch the demo starts with suggests it to him.
    preferredLanguages: ['es'],
    hours: MEETING_EVENINGS,
    timeZone: 'America/New_York',
    status: 'open',
    languages: [],
    workMode: 'either',
    place: '39049',
    deadlineInDays: 60,
  },
  {
    group: 'eastside-health-collective',
    owner: 'eastside',
    type: 'data_dashboard',
    preferredLanguages: ['es'],
    hours: WEEKDAY_AFTERNOONS,
    timeZone: 'America/New_York',
    status: 'open',
    languages: [],
    workMode: 'remote',
    place: null,
    deadlineInDays: 45,
    touchesPersonalData: true,
  },
  {
    group: 'northfield-food-justice-network',
    owner: 'northfield',
    type: 'website_refresh',
    preferredLanguages: ['es'],
    hours: [[6, 10 * 60, 13 * 60]],
    timeZone: 'America/New_York',
    status: 'open',
    languages: ['en'],
    workMode: 'remote',
    place: null,
    deadlineInDays: 90,
  },
  {
    group: 'westgate-tenants-union',
    owner: 'westgate',
    type: 'legal_structure_review',
    preferredLanguages: ['es', 'so'],
    hours: MEETING_EVENINGS,
    timeZone: 'America/New_York',
    status: 'open',
    languages: ['en'],
    workMode: 'either',
    place: '39035',
    deadlineInDays: 30,
  },
  {
    group: 'westgate-tenants-union',
    owner: 'westgate',
    type: 'volunteer_handbook',
    preferredLanguages: ['so'],
    hours: [[6, 9 * 60, 12 * 60]],
    timeZone: 'America/New_York',
    status: 'draft',
    languages: ['en', 'es'],
    workMode: 'on_site',
    place: '39035',
    deadlineInDays: null,
    vulnerableInPerson: true,
    backgroundCheckRequired: true,
  },
  {
    group: 'toledo-refugee-wellness-partnership',
    owner: 'toledo',
    type: 'materials_translation',
    preferredLanguages: ['en'],
    hours: WEEKDAY_AFTERNOONS,
    timeZone: 'America/New_York',
    status: 'open',
    languages: ['ar', 'so'],
    workMode: 'remote',
    place: null,
    deadlineInDays: 40,
  },
]

/** The demo volunteers, their profiles and the demo groups' requests. */
export async function seedVolunteers(
  tx: Db,
  passwordHash: string,
  userIds: Record<string, string>,
  orgIds: Record<string, string>,
) {
  for (const v of DEMO_VOLUNTEERS) {
    const userId =
      v.email === 'volunteer@example.org'
        ? (userIds.volunteer ?? '')
        : await insertUser(tx, v, passwordHash)
    const [profile] = await tx
      .insert(volunteerProfiles)
      .values({
        userId,
        headline: v.headline,
        bio: '',
        languages: v.languages,
        timeZone: v.timeZone,
        placeFips: v.place,
        travelArea: v.travelArea ?? 'same_county',
        workMode: v.workMode,
        hoursPerMonth: v.hoursPerMonth,
        paused: v.paused ?? false,
      })
      .returning({ id: volunteerProfiles.id })
    if (!profile) throw new Error(`Could not seed the profile of ${v.email}`)
    await tx
      .insert(volunteerSkills)
      .values(v.skills.map(([skill, level]) => ({ profileId: profile.id, skill, level })))
    await tx.insert(volunteerAvailability).values(
      v.windows.map(([weekday, startMinute, endMinute]) => ({
        profileId: profile.id,
        weekday,
        startMinute,
        endMinute,
      })),
    )
  }
  const t = fixedT('en')
  const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)
  for (const r of DEMO_REQUESTS) {
    const keys = PROJECT_TYPE_KEYS[r.type]
    const definition = PROJECT_TYPE_DEFINITIONS[r.type]
    const [request] = await tx
      .insert(volunteerRequests)
      .values({
        organizationId: orgIds[r.group] ?? '',
        projectType: r.type,
        skill: definition.skill,
        minLevel: definition.minLevel,
        title: t(keys.name),
        goal: t(keys.goal),
        deliverable: t(keys.deliverable),
        outOfScope: t(keys.outOfScope),
        hours: definition.typicalHours,
        pointPersonUserId: userIds[r.owner] ?? null,
        deadline: r.deadlineInDays === null ? null : day(r.deadlineInDays),
        languages: r.languages,
        preferredLanguages: r.preferredLanguages,
        timeZone: r.timeZone,
        workMode: r.workMode,
        placeFips: r.place,
        touchesPersonalData: r.touchesPersonalData ?? false,
        vulnerableInPerson: r.vulnerableInPerson ?? false,
        backgroundCheckRequired: r.backgroundCheckRequired ?? false,
        status: r.status,
        openedAt: r.status === 'open' ? new Date() : null,
        createdByUserId: userIds[r.owner] ?? null,
      })
      .returning({ id: volunteerRequests.id })
    if (!request) throw new Error(`Could not seed the ${r.type} request`)
    await tx.insert(volunteerRequestHours).values(
      r.hours.map(([weekday, startMinute, endMinute]) => ({
        requestId: request.id,
        weekday,
        startMinute,
        endMinute,
      })),
    )
  }
}

async function insertUser(tx: Db, v: DemoVolunteer, passwordHash: string) {
  const [row] = await tx
    .insert(users)
    .values({ email: v.email, name: v.name, passwordHash, emailVerifiedAt: new Date() })
    .returning({ id: users.id })
  if (!row) throw new Error(`Could not seed ${v.email}`)
  return row.id
}
