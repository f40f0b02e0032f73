import type { Language } from '#app/lib/i18n/config.ts'
import { and, eq, inArray, sql } from 'drizzle-orm'
import { EDITABLE_STATUSES, isEditableStatus } from '#app/domain/applications/application-status.ts'
import { db, type Db } from '#db/client.server.ts'
import {
  applicationPlaces,
  applications,
  budgetLines,
  reviewExclusions,
  skillRequests,
  users,
  type Application,
} from '#db/schema/index.ts'
import type { AnswerValue } from '#app/domain/programs/program-questions.ts'
import {
  splitLanguages,
  type BudgetStep,
  type OrganizationStep,
  type ProjectStep,
  type SkillsStep,
} from '#app/schemas/applications/application.ts'
import { fail, type Actor, type Failure } from '#app/domain/result.ts'
import type { Message } from '#app/lib/i18n/message.ts'
import { populationWeightedVulnerability } from '#app/services/places.server.ts'

/** One step's validated form, ready to write. */
export type StepWrite =
  | { step: 'organization'; data: OrganizationStep }
  | {
      step: 'community'
      data: { communityServed: string; placesOutsideUs: string; fips: string[] }
    }
  | { step: 'project'; data: ProjectStep }
  | { step: 'budget'; data: BudgetStep }
  | { step: 'skills'; data: SkillsStep }
  | { step: 'questions'; data: { answers: Record<string, AnswerValue> } }

export type SaveResult =
  | { ok: true; version: number }
  | Failure<{
      reason: 'conflict'
      message: Message
      current: { version: number; at: Date; by: string | null }
    }>
  | Failure<{ reason: 'not_editable' }>

/**
 * Saves one step of a draft, but only if nobody saved since the version the user started from:
 * a later save never silently overwrites a colleague's. The step's child rows (places, budget
 * lines, skill requests) are replaced in the same transaction.
 */
export async function saveStep(
  actor: Actor,
  application: Pick<Application, 'id' | 'answers'>,
  write: StepWrite,
  baseVersion: number,
  /** The interface language the step was written in, recorded for whoever reads it. */
  language?: Language,
): Promise<SaveResult> {
  const columns = await columnsFor(application, write)
  return db().transaction(async (tx) => {
    const [saved] = await tx
      .update(applications)
      .set({
        ...columns,
        version: sql`${applications.version} + 1`,
        updatedByUserId: actor.id,
        stepsSaved: sql`array_append(array_remove(${applications.stepsSaved}, ${write.step}::text), ${write.step}::text)`,
        ...(language
          ? {
              stepLanguages: sql`${applications.stepLanguages} || jsonb_build_object(${write.step}::text, ${language}::text)`,
            }
          : {}),
      })
      .where(
        and(
          eq(applications.id, application.id),
          eq(applications.version, baseVersion),
          inArray(applications.status, [...EDITABLE_STATUSES]),
        ),
      )
      .returning({ version: applications.version })
    if (!saved) return whyNotSaved(tx, application.id)
    await replaceRows(tx, application.id, write)
    return { ok: true as const, version: saved.version }
  })
}

async function whyNotSaved(tx: Db, applicationId: string): Promise<SaveResult> {
  const [current] = await tx
    .select({
      status: applications.status,
      version: applications.version,
      at: applications.updatedAt,
      by: users.name,
    })
    .from(applications)
    .leftJoin(users, eq(users.id, applications.updatedByUserId))
    .where(eq(applications.id, applicationId))
  if (!current || !isEditableStatus(current.status)) return fail({ reason: 'not_editable' })
  // The time (epoch ms) is written in the reader's language where the message is shown, in UTC.
  const at = current.at.getTime()
  const message: Message = current.by
    ? { key: 'applications:refusals.conflict', values: { name: current.by, at } }
    : { key: 'applications:refusals.conflictSomeone', values: { at } }
  return fail({
    reason: 'conflict' as const,
    status: 409,
    message,
    current: { version: current.version, at: current.at, by: current.by },
  })
}

/** The application's own columns that a step sets. */
async function columnsFor(
  application: Pick<Application, 'answers'>,
  write: StepWrite,
): Promise<Partial<typeof applications.$inferInsert>> {
  switch (write.step) {
    case 'organization': {
      const { leadership, ledByLivedExperience, contactName, contactEmail } = write.data
      return { leadership, ledByLivedExperience, contactName, contactEmail }
    }
    case 'community': {
      const vulnerability = await populationWeightedVulnerability(write.data.fips)
      return {
        communityServed: write.data.communityServed,
        placesOutsideUs: write.data.placesOutsideUs,
        placeVulnerability: vulnerability?.percentile ?? null,
        placeVulnerabilityYear: vulnerability?.dataYear ?? null,
      }
    }
    case 'project':
      return {
        title: write.data.title,
        summary: write.data.summary,
        sdohDomains: write.data.sdohDomains,
      }
    case 'budget':
      return { amountRequestedMinor: write.data.amountRequested }
    case 'skills':
      return {}
    case 'questions':
      return { answers: { ...application.answers, ...write.data.answers } }
  }
}

async function replaceRows(tx: Db, applicationId: string, write: StepWrite) {
  if (write.step === 'organization') {
    await tx.delete(reviewExclusions).where(eq(reviewExclusions.applicationId, applicationId))
    const rows = write.data.exclusions.map((e) => ({ applicationId, name: e.name, email: e.email }))
    if (rows.length) await tx.insert(reviewExclusions).values(rows)
  }
  if (write.step === 'community') {
    await tx.delete(applicationPlaces).where(eq(applicationPlaces.applicationId, applicationId))
    const fips = [...new Set(write.data.fips)]
    if (fips.length)
      await tx.insert(applicationPlaces).values(fips.map((f) => ({ applicationId, fips: f })))
  }
  if (write.step === 'budget') {
    await tx.delete(budgetLines).where(eq(budgetLines.applicationId, applicationId))
    const lines = write.data.lines.map((l, i) => ({
      applicationId,
      position: i + 1,
      description: l.description,
      amountMinor: l.amount ?? 0,
    }))
    if (lines.length) await tx.insert(budgetLines).values(lines)
  }
  if (write.step === 'skills') {
    await tx.delete(skillRequests).where(eq(skillRequests.applicationId, applicationId))
    const rows = write.data.requests.map((r, i) => ({
      applicationId,
      position: i + 1,
      skill: r.skill,
      hours: r.hours ?? 0,
      workMode: r.workMode,
      languages: splitLanguages(r.languages),
      description: r.description,
    }))
    if (rows.length) await tx.insert(skillRequests).values(rows)
  }
}

/** The people the applicant asked not to be reviewed by, as entered. */
export async function listReviewExclusions(applicationId: string) {
  return db()
    .select({ name: reviewExclusions.name, email: reviewExclusions.email })
    .from(reviewExclusions)
    .where(eq(reviewExclusions.applicationId, applicationId))
    .orderBy(reviewExclusions.name, reviewExclusions.email)
}
