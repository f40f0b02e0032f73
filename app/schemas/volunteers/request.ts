import { z } from 'zod'
import { SKILL_LEVELS, VOLUNTEER_SKILLS, WORK_MODES } from '#app/domain/skills.ts'
import { LANGUAGE_CODES } from '#app/domain/volunteers/languages.ts'
import { PROJECT_TYPES } from '#app/domain/volunteers/project-types.ts'
import { MAX_REQUEST_HOURS } from '#app/domain/volunteers/request-status.ts'
import { msg } from '#app/lib/i18n/message.ts'
import { isTimeZone } from '#app/lib/time-zones.ts'
import { isUuid } from '#app/lib/uuid.ts'
import { optionalText } from '#app/schemas/fields.ts'
import { checkbox, listOf, wholeNumber } from '#app/schemas/programs/program.ts'
import { weeklyWindows } from './windows.ts'

const required = (max: number, message: string) =>
  z
    .string({ required_error: message })
    .trim()
    .min(1, message)
    .max(max, msg('validation:tooLong', { count: max }))

/** A calendar day as a date input posts it; empty for none. */
const optionalDay = z
  .string()
  .trim()
  .optional()
  .transform((v) => v ?? '')
  .refine((v) => v === '' || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v))), {
    message: 'validation:volunteers.deadline',
  })
  .transform((v) => (v ? v : null))

/**
 * The form a group scopes a request with (new from a catalogue template, or editing one). `intent`
 * says whether it is kept as a draft or opened to volunteers. A request made from an application
 * carries no project type; the catalogue's always does, and the form posts it back.
 */
export const VolunteerRequestSchema = z
  .object({
    projectType: z
      .enum(PROJECT_TYPES)
      .or(z.literal(''))
      .optional()
      .transform((v) => v || null),
    skill: z.enum(VOLUNTEER_SKILLS, {
      errorMap: () => ({ message: 'validation:volunteers.skill' }),
    }),
    minLevel: z.enum(SKILL_LEVELS, {
      errorMap: () => ({ message: 'validation:volunteers.minLevel' }),
    }),
    title: required(150, 'validation:volunteers.title'),
    goal: required(2000, 'validation:volunteers.goal'),
    deliverable: required(2000, 'validation:volunteers.deliverable'),
    outOfScope: optionalText(2000),
    hours: wholeNumber(
      1,
      MAX_REQUEST_HOURS,
      msg('validation:volunteers.hours', { max: MAX_REQUEST_HOURS }),
    ),
    pointPerson: z
      .string({ required_error: 'validation:volunteers.pointPerson' })
      .uuid('validation:volunteers.pointPerson'),
    deadline: optionalDay,
    languages: listOf(z.enum(LANGUAGE_CODES)),
    /** Nice to have: scored by the share a volunteer speaks, never a filter. */
    preferredLanguages: listOf(z.enum(LANGUAGE_CODES)),
    /** The zone the group's working hours are in. */
    timeZone: z
      .string({ required_error: 'validation:volunteers.timeZone' })
      .refine(isTimeZone, { message: 'validation:volunteers.timeZone' }),
    /** When the group's point person can work with a volunteer, as volunteers give theirs. */
    groupHours: weeklyWindows,
    /** The grant the work supports (one of the group's), so its in-kind value shows beside it. */
    grant: z
      .string()
      .optional()
      .transform((v) => v || null)
      .refine((v) => v === null || isUuid(v), { message: 'validation:volunteers.grant' }),
    workMode: z.enum(WORK_MODES, {
      errorMap: () => ({ message: 'validation:volunteers.workMode' }),
    }),
    placeFips: listOf(
      z.string().regex(/^\d{5}$/, 'validation:application.countiesFromList'),
    ).refine((l) => l.length <= 1, { message: 'validation:volunteers.onePlace' }),
    placeFipsText: optionalText(500),
    touchesPersonalData: checkbox,
    vulnerableInPerson: checkbox,
    backgroundCheckRequired: checkbox,
    intent: z.enum(['draft', 'open']).default('draft'),
  })
  .superRefine((r, ctx) => {
    // A background check is about in-person work with vulnerable people; alone it means nothing.
    if (r.backgroundCheckRequired && !r.vulnerableInPerson) {
      ctx.addIssue({
        code: 'custom',
        path: ['backgroundCheckRequired'],
        message: 'validation:volunteers.backgroundCheckNeedsInPerson',
      })
    }
    // A language both required and preferred is only required: say so rather than drop it.
    if (r.preferredLanguages.some((l) => r.languages.includes(l))) {
      ctx.addIssue({
        code: 'custom',
        path: ['preferredLanguages'],
        message: 'validation:volunteers.preferredAlsoRequired',
      })
    }
    // On-site work needs a place to be matched on.
    if (r.workMode === 'on_site' && r.placeFips.length === 0 && !r.placeFipsText) {
      ctx.addIssue({
        code: 'custom',
        path: ['placeFips'],
        message: 'validation:volunteers.placeForOnSite',
      })
    }
  })

export type VolunteerRequestInput = z.output<typeof VolunteerRequestSchema>

/** Closing a request: only the button's intent. */
export const CloseRequestSchema = z.object({ intent: z.literal('close') })
