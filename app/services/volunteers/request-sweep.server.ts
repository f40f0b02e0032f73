import { sql } from 'drizzle-orm'
import { db, type Tx } from '#db/client.server.ts'
import { REVISE_PROMPT_AFTER_DAYS } from '#app/domain/volunteers/request-status.ts'
import { recordAudit } from '#app/services/admin/audit.server.ts'
import { databaseNow } from '#app/services/clock.server.ts'
import type { JobDefinition } from '#app/services/jobs/job-queue.server.ts'
import { requestsWithProposals } from '#app/services/engagements/engagement-expiry.server.ts'
import { notifyVolunteerRequest } from '#app/services/notifications/notification-events.server.ts'

type Rows<T> = { rows: T[] }
const rowsOf = <T>(result: unknown) => (result as Rows<T>).rows

interface Claimed {
  id: string
  title: string
  organization_id: string
  slug: string
}

/**
 * Which of these open requests already have an engagement proposed (an offer or an invitation).
 * The engagements slice passes its own; until engagements exist no request has one.
 */
export type HasOffer = (tx: Tx, requestIds: string[]) => Promise<Set<string>>

export const noOffersYet: HasOffer = () => Promise.resolve(new Set())

/**
 * The zone whose calendar says when a deadline day is over: the westernmost US one, so no request
 * expires while its deadline day is still running where its group is.
 */
const DEADLINE_ZONE = 'Pacific/Honolulu'

/**
 * The daily sweep of open requests: one whose deadline day is over expires; one open
 * REVISE_PROMPT_AFTER_DAYS or more with no engagement proposed prompts its group, once, to revise
 * it. Each is claimed by its UPDATE (status, `revise_prompted_at`) in the transaction that writes
 * the notices, so running again, or on several processes at once, tells nobody twice. `at`
 * (tests, an operator) replaces the database clock.
 */
export async function sweepVolunteerRequests(
  at?: Date,
  hasOffer: HasOffer = noOffersYet,
): Promise<{ expired: number; prompted: number }> {
  return db().transaction(async (tx) => {
    const now = (at ?? (await databaseNow(tx))).toISOString()
    const expired = rowsOf<Claimed>(
      await tx.execute(sql`
        UPDATE volunteer_requests r SET status = 'expired', updated_at = ${now}::timestamptz
        FROM organizations o
        WHERE o.id = r.organization_id AND r.status = 'open'
          AND r.deadline < (${now}::timestamptz AT TIME ZONE ${DEADLINE_ZONE})::date
        RETURNING r.id, r.title, r.organization_id, o.slug`),
    )
    for (const request of expired) {
      await tell(tx, 'expired', request)
      await recordAudit(tx, {
        actorUserId: null,
        action: 'volunteer_request.expired',
        entityType: 'volunteer_request',
        entityId: request.id,
        organizationId: request.organization_id,
      })
    }

    const waiting = rowsOf<{ id: string }>(
      await tx.execute(sql`
        SELECT id FROM volunteer_requests
        WHERE status = 'open' AND revise_prompted_at IS NULL
          AND opened_at <= ${now}::timestamptz - make_interval(days => ${REVISE_PROMPT_AFTER_DAYS})`),
    ).map((r) => r.id)
    const offered = waiting.length ? await hasOffer(tx, waiting) : new Set<string>()
    const toPrompt = waiting.filter((id) => !offered.has(id))
    if (toPrompt.length === 0) return { expired: expired.length, prompted: 0 }
    const prompted = rowsOf<Claimed>(
      await tx.execute(sql`
        UPDATE volunteer_requests r SET revise_prompted_at = ${now}::timestamptz
        FROM organizations o
        WHERE o.id = r.organization_id AND r.revise_prompted_at IS NULL
          AND r.id IN (${sql.join(
            toPrompt.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})
        RETURNING r.id, r.title, r.organization_id, o.slug`),
    )
    for (const request of prompted) await tell(tx, 'revise', request)
    return { expired: expired.length, prompted: prompted.length }
  })
}

const tell = (tx: Tx, which: 'revise' | 'expired', r: Claimed) =>
  notifyVolunteerRequest(
    tx,
    which,
    { id: r.id, title: r.title, organizationId: r.organization_id, organizationSlug: r.slug },
    REVISE_PROMPT_AFTER_DAYS,
  )

export const VOLUNTEER_REQUEST_SWEEP_JOB = 'volunteer-request-sweep'

export const volunteerRequestJobs = [
  {
    name: VOLUNTEER_REQUEST_SWEEP_JOB,
    // Daily, early morning UTC; a day missed is caught up by the next run (the claims say what went).
    cron: '15 6 * * *',
    run: () => sweepVolunteerRequests(undefined, requestsWithProposals),
  } satisfies JobDefinition,
]
