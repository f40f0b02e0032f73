import { sql } from 'drizzle-orm'
import { check, index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'
import { createdAt, id } from './columns.ts'

export const DONOR_ACCESS_KINDS = ['link', 'session'] as const
export type DonorAccessKind = (typeof DONOR_ACCESS_KINDS)[number]

/**
 * A donor's way to their gifts without an account (issue 10, "by a link sent to their email"):
 * a `link` is mailed to the address (single use, 1 hour); opening it starts a `session` (24
 * hours) that the browser holds in a cookie. Either is a bearer secret: only its SHA-256 is
 * stored, so a copy of the table opens nothing. `email` is lower-cased, as gifts are matched.
 */
export const donorAccess = pgTable(
  'donor_access',
  {
    id: id(),
    kind: text('kind').$type<DonorAccessKind>().notNull(),
    email: text('email').notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** When a link was opened (it opens once); sessions are never marked used. */
    usedAt: timestamp('used_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('donor_access_token_hash_key').on(t.tokenHash),
    // The clean-up of expired rows.
    index('donor_access_expires_idx').on(t.expiresAt),
    check('donor_access_kind_known', sql`${t.kind} IN ('link', 'session')`),
    check('donor_access_email_lower_case', sql`${t.email} = lower(${t.email})`),
  ],
)

export type DonorAccess = typeof donorAccess.$inferSelect
