import { DEFAULT_LANGUAGE, type Language } from '#app/lib/i18n/config.ts'
import { showCriterion, showFund, showProgram, showQuestion } from './program-content.server.ts'
import { and, asc, eq, ilike, isNull, lte, or, sql, type SQL } from 'drizzle-orm'
import { db } from '#db/client.server.ts'
import {
  funds,
  organizations,
  programQuestions,
  programs,
  rubricCriteria,
} from '#db/schema/index.ts'
import { effectiveStatus, isAcceptingApplications } from '#app/domain/programs/program-status.ts'
import type { SdohDomain } from '#app/domain/places/sdoh.ts'
import { findState } from '#app/domain/places/us-states.ts'
import { getPlaces } from '#app/services/places.server.ts'

export const CATALOG_PAGE_SIZE = 20

export interface CatalogFilters {
  /** Words to find in the title, description, eligibility, place served or funder's name. */
  q?: string
  /** A state (name or postal abbreviation) an applicant works in. */
  state?: string
  sdoh?: SdohDomain
  /** The award range, in minor units, that a program's own range must overlap. */
  minAward?: number
  maxAward?: number
  /** "YYYY-MM-DD": deadlines falling on or before this date in the program's own time zone. */
  closesBefore?: string
  page: number
}

const contains = (q: string) => `%${q.replace(/[\\%_]/g, (c) => '\\' + c)}%`

/**
 * Programs this viewer may see: the one rule for the catalogue, the program page, apply and
 * submit. Every viewer on the public side sees the same (funders reach their own drafts and
 * private funds through their organisation's pages): a program that is not a draft, in a public
 * fund. A condition over `programs` joined to `funds`.
 */
export const visibleProgram = and(
  sql`${programs.status} <> 'draft'`,
  eq(funds.visibility, 'public'),
)

/**
 * The program with this slug or id with its fund, or null when this viewer may not see it
 * (answered exactly like a program that never existed).
 */
export async function findVisibleProgram(by: { slug: string } | { id: string }) {
  if ('id' in by && !/^[0-9a-f-]{36}$/i.test(by.id)) return null
  const [row] = await db()
    .select({ program: programs, fund: funds })
    .from(programs)
    .innerJoin(funds, eq(funds.id, programs.fundId))
    .where(and('slug' in by ? eq(programs.slug, by.slug) : eq(programs.id, by.id), visibleProgram))
    .limit(1)
  return row ?? null
}

/**
 * Programs anyone may apply to now: visible, open, past their opening time and before their
 * deadline by the database clock (whatever status an unclosed row still has).
 */
const acceptingNow = and(
  visibleProgram,
  eq(programs.status, 'open'),
  sql`${programs.closesAt} > now()`,
  or(isNull(programs.opensAt), lte(programs.opensAt, sql`now()`)),
)

/** Open funding calls for the public list, closing soonest first, twenty to a page. */
export async function listOpenPrograms(
  filters: CatalogFilters,
  reader: Language = DEFAULT_LANGUAGE,
) {
  const page = Math.max(1, Math.floor(filters.page))
  const conditions: (SQL | undefined)[] = [acceptingNow]
  if (filters.q) {
    const pattern = contains(filters.q)
    conditions.push(
      or(
        ilike(programs.title, pattern),
        ilike(programs.description, pattern),
        ilike(programs.eligibility, pattern),
        // Either language finds the program.
        ilike(programs.titleTranslation, pattern),
        ilike(programs.descriptionTranslation, pattern),
        ilike(programs.eligibilityTranslation, pattern),
        ilike(programs.placeServed, pattern),
        ilike(organizations.name, pattern),
      ),
    )
  }
  const state = filters.state ? findState(filters.state) : undefined
  if (state) {
    // A program limited to neither states nor counties is open to groups anywhere.
    conditions.push(sql`(
      ${state.name} = ANY(${programs.eligibleStates})
      OR (cardinality(${programs.eligibleStates}) = 0 AND cardinality(${programs.eligibleCountyFips}) = 0)
      OR EXISTS (SELECT 1 FROM unnest(${programs.eligibleCountyFips}) AS f(fips) WHERE left(f.fips, 2) = ${state.fips})
    )`)
  }
  if (filters.sdoh) conditions.push(sql`${filters.sdoh} = ANY(${programs.sdohDomains})`)
  // Ranges overlap when each starts before the other ends.
  if (filters.minAward !== undefined) {
    conditions.push(sql`${programs.maxAwardMinor} >= ${filters.minAward}`)
  }
  if (filters.maxAward !== undefined) {
    conditions.push(sql`${programs.minAwardMinor} <= ${filters.maxAward}`)
  }
  if (filters.closesBefore) {
    conditions.push(
      sql`(${programs.closesAt} AT TIME ZONE ${programs.timeZone})::date <= ${filters.closesBefore}::date`,
    )
  }
  const rows = await db()
    .select({
      id: programs.id,
      slug: programs.slug,
      title: programs.title,
      description: programs.description,
      contentLanguage: programs.contentLanguage,
      titleTranslation: programs.titleTranslation,
      descriptionTranslation: programs.descriptionTranslation,
      placeServed: programs.placeServed,
      eligibleStates: programs.eligibleStates,
      eligibleCountyCount: sql<number>`cardinality(${programs.eligibleCountyFips})`,
      sdohDomains: programs.sdohDomains,
      minAwardMinor: programs.minAwardMinor,
      maxAwardMinor: programs.maxAwardMinor,
      closesAt: programs.closesAt,
      timeZone: programs.timeZone,
      fundName: funds.name,
      currency: funds.currency,
      funderName: organizations.name,
    })
    .from(programs)
    .innerJoin(funds, eq(funds.id, programs.fundId))
    .innerJoin(organizations, eq(organizations.id, funds.organizationId))
    .where(and(...conditions))
    // The (status, closes_at) index serves both the filter on status and this order.
    .orderBy(asc(programs.closesAt), asc(programs.id))
    .limit(CATALOG_PAGE_SIZE + 1)
    .offset((page - 1) * CATALOG_PAGE_SIZE)
  return {
    rows: rows
      .slice(0, CATALOG_PAGE_SIZE)
      .map(({ titleTranslation, descriptionTranslation, ...row }) => {
        const shown = showProgram(
          {
            ...row,
            titleTranslation,
            descriptionTranslation,
            eligibility: '',
            eligibilityTranslation: null,
          },
          reader,
        )
        return { ...row, shown: { title: shown.title, description: shown.description } }
      }),
    page,
    hasNext: rows.length > CATALOG_PAGE_SIZE,
  }
}

