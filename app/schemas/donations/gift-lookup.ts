import { z } from 'zod'
import { EmailSchema } from '#app/schemas/fields.ts'

/** "Email me a link to my gifts": the address given with. */
export const GiftLookupSchema = z.object({ email: EmailSchema })
export type GiftLookupInput = z.infer<typeof GiftLookupSchema>
