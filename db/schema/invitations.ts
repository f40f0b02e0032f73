import { sql } from 'drizzle-orm'
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { createdAt, id } from './columns.ts'
import { membershipRole, organizations } from './organizations.ts'
import { users } from './users.ts'

/**
 * An invitation to join an organisation: nobody becomes a member without accepting one while
 * signed in with the invited email. Someone with an account sees it on their dashboard; anyone
 * can also open it by link. The link carries a random token; only its SHA-256 is stored, so the
 * link cannot be shown again (or read from a leaked table). At most one pending invitation per
 * organisation and email.
 */
export const invitations = pgTable(
  'invitations',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    /** Always stored lower-cased and trimmed, like users.email. */
    email: text('email').notNull(),
    role: membershipRole('role').notNull(),
    invitedByUserId: uuid('invited_by_user_id').references(() => users.id, {
      onDelete: 'set null',
    }),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true, mode: 'date' }),
    acceptedByUserId: uuid('accepted_by_user_id').references(() => users.id, {
      onDelete: 'set null',
    }),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
    declinedAt: timestamp('declined_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    uniqueIndex('invitations_token_hash_key').on(t.tokenHash),
    uniqueIndex('invitations_pending_email_key')
      .on(t.organizationId, t.email)
      .where(sql`${t.acceptedAt} IS NULL AND ${t.revokedAt} IS NULL AND ${t.declinedAt} IS NULL`),
    check('invitations_email_lower_case', sql`${t.email} = lower(${t.email})`),
    index('invitations_email_idx').on(t.email),
  ],
)

export type Invitation = typeof invitations.$inferSelect
