import { EXAMPLE_PROGRAM, notificationMail } from './notification.tsx'

/** To the group: the funder asked for changes; the message is on the application itself. */
export const changesRequestedMail = notificationMail('changes-requested', {
  subject: ({ t }) => t('mail:notifications.changesRequested'),
  example: { ...EXAMPLE_PROGRAM, applicationId: '00000000-0000-4000-8000-000000000001' },
})