export type CatalogRow = Awaited<ReturnType<typeof listOpenPrograms>>['rows'][number]

/**
 * One program as the public sees it, with its rubric and questions, or null when it must not be
 * admitted to exist: a draft, or any program of a private fund. Programs past their deadline
 * are shown, marked as no longer accepting applications.
 */
export async function getPublicProgram(slug: string, reader: Language = DEFAULT_LANGUAGE) {
  const [row] = await db()
    .select({
      program: programs,
      fund: {
        name: funds.name,
        slug: funds.slug,
        currency: funds.currency,
        description: funds.description,
        contentLanguage: funds.contentLanguage,
        descriptionTranslation: funds.descriptionTranslation,
      },
      funder: { name: organizations.name },
      // The database clock, so the page agrees with the list about whether the call is open.
      // Epoch milliseconds read the same through pg and PGlite, unlike timestamp text.
      nowMs: sql<number>`(extract(epoch from now()) * 1000)::float8`,
    })
    .from(programs)
    .innerJoin(funds, eq(funds.id, programs.fundId))
    .innerJoin(organizations, eq(organizations.id, funds.organizationId))
    .where(and(eq(programs.slug, slug), visibleProgram))
    .limit(1)
  if (!row) return null
  const { program } = row
  const [criteria, questions, counties] = await Promise.all([
    db()
      .select({
        id: rubricCriteria.id,
        label: rubricCriteria.label,
        description: rubricCriteria.description,
        weight: rubricCriteria.weight,
        maxScore: rubricCriteria.maxScore,
        levels: rubricCriteria.levels,
        isEquity: rubricCriteria.isEquity,
        contentLanguage: rubricCriteria.contentLanguage,
        labelTranslation: rubricCriteria.labelTranslation,
        descriptionTranslation: rubricCriteria.descriptionTranslation,
        guidanceTranslation: rubricCriteria.guidanceTranslation,
      })
      .from(rubricCriteria)
      .where(eq(rubricCriteria.programId, program.id))
      .orderBy(asc(rubricCriteria.position), asc(rubricCriteria.id)),
    db()
      .select({
        id: programQuestions.id,
        kind: programQuestions.kind,
        label: programQuestions.label,
        helpText: programQuestions.helpText,
        required: programQuestions.required,
        options: programQuestions.options,
        wordLimit: programQuestions.wordLimit,
        contentLanguage: programQuestions.contentLanguage,
        labelTranslation: programQuestions.labelTranslation,
        helpTextTranslation: programQuestions.helpTextTranslation,
        optionsTranslation: programQuestions.optionsTranslation,
      })
      .from(programQuestions)
      .where(eq(programQuestions.programId, program.id))
      .orderBy(asc(programQuestions.position), asc(programQuestions.id)),
    getPlaces(program.eligibleCountyFips),
  ])
  const now = new Date(Number(row.nowMs))
  return {
    program,
    fund: row.fund,
    funder: row.funder,
    criteria,
    questions,
    // The funder's words in the reader's language, else the other (with a note on the page).
    shown: {
      program: showProgram(program, reader),
      fund: showFund(row.fund, reader),
      criteria: criteria.map((c) => showCriterion(c, reader)),
      questions: questions.map((q) => showQuestion(q, reader)),
    },
    counties,
    status: effectiveStatus(program, now),
    accepting: isAcceptingApplications(program, now),
    notYetOpen:
      program.status === 'open' &&
      program.opensAt !== null &&
      program.opensAt.getTime() > now.getTime(),
  }
}

export type PublicProgram = NonNullable<Awaited<ReturnType<typeof getPublicProgram>>>
