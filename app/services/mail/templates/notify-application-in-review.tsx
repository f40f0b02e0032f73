import { EXAMPLE_PROGRAM, notificationMail } from './notification.tsx'

/** To the group: the funder started reviewing its application. */
export const applicationInReviewMail = notificationMail('application-in-review', {
  subject: ({ t }) => t('mail:notifications.applicationInReview'),
  example: { ...EXAMPLE_PROGRAM, applicationId: '00000000-0000-4000-8000-000000000001' },
})
