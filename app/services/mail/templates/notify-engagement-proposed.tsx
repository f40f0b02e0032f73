import { EXAMPLE_ENGAGEMENT, notificationMail } from './notification.tsx'

/** To the side asked: a volunteer offered to help, or a group invited a volunteer. */
export const engagementProposedMail = notificationMail('engagement-proposed', {
  subject: ({ t }) => t('mail:notifications.engagementProposed'),
  example: { ...EXAMPLE_ENGAGEMENT, proposedBy: 'group', name: 'Eastside Health Collective' },
})
