import { and, eq, inArray, sql, type SQL } from 'drizzle-orm'
import { db } from '#db/client.server.ts'
import {
  inKindRates,
  volunteerEngagements,
  volunteerHours,
  volunteerRequests,
} from '#db/schema/index.ts'
import { inKindMinor, rateFor, type InKindRate } from '#app/domain/engagements/in-kind.ts'

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
