import { EXAMPLE_PROGRAM, notificationMail } from './notification.tsx'

/** To a grantee when the funder marks a payment paid. */
export const grantPaymentMadeMail = notificationMail('grant-payment-made', {
  subject: ({ t }) => t('mail:notifications.grantPaymentMade'),
  example: {
    ...EXAMPLE_PROGRAM,
    grantId: '00000000-0000-4000-8000-000000000000',
    milestone: 'Final report',
    dueOn: '2027-03-01',
    organization: 'Eastside Health Collective',
    funderSlug: 'demo-funder',
    amountMinor: 500000,
    currency: 'USD',
  },
})
