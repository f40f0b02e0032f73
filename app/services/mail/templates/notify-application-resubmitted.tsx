import { EXAMPLE_PROGRAM, notificationMail } from './notification.tsx'

/** To the program's officers: a group sent back the application they asked changes to. */
export const applicationResubmittedMail = notificationMail('application-resubmitted', {
  subject: ({ t }) => t('mail:notifications.applicationResubmitted'),
  example: {
    ...EXAMPLE_PROGRAM,
    organization: 'Eastside Tenants Union',
    applicationId: '00000000-0000-4000-8000-000000000001',
  },
})
