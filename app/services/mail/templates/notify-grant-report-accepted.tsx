import { EXAMPLE_PROGRAM, notificationMail } from './notification.tsx'

/** To a grantee whose report the funder accepted. */
export const grantReportAcceptedMail = notificationMail('grant-report-accepted', {
  subject: ({ t }) => t('mail:notifications.grantReportAccepted'),
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
