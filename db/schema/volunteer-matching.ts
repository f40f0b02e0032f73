import { sql } from 'drizzle-orm'
import { check, jsonb, pgTable, primaryKey, smallint, timestamp, uuid } from 'drizzle-orm/pg-core'
import type { MatchWeights } from '#app/domain/volunteers/weights.ts'
import { users } from './users.ts'
import { volunteerProfiles, volunteerRequests } from './volunteers.ts'

/**
 * The platform's one set of matching weights (decision 028), tuned by an admin. A single row
 * (id 1); without it the defaults in code apply, so a fresh database ranks the same way.
 */
export const matchWeightSettings = pgTable(
  'match_weight_settings',
  {
    id: smallint('id').primaryKey().default(1),
    weights: jsonb('weights').$type<MatchWeights>().notNull(),
    updatedByUserId: uuid('updated_by_user_id').references(() => users.id, {
      onDelete: 'set null',
    }),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [check('match_weight_settings_one_row', sql`${t.id} = 1`)],
)

/**
 * A volunteer's acceptance of the data-protection agreement for a request whose work touches
 * community members' personal or health data; only then are its details shown to them.
 */
export const volunteerDataAgreements = pgTable(
  'volunteer_data_agreements',
  {
    profileId: uuid('profile_id')
      .notNull()
      .references(() => volunteerProfiles.id, { onDelete: 'cascade' }),
    requestId: uuid('request_id')
      .notNull()
      .references(() => volunteerRequests.id, { onDelete: 'cascade' }),
    acceptedAt: timestamp('accepted_at', { withTimezone: true, mode: 'date' })
      .notNull()
      .defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.profileId, t.requestId] })],
)
