import { and, asc, eq, sql } from 'drizzle-orm'
import { db, type Db } from '#db/client.server.ts'
import { preparedQuery } from '#db/prepared.server.ts'
import {
  funds,
  places,
  programs,
  rubricCriteria,
  type Fund,
  type Program,
} from '#db/schema/index.ts'
import {
  canTransition,
  effectiveStatus,
  isRubricLocked,
  type ProgramStatus,
} from '#app/domain/programs/program-status.ts'
import type { AuditAction } from '#app/domain/audit-actions.ts'
import { rubricProblems } from '#app/domain/programs/rubric.ts'
import { templateCriteria } from '#app/domain/programs/rubric-template.ts'
import type { ProgramDetailsInput, ProgramPlacesInput } from '#app/schemas/programs/program.ts'
import { moveSubmittedIntoReview } from '#app/services/applications/applications.server.ts'
import { notifyMovedIntoReview } from '#app/services/notifications/notification-events.server.ts'
import { getPlaces, resolvePlaceLines } from '#app/services/places.server.ts'
import { recordAudit } from '#app/services/admin/audit.server.ts'
import { databaseNow } from '#app/services/clock.server.ts'
import { fail, type Actor, type Result } from '#app/domain/result.ts'
import type { Message } from '#app/lib/i18n/message.ts'
import type { Language } from '#app/lib/i18n/config.ts'
import { scheduleProgramClose } from './program-deadlines.server.ts'
import { retryOnSlugClash, uniqueSlugIn } from '#app/services/slugs.server.ts'

export { effectiveStatus, isAcceptingApplications } from '#app/domain/programs/program-status.ts'

/**
 * The program with this slug and its fund, only if the fund belongs to the organisation. Its
 * status is the one it has by the database clock: past its deadline an open program reads as
 * closed, even in the moments before the deadline job has written that down.
 */
const programQuery = preparedQuery('funder_program', (db, name) =>
  db
    .select({
      program: programs,
      fund: funds,
      // Epoch milliseconds read the same through pg and PGlite, unlike timestamp text.
      nowMs: sql<number>`(extract(epoch from now()) * 1000)::float8`,
    })
    .from(programs)
    .innerJoin(funds, eq(funds.id, programs.fundId))
    .where(
      and(
        eq(programs.slug, sql.placeholder('slug')),
        eq(funds.organizationId, sql.placeholder('organizationId')),
      ),
    )
    .limit(1)
    .prepare(name),
)

export async function findProgram(organizationId: string, slug: string) {
  const [row] = await programQuery().execute({ slug, organizationId })
  if (!row) return null
  const now = new Date(Number(row.nowMs))
  return { program: { ...row.program, status: effectiveStatus(row.program, now) }, fund: row.fund }
}

export async function listPrograms(fundId: string) {
  return db()
    .select()
    .from(programs)
    .where(eq(programs.fundId, fundId))
    .orderBy(asc(programs.createdAt))
    .limit(500)
}

/** The states the reference data knows (50 states and DC), for the eligibility choices. */
export async function listStates(): Promise<string[]> {
  const rows = await db()
    .selectDistinct({ state: places.state })
    .from(places)
    .orderBy(asc(places.state))
  return rows.map((r) => r.state)
}

/**
 * A program's place limits as the form posted them, checked against the reference data: states
 * must be known, picked county codes must exist, and typed "County, State" lines (the picker
 * without JavaScript) must each name one county. Answers the field errors and the counties'
 * codes. Runs outside any transaction, so it may run before the rest of the form is valid.
 */
