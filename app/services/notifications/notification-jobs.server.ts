import { sql } from 'drizzle-orm'
import { db, type Db } from '#db/client.server.ts'
import { databaseNow } from '#app/services/clock.server.ts'
import type { JobDefinition } from '#app/services/jobs/job-queue.server.ts'
import { programParameters } from './notification-kinds.server.ts'
import { membersOf, notifyEach } from './notifications.server.ts'

const DAY_MS = 86_400_000

/** The reminder windows before a deadline: a week, then a day. */
export const REMINDER_WINDOWS = [
  { name: '7d', days: 7 },
  { name: '1d', days: 1 },
] as const

type Rows<T> = { rows: T[] }
const rowsOf = <T>(result: unknown) => (result as Rows<T>).rows

interface DueDraft {
  application_id: string
  organization_id: string
  closes_at: Date | string
  time_zone: string
  title: string
  content_language: string
  title_translation: string | null
}

/**
 * Reminds groups with an unsubmitted draft that its program closes within a week, then within a
 * day: once per draft per window (the notification's event key is "<draft>:7d" or "<draft>:1d",
 * unique per person), so running again, or on several processes, reminds nobody twice.
 * `at` (tests, an operator) replaces the database clock.
 */
export async function sendDeadlineReminders(at?: Date): Promise<{ reminded: number }> {
  return db().transaction(async (tx) => {
    const now = at ?? (await databaseNow(tx))
    const widest = Math.max(...REMINDER_WINDOWS.map((w) => w.days))
    const drafts = rowsOf<DueDraft>(
      await tx.execute(sql`
        SELECT a.id AS application_id, a.organization_id, p.closes_at, p.time_zone, p.title,
               p.content_language, p.title_translation
        FROM programs p
        JOIN applications a ON a.program_id = p.id AND a.status = 'draft'
        WHERE p.status = 'open'
          AND p.closes_at > ${now.toISOString()}::timestamptz
          AND p.closes_at <= ${now.toISOString()}::timestamptz + make_interval(days => ${widest})
        LIMIT 5000`),
    )
    let reminded = 0
    const members = await membersOf(tx, [...new Set(drafts.map((d) => d.organization_id))])
    for (const draft of drafts) {
      const left = new Date(draft.closes_at).getTime() - now.getTime()
      // The narrowest window the deadline falls in: a day before, the one-day reminder.
      const window = [...REMINDER_WINDOWS].reverse().find((w) => left <= w.days * DAY_MS)
      if (!window) continue
      const data = {
        ...programParameters({
          title: draft.title,
          contentLanguage: draft.content_language,
          titleTranslation: draft.title_translation,
        }),
        applicationId: draft.application_id,
        // The notice names the closing moment in the program's zone, not a count of days left
        // (5.2 days would read as 6): the reader's words and format are chosen when it is shown.
        closesAt: new Date(draft.closes_at).toISOString(),
        timeZone: draft.time_zone,
      }
      reminded += await notifyEach(
        tx,
        'deadline-reminder',
        members
          .filter((m) => m.organizationId === draft.organization_id)
          .map((m) => ({
            userId: m.userId,
            data,
            eventKey: `${draft.application_id}:${window.name}`,
          })),
      )
    }
    return { reminded }
  })
}

interface FittingProgram {
  organization_id: string
  organization: string
  slug: string
  title: string
  content_language: string
  title_translation: string | null
}

/**
 * The digest's rule: programs visible to the public, open, accepting applications, opened in
 * the week before `now`, whose eligible places include one of the group's places (a county its
 * applications serve, or that county's state; a program with no place restriction takes any)
 * and whose SDOH focus overlaps the group's work (the SDOH domains of its applications).
 */
