import { and, eq, inArray, sql, type SQL } from 'drizzle-orm'
import { db } from '#db/client.server.ts'
import { applications, funds, memberships, organizations, programs } from '#db/schema/index.ts'
import type { ProgramStatus } from '#app/domain/programs/program-status.ts'
import { FUND_MANAGER_ROLES } from './funds.server.ts'

/** How many programs the dashboard and an organisation's overview show at most. */
export const PROGRAM_LIST_LIMIT = 50

/** Work that needs the funder now comes first: open calls, then those waiting for review. */
const STATUS_ORDER = sql`CASE ${programs.status}
  WHEN 'open' THEN 0 WHEN 'closed' THEN 1 WHEN 'in_review' THEN 2 WHEN 'draft' THEN 3 ELSE 4 END`

/**
 * Submitted applications still standing: drafts belong to their group until it submits, and a
 * withdrawn application is no longer one the funder has to consider.
 */
const submittedCount = sql<number>`(
  SELECT count(*)::int FROM ${applications}
  WHERE ${applications.programId} = ${programs.id}
    AND ${applications.status} NOT IN ('draft', 'withdrawn')
)`

/**
 * The status by the database clock: an open program past its deadline shows as closed even in
 * the moments before its deadline job has written that down.
 */
const effectiveStatus = sql<ProgramStatus>`CASE
  WHEN ${programs.status} = 'open' AND ${programs.closesAt} <= now() THEN 'closed'
  ELSE ${programs.status}::text END`

/**
 * A funder's programs with how many applications each has received, for the people who manage
 * them: every funder the user manages programs for, or one organisation's.
 */
export async function listFunderPrograms(scope: { userId: string } | { organizationId: string }) {
  const query = db()
    .select({
      id: programs.id,
      slug: programs.slug,
      title: programs.title,
      status: effectiveStatus,
      closesAt: programs.closesAt,
      timeZone: programs.timeZone,
      fundName: funds.name,
      organizationName: organizations.name,
      organizationSlug: organizations.slug,
      submitted: submittedCount,
    })
    .from(programs)
    .innerJoin(funds, eq(funds.id, programs.fundId))
    .innerJoin(organizations, eq(organizations.id, funds.organizationId))
  const scoped =
    'userId' in scope
      ? query.innerJoin(memberships, managerOf(scope.userId))
      : query.where(eq(funds.organizationId, scope.organizationId))
  return scoped
    .orderBy(STATUS_ORDER, sql`${programs.closesAt} ASC NULLS LAST`, programs.title)
    .limit(PROGRAM_LIST_LIMIT)
}

function managerOf(userId: string): SQL | undefined {
  return and(
    eq(memberships.organizationId, organizations.id),
    eq(memberships.userId, userId),
    inArray(memberships.role, FUND_MANAGER_ROLES),
    eq(organizations.kind, 'funder'),
  )
}

export type FunderProgramRow = Awaited<ReturnType<typeof listFunderPrograms>>[number]
