import { EXAMPLE_PROGRAM, notificationMail } from './notification.tsx'

/** To a grantee whose report is due within two weeks. */
export const grantReportDueMail = notificationMail('grant-report-due', {
  subject: ({ t }) => t('mail:notifications.grantReportDue'),
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
