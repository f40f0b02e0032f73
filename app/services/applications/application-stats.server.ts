import { sql } from 'drizzle-orm'
import { db } from '#db/client.server.ts'
import { applications } from '#db/schema/index.ts'
import type {
  ProgramApplicationStats,
  SubmittedStatus,
  Tally,
} from '#app/domain/applications/application-stats.ts'
import { SUBMITTED_STATUSES } from '#app/domain/applications/application-status.ts'
import { SDOH_DOMAINS, type SdohDomain } from '#app/domain/places/sdoh.ts'
import { VULNERABILITY_BANDS } from '#app/domain/places/vulnerability.ts'
import {
  programApplicationsWhere,
  type ProgramApplicationFilter,
} from './application-lists.server.ts'

interface Row extends Record<string, unknown> {
  status: SubmittedStatus
  band: number | null
  sdoh: string[] | null
  n: number
  requested: string
}

const QUARTERS = VULNERABILITY_BANDS.length - 1

const zeroes = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, { count: 0, requestedMinor: 0 }])) as Record<K, Tally>

const add = (tally: Tally, n: number, requested: number) => {
  tally.count += n
  tally.requestedMinor += requested
}

/**
 * Counts and requested totals of a program's submitted applications by status, SDOH domain and
 * place-vulnerability band, under the same filters as the funder's list. One pass over the
 * matching rows (through the program/status index), grouped in the database by the three
 * together: a program's applications fall into a few dozen such groups however many there are,
 * and those are folded into the three tallies here. (Grouping three ways over a materialised
 * scope, or one aggregate with a FILTER per figure, read the rows once too but cost two to five
 * times as much per row on PostgreSQL: docs/decisions/013-throughput.md.) Sums come back as text
 * so that bigint totals stay exact on either driver.
 */
export async function programApplicationStats(
  programId: string,
  filter: ProgramApplicationFilter = {},
): Promise<ProgramApplicationStats> {
  const result = await db().execute<Row>(sql`
    SELECT ${applications.status}::text AS status,
           -- least() would skip a null; the CASE keeps "no SVI" apart.
           CASE WHEN ${applications.placeVulnerability} IS NOT NULL
                THEN least(floor(${applications.placeVulnerability} * ${QUARTERS}), ${QUARTERS - 1})
           END::int AS band,
           ${applications.sdohDomains} AS sdoh,
           count(*)::int AS n,
           coalesce(sum(${applications.amountRequestedMinor}), 0)::text AS requested
    FROM ${applications}
    WHERE ${programApplicationsWhere(programId, filter)}
    GROUP BY 1, 2, 3`)
  const rows = (result as unknown as { rows: Row[] }).rows

  const stats: ProgramApplicationStats = {
    total: { count: 0, requestedMinor: 0 },
    byStatus: zeroes(SUBMITTED_STATUSES),
    bySdoh: zeroes(SDOH_DOMAINS),
    byVulnerability: zeroes(VULNERABILITY_BANDS),
  }
  for (const row of rows) {
    const n = Number(row.n)
    const requested = Number(row.requested)
    add(stats.total, n, requested)
    add(stats.byStatus[row.status], n, requested)
    const band = row.band === null ? 'unknown' : VULNERABILITY_BANDS[Number(row.band)]!
    add(stats.byVulnerability[band], n, requested)
    // An application counts once under each domain it addresses.
    for (const domain of new Set(row.sdoh ?? [])) {
      if (SDOH_DOMAINS.includes(domain as SdohDomain))
        add(stats.bySdoh[domain as SdohDomain], n, requested)
    }
  }
  return stats
}
