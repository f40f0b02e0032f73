import { EXAMPLE_PROGRAM, notificationMail } from './notification.tsx'

/** To the program's officers: a reviewer declared a conflict; a replacement is one click away. */
export const reviewConflictMail = notificationMail('review-conflict', {
  subject: ({ t }) => t('mail:notifications.reviewConflict'),
  example: {
    ...EXAMPLE_PROGRAM,
    reviewer: 'Sam Reviewer',
    funderSlug: 'riverbend',
    programSlug: 'community-health-access',
  },
})
