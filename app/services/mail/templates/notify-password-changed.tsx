import { notificationMail } from './notification.tsx'

/** Security notice: the password was changed (cannot be turned off). */
export const passwordChangedMail = notificationMail('password-changed', {
  subject: ({ t }) => t('mail:notifications.passwordChanged'),
  example: {},
})
