import { EXAMPLE_PROGRAM, notificationMail } from './notification.tsx'

/** To a group with an unsubmitted draft: the program closes in a week, or in a day. */
export const deadlineReminderMail = notificationMail('deadline-reminder', {
  subject: ({ t }, d) => t('mail:notifications.deadlineReminder', { count: Number(d.days ?? 1) }),
  example: { ...EXAMPLE_PROGRAM, applicationId: '00000000-0000-4000-8000-000000000001', days: 7 },
})
