import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import type { AuditAction } from '#app/domain/audit-actions.ts'
import { organizations } from './organizations.ts'
import { users } from './users.ts'

/**
 * Append-only record of every state change that matters. A trigger (migration 0001) refuses
 * UPDATE and DELETE, so history cannot be rewritten by the application either.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    /** One of app/domain/audit-actions.ts: `entity.past_tense_verb`, e.g. "membership.added". */
    action: text('action').$type<AuditAction>().notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    organizationId: uuid('organization_id').references(() => organizations.id),
    ip: text('ip'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    // Pages are read newest-first by id within a filter, so each filter column leads an index
    // that ends in id.
    index('audit_log_actor_idx').on(t.actorUserId, t.id),
    index('audit_log_action_idx').on(t.action, t.id),
    index('audit_log_entity_idx').on(t.entityType, t.entityId, t.id),
    index('audit_log_organization_idx').on(t.organizationId, t.id),
  ],
)

export type AuditEntry = typeof auditLog.$inferSelect
