import { z } from 'zod'
import { msg } from '#app/lib/i18n/message.ts'

const MESSAGE_MAX = 4000
const NOTE_MAX = 4000

/** An officer's request for changes: the message the group reads above every step. */
export const RequestChangesSchema = z.object({
  message: z
    .string({ required_error: 'applications:changes.messageRequired' })
    .trim()
    .min(1, 'applications:changes.messageRequired')
    .max(MESSAGE_MAX, msg('validation:tooLong', { count: MESSAGE_MAX })),
})
export type RequestChangesInput = z.infer<typeof RequestChangesSchema>

/** An internal note on an application: the funder's officers only ever read it. */
export const InternalNoteSchema = z.object({
  body: z
    .string({ required_error: 'applications:notes.bodyRequired' })
    .trim()
    .min(1, 'applications:notes.bodyRequired')
    .max(NOTE_MAX, msg('validation:tooLong', { count: NOTE_MAX })),
})
export type InternalNoteInput = z.infer<typeof InternalNoteSchema>
