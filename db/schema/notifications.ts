import { sql } from 'drizzle-orm'
import {
  boolean,
  check,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { createdAt, id } from './columns.ts'
import { users } from './users.ts'

/**
 * Something that happened which a person should hear of, shown under the bell. The words are not
 * stored: `kind` picks the message and `data` holds its parameters, so each reader sees it in
 * their own language (docs/decisions/017-notifications.md).
 */
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    /** The message's parameters (names, dates), as the kind's registry entry wrote them. */
    data: jsonb('data').$type<Record<string, string | number>>().notNull().default({}),
    /** A path on our own origin ("/applications/…"), never an external address. */
    link: text('link').notNull(),
    /** What made it happen ("<application id>", "<draft id>:7d"): one notification per event. */
    eventKey: text('event_key').notNull(),
    readAt: timestamp('read_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('notifications_user_newest_idx').on(t.userId, t.createdAt.desc(), t.id.desc()),
    index('notifications_user_unread_idx')
      .on(t.userId)
      .where(sql`${t.readAt} IS NULL`),
    uniqueIndex('notifications_event_key').on(t.userId, t.kind, t.eventKey),
    check('notifications_link_local', sql`${t.link} ~ '^/([^/\\\\]|$)'`),
  ],
)

/** A person's choice for one kind; no row: the kind's default applies. */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    /** True: in the app and by email; false: in the app only. */
    email: boolean('email').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
)

/**
 * The devices (browser family and operating system, from the user-agent) an account has signed in
 * from, kept after their sessions end, so a sign-in from a new one can be told apart.
 */
export const userDevices = pgTable(
  'user_devices',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    fingerprint: text('fingerprint').notNull(),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true, mode: 'date' })
      .notNull()
      .defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'date' })
      .notNull()
      .defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.fingerprint] })],
)

export type Notification = typeof notifications.$inferSelect
