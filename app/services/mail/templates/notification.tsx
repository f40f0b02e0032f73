import { MAIL_RULES, type NotificationKind } from '#app/domain/notifications.ts'
import { translateMessage } from '#app/lib/i18n/message.ts'
import {
  NOTIFICATION_REGISTRY,
  type NotificationData,
} from '#app/services/notifications/notification-kinds.server.ts'
import { defineMailTemplate, type MailContext } from '../template.ts'
import { ActionMail } from './layout.tsx'

/**
 * The mail of a notification (docs/decisions/017-notifications.md): the same message the bell
 * shows, in the recipient's language, with a button to the thing it is about. `href` replaces
 * the notification's own link (an invitation's mail carries its accept link); `after` adds lines.
 */
export function notificationMail(
  kind: NotificationKind,
  parts: {
    subject: (context: MailContext, data: NotificationData) => string
    href?: (data: NotificationData) => string
    after?: (context: MailContext, data: NotificationData) => string[]
    example: NotificationData
  },
) {
  const entry = NOTIFICATION_REGISTRY[kind]
  const optional = MAIL_RULES[kind].mail === 'optional'
  return defineMailTemplate<NotificationData>({
    optional,
    subject: parts.subject,
    body: (context, data) => (
      <ActionMail
        context={context}
        optional={optional}
        greeting={context.t('mail:notifications.greeting')}
        lines={[translateMessage(context.t, entry.message(data, context.language))]}
        action={context.t('mail:notifications.open')}
        href={context.url(parts.href?.(data) ?? entry.link(data))}
        after={parts.after?.(context, data) ?? []}
      />
    ),
    example: parts.example,
  })
}

/** A program as the examples store it (app/services/notifications/notification-kinds.server.ts). */
export const EXAMPLE_PROGRAM = {
  program: 'Community Health Access 2027',
  programLanguage: 'en',
  programTranslation: 'Acceso comunitario a la salud 2027',
}

/** A grant's notice as the examples store it (notifyGrant… in notification-events.server.ts). */
export const EXAMPLE_GRANT = {
  ...EXAMPLE_PROGRAM,
  grantId: '00000000-0000-4000-8000-000000000000',
  milestone: 'Final report',
  dueOn: '2027-03-01',
  organization: 'Eastside Health Collective',
  funderSlug: 'riverbend-community-foundation',
  amountMinor: 500000,
  currency: 'USD',
}

/** An engagement's notice as the examples store it (notifyEngagementExpired). */
export const EXAMPLE_ENGAGEMENT = {
  engagementId: '00000000-0000-4000-8000-000000000001',
  title: 'A simple bookkeeping system for our food pantry',
}

/** A volunteer request's notice as the examples store it (notifyVolunteerRequest…). */
export const EXAMPLE_VOLUNTEER_REQUEST = {
  requestId: '00000000-0000-4000-8000-000000000000',
  organizationSlug: 'eastside-health-collective',
  title: 'A simple bookkeeping system for our food pantry',
}
