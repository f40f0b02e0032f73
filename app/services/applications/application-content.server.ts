import { DEFAULT_LANGUAGE, type Language } from '#app/lib/i18n/config.ts'
import { showQuestion } from '#app/services/programs/program-content.server.ts'
import { asc, eq, getTableName, sql } from 'drizzle-orm'
import { preparedQuery, preparedShapes } from '#db/prepared.server.ts'
import {
  applicationPlaces,
  attachments,
  budgetLines,
  places,
  skillRequests,
  type Application,
  type BudgetLine,
  type SkillRequest,
  type Program,
  type ProgramQuestion,
} from '#db/schema/index.ts'
import type { ApplicationSummary } from '#app/domain/applications/application-summary.ts'
import type {
  ApplicationContent,
  SubmissionContext,
} from '#app/schemas/applications/application-submission.ts'
import { listQuestions } from '#app/services/programs/program-questions.server.ts'
import type { LoadedApplication } from './applications.server.ts'

const placesServedQuery = preparedQuery('application_places_served', (db, name) =>
  db
    .select({ fips: places.fips, state: places.state, county: places.county, svi: places.svi })
    .from(applicationPlaces)
    .innerJoin(places, eq(places.fips, applicationPlaces.fips))
    .where(eq(applicationPlaces.applicationId, sql.placeholder('applicationId')))
    .orderBy(asc(places.state), asc(places.county))
    .prepare(name),
)

/** An application's budget lines or skill requests, in their order: one statement per table. */
const orderedRowsQuery = preparedShapes(
  'application',
  (table: typeof budgetLines | typeof skillRequests) => getTableName(table),
  (db, name, table) =>
    db
      .select()
      .from(table)
      .where(eq(table.applicationId, sql.placeholder('applicationId')))
      .orderBy(asc(table.position))
      .prepare(name),
)

const fileQuestionsQuery = preparedQuery('application_file_questions', (db, name) =>
  db
    .select({ questionId: attachments.questionId })
    .from(attachments)
    .where(eq(attachments.applicationId, sql.placeholder('applicationId')))
    .prepare(name),
)

/**
 * The application's rows in other tables: one read per page, whatever the page shows of them
 * (prepared statements: every step of the application reads them).
 */
export async function applicationParts(applicationId: string) {
  const [served, lines, skills, files] = await Promise.all([
    placesServedQuery().execute({ applicationId }),
    orderedRowsQuery(budgetLines).execute({ applicationId }) as Promise<BudgetLine[]>,
    orderedRowsQuery(skillRequests).execute({ applicationId }) as Promise<SkillRequest[]>,
    fileQuestionsQuery().execute({ applicationId }),
  ])
  return {
    places: served.map((p) => ({ ...p, label: `${p.county}, ${p.state}` })),
    lines,
    skills,
    fileQuestionIds: files.map((f) => f.questionId),
  }
}

export type ApplicationParts = Awaited<ReturnType<typeof applicationParts>>

/** What the program asks of every application, for the submission check. */
export function submissionContextOf(
  program: Program,
  currency: string,
  questions: ProgramQuestion[],
): SubmissionContext {
  return {
    currency,
    minAwardMinor: program.minAwardMinor,
    maxAwardMinor: program.maxAwardMinor,
    allowSkillRequests: program.allowSkillRequests,
    eligibleStates: program.eligibleStates,
    eligibleCountyFips: program.eligibleCountyFips,
    questions: questions.map(({ id, kind, label, required, options, wordLimit }) => ({
      id,
      kind,
      label,
      required,
      options,
      wordLimit,
    })),
  }
}

/** Everything the application says, in the shape the submission check reads. */
export function contentOf(application: Application, parts: ApplicationParts): ApplicationContent {
  const attachmentCounts: Record<string, number> = {}
  for (const id of parts.fileQuestionIds) {
    if (id) attachmentCounts[id] = (attachmentCounts[id] ?? 0) + 1
  }
  return {
    leadership: application.leadership,
    ledByLivedExperience: application.ledByLivedExperience,
    contactName: application.contactName,
    contactEmail: application.contactEmail,
    communityServed: application.communityServed,
    places: parts.places.map(({ fips, state, label }) => ({ fips, state, label })),
    placesOutsideUs: application.placesOutsideUs,
    title: application.title,
    summary: application.summary,
    sdohDomains: application.sdohDomains,
    amountRequestedMinor: application.amountRequestedMinor,
    budgetLines: parts.lines.map((l) => ({
      description: l.description,
      amountMinor: l.amountMinor,
    })),
    skillRequests: parts.skills.map((s) => ({ skill: s.skill, hours: s.hours })),
    answers: application.answers,
    attachmentCounts,
  }
}

/** Everything a reader of the application sees, in display order, ready to serialise. */
function summaryOf(
  loaded: LoadedApplication,
  parts: ApplicationParts,
  questions: ProgramQuestion[],
  reader: Language,
): ApplicationSummary {
  const { application: a, fund, organization } = loaded
  return {
    organizationName: organization.name,
    currency: fund.currency,
    leadership: a.leadership,
    ledByLivedExperience: a.ledByLivedExperience,
    contactName: a.contactName,
    contactEmail: a.contactEmail,
    communityServed: a.communityServed,
    places: parts.places.map(({ fips, label, svi }) => ({ fips, label, svi })),
    placesOutsideUs: a.placesOutsideUs,
    placeVulnerability: a.placeVulnerability,
    placeVulnerabilityYear: a.placeVulnerabilityYear,
    title: a.title,
    summary: a.summary,
    sdohDomains: a.sdohDomains,
    amountRequestedMinor: a.amountRequestedMinor,
    budgetLines: parts.lines.map((l) => ({
      description: l.description,
      amountMinor: l.amountMinor,
    })),
    skillRequests: parts.skills.map(({ skill, hours, workMode, languages, description }) => ({
      skill,
      hours,
      workMode,
      languages,
      description,
    })),
    answers: questions
      .filter((q) => q.kind !== 'file')
      .map((q) => {
        const label = showQuestion(q, reader).label
        return {
          id: q.id,
          kind: q.kind,
          label: label.text,
          labelLang: label.lang,
          value: a.answers[q.id] ?? null,
        }
      }),
    stepLanguages: a.stepLanguages,
  }
}

/**
 * The application as every page needs it (submission check inputs and the read-only summary),
 * from one read of its rows and the program's questions.
 */
export async function readApplication(
  loaded: LoadedApplication,
  reader: Language = DEFAULT_LANGUAGE,
) {
  const { application, program, fund } = loaded
  const [parts, questions] = await Promise.all([
    applicationParts(application.id),
    listQuestions(program.id),
  ])
  return {
    parts,
    context: submissionContextOf(program, fund.currency, questions),
    content: contentOf(application, parts),
    summary: summaryOf(loaded, parts, questions, reader),
  }
}