export async function checkProgramPlaces(input: ProgramPlacesInput) {
  const errors: Record<string, Message> = {}
  if (input.eligibleStates.length > 0) {
    const known = new Set(await listStates())
    const unknown = input.eligibleStates.filter((s) => !known.has(s))
    if (unknown.length > 0) {
      errors.eligibleStates = {
        key: 'funder:refusals.unknownStates',
        values: { states: unknown.slice(0, 5).join(', ') },
      }
    }
  }
  const picked = await getPlaces(input.eligibleCountyFips)
  const pickedCodes = new Set(picked.map((p) => p.fips))
  const unknownCodes = input.eligibleCountyFips.filter((f) => !pickedCodes.has(f))
  const typed = input.eligibleCountyFipsText.trim()
    ? await resolvePlaceLines(input.eligibleCountyFipsText)
    : { matched: [], unmatched: [] }
  const problems = [...typed.unmatched]
  if (unknownCodes.length > 0) {
    errors.eligibleCountyFips = {
      key: 'funder:refusals.unknownCountyCodes',
      values: { codes: unknownCodes.slice(0, 5).join(', ') },
    }
  } else if (problems.length > 0) errors.eligibleCountyFips = problems
  const countyFips = [...new Set([...pickedCodes, ...typed.matched.map((p) => p.fips)])]
  return { errors, countyFips }
}

function columnsFrom(input: ProgramDetailsInput) {
  return {
    title: input.title,
    description: input.description,
    eligibility: input.eligibility,
    placeServed: input.placeServed,
    contentLanguage: input.contentLanguage,
    titleTranslation: input.titleTranslation,
    descriptionTranslation: input.descriptionTranslation,
    eligibilityTranslation: input.eligibilityTranslation,
    eligibleStates: input.eligibleStates,
    eligibleCountyFips: input.eligibleCountyFips,
    sdohDomains: input.sdohDomains,
    timeZone: input.timeZone,
    opensAt: input.opensAt,
    closesAt: input.closesAt,
    budgetMinor: input.budget,
    minAwardMinor: input.minAward,
    maxAwardMinor: input.maxAward,
    allowSkillRequests: input.allowSkillRequests,
    reviewersPerApplication: input.reviewersPerApplication,
    blindReview: input.blindReview,
    communityReviewerWeight: input.communityReviewerWeight,
    showScoresAfterSubmit: input.showScoresAfterSubmit,
    reviewsDueAt: input.reviewsDueAt,
  }
}

/**
 * Writes the equity template as the program's rubric, replacing whatever was there, in the
 * language the funder works in.
 */
export async function writeTemplateRubric(tx: Db, programId: string, language: Language = 'en') {
  await tx.delete(rubricCriteria).where(eq(rubricCriteria.programId, programId))
  await tx
    .insert(rubricCriteria)
    .values(templateCriteria(language).map((c, i) => ({ ...c, programId, position: i + 1 })))
}

/** A new draft program in the fund, with the equity template as its rubric. */
export async function createProgram(
  actor: Actor,
  fund: Fund,
  input: ProgramDetailsInput,
  language: Language = 'en',
): Promise<Result<{ program: Program }>> {
  const placesChecked = await checkProgramPlaces(input)
  if (Object.keys(placesChecked.errors).length > 0) {
    return fail({ fieldErrors: placesChecked.errors })
  }
  input = { ...input, eligibleCountyFips: placesChecked.countyFips }
  return retryOnSlugClash(() =>
    db().transaction(async (tx) => {
      const slug = await uniqueSlugIn(tx, programs, programs.slug, input.title, 'program')
      const [program] = await tx
        .insert(programs)
        .values({ ...columnsFrom(input), fundId: fund.id, slug, status: 'draft' })
        .returning()
      if (!program) throw new Error('Program insert returned nothing')
      await writeTemplateRubric(tx, program.id, language)
      await recordAudit(tx, {
        actorUserId: actor.id,
        action: 'program.created',
        entityType: 'program',
        entityId: program.id,
        organizationId: fund.organizationId,
        ip: actor.ip,
        details: { fundId: fund.id, title: program.title, rubric: 'equity_template' },
      })
      return { ok: true as const, program }
    }),
  )
}

