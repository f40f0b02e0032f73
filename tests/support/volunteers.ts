import { db } from '#db/client.server.ts'
import { volunteerAvailability, volunteerProfiles, volunteerSkills } from '#db/schema/index.ts'
import type { SkillLevel, VolunteerSkill, WorkMode } from '#app/domain/skills.ts'
import type { TravelArea } from '#app/domain/volunteers/travel-area.ts'
import { createUser } from './factories.ts'

export interface VolunteerSetup {
  name?: string
  skills?: [VolunteerSkill, SkillLevel][]
  languages?: string[]
  mode?: WorkMode
  /** The county's FIPS code; none by default. */
  place?: string | null
  travelArea?: TravelArea
  paused?: boolean
  hours?: number
  /** One window on weekday 2 (Tuesday), minutes after midnight in Chicago. */
  window?: [number, number]
}

/**
 * A volunteer inserted directly (the matching tests' starting point): by default an English
 * speaker in Chicago, expert in finance, free 10 hours a month and on Tuesday evenings (18–21),
 * with no place, travelling within their county, open to remote or on-site work.
 */
export async function volunteer(setup: VolunteerSetup = {}) {
  const user = await createUser({ name: setup.name })
  const [profile] = await db()
    .insert(volunteerProfiles)
    .values({
      userId: user.id,
      headline: `Helper ${setup.name ?? ''}`,
      languages: setup.languages ?? ['en'],
      timeZone: 'America/Chicago',
      placeFips: setup.place ?? null,
      travelArea: setup.travelArea ?? 'same_county',
      workMode: setup.mode ?? 'either',
      hoursPerMonth: setup.hours ?? 10,
      paused: setup.paused ?? false,
    })
    .returning()
  await db()
    .insert(volunteerSkills)
    .values(
      (setup.skills ?? [['finance', 'expert']]).map(([skill, level]) => ({
        profileId: profile!.id,
        skill,
        level,
      })),
    )
  const [start, end] = setup.window ?? [18 * 60, 21 * 60]
  await db()
    .insert(volunteerAvailability)
    .values({ profileId: profile!.id, weekday: 2, startMinute: start, endMinute: end })
  return { user, profile: profile! }
}
