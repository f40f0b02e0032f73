import { EXAMPLE_ENGAGEMENT, notificationMail } from './notification.tsx'

/** To both sides on the day an agreed check-in is due. */
export const engagementCheckInDueMail = notificationMail('engagement-check-in-due', {
  subject: ({ t }) => t('mail:notifications.engagementCheckInDue'),
  example: { ...EXAMPLE_ENGAGEMENT, dueOn: '2027-01-12' },
})
