import { EXAMPLE_VOLUNTEER_REQUEST, notificationMail } from './notification.tsx'

/** To a group whose open request passed its deadline. */
export const volunteerRequestExpiredMail = notificationMail('volunteer-request-expired', {
  subject: ({ t }) => t('mail:notifications.volunteerRequestExpired'),
  example: EXAMPLE_VOLUNTEER_REQUEST,
})
