import { EXAMPLE_PROGRAM, notificationMail } from './notification.tsx'

/** To a reviewer whose reviews are not submitted yet, when the officer reminds the late ones. */
export const reviewReminderMail = notificationMail('review-reminder', {
  subject: ({ t }) => t('mail:notifications.reviewReminder'),
  example: { ...EXAMPLE_PROGRAM, count: 3 },
})
