import { EXAMPLE_GRANT, notificationMail } from './notification.tsx'

/** To a grantee when the funder marks a payment paid. */
export const grantPaymentMadeMail = notificationMail('grant-payment-made', {
  subject: ({ t }) => t('mail:notifications.grantPaymentMade'),
  example: EXAMPLE_GRANT,
})
