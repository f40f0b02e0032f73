import { sql } from 'drizzle-orm'
import { db } from '#db/client.server.ts'
import { applications } from '#db/schema/index.ts'
import type {
  ProgramApplicationStats,
  SubmittedStatus,
  Tally,
} from '#app/domain/application-stats.ts'
import { SUBMITTED_STATUSES } from '#app/domain/application-status.ts'
import { SDOH_DOMAINS, type SdohDomain } from '#app/domain/sdoh.ts'
import { VULNERABILITY_BANDS } from '#app/domain/vulnerability.ts'
import {
  programApplicationsWhere,
  type ProgramApplicationFilter,
} from './application-lists.server.ts'

interface Row extends Record<string, unknown> {
  dimension: 'status' | 'sdoh' | 'vulnerability'
  key: string | null
  n: number
  requested: string
}

const QUARTERS = VULNERABILITY_BANDS.length - 1

const zeroes = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, { count: 0, requestedMinor: 0 }])) as Record<K, Tally>

/**
 * Counts and requested totals of a program's submitted applications by status, SDOH domain and
 * place-vulnerability band, under the same filters as the funder's list. One statement: the
 * matching rows are read once (through the program/status index) and grouped three ways in the
 * database, so no application is ever loaded here, however many there are. Sums come back as
 * text so that bigint totals stay exact on either driver.
 */
export async function programApplicationStats(
  programId: string,
  filter: ProgramApplicationFilter = {},
): Promise<ProgramApplicationStats> {
  const result = await db().execute<Row>(sql`
    WITH scope AS MATERIALIZED (
      SELECT ${applications.status} AS status,
             ${applications.amountRequestedMinor} AS amount,
             ${applications.placeVulnerability} AS svi,
             ${applications.sdohDomains} AS sdoh
      FROM ${applications}
      WHERE ${programApplicationsWhere(programId, filter)}
    )
    SELECT 'status' AS dimension, status::text AS key, count(*)::int AS n,
           coalesce(sum(amount), 0)::text AS requested
    FROM scope GROUP BY status
    UNION ALL
    -- least() would skip a null; the CASE keeps "no SVI" apart.
    SELECT 'vulnerability',
           CASE WHEN svi IS NOT NULL THEN least(floor(svi * ${QUARTERS}), ${QUARTERS - 1}) END
             ::int::text,
           count(*)::int, coalesce(sum(amount), 0)::text
    FROM scope GROUP BY 2
    UNION ALL
    SELECT 'sdoh', domain, count(*)::int, coalesce(sum(amount), 0)::text
    FROM scope CROSS JOIN LATERAL unnest(scope.sdoh) AS domain
    GROUP BY domain`)
  const rows = (result as unknown as { rows: Row[] }).rows

  const stats: ProgramApplicationStats = {
    total: { count: 0, requestedMinor: 0 },
    byStatus: zeroes(SUBMITTED_STATUSES),
    bySdoh: zeroes(SDOH_DOMAINS),
    byVulnerability: zeroes(VULNERABILITY_BANDS),
  }
  for (const row of rows) {
    const tally = { count: Number(row.n), requestedMinor: Number(row.requested) }
    if (row.dimension === 'status') {
      stats.byStatus[row.key as SubmittedStatus] = tally
      stats.total.count += tally.count
      stats.total.requestedMinor += tally.requestedMinor
    } else if (row.dimension === 'vulnerability') {
      stats.byVulnerability[row.key === null ? 'unknown' : VULNERABILITY_BANDS[Number(row.key)]!] =
        tally
    } else if (SDOH_DOMAINS.includes(row.key as SdohDomain)) {
      stats.bySdoh[row.key as SdohDomain] = tally
    }
  }
  return stats
}
