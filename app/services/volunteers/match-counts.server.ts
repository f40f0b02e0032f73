import { and, eq, inArray, sql } from 'drizzle-orm'
import { db } from '#db/client.server.ts'
import { volunteerEngagements } from '#db/schema/index.ts'

/**
 * How many proposals wait for an answer on each request (expired ones past `respond_by` not
 * counted even before the job marks them): matching ranks a request lower per pending offer.
 */
export async function pendingOffersByRequest(requestIds: string[]): Promise<Map<string, number>> {
  if (requestIds.length === 0) return new Map()
  const rows = await db()
    .select({ id: volunteerEngagements.requestId, n: sql<number>`count(*)::int` })
    .from(volunteerEngagements)
    .where(
      and(
        inArray(volunteerEngagements.requestId, requestIds),
        eq(volunteerEngagements.status, 'proposed'),
        sql`${volunteerEngagements.respondBy} > now()`,
      ),
    )
    .groupBy(volunteerEngagements.requestId)
  return new Map(rows.map((r) => [r.id, r.n]))
}

/** How many engagements each volunteer completed; shown publicly and used by matching. */
export async function completedEngagementsByVolunteer(
  profileIds: string[],
): Promise<Map<string, number>> {
  if (profileIds.length === 0) return new Map()
  const rows = await db()
    .select({ id: volunteerEngagements.profileId, n: sql<number>`count(*)::int` })
    .from(volunteerEngagements)
    .where(
      and(
        inArray(volunteerEngagements.profileId, profileIds),
        eq(volunteerEngagements.status, 'completed'),
      ),
    )
    .groupBy(volunteerEngagements.profileId)
  return new Map(rows.map((r) => [r.id, r.n]))
}
