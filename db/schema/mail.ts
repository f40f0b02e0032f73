import { sql } from 'drizzle-orm'
import {
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { createdAt, id } from './columns.ts'
import { users } from './users.ts'

import type { MailStatus } from '#app/domain/mail.ts'

/**
 * Every mail the app sends, rendered when the event happens (in the recipient's language) and
 * written in the event's own transaction: the outbox. A job delivers it after commit (or, with no
 * SMTP configured, marks it captured: the development outbox at /admin/outbox shows it). The
 * idempotency key names the event, so one event never gives two mails
 * (docs/decisions/016-mail.md).
 */
export const mailMessages = pgTable(
  'mail_messages',
  {
    id: id(),
    idempotencyKey: text('idempotency_key').notNull(),
    toAddress: text('to_address').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    kind: text('kind').notNull(),
    language: text('language').notNull(),
    subject: text('subject').notNull(),
    html: text('html').notNull(),
    text: text('text').notNull(),
    status: text('status').$type<MailStatus>().notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    /** When a job last took it to send: a "sending" row is another job's only once this is stale. */
    claimedAt: timestamp('claimed_at', { withTimezone: true, mode: 'date' }),
    lastError: text('last_error'),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    uniqueIndex('mail_messages_idempotency_key_key').on(t.idempotencyKey),
    index('mail_messages_created_at_idx').on(t.createdAt.desc(), t.id.desc()),
    // The sweep's work: rows not yet handed over (a crash between commit and queueing).
    index('mail_messages_pending_idx')
      .on(t.createdAt)
      .where(sql`${t.status} in ('queued', 'sending')`),
    index('mail_messages_user_id_idx').on(t.userId),
    check(
      'mail_messages_status_known',
      sql`${t.status} in ('queued', 'sending', 'sent', 'failed', 'captured')`,
    ),
    check('mail_messages_language_known', sql`${t.language} in ('en', 'es')`),
  ],
)

export type MailMessage = typeof mailMessages.$inferSelect

/** What a single-use account link is for. */
export const ACCOUNT_TOKEN_PURPOSES = ['verify-email', 'reset-password', 'change-email'] as const
export type AccountTokenPurpose = (typeof ACCOUNT_TOKEN_PURPOSES)[number]

/**
 * Single-use links mailed to an account (verify the address, reset the password, confirm a new
 * address). Only the token's SHA-256 is stored; `email` is the address the link was sent to (the
 * new address for a change), so a link for an address the account no longer has does nothing.
 */
export const accountTokens = pgTable(
  'account_tokens',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose').$type<AccountTokenPurpose>().notNull(),
    tokenHash: text('token_hash').notNull(),
    email: text('email').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    uniqueIndex('account_tokens_token_hash_key').on(t.tokenHash),
    index('account_tokens_user_purpose_idx').on(t.userId, t.purpose),
    index('account_tokens_expires_at_idx').on(t.expiresAt),
    check(
      'account_tokens_purpose_known',
      sql`${t.purpose} in ('verify-email', 'reset-password', 'change-email')`,
    ),
    check('account_tokens_email_lower_case', sql`${t.email} = lower(${t.email})`),
  ],
)

export type AccountToken = typeof accountTokens.$inferSelect
