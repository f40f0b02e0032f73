import { z } from 'zod'
import { SKILL_LEVELS, VOLUNTEER_SKILLS, WORK_MODES } from '#app/domain/skills.ts'
import { LANGUAGE_CODES } from '#app/domain/volunteers/languages.ts'
import { TRAVEL_AREAS } from '#app/domain/volunteers/travel-area.ts'
import { isTimeZone } from '#app/lib/time-zones.ts'
import { msg } from '#app/lib/i18n/message.ts'
import { optionalText } from '#app/schemas/fields.ts'
import { checkbox, listOf, wholeNumber } from '#app/schemas/programs/program.ts'
import { weeklyWindows } from './windows.ts'

/** Hours a month a volunteer may offer: the database holds the same bounds. */
export const MAX_HOURS_PER_MONTH = 200

/** One select per skill: empty means "not offered", otherwise the level. */
const skillLevels = z.record(z.enum(VOLUNTEER_SKILLS), z.enum(SKILL_LEVELS).or(z.literal('')))

/**
 * The volunteer profile form (/volunteer), in the browser and in the action. The place comes from
 * the county picker: at most one county (its hidden input, or a typed line without JavaScript).
 */
export const VolunteerProfileSchema = z.object({
  headline: z
    .string({ required_error: 'validation:volunteers.headline' })
    .trim()
    .min(1, 'validation:volunteers.headline')
    .max(120, msg('validation:tooLong', { count: 120 })),
  bio: optionalText(2000),
  skills: skillLevels
    .transform((levels) =>
      VOLUNTEER_SKILLS.flatMap((skill) => {
        const level = levels[skill]
        return level ? [{ skill, level }] : []
      }),
    )
    .refine((skills) => skills.length > 0, { message: 'validation:volunteers.skills' }),
  languages: listOf(z.enum(LANGUAGE_CODES)).refine((l) => l.length > 0, {
    message: 'validation:volunteers.languages',
  }),
  timeZone: z
    .string({ required_error: 'validation:volunteers.timeZone' })
    .refine(isTimeZone, { message: 'validation:volunteers.timeZone' }),
  placeFips: listOf(z.string().regex(/^\d{5}$/, 'validation:application.countiesFromList')).refine(
    (l) => l.length <= 1,
    { message: 'validation:volunteers.onePlace' },
  ),
  placeFipsText: optionalText(500),
  workMode: z.enum(WORK_MODES, {
    errorMap: () => ({ message: 'validation:volunteers.workMode' }),
  }),
  hoursPerMonth: wholeNumber(
    1,
    MAX_HOURS_PER_MONTH,
    msg('validation:volunteers.hoursPerMonth', { max: MAX_HOURS_PER_MONTH }),
  ),
  availability: weeklyWindows,
  travelArea: z
    .enum(TRAVEL_AREAS, { errorMap: () => ({ message: 'validation:volunteers.travelArea' }) })
    .default('same_county'),
  paused: checkbox,
})

export type VolunteerProfileInput = z.output<typeof VolunteerProfileSchema>
