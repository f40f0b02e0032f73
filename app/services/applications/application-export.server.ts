import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm'
import type { TFunction } from 'i18next'
import { db } from '#db/client.server.ts'
import {
  applicationPlaces,
  applications,
  organizations,
  places,
  type Program,
} from '#db/schema/index.ts'
import { LIVED_EXPERIENCE } from '#app/domain/applications/application-steps.ts'
import type { AnswerValue } from '#app/domain/programs/program-questions.ts'
import { SDOH_DOMAINS, type SdohDomain } from '#app/domain/places/sdoh.ts'
import { APPLICATION_STATUS_KEYS, SDOH_KEYS } from '#app/domain/programs/funder-words.ts'
import type { Language } from '#app/lib/i18n/config.ts'
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
  /**
   * The reader's language: the column headers and the words in the cells (status, areas, yes
   * and no) are in it, with `t` a translation function fixed to it (`fixedT(language)`).
   * Amounts, percentiles and times stay plain numbers and ISO times, so spreadsheets sort them.
   */
  language: Language
  t: TFunction
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
  const { program, currency, filter, origin, t, batchSize = EXPORT_BATCH } = opts
  const questions = (await listQuestions(program.id)).filter((q) => q.kind !== 'file')
  yield csvRow([...headers(t), ...questions.map((q) => q.label)])
  let cursor: Cursor = null
  for (;;) {
    const rows = await readBatch(program.id, filter, cursor, batchSize)
    if (rows.length === 0) return
    const counties = await countiesOf(rows.map((r) => r.id))
    let chunk = ''
    for (const r of rows) {
      const answers = questions.map((q) => answerCell(t, r.answers[q.id]))
      chunk += csvRow([...cells(t, r, currency, counties.get(r.id) ?? '', origin), ...answers])
    }
    yield chunk
    const last = rows[rows.length - 1]!
    cursor = { submittedAt: last.cursorAt, id: last.id }
  }
}

const headers = (t: TFunction) => [
  t('funder:csv.id'),
  t('funder:csv.title'),
  t('funder:csv.organization'),
  t('funder:csv.status'),
  t('funder:csv.amount'),
  t('funder:csv.currency'),
  t('funder:csv.sdoh'),
  t('funder:csv.counties'),
  t('funder:csv.vulnerability'),
  t('funder:csv.sviYear'),
  t('funder:csv.outsideUs'),
  t('funder:csv.livedExperience'),
  t('funder:csv.contactName'),
  t('funder:csv.contactEmail'),
  t('funder:csv.submittedAt'),
  t('funder:csv.summary'),
  t('funder:csv.link'),
]

const LIVED_EXPERIENCE_KEYS: Record<(typeof LIVED_EXPERIENCE)[number], string> = {
  yes: 'funder:csv.lived.yes',
  partly: 'funder:csv.lived.partly',
  no: 'funder:csv.lived.no',
}

const sdohWord = (t: TFunction, d: string) =>
  (SDOH_DOMAINS as readonly string[]).includes(d) ? t(SDOH_KEYS[d as SdohDomain]) : d

const livedWord = (t: TFunction, v: string) =>
  (LIVED_EXPERIENCE as readonly string[]).includes(v)
    ? t(LIVED_EXPERIENCE_KEYS[v as (typeof LIVED_EXPERIENCE)[number]])
    : v

function cells(
  t: TFunction,
  r: Row,
  currency: string,
  counties: string,
  origin: string,
): CsvCell[] {
  return [
    r.id,
    r.title,
    r.organizationName,
    t(APPLICATION_STATUS_KEYS[r.status]),
    r.amountRequestedMinor === null ? null : moneyInputValue(r.amountRequestedMinor),
    currency,
    r.sdohDomains.map((d) => sdohWord(t, d)).join('; '),
    counties,
    // 0–100 with one decimal: what the app rounds to an ordinal, kept finer for sorting.
    r.placeVulnerability === null
      ? null
      : (Math.round(r.placeVulnerability * 1000) / 10).toFixed(1),
    r.placeVulnerabilityYear,
    r.placesOutsideUs,
    livedWord(t, r.ledByLivedExperience),
    r.contactName,
    r.contactEmail,
    r.submittedAt?.toISOString() ?? null,
    r.summary,
    `${origin}/applications/${r.id}`,
  ]
}

function answerCell(t: TFunction, value: AnswerValue | undefined): CsvCell {
  if (value === undefined || value === null) return null
  if (Array.isArray(value)) return value.join('; ')
  if (typeof value === 'boolean') return value ? t('funder:csv.yes') : t('funder:csv.no')
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
