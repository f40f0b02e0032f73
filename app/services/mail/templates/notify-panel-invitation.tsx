import { EXAMPLE_PROGRAM, notificationMail } from './notification.tsx'
import { programTitle } from '#app/services/notifications/notification-kinds.server.ts'

/** An invitation onto a program's review panel: its accept link (the token is only in this mail). */
export const panelInvitationMail = notificationMail('panel-invitation', {
  subject: ({ t, language }, d) =>
    t('mail:notifications.panelInvitation', { program: programTitle(d, language) }),
  href: (d) => String(d.acceptPath ?? '/reviews'),
  after: ({ t }) => [t('mail:notifications.panelInvitationAfter')],
  example: {
    ...EXAMPLE_PROGRAM,
    funder: 'Riverbend Community Foundation',
    invitedBy: 'Ana Ruiz',
    acceptPath: '/panel-invitations/example-token',
  },
})
