import { EXAMPLE_ENGAGEMENT, notificationMail } from './notification.tsx'

/** To the volunteer: the group questioned a log of hours, with its question. */
export const engagementHoursQuestionedMail = notificationMail('engagement-hours-questioned', {
  subject: ({ t }) => t('mail:notifications.engagementHoursQuestioned'),
  example: { ...EXAMPLE_ENGAGEMENT, workedOn: '2027-01-12', question: 'Which ledger was this?' },
})