/** The program row, locked until the transaction ends, so status checks cannot race. */
export async function lockProgram(tx: Db, programId: string): Promise<Program> {
  const [program] = await tx.select().from(programs).where(eq(programs.id, programId)).for('update')
  if (!program) throw new Error(`Program ${programId} vanished`)
  return program
}

const DETAIL_FIELDS = Object.keys(columnsFrom({} as ProgramDetailsInput)) as (keyof ReturnType<
  typeof columnsFrom
>)[]

const sameValue = (a: unknown, b: unknown) =>
  a instanceof Date || b instanceof Date
    ? (a as Date | null)?.getTime() === (b as Date | null)?.getTime()
    : JSON.stringify(a) === JSON.stringify(b)

/**
 * Saves the program's details. An open program must keep a closing time in the future: saving a
 * past deadline would close it by surprise (and an open call with no deadline never closes).
 */
export async function updateProgramDetails(
  actor: Actor & { organizationId: string },
  programId: string,
  input: ProgramDetailsInput,
  at?: Date,
): Promise<Result<{ program: Program }>> {
  const placesChecked = await checkProgramPlaces(input)
  input = { ...input, eligibleCountyFips: placesChecked.countyFips }
  let previousClosesAt: Date | null = null
  const result = await db().transaction(async (tx) => {
    const now = at ?? (await databaseNow(tx))
    const current = await lockProgram(tx, programId)
    previousClosesAt = current.closesAt
    const errors = { ...placesChecked.errors }
    if (effectiveStatus(current, now) === 'open') {
      if (!input.closesAt) {
        errors.closesAt = 'funder:refusals.openNeedsClosing'
      } else if (input.closesAt.getTime() <= now.getTime()) {
        errors.closesAt = 'funder:refusals.openClosingInPast'
      }
    }
    if (Object.keys(errors).length > 0) return fail({ fieldErrors: errors })
    const values = columnsFrom(input)
    const changed = DETAIL_FIELDS.filter((f) => !sameValue(current[f], values[f]))
    if (changed.length === 0) return { ok: true as const, program: current }
    const [program] = await tx
      .update(programs)
      .set(values)
      .where(eq(programs.id, programId))
      .returning()
    if (!program) throw new Error('Program update returned nothing')
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: 'program.updated',
      entityType: 'program',
      entityId: programId,
      organizationId: actor.organizationId,
      ip: actor.ip,
      details: { changed },
    })
    return { ok: true as const, program }
  })
  if (result.ok) await scheduleProgramClose(result.program, previousClosesAt)
  return result
}

export type TransitionResult = Result<{ program: Program; movedIntoReview: number }>

/** Why the program cannot open now; empty when it can. */
export function openingProblems(
  program: Program,
  criteria: Parameters<typeof rubricProblems>[0],
  now: Date = new Date(),
): string[] {
  const problems = rubricProblems(criteria)
  if (!program.closesAt) problems.push('funder:openingProblems.noClosing')
  else if (program.closesAt.getTime() <= now.getTime()) {
    problems.push('funder:openingProblems.closingPassed')
  }
  if (program.maxAwardMinor <= 0) problems.push('funder:openingProblems.noAwardRange')
  if (program.budgetMinor <= 0) problems.push('funder:openingProblems.noBudget')
  if (program.minAwardMinor > program.maxAwardMinor) {
    problems.push('funder:openingProblems.minOverMax')
  }
  if (program.maxAwardMinor > program.budgetMinor) {
    problems.push('funder:openingProblems.maxOverBudget')
  }
  return problems
}

/** No step leads back to draft, so a move always goes to one of the later statuses. */
type Destination = Exclude<ProgramStatus, 'draft'>

const TRANSITION_AUDIT: Record<Destination, AuditAction> = {
  open: 'program.opened',
  closed: 'program.closed',
  in_review: 'program.review_started',
  decided: 'program.decided',
}

