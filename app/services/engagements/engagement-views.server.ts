import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { db } from '#db/client.server.ts'
import {
  engagementRatings,
  memberships,
  organizations,
  users,
  volunteerEngagements,
  volunteerHours,
  volunteerProfiles,
  volunteerRequests,
} from '#db/schema/index.ts'
import { dayInZone } from '#app/domain/engagements/check-ins.ts'
import { CONTACT_STATUSES, type Proposer } from '#app/domain/engagements/engagement-status.ts'
import { isUuid } from '#app/lib/uuid.ts'
import { REQUEST_ROLES } from '#app/services/volunteers/requests.server.ts'
import { loadEngagement, sidesOf, type Sides } from './engagements.server.ts'
import { inKindOfEngagement } from './in-kind.server.ts'
import { checkInsOf } from './check-ins.server.ts'
import { databaseNow } from '#app/services/clock.server.ts'

const volunteerUser = alias(users, 'volunteer_user')
const pointPerson = alias(users, 'point_person')

/** The engagements the user is on either side of: as the volunteer, or for a group they act for. */
export function listMyEngagements(userId: string) {
  const myGroups = db()
    .select({ id: memberships.organizationId })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), inArray(memberships.role, REQUEST_ROLES)))
  return db()
    .select({
      id: volunteerEngagements.id,
      status: volunteerEngagements.status,
      proposedBy: volunteerEngagements.proposedBy,
      requestTitle: volunteerRequests.title,
      groupName: organizations.name,
      volunteerName: volunteerUser.name,
      asVolunteer: sql<boolean>`${volunteerProfiles.userId} = ${userId}`,
      updatedAt: volunteerEngagements.updatedAt,
    })
    .from(volunteerEngagements)
    .innerJoin(volunteerRequests, eq(volunteerRequests.id, volunteerEngagements.requestId))
    .innerJoin(organizations, eq(organizations.id, volunteerRequests.organizationId))
    .innerJoin(volunteerProfiles, eq(volunteerProfiles.id, volunteerEngagements.profileId))
    .innerJoin(volunteerUser, eq(volunteerUser.id, volunteerProfiles.userId))
    .where(
      or(eq(volunteerProfiles.userId, userId), inArray(volunteerRequests.organizationId, myGroups)),
    )
    .orderBy(desc(volunteerEngagements.updatedAt), desc(volunteerEngagements.id))
}

/**
 * One engagement as a side sees it, or null for anyone on neither side. Contact details are read
 * only once the proposal is accepted, so they never reach an earlier page's data.
 */
export async function engagementFor(userId: string, engagementId: string) {
  const e = await loadEngagement(engagementId)
  if (!e) return null
  const sides: Sides = await sidesOf(null, userId, e)
  if (!sides.volunteer && !sides.group) return null
  const [names] = await db()
    .select({
      groupName: organizations.name,
      groupSlug: organizations.slug,
      volunteerName: volunteerUser.name,
      requestGoal: volunteerRequests.goal,
      requestDeliverable: volunteerRequests.deliverable,
      requestHours: volunteerRequests.hours,
    })
    .from(volunteerRequests)
    .innerJoin(organizations, eq(organizations.id, volunteerRequests.organizationId))
    .innerJoin(volunteerUser, eq(volunteerUser.id, e.volunteerUserId))
    .where(eq(volunteerRequests.id, e.requestId))
  if (!names) return null
  const [contact, hours, checkins, ratings, inKind, now] = await Promise.all([
    CONTACT_STATUSES.includes(e.status) ? contactOf(e.requestId, e.volunteerUserId) : null,
    db()
      .select({
        id: volunteerHours.id,
        workedOn: volunteerHours.workedOn,
        minutes: volunteerHours.minutes,
        note: volunteerHours.note,
        status: volunteerHours.status,
        questionNote: volunteerHours.questionNote,
      })
      .from(volunteerHours)
      .where(eq(volunteerHours.engagementId, e.id))
      .orderBy(asc(volunteerHours.workedOn), asc(volunteerHours.createdAt)),
    checkInsOf(e.id),
    // Ratings are private: a side learns only whether it has rated, never the other's.
    db()
      .select({ side: engagementRatings.side })
      .from(engagementRatings)
      .where(eq(engagementRatings.engagementId, e.id)),
    inKindOfEngagement(e.id),
    databaseNow(),
  ])
  const answering: Proposer = e.proposedBy === 'volunteer' ? 'group' : 'volunteer'
  return {
    engagement: e,
    sides,
    mayAnswer: e.status === 'proposed' && sides[answering],
    ...names,
    contact,
    hours,
    checkins,
    // Today in the request's zone, by the database's clock: which agreed check-ins are due or
    // overdue turns at the group's midnight. The page names the zone beside the dates.
    today: dayInZone(now, e.requestTimeZone),
    timeZone: e.requestTimeZone,
    rated: ratings.map((r) => r.side),
    inKind,
  }
}

async function contactOf(requestId: string, volunteerUserId: string) {
  const [row] = await db()
    .select({ volunteerEmail: volunteerUser.email, groupEmail: pointPerson.email })
    .from(volunteerRequests)
    .innerJoin(volunteerUser, eq(volunteerUser.id, volunteerUserId))
    .leftJoin(pointPerson, eq(pointPerson.id, volunteerRequests.pointPersonUserId))
    .where(eq(volunteerRequests.id, requestId))
  return row ?? null
}

/** The open requests of the groups the user acts for, to invite a volunteer to. */
export function invitableRequests(userId: string) {
  return db()
    .select({
      id: volunteerRequests.id,
      title: volunteerRequests.title,
      groupName: organizations.name,
    })
    .from(volunteerRequests)
    .innerJoin(organizations, eq(organizations.id, volunteerRequests.organizationId))
    .innerJoin(
      memberships,
      and(
        eq(memberships.organizationId, volunteerRequests.organizationId),
        eq(memberships.userId, userId),
        inArray(memberships.role, REQUEST_ROLES),
      ),
    )
    .where(eq(volunteerRequests.status, 'open'))
    .orderBy(asc(organizations.name), asc(volunteerRequests.title))
}

/** An open request's title and group, for a volunteer about to offer; null if not open. */
export async function openRequestSummary(requestId: string) {
  if (!isUuid(requestId)) return null
  const [found] = await db()
    .select({ title: volunteerRequests.title, group: organizations.name })
    .from(volunteerRequests)
    .innerJoin(organizations, eq(organizations.id, volunteerRequests.organizationId))
    .where(and(eq(volunteerRequests.id, requestId), eq(volunteerRequests.status, 'open')))
  return found ?? null
}