export async function programsFittingGroups(tx: Db, now: Date) {
  const at = now.toISOString()
  return rowsOf<FittingProgram>(
    await tx.execute(sql`
      WITH group_work AS (
        SELECT a.organization_id,
               array_agg(DISTINCT d) FILTER (WHERE d IS NOT NULL) AS domains
        FROM applications a
        LEFT JOIN LATERAL unnest(a.sdoh_domains) AS d ON true
        GROUP BY a.organization_id
      ), group_places AS (
        SELECT a.organization_id,
               array_agg(DISTINCT ap.fips) AS fips,
               array_agg(DISTINCT pl.state) AS states
        FROM applications a
        JOIN application_places ap ON ap.application_id = a.id
        JOIN places pl ON pl.fips = ap.fips
        GROUP BY a.organization_id
      )
      SELECT o.id AS organization_id, o.name AS organization, p.slug, p.title,
             p.content_language, p.title_translation
      FROM programs p
      JOIN funds f ON f.id = p.fund_id AND f.visibility = 'public'
      JOIN group_work w ON w.domains && p.sdoh_domains
      JOIN group_places g ON g.organization_id = w.organization_id
      JOIN organizations o ON o.id = w.organization_id AND o.kind = 'community_group'
      WHERE p.status = 'open'
        AND p.closes_at > ${at}::timestamptz
        AND p.opens_at <= ${at}::timestamptz
        AND p.opens_at > ${at}::timestamptz - interval '7 days'
        AND (
          (cardinality(p.eligible_states) = 0 AND cardinality(p.eligible_county_fips) = 0)
          OR p.eligible_county_fips && g.fips
          OR p.eligible_states && g.states
        )
      ORDER BY o.id, p.closes_at
      LIMIT 10000`),
  )
}

/** The Monday (UTC) of the week `now` falls in: one digest per group per such week. */
export function weekOf(now: Date): string {
  const day = (now.getUTCDay() + 6) % 7
  return new Date(now.getTime() - day * DAY_MS).toISOString().slice(0, 10)
}

/**
 * The weekly digest "programs open that fit your group": to each group's members, when at least
 * one program fits; nothing otherwise. Once per group per week, however often it runs.
 */
export async function sendProgramsDigest(at?: Date): Promise<{ groups: number }> {
  return db().transaction(async (tx) => {
    const now = at ?? (await databaseNow(tx))
    const fitting = await programsFittingGroups(tx, now)
    const byGroup = new Map<string, FittingProgram[]>()
    for (const row of fitting)
      byGroup.set(row.organization_id, [...(byGroup.get(row.organization_id) ?? []), row])
    const members = await membersOf(tx, [...byGroup.keys()])
    const week = weekOf(now)
    let groups = 0
    for (const [organizationId, found] of byGroup) {
      const first = found[0]
      if (!first) continue
      const data = {
        organization: first.organization,
        count: found.length,
        // The first few, for the mail's list (the bell says how many; /programs lists them).
        programs: JSON.stringify(
          found.slice(0, 10).map((p) => ({
            slug: p.slug,
            ...programParameters({
              title: p.title,
              contentLanguage: p.content_language,
              titleTranslation: p.title_translation,
            }),
          })),
        ),
      }
      const sent = await notifyEach(
        tx,
        'programs-digest',
        members
          .filter((m) => m.organizationId === organizationId)
          .map((m) => ({ userId: m.userId, data, eventKey: `${organizationId}:${week}` })),
      )
      if (sent > 0) groups++
    }
    return { groups }
  })
}

export const DEADLINE_REMINDERS_JOB = 'deadline-reminders'
export const PROGRAMS_DIGEST_JOB = 'programs-digest'

export const notificationJobs = [
  {
    name: DEADLINE_REMINDERS_JOB,
    // Hourly: a deadline enters a window at most an hour before its reminder goes out.
    cron: '41 * * * *',
    run: async (data: { at?: string }) =>
      sendDeadlineReminders(data.at ? new Date(data.at) : undefined),
  } satisfies JobDefinition<{ at?: string }>,
  {
    name: PROGRAMS_DIGEST_JOB,
    // Mondays, 14:00 UTC: morning across the US.
    cron: '0 14 * * 1',
    run: async (data: { at?: string }) =>
      sendProgramsDigest(data.at ? new Date(data.at) : undefined),
  } satisfies JobDefinition<{ at?: string }>,
]
