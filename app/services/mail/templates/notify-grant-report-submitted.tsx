import { EXAMPLE_PROGRAM, notificationMail } from './notification.tsx'

/** To the funder's program officers when a grantee submits a report. */
export const grantReportSubmittedMail = notificationMail('grant-report-submitted', {
  subject: ({ t }) => t('mail:notifications.grantReportSubmitted'),
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
