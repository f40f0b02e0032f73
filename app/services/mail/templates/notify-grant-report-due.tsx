import { EXAMPLE_GRANT, notificationMail } from './notification.tsx'

/** To a grantee whose report is due within two weeks. */
export const grantReportDueMail = notificationMail('grant-report-due', {
  subject: ({ t }) => t('mail:notifications.grantReportDue'),
  example: EXAMPLE_GRANT,
})
