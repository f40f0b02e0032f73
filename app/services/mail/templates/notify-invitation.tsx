import { notificationMail } from './notification.tsx'

/** An invitation to an organisation: its accept link (the token is only ever in this mail). */
export const invitationMail = notificationMail('invitation', {
  subject: ({ t }, d) =>
    t('mail:notifications.invitation', { organization: String(d.organization ?? '') }),
  href: (d) => String(d.acceptPath ?? '/'),
  after: ({ t }) => [t('mail:notifications.invitationAfter')],
  example: {
    organization: 'Eastside Health Collective',
    invitedBy: 'María López',
    acceptPath: '/invitations/example-token',
  },
})
