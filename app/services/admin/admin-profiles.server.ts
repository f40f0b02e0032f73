import { asc, eq, sql } from 'drizzle-orm'
import { db } from '#db/client.server.ts'
import {
  auditLog,
  funds,
  memberships,
  organizations,
  programs,
  sessions,
  users,
} from '#db/schema/index.ts'
import { listAudit } from './audit.server.ts'
import { isUuid } from '#app/lib/uuid.ts'

/** How many of someone's latest audit events their admin page shows. */
export const RECENT_EVENTS = 10

/**
 * Everything a platform admin needs to know about one account: who it is, whether it can log
 * in, where it belongs and what it did last. Null when there is no such account.
 */
export async function getUserProfile(userId: string | undefined) {
  if (!isUuid(userId)) return null
  const [user] = await db()
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      isPlatformAdmin: users.isPlatformAdmin,
      suspendedAt: users.suspendedAt,
      createdAt: users.createdAt,
      activeSessions: sql<number>`(SELECT count(*)::int FROM ${sessions}
        WHERE ${sessions.userId} = ${userId} AND ${sessions.expiresAt} > now())`,
      // A session's last request, or the last thing the account did that was audited (logging
      // out deletes the session, not the fact that it was used).
      lastActiveAt: sql<Date | string | null>`greatest(
        (SELECT max(${sessions.lastSeenAt}) FROM ${sessions} WHERE ${sessions.userId} = ${userId}),
        (SELECT max(${auditLog.at}) FROM ${auditLog} WHERE ${auditLog.actorUserId} = ${userId}))`,
    })
    .from(users)
    .where(eq(users.id, userId))
  if (!user) return null
  const [organizationsOf, recent] = await Promise.all([
    db()
      .select({
        id: organizations.id,
        name: organizations.name,
        kind: organizations.kind,
        role: memberships.role,
      })
      .from(memberships)
      .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
      .where(eq(memberships.userId, userId))
      .orderBy(asc(organizations.name)),
    listAudit({ actorUserId: userId, limit: RECENT_EVENTS }),
  ])
  return {
    ...user,
    lastActiveAt: user.lastActiveAt ? new Date(user.lastActiveAt) : null,
    memberships: organizationsOf,
    recentEvents: recent.rows,
  }
}

/** One organisation as a platform admin sees it: profile, members, what it runs, what happened. */
export async function getOrganizationProfile(organizationId: string | undefined) {
  if (!isUuid(organizationId)) return null
  const [organization] = await db()
    .select({
      id: organizations.id,
      name: organizations.name,
      slug: organizations.slug,
      kind: organizations.kind,
      mission: organizations.mission,
      location: organizations.location,
      website: organizations.website,
      budgetBand: organizations.budgetBand,
      createdAt: organizations.createdAt,
      funds: sql<number>`(SELECT count(*)::int FROM ${funds}
        WHERE ${funds.organizationId} = ${organizationId})`,
      // Drizzle leaves columns unqualified here, so no subquery may join two tables with an id.
      programs: sql<number>`(SELECT count(*)::int FROM ${programs} WHERE ${programs.fundId} IN
        (SELECT ${funds.id} FROM ${funds} WHERE ${funds.organizationId} = ${organizationId}))`,
    })
    .from(organizations)
    .where(eq(organizations.id, organizationId))
  if (!organization) return null
  const [members, recent] = await Promise.all([
    db()
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        role: memberships.role,
        suspended: sql<boolean>`${users.suspendedAt} IS NOT NULL`,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.organizationId, organizationId))
      .orderBy(asc(users.name)),
    listAudit({ organizationId, limit: RECENT_EVENTS }),
  ])
  return { ...organization, members, recentEvents: recent.rows }
}
