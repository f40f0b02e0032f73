import { EXAMPLE_PROGRAM, notificationMail } from './notification.tsx'

/** To the group's members: their application went in. */
export const applicationSubmittedMail = notificationMail('application-submitted', {
  subject: ({ t }) => t('mail:notifications.applicationSubmitted'),
  example: {
    ...EXAMPLE_PROGRAM,
    organization: 'Eastside Health Collective',
    applicationId: '00000000-0000-4000-8000-000000000001',
  },
})
