import { EXAMPLE_VOLUNTEER_REQUEST, notificationMail } from './notification.tsx'

/** To a group whose open request has waited a week with no engagement proposed. */
export const volunteerRequestReviseMail = notificationMail('volunteer-request-revise', {
  subject: ({ t }) => t('mail:notifications.volunteerRequestRevise'),
  example: { ...EXAMPLE_VOLUNTEER_REQUEST, days: 7 },
})
