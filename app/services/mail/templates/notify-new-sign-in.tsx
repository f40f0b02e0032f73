import { notificationMail } from './notification.tsx'

/** Security notice: a sign-in from a device the account had not used (cannot be turned off). */
export const newSignInMail = notificationMail('new-sign-in', {
  subject: ({ t }) => t('mail:notifications.newSignIn'),
  after: ({ t }, d) => [t('mail:notifications.newSignInAddress', { ip: String(d.ip ?? '') })],
  example: { browserName: 'Firefox', osName: 'Windows', ip: '203.0.113.7' },
})
