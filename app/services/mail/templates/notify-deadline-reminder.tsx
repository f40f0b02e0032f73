import {
  closingMoment,
  programTitle,
} from '#app/services/notifications/notification-kinds.server.ts'
import { EXAMPLE_PROGRAM, notificationMail } from './notification.tsx'

/** To a group with an unsubmitted draft: the program closes within a week, or within a day. */
export const deadlineReminderMail = notificationMail('deadline-reminder', {
  subject: ({ t, language }, d) => {
    const closing = closingMoment(d, language, { time: false })
    const program = programTitle(d, language)
    return closing
      ? t('mail:notifications.deadlineReminder', { program, closes: closing.closes })
      : t('mail:notifications.deadlineReminderSoon', { program })
  },
  example: {
    ...EXAMPLE_PROGRAM,
    applicationId: '00000000-0000-4000-8000-000000000001',
    // Friday 4 December 2026, 5 pm in Chicago.
    closesAt: '2026-12-04T23:00:00.000Z',
    timeZone: 'America/Chicago',
  },
})
