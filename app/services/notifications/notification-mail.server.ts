import type { Tx } from '#db/client.server.ts'
import type { NotificationKind } from '#app/domain/notifications.ts'
import type { Language } from '#app/lib/i18n/config.ts'
import { queueMail } from '#app/services/mail/mail.server.ts'
import type { NotificationData } from './notification-kinds.server.ts'

export interface NotificationMail {
  to: string
  userId?: string
  language: Language
  data: NotificationData
  idempotencyKey: string
}

/**
 * Queues the mails of notifications in the caller's transaction (the mail outbox,
 * docs/decisions/016-mail.md), each with the kind's template (named as the kind) and its send
 * job, which runs as soon as the transaction commits; the idempotency key keeps one event to one
 * mail. Answers the ids of the messages queued.
 */
export async function mailNotifications(
  tx: Tx,
  kind: NotificationKind,
  mails: NotificationMail[],
): Promise<string[]> {
  const ids: string[] = []
  for (const mail of mails) {
    const id = await queueMail(tx, {
      to: mail.to,
      userId: mail.userId ?? null,
      kind,
      language: mail.language,
      data: mail.data as never,
      idempotencyKey: mail.idempotencyKey,
    })
    if (id) ids.push(id)
  }
  return ids
}
