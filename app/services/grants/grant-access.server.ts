import { and, eq, sql } from 'drizzle-orm'
import type { Db } from '#db/client.server.ts'
import {
  funds,
  grants,
  memberships,
  organizations,
  programs,
  type Grant,
} from '#db/schema/index.ts'
import { isUuid } from '#app/lib/uuid.ts'
import { fail, type Actor, type Failure } from '#app/domain/result.ts'
import { dateToZonedInput } from '#app/lib/time-zones.ts'
import { databaseNow } from '#app/services/clock.server.ts'
import { MANAGER_ROLES } from '#app/services/organizations/organizations.server.ts'

/** A grant with what its pages and services read beside it: its funder, program and zone. */
export interface GrantInContext {
  grant: Grant
  funderId: string
  funderSlug: string
  funderName: string
  organizationName: string
  currency: string
  program: {
    id: string
    slug: string
    title: string
    contentLanguage: string
    titleTranslation: string | null
    timeZone: string
  }
}

/** The grant with its context, locked for the transaction's write when `lock` is set. */
export async function grantInContext(
  tx: Db,
  grantId: string,
  options: { lock?: boolean } = {},
): Promise<GrantInContext | null> {
  if (!isUuid(grantId)) return null
  const query = tx
    .select({
      grant: grants,
      funderId: funds.organizationId,
      currency: funds.currency,
      program: {
        id: programs.id,
        slug: programs.slug,
        title: programs.title,
        contentLanguage: programs.contentLanguage,
        titleTranslation: programs.titleTranslation,
        timeZone: programs.timeZone,
      },
      funderSlug: sql<string>`(SELECT slug FROM ${organizations} WHERE id = ${funds.organizationId})`,
      funderName: sql<string>`(SELECT name FROM ${organizations} WHERE id = ${funds.organizationId})`,
      organizationName: organizations.name,
    })
    .from(grants)
    .innerJoin(programs, eq(programs.id, grants.programId))
    .innerJoin(funds, eq(funds.id, grants.fundId))
    .innerJoin(organizations, eq(organizations.id, grants.organizationId))
    .where(eq(grants.id, grantId))
  const [row] = options.lock ? await query.for('update', { of: grants }) : await query
  return row ?? null
}

const notFound = (): Failure => fail({ status: 404, message: 'grants:refusals.notFound' })

/**
 * The grant for one of its funder's program officers (owner or admin), checked in the database
 * inside the use case's transaction: anyone else is told it does not exist (members without the
 * role, that they may not).
 */
export async function officerGrant(
  tx: Db,
  actor: Actor,
  grantId: string,
  options: { lock?: boolean } = {},
): Promise<({ ok: true } & GrantInContext) | Failure> {
  const found = await grantInContext(tx, grantId, options)
  if (!found) return notFound()
  const role = await roleIn(tx, found.funderId, actor.id)
  if (!role) return notFound()
  if (!MANAGER_ROLES.includes(role)) {
    return fail({ status: 403, message: 'grants:refusals.officersOnly' })
  }
  return { ok: true, ...found }
}

/** officerGrant, locked, for a change that only an active grant takes. */
export async function activeOfficerGrant(tx: Db, actor: Actor, grantId: string) {
  const found = await officerGrant(tx, actor, grantId, { lock: true })
  if (!found.ok) return found
  return refuseUnlessActive(found.grant) ?? found
}

export async function roleIn(tx: Db, organizationId: string, userId: string) {
  const [member] = await tx
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)))
  return member?.role ?? null
}

/** The grant for a member of the organisation it was awarded to; anyone else: not found. */
export async function granteeGrant(
  tx: Db,
  actor: Actor,
  grantId: string,
  options: { lock?: boolean } = {},
): Promise<({ ok: true } & GrantInContext) | Failure> {
  const found = await grantInContext(tx, grantId, options)
  if (!found) return notFound()
  if (!(await roleIn(tx, found.grant.organizationId, actor.id))) return notFound()
  return { ok: true, ...found }
}

/** Today in the program's zone: the day due dates are read against. */
export async function programToday(tx: Db, timeZone: string): Promise<string> {
  return dateToZonedInput(await databaseNow(tx), timeZone).slice(0, 10)
}

export const refuseUnlessActive = (grant: Grant): Failure | null =>
  grant.status === 'active' ? null : fail({ status: 409, message: 'grants:refusals.notActive' })
