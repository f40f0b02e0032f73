import { EXAMPLE_GRANT, notificationMail } from './notification.tsx'

/** To a grantee whose report is past its due day. */
export const grantReportOverdueMail = notificationMail('grant-report-overdue', {
  subject: ({ t }) => t('mail:notifications.grantReportOverdue'),
  example: EXAMPLE_GRANT,
})
