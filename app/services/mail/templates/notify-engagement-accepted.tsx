import { EXAMPLE_ENGAGEMENT, notificationMail } from './notification.tsx'

/** To the side that proposed: the other accepted. */
export const engagementAcceptedMail = notificationMail('engagement-accepted', {
  subject: ({ t }) => t('mail:notifications.engagementAccepted'),
  example: EXAMPLE_ENGAGEMENT,
})
