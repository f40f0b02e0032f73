import { sql } from 'drizzle-orm'
import { db } from '#db/client.server.ts'
import { REPORT_DUE_SOON_DAYS } from '#app/domain/grants/grant-states.ts'
import { databaseNow } from '#app/services/clock.server.ts'
import type { JobDefinition } from '#app/services/jobs/job-queue.server.ts'
import { notifyGrantReportReminder } from '#app/services/notifications/notification-events.server.ts'
import { grantInContext } from './grant-access.server.ts'

type Rows<T> = { rows: T[] }
const rowsOf = <T>(result: unknown) => (result as Rows<T>).rows

interface Claimed {
  id: string
  grant_id: string
  title: string
  due_on: string
}

/**
 * Reminds grantees of their reports: once when one falls due within REPORT_DUE_SOON_DAYS, once
 * when its day has passed (both read in the program's zone) with nothing submitted or accepted.
 * Each milestone's reminder is claimed by stamping it (`due_soon_reminded_at`,
 * `overdue_reminded_at`) in the same transaction as the notices, so running again, or on several
 * processes at once, reminds nobody twice (and the notices' event key, milestone, kind and due
 * day, says the same). Moving a milestone to another day clears its stamps (saveMilestone): the
 * new day is reminded of in its turn. `at` (tests, an operator) replaces the database clock.
 */
export async function sendGrantReportReminders(
  at?: Date,
): Promise<{ due: number; overdue: number }> {
  return db().transaction(async (tx) => {
    const now = (at ?? (await databaseNow(tx))).toISOString()
    // Today in the program's zone, and "no report is in or accepted" for the milestone m.
    const zoneToday = sql`(${now}::timestamptz AT TIME ZONE p.time_zone)::date`
    const nothingIn = sql`NOT EXISTS (SELECT 1 FROM grant_reports r
      WHERE r.milestone_id = m.id AND r.status IN ('submitted', 'accepted'))`
    const claim = (which: 'due' | 'overdue') =>
      tx.execute(
        which === 'due'
          ? sql`
        UPDATE grant_milestones m SET due_soon_reminded_at = ${now}::timestamptz
        FROM grants g JOIN programs p ON p.id = g.program_id
        WHERE g.id = m.grant_id AND g.status = 'active'
          AND m.due_soon_reminded_at IS NULL
          AND m.due_on >= ${zoneToday}
          AND m.due_on <= ${zoneToday} + ${REPORT_DUE_SOON_DAYS}::int
          AND ${nothingIn}
        RETURNING m.id, m.grant_id, m.title, m.due_on::text AS due_on`
          : sql`
        UPDATE grant_milestones m SET overdue_reminded_at = ${now}::timestamptz
        FROM grants g JOIN programs p ON p.id = g.program_id
        WHERE g.id = m.grant_id AND g.status = 'active'
          AND m.overdue_reminded_at IS NULL
          AND m.due_on < ${zoneToday}
          AND ${nothingIn}
        RETURNING m.id, m.grant_id, m.title, m.due_on::text AS due_on`,
      )
    const counts = { due: 0, overdue: 0 }
    for (const which of ['overdue', 'due'] as const) {
      for (const milestone of rowsOf<Claimed>(await claim(which))) {
        const found = await grantInContext(tx, milestone.grant_id)
        if (!found) continue
        await notifyGrantReportReminder(
          tx,
          found,
          { id: milestone.id, title: milestone.title, dueOn: milestone.due_on },
          which,
        )
        counts[which] += 1
      }
    }
    return counts
  })
}

export const GRANT_REPORT_REMINDERS_JOB = 'grant-report-reminders'

export const grantReminderJobs = [
  {
    name: GRANT_REPORT_REMINDERS_JOB,
    // Daily, early morning UTC; a day missed is caught up by the next run (the stamps say what went).
    cron: '0 6 * * *',
    run: () => sendGrantReportReminders(),
  } satisfies JobDefinition,
]
