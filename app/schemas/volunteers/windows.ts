import { z } from 'zod'
import {
  MAX_AVAILABILITY_WINDOWS,
  minutesOf,
  overlaps,
  WEEKDAYS,
  type AvailabilityWindow,
  type Weekday,
} from '#app/domain/volunteers/availability.ts'
import { msg } from '#app/lib/i18n/message.ts'
import { listOf } from '#app/schemas/programs/program.ts'

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
 * Weekly windows (a volunteer's availability, a group's working hours): blank rows dropped, at
 * most MAX_AVAILABILITY_WINDOWS, none overlapping another.
 */
export const weeklyWindows = listOf(WindowSchema)
  .transform((rows) => rows.filter((r): r is AvailabilityWindow => r !== null))
  .refine((rows) => rows.length <= MAX_AVAILABILITY_WINDOWS, {
    message: msg('validation:volunteers.tooManyWindows', { max: MAX_AVAILABILITY_WINDOWS }),
  })
  .refine((rows) => !rows.some((a, i) => rows.slice(i + 1).some((b) => overlaps(a, b))), {
    message: 'validation:volunteers.windowsOverlap',
  })
