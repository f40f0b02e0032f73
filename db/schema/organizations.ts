import { index, pgEnum, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { BUDGET_BANDS, MEMBERSHIP_ROLES, ORGANIZATION_KINDS } from '#app/domain/organizations.ts'
import { createdAt, id, updatedAt } from './columns.ts'
import { users } from './users.ts'

export const organizationKind = pgEnum('organization_kind', ORGANIZATION_KINDS)
export const budgetBand = pgEnum('budget_band', BUDGET_BANDS)
export const membershipRole = pgEnum('membership_role', MEMBERSHIP_ROLES)

export const organizations = pgTable(
  'organizations',
  {
    id: id(),
    kind: organizationKind('kind').notNull(),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    mission: text('mission').notNull().default(''),
    location: text('location').notNull().default(''),
    /** Who leads the organisation, in its own words (e.g. "led by residents who…"). */
    leadership: text('leadership').notNull().default(''),
    /** Whom the organisation serves, in its own words. */
    communitiesServed: text('communities_served').notNull().default(''),
    budgetBand: budgetBand('budget_band'),
    website: text('website').notNull().default(''),
    /**
     * The legal name a donation receipt names as the recipient, when it differs from `name`, and
     * the charity registration number (e.g. a US EIN) receipts must show; empty until set.
     */
    legalName: text('legal_name').notNull().default(''),
    registrationNumber: text('registration_number').notNull().default(''),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('organizations_slug_key').on(t.slug),
    index('organizations_kind_name_idx').on(t.kind, t.name),
    index('organizations_created_at_idx').on(t.createdAt, t.id),
  ],
)

export const memberships = pgTable(
  'memberships',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: membershipRole('role').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.userId] }),
    index('memberships_user_id_idx').on(t.userId),
  ],
)

export type Organization = typeof organizations.$inferSelect
export type NewOrganization = typeof organizations.$inferInsert
export type Membership = typeof memberships.$inferSelect
