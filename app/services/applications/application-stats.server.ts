import { sql } from 'drizzle-orm'
import { preparedShapes } from '#db/prepared.server.ts'
import { applicationFigures } from '#db/schema/index.ts'
import type {
  ProgramApplicationStats,
  SubmittedStatus,
  Tally,
} from '#app/domain/applications/application-stats.ts'
import { SUBMITTED_STATUSES } from '#app/domain/applications/application-status.ts'
import { SDOH_DOMAINS, type SdohDomain } from '#app/domain/places/sdoh.ts'
import { VULNERABILITY_BANDS } from '#app/domain/places/vulnerability.ts'
import type { ProgramApplicationFilter } from './application-lists.server.ts'

/** The quarters of the SVI percentile; `application_figures_band` in migration 0016 computes the
 * band with this number written in, so changing the bands needs a migration that recomputes
 * application_figures (tests/integration/application-stats.test.ts checks the two agree). */
export const VULNERABILITY_QUARTERS = VULNERABILITY_BANDS.length - 1

const zeroes = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, { count: 0, requestedMinor: 0 }])) as Record<K, Tally>

const add = (tally: Tally, n: number, requested: number) => {
  tally.count += n
  tally.requestedMinor += requested
}

/**
 * The program's figures that the list's filters keep (they filter the same way), folded by the
 * database into one tally per status, per vulnerability band and per SDOH domain (an application
 * counts once under each domain it addresses): a score of rows, where the groups themselves are
 * hundreds with 5,000 applications, each with an array to parse. Prepared per shape (which
 * filters are set) as the list is.
 */
const figureTallies = preparedShapes(
  'program_figure_tallies',
  (shape: { status: boolean; sdoh: boolean }) =>
    `${shape.status ? 'status' : 'all'}${shape.sdoh ? '_sdoh' : ''}`,
  (db, name, shape) => {
    const f = applicationFigures
    const kept = sql`
      SELECT ${f.status} AS status, ${f.band} AS band, ${f.sdohDomains} AS domains,
             ${f.applications} AS n, ${f.requestedMinor} AS requested
        FROM ${f}
       WHERE ${f.programId} = ${sql.placeholder('programId')} AND ${f.applications} > 0
         ${shape.status ? sql`AND ${f.status} = ${sql.placeholder('status')}` : sql``}
         ${shape.sdoh ? sql`AND ${f.sdohDomains} @> ARRAY[${sql.placeholder('sdoh')}]::text[]` : sql``}`
    const tallies = sql`(
      WITH kept AS (${kept})
      SELECT 'status' AS dimension, status::text AS key,
             sum(n)::float8 AS n, sum(requested)::float8 AS requested
        FROM kept GROUP BY status
      UNION ALL
      SELECT 'band', band::text, sum(n)::float8, sum(requested)::float8
        FROM kept GROUP BY band
      UNION ALL
      SELECT 'sdoh', domain, sum(n)::float8, sum(requested)::float8
        FROM kept CROSS JOIN LATERAL (SELECT DISTINCT unnest(kept.domains) AS domain) AS d
       GROUP BY domain
    ) AS tallies`
    return db
      .select({
        dimension: sql<'status' | 'band' | 'sdoh'>`tallies.dimension`,
        key: sql<string | null>`tallies.key`,
        n: sql<number>`tallies.n`,
        requested: sql<number>`tallies.requested`,
      })
      .from(tallies)
      .prepare(name)
  },
)

/**
 * Counts and requested totals of a program's submitted applications by status, SDOH domain and
 * place-vulnerability band, under the same filters as the funder's list. The database keeps the
 * program's applications counted and summed by (status, band, domains) in `application_figures`
 * (a trigger on applications, in the transaction of each change), so this reads those groups,
 * however many applications there are, folded into the three tallies.
 * (Aggregating the applications themselves on every view cost 20–40 ms of PostgreSQL's CPU per
 * view with 5,000 of them: docs/decisions/013-throughput.md, round six.)
 */
export async function programApplicationStats(
  programId: string,
  filter: ProgramApplicationFilter = {},
): Promise<ProgramApplicationStats> {
  const { status, sdoh } = filter
  const rows = await figureTallies({ status: Boolean(status), sdoh: Boolean(sdoh) }).execute({
    programId,
    status,
    sdoh,
  })

  const stats: ProgramApplicationStats = {
    total: { count: 0, requestedMinor: 0 },
    byStatus: zeroes(SUBMITTED_STATUSES),
    bySdoh: zeroes(SDOH_DOMAINS),
    byVulnerability: zeroes(VULNERABILITY_BANDS),
  }
  for (const { dimension, key, n, requested } of rows) {
    if (dimension === 'status') {
      add(stats.total, n, requested)
      add(stats.byStatus[key as SubmittedStatus], n, requested)
    } else if (dimension === 'band') {
      const band = key === null ? 'unknown' : VULNERABILITY_BANDS[Number(key)]!
      add(stats.byVulnerability[band], n, requested)
    } else if (SDOH_DOMAINS.includes(key as SdohDomain)) {
      add(stats.bySdoh[key as SdohDomain], n, requested)
    }
  }
  return stats
}

/** How many of the program's applications are in each status (drafts excluded), from the same
 * figures. */
export async function programApplicationCounts(programId: string) {
  const { byStatus } = await programApplicationStats(programId)
  return Object.fromEntries(SUBMITTED_STATUSES.map((s) => [s, byStatus[s].count])) as Record<
    SubmittedStatus,
    number
  >
}
