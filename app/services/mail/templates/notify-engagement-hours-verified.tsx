import { EXAMPLE_ENGAGEMENT, notificationMail } from './notification.tsx'

/** To the volunteer: the group verified a log of hours. */
export const engagementHoursVerifiedMail = notificationMail('engagement-hours-verified', {
  subject: ({ t }) => t('mail:notifications.engagementHoursVerified'),
  example: { ...EXAMPLE_ENGAGEMENT, workedOn: '2027-01-12' },
})
