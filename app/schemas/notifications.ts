import { z } from 'zod'
import { NOTIFICATION_KINDS, type NotificationKind } from '#app/domain/notifications.ts'
import './fields.ts'

/** The /notifications page's two posts: one notification read, or all of them. */
export const NotificationActionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('read'), id: z.string().max(40) }),
  z.object({ intent: z.literal('read-all') }),
])

const channel = z.enum(['app', 'email']).optional()

/**
 * /account/notifications: per kind, "app" (in the app only) or "email" (in the app and by email).
 * Kinds not posted stay as they were; whether a kind may be "app" is the service's rule.
 */
export const NotificationPreferencesSchema = z
  .object(
    Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, channel])) as unknown as Record<
      NotificationKind,
      typeof channel
    >,
  )
  .transform((choices) => {
    const email: Partial<Record<NotificationKind, boolean>> = {}
    for (const kind of NOTIFICATION_KINDS) {
      const channel = choices[kind]
      if (channel) email[kind] = channel === 'email'
    }
    return email
  })
