import { EXAMPLE_ENGAGEMENT, notificationMail } from './notification.tsx'

/** To both sides of a proposal nobody answered within its response window. */
export const engagementExpiredMail = notificationMail('engagement-expired', {
  subject: ({ t }) => t('mail:notifications.engagementExpired'),
  example: EXAMPLE_ENGAGEMENT,
})
