import { useTranslation } from 'react-i18next'
import type { MailStatus } from '#app/domain/mail.ts'

/** A mail's delivery status in the reader's language (the outbox list and page). */
export function useMailStatusLabel() {
  const { t } = useTranslation('admin')
  return (status: MailStatus) => {
    switch (status) {
      case 'queued':
        return t('admin:outbox.statuses.queued')
      case 'sending':
        return t('admin:outbox.statuses.sending')
      case 'sent':
        return t('admin:outbox.statuses.sent')
      case 'failed':
        return t('admin:outbox.statuses.failed')
      case 'captured':
        return t('admin:outbox.statuses.captured')
    }
  }
}
