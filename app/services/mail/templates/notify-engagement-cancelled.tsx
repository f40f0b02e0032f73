import { EXAMPLE_ENGAGEMENT, notificationMail } from './notification.tsx'

/** To the other side of an engagement called off, with the reason. */
export const engagementCancelledMail = notificationMail('engagement-cancelled', {
  subject: ({ t }) => t('mail:notifications.engagementCancelled'),
  example: { ...EXAMPLE_ENGAGEMENT, reason: 'Our plans changed' },
})
