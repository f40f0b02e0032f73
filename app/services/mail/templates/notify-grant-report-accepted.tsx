import { EXAMPLE_GRANT, notificationMail } from './notification.tsx'

/** To a grantee whose report the funder accepted. */
export const grantReportAcceptedMail = notificationMail('grant-report-accepted', {
  subject: ({ t }) => t('mail:notifications.grantReportAccepted'),
  example: EXAMPLE_GRANT,
})
