import { EXAMPLE_PROGRAM, notificationMail } from './notification.tsx'

/** To the funder's program officers: a group applied. */
export const applicationReceivedMail = notificationMail('application-received', {
  subject: ({ t }) => t('mail:notifications.applicationReceived'),
  example: {
    ...EXAMPLE_PROGRAM,
    organization: 'Eastside Health Collective',
    funderSlug: 'riverbend',
    programSlug: 'community-health-access-2027',
  },
})
