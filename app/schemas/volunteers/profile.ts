import { z } from 'zod'
import { SKILL_LEVELS, VOLUNTEER_SKILLS, WORK_MODES } from '#app/domain/skills.ts'
import { LANGUAGE_CODES } from '#app/domain/volunteers/languages.ts'
import {
  MAX_AVAILABILITY_WINDOWS,
  minutesOf,
  overlaps,
  WEEKDAYS,
  type AvailabilityWindow,
  type Weekday,
} from '#app/domain/volunteers/availability.ts'
import { isTimeZone } from '#app/lib/time-zones.ts'
import { msg } from '#app/lib/i18n/message.ts'
import { optionalText } from '#app/schemas/fields.ts'
import { checkbox, listOf, wholeNumber } from '#app/schemas/programs/program.ts'

/** Hours a month a volunteer may offer: the database holds the same bounds. */
export const MAX_HOURS_PER_MONTH = 200

/** One select per skill: empty means "not offered", otherwise the level. */
const skillLevels = z.record(z.enum(VOLUNTEER_SKILLS), z.enum(SKILL_LEVELS).or(z.literal('')))

/** One availability row; a row left blank is dropped, a half-filled one is refused. */
const WindowSchema = z
  .object({
    weekday: z.string().optional().default(''),
    start: z.string().trim().optional().default(''),
    end: z.string().trim().optional().default(''),
  })
  .transform((row, ctx): AvailabilityWindow | null => {
    if (!row.weekday && !row.start && !row.end) return null
    const weekday = Number(row.weekday)
    if (row.weekday === '' || !(WEEKDAYS as readonly number[]).includes(weekday)) {
      ctx.addIssue({ code: 'custom', path: ['weekday'], message: 'validation:volunteers.weekday' })
    }
    const start = minutesOf(row.start)
    const end = minutesOf(row.end)
    if (start === null) {
      ctx.addIssue({ code: 'custom', path: ['start'], message: 'validation:volunteers.time' })
    }
    if (end === null) {
      ctx.addIssue({ code: 'custom', path: ['end'], message: 'validation:volunteers.time' })
    } else if (start !== null && end <= start) {
      ctx.addIssue({
        code: 'custom',
        path: ['end'],
        message: 'validation:volunteers.endAfterStart',
      })
    }
    if (start === null || end === null || end <= start) return z.NEVER
    return { weekday: weekday as Weekday, startMinute: start, endMinute: end }
  })

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
  availability: listOf(WindowSchema)
    .transform((rows) => rows.filter((r): r is AvailabilityWindow => r !== null))
    .refine((rows) => rows.length <= MAX_AVAILABILITY_WINDOWS, {
      message: msg('validation:volunteers.tooManyWindows', { max: MAX_AVAILABILITY_WINDOWS }),
    })
    .refine((rows) => !rows.some((a, i) => rows.slice(i + 1).some((b) => overlaps(a, b))), {
      message: 'validation:volunteers.windowsOverlap',
    }),
  paused: checkbox,
})

export type VolunteerProfileInput = z.output<typeof VolunteerProfileSchema>