/**
 * Moves the program one step along draft → open → closed → in_review → decided, after checking
 * what that step needs. Runs on the locked row, so two people pressing buttons at once cannot
 * both move it.
 */
async function transition(
  actor: Actor & { organizationId: string },
  programId: string,
  to: Destination,
  at: Date | undefined,
): Promise<TransitionResult> {
  let previousClosesAt: Date | null = null
  const result = await db().transaction(async (tx) => {
    const now = at ?? (await databaseNow(tx))
    const current = await lockProgram(tx, programId)
    previousClosesAt = current.closesAt
    const from = effectiveStatus(current, now)
    if (!canTransition(from, to)) {
      return fail({
        message: { key: 'funder:refusals.cannotMove', values: { from, to } },
      })
    }
    const criteria = await tx
      .select()
      .from(rubricCriteria)
      .where(eq(rubricCriteria.programId, programId))
    // Review scores against the rubric, which locks from then on: it has to be usable first.
    const problems =
      to === 'open'
        ? openingProblems(current, criteria, now)
        : isRubricLocked(to)
          ? rubricProblems(criteria)
          : []
    if (problems.length > 0) {
      return fail({
        message:
          to === 'open' ? 'funder:refusals.cannotOpenYet' : 'funder:refusals.reviewNeedsRubric',
        problems,
      })
    }
    const [program] = await tx
      .update(programs)
      .set({
        status: to,
        ...(to === 'open' && !current.opensAt ? { opensAt: now } : {}),
        ...(to === 'closed' ? closedEarly(current, now) : {}),
      })
      .where(eq(programs.id, programId))
      .returning()
    if (!program) throw new Error('Program update returned nothing')
    const moved = to === 'in_review' ? await moveSubmittedIntoReview(tx, actor, programId) : []
    await notifyMovedIntoReview(tx, program, moved)
    const movedIntoReview = moved.length
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: TRANSITION_AUDIT[to],
      entityType: 'program',
      entityId: programId,
      organizationId: actor.organizationId,
      ip: actor.ip,
      details: {
        from: current.status,
        to,
        ...(to === 'closed'
          ? { reason: 'manual', deadline: current.closesAt?.toISOString() ?? null }
          : {}),
      },
    })
    return { ok: true as const, program, movedIntoReview }
  })
  if (result.ok) await scheduleProgramClose(result.program, previousClosesAt)
  return result
}

type ProgramActor = Actor & { organizationId: string }

/**
 * Closing before the deadline makes now the closing time, so every page (the dashboard's "Programs
 * you run", the catalogue) shows when the program really closed rather than the deadline it no
 * longer has. A program closed before its opening time never opened.
 */
function closedEarly(current: { opensAt: Date | null; closesAt: Date | null }, now: Date) {
  if (current.closesAt && current.closesAt <= now) return {}
  return {
    closesAt: now,
    ...(current.opensAt && current.opensAt >= now ? { opensAt: null } : {}),
  }
}

// Each step judges deadlines by the database clock unless a test passes its own `now`.

/** Opens the call: needs a complete rubric, a future deadline and an award range. */
export const openProgram = (actor: ProgramActor, programId: string, now?: Date) =>
  transition(actor, programId, 'open', now)

/** Closes the call before its deadline. */
export const closeProgram = (actor: ProgramActor, programId: string, now?: Date) =>
  transition(actor, programId, 'closed', now)

/** Starts review; from here on the rubric is locked. */
export const startReview = (actor: ProgramActor, programId: string, now?: Date) =>
  transition(actor, programId, 'in_review', now)

export const markDecided = (actor: ProgramActor, programId: string, now?: Date) =>
  transition(actor, programId, 'decided', now)

export const TRANSITIONS_TO: Record<ProgramStatus, typeof openProgram | null> = {
  draft: null,
  open: openProgram,
  closed: closeProgram,
  in_review: startReview,
  decided: markDecided,
}
