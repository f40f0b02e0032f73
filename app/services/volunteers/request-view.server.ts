import { and, eq } from 'drizzle-orm'
import { db } from '#db/client.server.ts'
import {
  organizations,
  volunteerDataAgreements,
  volunteerProfiles,
  volunteerRequests,
} from '#db/schema/index.ts'
import type { Actor } from '#app/domain/result.ts'
import type { Weekday } from '#app/domain/volunteers/availability.ts'
import { recordAudit } from '#app/services/admin/audit.server.ts'
import { hoursOfRequest } from './requests.server.ts'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * An open request as a volunteer sees it, or null: only people with a volunteer profile see
 * requests, and only open ones. `agreed`: the volunteer has accepted its data-protection agreement;
 * without it the details of work that touches personal data stay hidden (issue 11).
 */
export async function openRequestForVolunteer(userId: string, requestId: string) {
  if (!UUID.test(requestId)) return null
  const [profile] = await db()
    .select({ id: volunteerProfiles.id })
    .from(volunteerProfiles)
    .where(eq(volunteerProfiles.userId, userId))
  if (!profile) return null
  const [row] = await db()
    .select({
      request: volunteerRequests,
      groupName: organizations.name,
      agreedAt: volunteerDataAgreements.acceptedAt,
    })
    .from(volunteerRequests)
    .innerJoin(organizations, eq(organizations.id, volunteerRequests.organizationId))
    .leftJoin(
      volunteerDataAgreements,
      and(
        eq(volunteerDataAgreements.requestId, volunteerRequests.id),
        eq(volunteerDataAgreements.profileId, profile.id),
      ),
    )
    .where(and(eq(volunteerRequests.id, requestId), eq(volunteerRequests.status, 'open')))
  if (!row) return null
  const { request: r } = row
  const agreed = row.agreedAt !== null
  return {
    profileId: profile.id,
    id: r.id,
    title: r.title,
    groupName: row.groupName,
    skill: r.skill,
    workMode: r.workMode,
    hours: r.hours,
    deadline: r.deadline,
    languages: r.languages,
    preferredLanguages: r.preferredLanguages,
    timeZone: r.timeZone,
    groupHours: (await hoursOfRequest(r.id)).map((w) => ({ ...w, weekday: w.weekday as Weekday })),
    touchesPersonalData: r.touchesPersonalData,
    agreed,
    // Details wait for the agreement when the work touches community members' personal data.
    details:
      !r.touchesPersonalData || agreed
        ? { goal: r.goal, deliverable: r.deliverable, outOfScope: r.outOfScope }
        : null,
  }
}

/** Records the volunteer's acceptance (once; accepting again changes nothing), with the audit row. */
export async function acceptDataAgreement(actor: Actor, profileId: string, requestId: string) {
  await db().transaction(async (tx) => {
    const inserted = await tx
      .insert(volunteerDataAgreements)
      .values({ profileId, requestId })
      .onConflictDoNothing()
      .returning({ requestId: volunteerDataAgreements.requestId })
    if (inserted.length === 0) return
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: 'volunteer_data_agreement.accepted',
      entityType: 'volunteer_request',
      entityId: requestId,
      ip: actor.ip ?? null,
      details: { profileId },
    })
  })
}
