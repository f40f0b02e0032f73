import { countUnread } from '#app/services/notifications/notifications.server.ts'
import { memo } from './request-memo-cache.server.ts'

/** The bell's unread count: one indexed count, once per read-only request however many ask. */
export function unreadCount(userId: string): Promise<number> {
  return memo(`notifications:unread:${userId}`, () => countUnread(userId))
}
