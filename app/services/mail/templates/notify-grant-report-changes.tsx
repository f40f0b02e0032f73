import { EXAMPLE_GRANT, notificationMail } from './notification.tsx'

/** To a grantee whose report the funder asks to change. */
export const grantReportChangesMail = notificationMail('grant-report-changes', {
  subject: ({ t }) => t('mail:notifications.grantReportChanges'),
  example: EXAMPLE_GRANT,
})
