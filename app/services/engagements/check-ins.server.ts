import { and, asc, eq, isNull, sql } from 'drizzle-orm'
import { db } from '#db/client.server.ts'
import { engagementCheckins } from '#db/schema/index.ts'
import { addDays, checkInToFill, OVERDUE_AFTER_DAYS } from '#app/domain/engagements/check-ins.ts'
import type { CheckInProgress } from '#app/domain/engagements/engagement-status.ts'
import type { Actor } from '#app/domain/result.ts'
import { databaseNow } from '#app/services/clock.server.ts'
import type { JobDefinition } from '#app/services/jobs/job-queue.server.ts'
import {
  checkPlan,
  move,
  onEitherSide,
  refusal,
  savePlan,
  tell,
  type CheckInPlan,
  type EngagementContext,
} from './engagements.server.ts'

/** Either side agrees (or changes) the check-in dates of accepted or active work. */
export const planCheckIns = (actor: Actor, engagementId: string, plan: CheckInPlan) =>
  onEitherSide(actor, engagementId, async (tx, e) => {
    if (e.status !== 'accepted' && e.status !== 'active')
      return refusal('engagements:refusals.wrongStatus', 409)
    const checked = await checkPlan(tx, plan, e.requestTimeZone)
    if (!checked.ok) return checked
    await savePlan(tx, actor, e, plan.dates)
    return { ok: true as const }
  })

/**
 * A check-in: how the work stands on a day. It fills the agreed check-in due by then (or within a
 * week after), else it is recorded on its own; the first one on accepted work starts it.
 */
export const checkIn = (
  actor: Actor,
  engagementId: string,
  values: { checkedOn: string; progress: CheckInProgress; note: string },
) =>
  onEitherSide(actor, engagementId, async (tx, e) => {
    if (e.status === 'accepted') {
      const started = await move(
        tx,
        actor,
        e,
        ['accepted'],
        { status: 'active', startedAt: sql`now()` },
        'engagement.started',
      )
      if (!started.ok) return started
    } else if (e.status !== 'active') {
      return refusal('engagements:refusals.notActive', 409)
    }
    const recorded = {
      checkedOn: values.checkedOn,
      progress: values.progress,
      onTrack: values.progress === 'on_track',
      note: values.note,
      byUserId: actor.id,
    }
    const scheduled = await tx
      .select({
        id: engagementCheckins.id,
        dueOn: engagementCheckins.dueOn,
        checkedOn: engagementCheckins.checkedOn,
      })
      .from(engagementCheckins)
      .where(and(eq(engagementCheckins.engagementId, e.id), isNull(engagementCheckins.checkedOn)))
      .for('update')
    const due = checkInToFill(scheduled, values.checkedOn)
    if (due) {
      await tx.update(engagementCheckins).set(recorded).where(eq(engagementCheckins.id, due.id))
    } else {
      await tx.insert(engagementCheckins).values({ engagementId: e.id, ...recorded })
    }
    return { ok: true as const }
  })

type Rows<T> = { rows: T[] }

/** Reminders wait for this local hour on the day, so people hear in their morning. */
export const REMINDER_HOUR = 8

interface Claimed {
  id: string
  due_on: string
  engagement_id: string
  title: string
  organization_id: string
  volunteer_user_id: string
  status: EngagementContext['status']
}

/**
 * The reminders, in the group's morning: both sides hear on the day an agreed check-in is due, and
 * once more when it is OVERDUE_AFTER_DAYS overdue and still not recorded. The day and the hour are
 * the request's zone's (its group's working zone), so the job runs hourly and each check-in is
 * claimed at the first run from REMINDER_HOUR local time. Each UPDATE claims its rows in the
 * transaction that writes the notices, so running again (or on two processes) tells nobody twice.
 * `at` (tests, an operator) replaces the database clock.
 */
export async function sendCheckInReminders(at?: Date): Promise<{ due: number; overdue: number }> {
  return db().transaction(async (tx) => {
    const now = at ?? (await databaseNow(tx))
    // Every zone's day is the UTC day or one either side: bounds on due_on that keep the
    // partial index on it in use before the per-zone test.
    const utcDay = now.toISOString().slice(0, 10)
    const local = sql`(${now.toISOString()}::timestamptz AT TIME ZONE r.time_zone)`
    const claim = async (which: 'due' | 'overdue') => {
      const column = sql.identifier(which === 'due' ? 'due_reminded_at' : 'overdue_reminded_at')
      const when =
        which === 'due'
          ? sql`c.due_on BETWEEN ${addDays(utcDay, -1)}::date AND ${addDays(utcDay, 1)}::date
              AND c.due_on = ${local}::date`
          : sql`c.due_on <= ${addDays(utcDay, 1 - OVERDUE_AFTER_DAYS)}::date
              AND c.due_on + ${OVERDUE_AFTER_DAYS}::int <= ${local}::date`
      const { rows } = (await tx.execute(sql`
        UPDATE engagement_checkins c SET ${column} = ${now.toISOString()}::timestamptz
        FROM volunteer_engagements e, volunteer_requests r, volunteer_profiles p
        WHERE e.id = c.engagement_id AND r.id = e.request_id AND p.id = e.profile_id
          AND e.status IN ('accepted', 'active')
          AND c.checked_on IS NULL AND c.${column} IS NULL AND ${when}
          AND extract(hour FROM ${local}) >= ${REMINDER_HOUR}::int
        RETURNING c.id, c.due_on::text AS due_on, e.id AS engagement_id, r.title,
          r.organization_id, p.user_id AS volunteer_user_id, e.status`)) as unknown as Rows<Claimed>
      for (const c of rows) {
        await tell(
          tx,
          which === 'due' ? 'engagement-check-in-due' : 'engagement-check-in-overdue',
          {
            id: c.engagement_id,
            requestTitle: c.title,
            organizationId: c.organization_id,
            volunteerUserId: c.volunteer_user_id,
          },
          'both',
          null,
          `${c.id}:${which}`,
          { dueOn: c.due_on },
        )
      }
      return rows.length
    }
    const due = await claim('due')
    const overdue = await claim('overdue')
    return { due, overdue }
  })
}

/** The check-ins of one engagement, agreed and recorded, by date. */
export const checkInsOf = (engagementId: string) =>
  db()
    .select({
      id: engagementCheckins.id,
      dueOn: engagementCheckins.dueOn,
      checkedOn: engagementCheckins.checkedOn,
      progress: engagementCheckins.progress,
      onTrack: engagementCheckins.onTrack,
      note: engagementCheckins.note,
    })
    .from(engagementCheckins)
    .where(eq(engagementCheckins.engagementId, engagementId))
    .orderBy(
      asc(sql`coalesce(${engagementCheckins.dueOn}, ${engagementCheckins.checkedOn})`),
      asc(engagementCheckins.createdAt),
    )

export const CHECK_IN_REMINDERS_JOB = 'engagement-check-in-reminders'

export const checkInJobs = [
  {
    name: CHECK_IN_REMINDERS_JOB,
    // Hourly: each group is reminded at its first run from REMINDER_HOUR in its own zone.
    cron: '20 * * * *',
    run: async (data: { at?: string }) =>
      sendCheckInReminders(data.at ? new Date(data.at) : undefined),
  } satisfies JobDefinition<{ at?: string }>,
]
