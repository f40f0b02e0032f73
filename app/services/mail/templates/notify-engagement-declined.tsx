import { EXAMPLE_ENGAGEMENT, notificationMail } from './notification.tsx'

/** To the side that proposed: the other declined. */
export const engagementDeclinedMail = notificationMail('engagement-declined', {
  subject: ({ t }) => t('mail:notifications.engagementDeclined'),
  example: EXAMPLE_ENGAGEMENT,
})
