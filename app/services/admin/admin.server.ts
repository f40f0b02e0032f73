import { and, desc, eq, ilike, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm'
import { db } from '#db/client.server.ts'
import type { OrganizationKind } from '#app/domain/organizations.ts'
import { memberships, organizations, users } from '#db/schema/index.ts'
import { fail, type Actor, type Result } from '#app/domain/result.ts'
import type { Message } from '#app/lib/i18n/message.ts'
import { recordAudit } from './audit.server.ts'
import { endUserSessions } from '#app/services/accounts/sessions.server.ts'

export const ADMIN_PAGE_SIZE = 25

/** Offset pages are fine here: admins browse the first few pages of a filtered list. */
function pageWindow(page: number) {
  const p = Math.max(1, Math.floor(page))
  return { page: p, offset: (p - 1) * ADMIN_PAGE_SIZE, limit: ADMIN_PAGE_SIZE + 1 }
}

function finish<T>(rows: T[], page: number) {
  return { rows: rows.slice(0, ADMIN_PAGE_SIZE), page, hasNext: rows.length > ADMIN_PAGE_SIZE }
}

const contains = (q: string) => `%${q.replace(/[\\%_]/g, (c) => '\\' + c)}%`

export async function listUsers(opts: { q?: string; suspended?: boolean; page: number }) {
  const w = pageWindow(opts.page)
  const conditions: (SQL | undefined)[] = []
  if (opts.q)
    conditions.push(or(ilike(users.email, contains(opts.q)), ilike(users.name, contains(opts.q))))
  if (opts.suspended) conditions.push(isNotNull(users.suspendedAt))
  const rows = await db()
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      isPlatformAdmin: users.isPlatformAdmin,
      suspended: sql<boolean>`${users.suspendedAt} IS NOT NULL`,
      createdAt: users.createdAt,
      organizations: sql<number>`(SELECT count(*)::int FROM ${memberships} WHERE ${memberships.userId} = ${users.id})`,
    })
    .from(users)
    .where(and(...conditions))
    .orderBy(desc(users.createdAt), desc(users.id))
    .limit(w.limit)
    .offset(w.offset)
  return finish(rows, w.page)
}

export async function listOrganizations(opts: {
  q?: string
  kind?: OrganizationKind
  page: number
}) {
  const w = pageWindow(opts.page)
  const conditions: SQL[] = []
  if (opts.q) conditions.push(ilike(organizations.name, contains(opts.q)))
  if (opts.kind) conditions.push(eq(organizations.kind, opts.kind))
  const rows = await db()
    .select({
      id: organizations.id,
      name: organizations.name,
      slug: organizations.slug,
      kind: organizations.kind,
      location: organizations.location,
      createdAt: organizations.createdAt,
      members: sql<number>`(SELECT count(*)::int FROM ${memberships} WHERE ${memberships.organizationId} = ${organizations.id})`,
    })
    .from(organizations)
    .where(and(...conditions))
    .orderBy(desc(organizations.createdAt), desc(organizations.id))
    .limit(w.limit)
    .offset(w.offset)
  return finish(rows, w.page)
}

/** A refused suspension or restoration: one sentence for the admin, and why. */
type SuspensionResult = Result<
  object,
  { message: Message; reason: 'self' | 'not_active' | 'not_suspended' }
>

/**
 * Suspends an account: it can no longer log in and every session it has ends now. An admin
 * cannot suspend themselves (nobody could then restore a platform with one admin).
 */
export async function suspendUser(admin: Actor, userId: string): Promise<SuspensionResult> {
  if (admin.id === userId) {
    return fail({ reason: 'self', message: 'admin:refusals.suspendSelf' })
  }
  return db().transaction(async (tx) => {
    const [user] = await tx
      .update(users)
      .set({ suspendedAt: new Date() })
      .where(and(eq(users.id, userId), isNull(users.suspendedAt)))
      .returning({ id: users.id })
    if (!user) return fail({ reason: 'not_active', message: 'admin:refusals.notActive' })
    await endUserSessions(tx, userId)
    await recordAudit(tx, {
      actorUserId: admin.id,
      action: 'user.suspended',
      entityType: 'user',
      entityId: userId,
      ip: admin.ip,
    })
    return { ok: true as const }
  })
}

/** Lets a suspended account log in again. */
export async function restoreUser(admin: Actor, userId: string): Promise<SuspensionResult> {
  return db().transaction(async (tx) => {
    const [user] = await tx
      .update(users)
      .set({ suspendedAt: null })
      .where(and(eq(users.id, userId), isNotNull(users.suspendedAt)))
      .returning({ id: users.id })
    if (!user) return fail({ reason: 'not_suspended', message: 'admin:refusals.notSuspended' })
    await recordAudit(tx, {
      actorUserId: admin.id,
      action: 'user.restored',
      entityType: 'user',
      entityId: userId,
      ip: admin.ip,
    })
    return { ok: true as const }
  })
}
