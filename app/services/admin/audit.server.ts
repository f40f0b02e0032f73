import { and, desc, eq, ilike, lt, or, type SQL } from 'drizzle-orm'
import { db, type Db } from '#db/client.server.ts'
import { auditLog, users } from '#db/schema/index.ts'
import type { AuditAction } from '#app/domain/audit-actions.ts'
import { entityKey, labelEntities } from './audit-labels.server.ts'

export interface AuditInput {
  actorUserId: string | null
  action: AuditAction
  entityType: string
  entityId: string
  organizationId?: string | null
  ip?: string | null
  details?: Record<string, unknown>
}

/** Writes one audit row; pass the transaction of the change it records so both commit together. */
export async function recordAudit(tx: Db, entry: AuditInput) {
  await recordAudits(tx, [entry])
}

/** Writes audit rows in one statement (a batch of webhook events audits its changes so). */
export async function recordAudits(tx: Db, entries: readonly AuditInput[]) {
  if (entries.length === 0) return
  await tx.insert(auditLog).values(
    entries.map((entry) => ({
      actorUserId: entry.actorUserId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      organizationId: entry.organizationId ?? null,
      ip: entry.ip ?? null,
      details: entry.details ?? {},
    })),
  )
}

export interface AuditFilter {
  /** Part of the actor's name or email, like the admin's user search. */
  actor?: string
  /** Exactly this actor (the admin's user page links here). */
  actorUserId?: string
  /** Rows about this organisation (the admin's organisation page links here). */
  organizationId?: string
  action?: AuditAction
  entityType?: string
  entityId?: string
  /** Keyset cursor: the id of the last row of the previous page. */
  before?: number
  /** Fewer rows than a full page, for a summary. */
  limit?: number
}

export const AUDIT_PAGE_SIZE = 50

/** A LIKE pattern matching `text` anywhere, with LIKE's own wildcards taken literally. */
const contains = (text: string) => `%${text.replace(/[\\%_]/g, (c) => '\\' + c)}%`

/** Newest first, one page at a time; the cursor keeps deep pages as cheap as the first. */
export async function listAudit(filter: AuditFilter) {
  const size = Math.min(filter.limit ?? AUDIT_PAGE_SIZE, AUDIT_PAGE_SIZE)
  const conditions: SQL[] = []
  if (filter.actor?.trim()) {
    const pattern = contains(filter.actor.trim())
    const actor = or(ilike(users.email, pattern), ilike(users.name, pattern))
    if (actor) conditions.push(actor)
  }
  if (filter.actorUserId) conditions.push(eq(auditLog.actorUserId, filter.actorUserId))
  if (filter.organizationId) conditions.push(eq(auditLog.organizationId, filter.organizationId))
  if (filter.action) conditions.push(eq(auditLog.action, filter.action))
  if (filter.entityType) conditions.push(eq(auditLog.entityType, filter.entityType))
  if (filter.entityId) conditions.push(eq(auditLog.entityId, filter.entityId))
  if (filter.before !== undefined) conditions.push(lt(auditLog.id, filter.before))

  const rows = await db()
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      ip: auditLog.ip,
      details: auditLog.details,
      actorUserId: auditLog.actorUserId,
      actorEmail: users.email,
      actorName: users.name,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(size + 1)

  const hasMore = rows.length > size
  const page = rows.slice(0, size)
  const labels = await labelEntities(page)
  return {
    rows: page.map((row) => ({ ...row, entity: labels.get(entityKey(row)) ?? null })),
    nextBefore: hasMore ? page.at(-1)?.id : undefined,
  }
}
