import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm'
import { db } from '#db/client.server.ts'
import {
  applicationPlaces,
  applications,
  organizations,
  places,
  type Program,
} from '#db/schema/index.ts'
import { STATUS_LABELS } from '#app/domain/applications/application-status.ts'
import type { AnswerValue } from '#app/domain/programs/program-questions.ts'
import { SDOH_LABELS, type SdohDomain } from '#app/domain/places/sdoh.ts'
import { csvRow, type CsvCell } from '#app/lib/csv.ts'
import { moneyInputValue } from '#app/lib/money.ts'
import {
  FUNDER_LIST_COLUMNS,
  programApplicationsWhere,
  type ProgramApplicationFilter,
} from './application-lists.server.ts'
import { recordAudit } from '#app/services/admin/audit.server.ts'
import { listQuestions } from '#app/services/programs/program-questions.server.ts'

/** Rows read per query: the export streams, so a program of any size never sits in memory. */
export const EXPORT_BATCH = 500

type Row = Awaited<ReturnType<typeof readBatch>>[number]
/** Where the last batch ended; the time as the database's text, so no precision is lost. */
type Cursor = { submittedAt: string; id: string } | null

type ExportOptions = {
  program: Pick<Program, 'id'>
  currency: string
  filter: ProgramApplicationFilter
  origin: string
  batchSize?: number
}

/**
 * A funder's download of the program's applications: they hold applicants' contact details, so
 * the export is audited (with its filters) before the first row is read.
 */
export async function startApplicationExport(
  actor: { id: string; ip?: string | null; organizationId: string },
  opts: ExportOptions,
): Promise<AsyncGenerator<string>> {
  await recordAudit(db(), {
    actorUserId: actor.id,
    action: 'application.exported',
    entityType: 'program',
    entityId: opts.program.id,
    organizationId: actor.organizationId,
    ip: actor.ip,
    details: { ...opts.filter },
  })
  return exportProgramApplications(opts)
}

/**
 * A program's submitted applications as CSV, one batch at a time in submission order, with the
 * program's own questions as columns (file questions excepted: files stay behind the app's
 * permission check). `origin` makes each row's link absolute.
 */
export async function* exportProgramApplications(opts: ExportOptions): AsyncGenerator<string> {
  const { program, currency, filter, origin, batchSize = EXPORT_BATCH } = opts
  const questions = (await listQuestions(program.id)).filter((q) => q.kind !== 'file')
  yield csvRow([...HEADERS, ...questions.map((q) => q.label)])
  let cursor: Cursor = null
  for (;;) {
    const rows = await readBatch(program.id, filter, cursor, batchSize)
    if (rows.length === 0) return
    const counties = await countiesOf(rows.map((r) => r.id))
    let chunk = ''
    for (const r of rows) {
      const answers = questions.map((q) => answerCell(r.answers[q.id]))
      chunk += csvRow([...cells(r, currency, counties.get(r.id) ?? '', origin), ...answers])
    }
    yield chunk
    const last = rows[rows.length - 1]!
    cursor = { submittedAt: last.cursorAt, id: last.id }
  }
}

const HEADERS = [
  'Application ID',
  'Title',
  'Organisation',
  'Status',
  'Amount requested',
  'Currency',
  'Areas addressed (SDOH)',
  'US counties served',
  'Place vulnerability (SVI percentile)',
  'SVI data year',
  'Places outside the US',
  'Leaders share lived experience',
  'Contact name',
  'Contact email',
  'Submitted at (UTC)',
  'Summary',
  'Link',
]

function cells(r: Row, currency: string, counties: string, origin: string): CsvCell[] {
  return [
    r.id,
    r.title,
    r.organizationName,
    STATUS_LABELS[r.status],
    r.amountRequestedMinor === null ? null : moneyInputValue(r.amountRequestedMinor),
    currency,
    r.sdohDomains.map((d) => SDOH_LABELS[d as SdohDomain] ?? d).join('; '),
    counties,
    // 0–100 with one decimal: what the app rounds to an ordinal, kept finer for sorting.
    r.placeVulnerability === null
      ? null
      : (Math.round(r.placeVulnerability * 1000) / 10).toFixed(1),
    r.placeVulnerabilityYear,
    r.placesOutsideUs,
    r.ledByLivedExperience,
    r.contactName,
    r.contactEmail,
    r.submittedAt?.toISOString() ?? null,
    r.summary,
    `${origin}/applications/${r.id}`,
  ]
}

function answerCell(value: AnswerValue | undefined): CsvCell {
  if (value === undefined || value === null) return null
  if (Array.isArray(value)) return value.join('; ')
  if (typeof value === 'boolean') return value ? 'Yes' : 'No'
  return value
}

/** Every non-draft application has been submitted, so submission time orders them all. */
function readBatch(
  programId: string,
  filter: ProgramApplicationFilter,
  after: Cursor,
  batchSize: number,
) {
  return db()
    .select({
      ...FUNDER_LIST_COLUMNS,
      placesOutsideUs: applications.placesOutsideUs,
      ledByLivedExperience: applications.ledByLivedExperience,
      contactName: applications.contactName,
      contactEmail: applications.contactEmail,
      summary: applications.summary,
      answers: applications.answers,
      cursorAt: sql<string>`${applications.submittedAt}::text`,
    })
    .from(applications)
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .where(
      and(
        programApplicationsWhere(programId, filter),
        isNotNull(applications.submittedAt),
        after
          ? sql`(${applications.submittedAt}, ${applications.id}) > (${after.submittedAt}::timestamptz, ${after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(asc(applications.submittedAt), asc(applications.id))
    .limit(batchSize)
}

/** "Cuyahoga County, Ohio; Summit County, Ohio" for each application of the batch. */
async function countiesOf(applicationIds: string[]) {
  const rows = await db()
    .select({
      applicationId: applicationPlaces.applicationId,
      names: sql<string>`string_agg(${places.county} || ', ' || ${places.state}, '; ' ORDER BY ${places.state}, ${places.county})`,
    })
    .from(applicationPlaces)
    .innerJoin(places, eq(places.fips, applicationPlaces.fips))
    .where(inArray(applicationPlaces.applicationId, applicationIds))
    .groupBy(applicationPlaces.applicationId)
  return new Map(rows.map((r) => [r.applicationId, r.names]))
}
