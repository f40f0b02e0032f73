import { EXAMPLE_PROGRAM, notificationMail } from './notification.tsx'

/** To the group: the funder awarded or declined its application (the page has the outcome). */
export const applicationDecidedMail = notificationMail('application-decided', {
  subject: ({ t }) => t('mail:notifications.applicationDecided'),
  example: {
    ...EXAMPLE_PROGRAM,
    applicationId: '00000000-0000-4000-8000-000000000001',
    outcome: 'award',
  },
})
