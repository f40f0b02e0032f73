import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm'
import { db } from '#db/client.server.ts'
import {
  inKindRates,
  users,
  volunteerEngagements,
  volunteerHours,
  volunteerRequests,
} from '#db/schema/index.ts'
import { inKindMinor, rateFor, type InKindRate } from '#app/domain/engagements/in-kind.ts'
import type { Actor, Result } from '#app/domain/result.ts'
import { recordAudit } from '#app/services/admin/audit.server.ts'

export interface InKindValue {
  verifiedMinutes: number
  valueMinor: number
  currency: string
}

export const listRates = (): Promise<InKindRate[]> =>
  db()
    .select({
      skill: inKindRates.skill,
      rateMinor: inKindRates.rateMinor,
      currency: inKindRates.currency,
      year: inKindRates.year,
      source: inKindRates.source,
      createdAt: inKindRates.createdAt,
    })
    .from(inKindRates)

/**
 * The in-kind value of verified hours on the engagements `where` selects: each request's minutes
 * valued at its skill's rate (else the general one), summed. Currency is the rates' (one, USD).
 */
export async function inKindOf(where: SQL | undefined): Promise<InKindValue> {
  const [rates, rows] = await Promise.all([
    listRates(),
    db()
      .select({
        skill: volunteerRequests.skill,
        minutes: sql<number>`sum(${volunteerHours.minutes})::int`,
      })
      .from(volunteerHours)
      .innerJoin(volunteerEngagements, eq(volunteerEngagements.id, volunteerHours.engagementId))
      .innerJoin(volunteerRequests, eq(volunteerRequests.id, volunteerEngagements.requestId))
      .where(and(eq(volunteerHours.status, 'verified'), where))
      .groupBy(volunteerRequests.skill),
  ])
  let valueMinor = 0
  let verifiedMinutes = 0
  let currency = 'usd'
  for (const r of rows) {
    const rate = rateFor(r.skill, rates)
    verifiedMinutes += r.minutes
    if (!rate) continue
    currency = rate.currency
    valueMinor += inKindMinor(r.minutes, rate.rateMinor)
  }
  return { verifiedMinutes, valueMinor, currency }
}

export const inKindOfEngagement = (engagementId: string) =>
  inKindOf(eq(volunteerEngagements.id, engagementId))

export const inKindOfVolunteer = (profileId: string) =>
  inKindOf(eq(volunteerEngagements.profileId, profileId))

export const inKindOfGroup = (organizationId: string) =>
  inKindOf(eq(volunteerRequests.organizationId, organizationId))

export const inKindOfApplications = (applicationIds: string[]) =>
  applicationIds.length
    ? inKindOf(inArray(volunteerRequests.applicationId, applicationIds))
    : Promise.resolve({ verifiedMinutes: 0, valueMinor: 0, currency: 'usd' })

/**
 * Every rate for the admin's page, newest first within each skill (the general value first), with
 * who added it and whether it is the one in use (what `rateFor` picks for that skill).
 */
export async function listRatesForAdmin() {
  const rows = await db()
    .select({
      id: inKindRates.id,
      skill: inKindRates.skill,
      rateMinor: inKindRates.rateMinor,
      currency: inKindRates.currency,
      year: inKindRates.year,
      source: inKindRates.source,
      createdAt: inKindRates.createdAt,
      createdBy: users.name,
    })
    .from(inKindRates)
    .leftJoin(users, eq(users.id, inKindRates.createdByUserId))
    .orderBy(
      sql`${inKindRates.skill} NULLS FIRST`,
      desc(inKindRates.year),
      desc(inKindRates.createdAt),
    )
  // A general rate is looked up under a skill no rate names, so the newest general one answers.
  return rows.map((r) => ({ ...r, inUse: rateFor(r.skill ?? ' general', rows) === r }))
}

/**
 * Adds a rate (already checked by the form's schema). Rates are never edited or removed: a new
 * one for the same skill and year replaces the older in use, and the history stays.
 */
export async function addRate(
  actor: Actor,
  values: { skill: string | null; rateMinor: number; year: number; source: string },
): Promise<Result<{ id: string }>> {
  return db().transaction(async (tx) => {
    const [row] = await tx
      .insert(inKindRates)
      .values({ ...values, createdByUserId: actor.id })
      .returning({ id: inKindRates.id })
    if (!row) throw new Error('rate not saved')
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: 'in_kind_rate.created',
      entityType: 'in_kind_rate',
      entityId: row.id,
      ip: actor.ip ?? null,
      details: values,
    })
    return { ok: true as const, id: row.id }
  })
}
