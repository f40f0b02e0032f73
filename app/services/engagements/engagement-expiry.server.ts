import { inArray, sql } from 'drizzle-orm'
import { db } from '#db/client.server.ts'
import { volunteerEngagements } from '#db/schema/index.ts'
import { recordAudit } from '#app/services/admin/audit.server.ts'
import type { JobDefinition } from '#app/services/jobs/job-queue.server.ts'
import { notifyEngagementExpired } from '#app/services/notifications/notification-events.server.ts'
import type { HasOffer } from '#app/services/volunteers/request-sweep.server.ts'

interface Claimed {
  id: string
  title: string
  organization_id: string
  volunteer_user_id: string
}

/**
 * Proposals past `respond_by` expire and both sides are told. The UPDATE claims each row in the
 * transaction that writes the notices, so a second run (or a second process) tells nobody twice.
 * `at` (tests, an operator) replaces the database clock.
 */
export async function expireProposals(at?: Date): Promise<{ expired: number }> {
  return db().transaction(async (tx) => {
    const now = at ? sql`${at.toISOString()}::timestamptz` : sql`now()`
    const { rows } = (await tx.execute(sql`
      UPDATE volunteer_engagements e SET status = 'expired', updated_at = now()
      FROM volunteer_requests r, volunteer_profiles p
      WHERE r.id = e.request_id AND p.id = e.profile_id
        AND e.status = 'proposed' AND e.respond_by <= ${now}
      RETURNING e.id, r.title, r.organization_id, p.user_id AS volunteer_user_id`)) as unknown as {
      rows: Claimed[]
    }
    for (const e of rows) {
      await notifyEngagementExpired(tx, {
        id: e.id,
        title: e.title,
        organizationId: e.organization_id,
        volunteerUserId: e.volunteer_user_id,
      })
      await recordAudit(tx, {
        actorUserId: null,
        action: 'engagement.expired',
        entityType: 'volunteer_engagement',
        entityId: e.id,
        organizationId: e.organization_id,
      })
    }
    return { expired: rows.length }
  })
}

export const ENGAGEMENT_EXPIRY_JOB = 'engagement-expiry'

export const engagementJobs = [
  {
    name: ENGAGEMENT_EXPIRY_JOB,
    // Hourly: a five-day window deserves an answer close to when it ends.
    cron: '5 * * * *',
    run: () => expireProposals(),
  } satisfies JobDefinition,
]

/** Which requests have had any engagement proposed: the request sweep does not prompt those. */
export const requestsWithProposals: HasOffer = async (tx, requestIds) => {
  const rows = await tx
    .selectDistinct({ id: volunteerEngagements.requestId })
    .from(volunteerEngagements)
    .where(inArray(volunteerEngagements.requestId, requestIds))
  return new Set(rows.map((r) => r.id))
}
