/** Where a mail is: waiting, being handed to SMTP, delivered, refused, or kept in the dev outbox. */
export const MAIL_STATUSES = ['queued', 'sending', 'sent', 'failed', 'captured'] as const
export type MailStatus = (typeof MAIL_STATUSES)[number]
