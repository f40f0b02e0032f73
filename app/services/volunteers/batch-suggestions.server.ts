import { sql } from 'drizzle-orm'
import { db } from '#db/client.server.ts'
import type { WorkMode } from '#app/domain/skills.ts'
import type { MatchReason } from '#app/domain/volunteers/reasons.ts'
import type { SuggestedRequest, SuggestedVolunteer } from '#app/domain/volunteers/suggestions.ts'
import type { Language } from '#app/lib/i18n/config.ts'
import { wordsOf } from './matching.server.ts'

/**
 * What the newest finished batch run suggested, as the pages read it. A suggestion whose request
 * is no longer open, or whose volunteer has paused since, is not shown.
 */

type Rows<T> = { rows: T[] }
const rowsOf = <T>(result: unknown) => (result as Rows<T>).rows

const LATEST_RUN = sql`(SELECT id FROM volunteer_suggestion_runs WHERE status = 'finished'
  ORDER BY finished_at DESC LIMIT 1)`

/** The one request the batch assigned this user's volunteer profile, with its reasons; or null. */
export async function batchSuggestionForVolunteer(
  userId: string,
  reader: Language,
): Promise<SuggestedRequest | null> {
  const [row] = rowsOf<{
    id: string
    title: string
    group_name: string
    skill: string
    work_mode: WorkMode
    hours: number
    deadline: string | null
    score: number
    reasons: MatchReason[]
  }>(
    await db().execute(sql`
      SELECT r.id, r.title, o.name AS group_name, r.skill, r.work_mode, r.hours,
        r.deadline::text AS deadline, s.score, s.reasons
      FROM volunteer_suggestions s
      JOIN volunteer_profiles p ON p.id = s.profile_id
      JOIN volunteer_requests r ON r.id = s.request_id
      JOIN organizations o ON o.id = r.organization_id
      WHERE s.run_id = ${LATEST_RUN} AND p.user_id = ${userId} AND NOT p.paused
        AND r.status = 'open'
      LIMIT 1`),
  )
  if (!row) return null
  return {
    id: row.id,
    title: row.title,
    groupName: row.group_name,
    skill: row.skill,
    workMode: row.work_mode,
    hours: row.hours,
    deadline: row.deadline,
    score: Number(row.score),
    reasons: wordsOf(reader, row.reasons),
  }
}

/** The volunteers the batch suggested for an open request (none once it is not open). */
export async function batchSuggestionsForRequest(
  requestId: string,
  reader: Language,
): Promise<SuggestedVolunteer[]> {
  const rows = rowsOf<{
    id: string
    name: string
    headline: string
    score: number
    reasons: MatchReason[]
  }>(
    await db().execute(sql`
      SELECT p.id, u.name, p.headline, s.score, s.reasons
      FROM volunteer_suggestions s
      JOIN volunteer_profiles p ON p.id = s.profile_id
      JOIN users u ON u.id = p.user_id
      JOIN volunteer_requests r ON r.id = s.request_id
      WHERE s.run_id = ${LATEST_RUN} AND s.request_id = ${requestId} AND NOT p.paused
        AND r.status = 'open'
      ORDER BY s.score DESC, p.id`),
  )
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    headline: r.headline,
    score: Number(r.score),
    reasons: wordsOf(reader, r.reasons),
  }))
}
