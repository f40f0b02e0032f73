import { and, arrayContains, eq, gt, sql } from 'drizzle-orm'
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
 * The figures' groups of a program that the list's filters keep (they filter the same way),
 * prepared per shape (which filters are set) as the list is.
 */
const figureGroups = preparedShapes(
  'program_figures',
  (shape: { status: boolean; sdoh: boolean }) =>
    `${shape.status ? 'status' : 'all'}${shape.sdoh ? '_sdoh' : ''}`,
  (db, name, shape) =>
    db
      .select({
        status: applicationFigures.status,
        band: applicationFigures.band,
        sdoh: applicationFigures.sdohDomains,
        n: applicationFigures.applications,
        requested: applicationFigures.requestedMinor,
      })
      .from(applicationFigures)
      .where(
        and(
          eq(applicationFigures.programId, sql.placeholder('programId')),
          gt(applicationFigures.applications, 0),
          shape.status ? eq(applicationFigures.status, sql.placeholder('status')) : undefined,
          shape.sdoh
            ? arrayContains(
                applicationFigures.sdohDomains,
                sql`ARRAY[${sql.placeholder('sdoh')}]::text[]`,
              )
            : undefined,
        ),
      )
      .prepare(name),
)

/**
 * Counts and requested totals of a program's submitted applications by status, SDOH domain and
 * place-vulnerability band, under the same filters as the funder's list. The database keeps the
 * program's applications counted and summed by (status, band, domains) in `application_figures`
 * (a trigger on applications, in the transaction of each change), so this reads those few dozen
 * groups, however many applications there are, and folds them into the three tallies.
 * (Aggregating the applications themselves on every view cost 20–40 ms of PostgreSQL's CPU per
 * view with 5,000 of them: docs/decisions/013-throughput.md, round six.)
 */
export async function programApplicationStats(
  programId: string,
  filter: ProgramApplicationFilter = {},
): Promise<ProgramApplicationStats> {
  const { status, sdoh } = filter
  const rows = await figureGroups({ status: Boolean(status), sdoh: Boolean(sdoh) }).execute({
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
  for (const row of rows) {
    const { n, requested } = row
    add(stats.total, n, requested)
    add(stats.byStatus[row.status as SubmittedStatus], n, requested)
    const band = row.band === null ? 'unknown' : VULNERABILITY_BANDS[Number(row.band)]!
    add(stats.byVulnerability[band], n, requested)
    // An application counts once under each domain it addresses.
    for (const domain of new Set(row.sdoh)) {
      if (SDOH_DOMAINS.includes(domain as SdohDomain))
        add(stats.bySdoh[domain as SdohDomain], n, requested)
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
