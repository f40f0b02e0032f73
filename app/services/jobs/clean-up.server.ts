import { and, inArray, isNull, lt, or, sql } from 'drizzle-orm'
import { db } from '#db/client.server.ts'
import { donorAccess, invitations, mailMessages, sessions, throttles } from '#db/schema/index.ts'
import { removeUploadLeftovers } from '#app/services/storage.server.ts'
import type { JobDefinition } from './job-queue.server.ts'

/**
 * How long an unanswered invitation stays listed as "expired" on the members page before it
 * is deleted; an accepted one is the record of how someone joined and stays.
 */
export const EXPIRED_INVITATION_KEPT_DAYS = 30
/** Throttle rows older than any window or lock are only counting history nobody reads. */
export const THROTTLE_KEPT_HOURS = 24
/**
 * How long a mail that is done with (sent, captured, or failed for good) stays in the outbox:
 * its copy of what was sent, personal data included (docs/decisions/016-mail.md). Its idempotency
 * key is needed only while its event can be replayed (a retry, a crash), minutes to hours.
 */
export const MAIL_KEPT_DAYS = 90

/**
 * Deletes what has expired by the database clock: sessions past their end (they no longer sign
 * anyone in), donor links and donor sessions past theirs (they open nothing), stale throttle counters, long-expired invitations nobody accepted, and mails done
 * with for longer than `MAIL_KEPT_DAYS`.
 */
export async function deleteExpiredRecords() {
  const ended = await db()
    .delete(sessions)
    .where(lt(sessions.expiresAt, sql`now()`))
    .returning({ id: sessions.id })
  const donorLinks = await db()
    .delete(donorAccess)
    .where(lt(donorAccess.expiresAt, sql`now()`))
    .returning({ id: donorAccess.id })
  const counters = await db()
    .delete(throttles)
    .where(
      and(
        lt(throttles.windowStartedAt, sql`now() - make_interval(hours => ${THROTTLE_KEPT_HOURS})`),
        or(isNull(throttles.lockedUntil), lt(throttles.lockedUntil, sql`now()`)),
      ),
    )
    .returning({ key: throttles.key })
  const unanswered = await db()
    .delete(invitations)
    .where(
      and(
        isNull(invitations.acceptedAt),
        lt(
          invitations.expiresAt,
          sql`now() - make_interval(days => ${EXPIRED_INVITATION_KEPT_DAYS})`,
        ),
      ),
    )
    .returning({ id: invitations.id })
  const mails = await db()
    .delete(mailMessages)
    .where(
      and(
        inArray(mailMessages.status, ['sent', 'captured', 'failed']),
        lt(mailMessages.createdAt, sql`now() - make_interval(days => ${MAIL_KEPT_DAYS})`),
      ),
    )
    .returning({ id: mailMessages.id })
  return {
    sessions: ended.length,
    donorAccess: donorLinks.length,
    throttles: counters.length,
    invitations: unanswered.length,
    mails: mails.length,
  }
}

export const CLEAN_UP_JOB = 'expired-records-delete'

export const cleanUpJobs = [
  {
    name: CLEAN_UP_JOB,
    // Hourly, off the top of the hour when other schedules on the server tend to fire.
    cron: '17 * * * *',
    run: async () => ({
      ...(await deleteExpiredRecords()),
      // This process's DATA_DIR only; every process also sweeps its own at start-up.
      uploadLeftovers: await removeUploadLeftovers(),
    }),
  } satisfies JobDefinition,
]
