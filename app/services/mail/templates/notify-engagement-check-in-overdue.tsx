import { EXAMPLE_ENGAGEMENT, notificationMail } from './notification.tsx'

/** To both sides, once, when an agreed check-in is three days overdue. */
export const engagementCheckInOverdueMail = notificationMail('engagement-check-in-overdue', {
  subject: ({ t }) => t('mail:notifications.engagementCheckInOverdue'),
  example: { ...EXAMPLE_ENGAGEMENT, dueOn: '2027-01-12' },
})
