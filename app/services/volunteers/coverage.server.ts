import { sql, type SQL } from 'drizzle-orm'
import { db } from '#db/client.server.ts'
import { BUDGET_BANDS, type BudgetBand } from '#app/domain/organizations.ts'
import type {
  Breakdown,
  Completion,
  Coverage,
  FirstOffer,
  SuggestedShare,
} from '#app/domain/volunteers/coverage.ts'

/**
 * The coverage page's figures, each one statement that groups in SQL (GROUPING SETS: by band, by
 * quartile, and overall); no request or engagement is loaded.
 */

type Rows<T> = { rows: T[] }
const rowsOf = <T>(result: unknown) => (result as Rows<T>).rows

/** The request's place as vulnerabilityQuartile (ranking.ts) reads it. */
const QUARTILE = sql`CASE WHEN p.svi IS NULL THEN NULL WHEN p.svi >= 0.75 THEN 4
  WHEN p.svi >= 0.5 THEN 3 WHEN p.svi >= 0.25 THEN 2 ELSE 1 END`

const LATEST_RUN = sql`(SELECT id FROM volunteer_suggestion_runs WHERE status = 'finished'
  ORDER BY finished_at DESC LIMIT 1)`

interface Grouped {
  band: BudgetBand | null
  quartile: number | null
  by_band: number
  by_quartile: number
}

/** Runs `measures` over `source` (rows with band and quartile) by band, by quartile and overall. */
async function grouped<T>(source: SQL, measures: SQL, read: (row: Record<string, unknown>) => T) {
  const rows = rowsOf<Grouped & Record<string, unknown>>(
    await db().execute(sql`
      SELECT band, quartile, GROUPING(band)::int AS by_band, GROUPING(quartile)::int AS by_quartile,
        ${measures}
      FROM (${source}) src
      GROUP BY GROUPING SETS ((band), (quartile), ())`),
  )
  const all = rows.find((r) => r.by_band === 1 && r.by_quartile === 1)
  const zero = read({})
  const bands = rows.filter((r) => r.by_band === 0)
  const quartiles = rows.filter((r) => r.by_quartile === 0)
  const breakdown: Breakdown<T> = {
    all: all ? read(all) : zero,
    // Every band and quartile is listed, with zeros where nothing falls; "not known" only if any.
    byBand: [...BUDGET_BANDS, null]
      .filter((b) => b !== null || bands.some((r) => r.band === null))
      .map((band) => {
        const row = bands.find((r) => r.band === band)
        return { band, ...(row ? read(row) : zero) }
      }),
    byQuartile: ([1, 2, 3, 4, null] as const)
      .filter((q) => q !== null || quartiles.some((r) => r.quartile === null))
      .map((quartile) => {
        const row = quartiles.find((r) => r.quartile !== null && Number(r.quartile) === quartile)
        const unknown = quartiles.find((r) => r.quartile === null)
        const found = quartile === null ? unknown : row
        return { quartile, ...(found ? read(found) : zero) }
      }),
  }
  return breakdown
}

const int = (v: unknown) => (v === undefined || v === null ? 0 : Number(v))

const requestsWithGroup = (where: SQL) => sql`
  SELECT r.*, o.budget_band AS band, ${QUARTILE} AS quartile
  FROM volunteer_requests r
  JOIN organizations o ON o.id = r.organization_id
  LEFT JOIN places p ON p.fips = r.place_fips
  WHERE ${where}`

export async function matchingCoverage(): Promise<Coverage> {
  const suggested = grouped<SuggestedShare>(
    sql`SELECT q.band, q.quartile, EXISTS (SELECT 1 FROM volunteer_suggestions s
          JOIN volunteer_profiles v ON v.id = s.profile_id
          WHERE s.run_id = ${LATEST_RUN} AND s.request_id = q.id AND NOT v.paused) AS suggested
        FROM (${requestsWithGroup(sql`r.status = 'open'`)}) q`,
    sql`count(*)::int AS open, (count(*) FILTER (WHERE suggested))::int AS suggested`,
    (r) => ({ open: int(r.open), suggested: int(r.suggested) }),
  )
  const firstOffer = grouped<FirstOffer>(
    // No engagement: no row, so days is null (GREATEST alone would turn a null into 0).
    sql`SELECT q.band, q.quartile, (SELECT greatest(0, extract(epoch FROM
            min(e.created_at) - q.opened_at) / 86400)
          FROM volunteer_engagements e WHERE e.request_id = q.id HAVING count(*) > 0) AS days
        FROM (${requestsWithGroup(sql`r.opened_at IS NOT NULL`)}) q`,
    sql`count(*)::int AS opened, count(days)::int AS offered,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY days) AS median_days`,
    (r) => ({
      opened: int(r.opened),
      offered: int(r.offered),
      medianDays:
        r.median_days === undefined || r.median_days === null
          ? null
          : Math.round(Number(r.median_days) * 10) / 10,
    }),
  )
  const completion = grouped<Completion>(
    sql`SELECT q.band, q.quartile, e.status
        FROM volunteer_engagements e
        JOIN (${requestsWithGroup(sql`true`)}) q ON q.id = e.request_id
        WHERE e.status IN ('accepted', 'active', 'completed', 'cancelled')`,
    sql`count(*)::int AS accepted, (count(*) FILTER (WHERE status = 'completed'))::int AS completed`,
    (r) => ({ accepted: int(r.accepted), completed: int(r.completed) }),
  )
  const run = rowsOf<{ finished_at: string | Date }>(
    await db().execute(sql`SELECT finished_at FROM volunteer_suggestion_runs
      WHERE status = 'finished' ORDER BY finished_at DESC LIMIT 1`),
  )[0]
  return {
    suggested: await suggested,
    firstOffer: await firstOffer,
    completion: await completion,
    runFinishedAt: run ? new Date(run.finished_at).toISOString() : null,
  }
}
