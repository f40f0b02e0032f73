import { EXAMPLE_GRANT, notificationMail } from './notification.tsx'

/** To the funder's program officers when a grantee submits a report. */
export const grantReportSubmittedMail = notificationMail('grant-report-submitted', {
  subject: ({ t }) => t('mail:notifications.grantReportSubmitted'),
  example: EXAMPLE_GRANT,
})
