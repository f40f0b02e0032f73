import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm'
import { db, type Tx } from '#db/client.server.ts'
import {
  applications,
  grants,
  memberships,
  skillRequests,
  users,
  volunteerRequestHours,
  volunteerRequests,
  type Application,
  type Organization,
  type VolunteerRequest,
} from '#db/schema/index.ts'
import { isVolunteerSkill } from '#app/domain/skills.ts'
import { languageCodesOf } from '#app/domain/volunteers/languages.ts'
import {
  CLOSABLE_REQUEST_STATUSES,
  EDITABLE_REQUEST_STATUSES,
} from '#app/domain/volunteers/request-status.ts'
import { fail, type Actor, type Result } from '#app/domain/result.ts'
import type { VolunteerRequestInput } from '#app/schemas/volunteers/request.ts'
import { recordAudit } from '#app/services/admin/audit.server.ts'
import { APPLICANT_ROLES } from '#app/services/applications/applications.server.ts'

/** The members of a group who may post and edit its requests, as for its applications. */
export const REQUEST_ROLES = APPLICANT_ROLES

/** The request as saved: the form's values with the county the picker resolved to. */
export type RequestValues = Omit<VolunteerRequestInput, 'placeFips' | 'placeFipsText'> & {
  placeFips: string | null
}

/** A group's requests, newest first, for its list. */
export function listGroupRequests(organizationId: string) {
  return db()
    .select({
      id: volunteerRequests.id,
      title: volunteerRequests.title,
      skill: volunteerRequests.skill,
      status: volunteerRequests.status,
      hours: volunteerRequests.hours,
      deadline: volunteerRequests.deadline,
      projectType: volunteerRequests.projectType,
      fromApplication: sql<boolean>`${volunteerRequests.applicationId} IS NOT NULL`,
    })
    .from(volunteerRequests)
    .where(eq(volunteerRequests.organizationId, organizationId))
    .orderBy(desc(volunteerRequests.createdAt), desc(volunteerRequests.id))
}

/** One of the group's requests; another group's request is as good as absent. */
export async function findGroupRequest(
  organizationId: string,
  requestId: string,
): Promise<VolunteerRequest | null> {
  if (!/^[0-9a-f-]{36}$/i.test(requestId)) return null
  const [row] = await db()
    .select()
    .from(volunteerRequests)
    .where(
      and(
        eq(volunteerRequests.id, requestId),
        eq(volunteerRequests.organizationId, organizationId),
      ),
    )
  return row ?? null
}

/** The group's members who can be a request's point person, by name. */
export function pointPeopleOf(organizationId: string) {
  return db()
    .select({ id: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(eq(memberships.organizationId, organizationId), inArray(memberships.role, REQUEST_ROLES)),
    )
    .orderBy(asc(users.name))
}

/** The group's grants a request can support, newest first, named by their application's title. */
export function grantsOf(organizationId: string) {
  return db()
    .select({ id: grants.id, label: applications.title })
    .from(grants)
    .innerJoin(applications, eq(applications.id, grants.applicationId))
    .where(eq(applications.organizationId, organizationId))
    .orderBy(desc(grants.createdAt), desc(grants.id))
}

/** The grant made from an application, if any (a request's chosen grant, as the form shows it). */
export async function grantOfApplication(applicationId: string | null) {
  if (!applicationId) return null
  const [row] = await db()
    .select({ id: grants.id })
    .from(grants)
    .where(eq(grants.applicationId, applicationId))
  return row?.id ?? null
}

/** The group's working hours for a request, in its zone, by day and time. */
export function hoursOfRequest(requestId: string) {
  return db()
    .select({
      weekday: volunteerRequestHours.weekday,
      startMinute: volunteerRequestHours.startMinute,
      endMinute: volunteerRequestHours.endMinute,
    })
    .from(volunteerRequestHours)
    .where(eq(volunteerRequestHours.requestId, requestId))
    .orderBy(asc(volunteerRequestHours.weekday), asc(volunteerRequestHours.startMinute))
}

type SaveFailure = { reason: 'point_person' | 'not_editable' | 'grant'; message: string }

/** The application behind one of the group's grants, or null when it is not the group's. */
async function grantApplicationOf(tx: Tx, organizationId: string, grantId: string) {
  const [row] = await tx
    .select({ applicationId: grants.applicationId })
    .from(grants)
    .innerJoin(applications, eq(applications.id, grants.applicationId))
    .where(and(eq(grants.id, grantId), eq(applications.organizationId, organizationId)))
  return row?.applicationId ?? null
}

const grantRefusal = () =>
  fail({
    reason: 'grant' as const,
    message: 'volunteers:refusals.grant',
    fieldErrors: { grant: 'validation:volunteers.grant' },
  })

async function saveHours(tx: Tx, requestId: string, values: RequestValues) {
  await tx.delete(volunteerRequestHours).where(eq(volunteerRequestHours.requestId, requestId))
  if (values.groupHours.length === 0) return
  await tx.insert(volunteerRequestHours).values(values.groupHours.map((w) => ({ requestId, ...w })))
}

async function checkPointPerson(tx: Tx, organizationId: string, userId: string) {
  const [m] = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(
        eq(memberships.organizationId, organizationId),
        eq(memberships.userId, userId),
        inArray(memberships.role, REQUEST_ROLES),
      ),
    )
  return !!m
}

const pointPersonRefusal = () =>
  fail({
    reason: 'point_person' as const,
    message: 'volunteers:refusals.pointPerson',
    fieldErrors: { pointPerson: 'validation:volunteers.pointPerson' },
  })

function fieldsOf(values: RequestValues) {
  return {
    projectType: values.projectType,
    skill: values.skill,
    minLevel: values.minLevel,
    title: values.title,
    goal: values.goal,
    deliverable: values.deliverable,
    outOfScope: values.outOfScope,
    hours: values.hours,
    pointPersonUserId: values.pointPerson,
    deadline: values.deadline,
    languages: values.languages,
    preferredLanguages: values.preferredLanguages,
    timeZone: values.timeZone,
    workMode: values.workMode,
    placeFips: values.placeFips,
    touchesPersonalData: values.touchesPersonalData,
    vulnerableInPerson: values.vulnerableInPerson,
    backgroundCheckRequired: values.backgroundCheckRequired,
  }
}

/** A group posts a request, kept as a draft or opened to volunteers at once. */
export async function createRequest(
  actor: Actor,
  organization: Pick<Organization, 'id'>,
  values: RequestValues,
): Promise<Result<{ id: string }, SaveFailure>> {
  return db().transaction(async (tx) => {
    if (!(await checkPointPerson(tx, organization.id, values.pointPerson))) {
      return pointPersonRefusal()
    }
    const applicationId = values.grant
      ? await grantApplicationOf(tx, organization.id, values.grant)
      : null
    if (values.grant && !applicationId) return grantRefusal()
    const open = values.intent === 'open'
    const [row] = await tx
      .insert(volunteerRequests)
      .values({
        organizationId: organization.id,
        ...fieldsOf(values),
        applicationId,
        status: open ? 'open' : 'draft',
        openedAt: open ? sql`now()` : null,
        createdByUserId: actor.id,
      })
      .returning({ id: volunteerRequests.id })
    if (!row) throw new Error('volunteer request not saved')
    await saveHours(tx, row.id, values)
    await audit(tx, actor, organization.id, row.id, 'volunteer_request.created', {
      status: open ? 'open' : 'draft',
      projectType: values.projectType,
    })
    return { ok: true as const, id: row.id }
  })
}

/**
 * Saves the group's changes to a draft or open request; `intent: 'open'` opens a draft. An open
 * request stays open (saving it as a draft does not take it back from volunteers who saw it).
 */
export async function updateRequest(
  actor: Actor,
  request: VolunteerRequest,
  values: RequestValues,
): Promise<Result<{ id: string; opened: boolean }, SaveFailure>> {
  return db().transaction(async (tx) => {
    if (!(await checkPointPerson(tx, request.organizationId, values.pointPerson))) {
      return pointPersonRefusal()
    }
    const chosen = values.grant
      ? await grantApplicationOf(tx, request.organizationId, values.grant)
      : null
    if (values.grant && !chosen) return grantRefusal()
    const opening = request.status === 'draft' && values.intent === 'open'
    const [row] = await tx
      .update(volunteerRequests)
      .set({
        ...fieldsOf(values),
        // A request made from an application stays with it; a posted one supports the grant chosen.
        applicationId: request.skillRequestId ? request.applicationId : chosen,
        // A request made from an application keeps what it was made from.
        projectType: request.projectType,
        ...(opening ? { status: 'open' as const, openedAt: sql`now()` } : {}),
      })
      .where(
        and(
          eq(volunteerRequests.id, request.id),
          inArray(volunteerRequests.status, [...EDITABLE_REQUEST_STATUSES]),
        ),
      )
      .returning({ id: volunteerRequests.id })
    if (!row) {
      return fail({
        reason: 'not_editable' as const,
        status: 409,
        message: 'volunteers:refusals.notEditable',
      })
    }
    await saveHours(tx, row.id, values)
    await audit(tx, actor, request.organizationId, request.id, 'volunteer_request.updated', {})
    if (opening) {
      await audit(tx, actor, request.organizationId, request.id, 'volunteer_request.opened', {})
    }
    return { ok: true as const, id: row.id, opened: opening }
  })
}

/** The group closes a request it no longer needs (or that expired); closed is final. */
export async function closeRequest(
  actor: Actor,
  request: VolunteerRequest,
): Promise<Result<object, { reason: 'not_closable'; message: string }>> {
  return db().transaction(async (tx) => {
    const [row] = await tx
      .update(volunteerRequests)
      .set({ status: 'closed' })
      .where(
        and(
          eq(volunteerRequests.id, request.id),
          inArray(volunteerRequests.status, [...CLOSABLE_REQUEST_STATUSES]),
        ),
      )
      .returning({ id: volunteerRequests.id })
    if (!row) {
      return fail({
        reason: 'not_closable' as const,
        status: 409,
        message: 'volunteers:refusals.notClosable',
      })
    }
    await audit(tx, actor, request.organizationId, request.id, 'volunteer_request.closed', {
      from: request.status,
    })
    return { ok: true as const }
  })
}

/**
 * When an application that asks for skilled volunteers is submitted (and its program allows skill
 * requests), each of its skill requests becomes an open volunteer request of the group, in the
 * submission's transaction: what the group asked for reaches volunteers without being typed
 * twice. Skills outside the volunteer taxonomy ('other') stay on the application only. Typed
 * language names become codes where recognised. The point person is whoever submitted.
 */
export async function openRequestsFromApplication(
  tx: Tx,
  actor: Actor,
  application: Pick<Application, 'id' | 'organizationId' | 'title'>,
): Promise<number> {
  const asks = await tx
    .select()
    .from(skillRequests)
    .where(eq(skillRequests.applicationId, application.id))
    .orderBy(asc(skillRequests.position))
  const rows = asks
    .filter((a) => isVolunteerSkill(a.skill))
    .map((a) => ({
      organizationId: application.organizationId,
      applicationId: application.id,
      skillRequestId: a.id,
      projectType: null,
      skill: a.skill,
      minLevel: 'some' as const,
      title: application.title,
      goal: a.description,
      hours: a.hours,
      languages: languageCodesOf(a.languages),
      workMode: a.workMode,
      pointPersonUserId: actor.id,
      status: 'open' as const,
      openedAt: sql`now()`,
      createdByUserId: actor.id,
    }))
  if (rows.length === 0) return 0
  const made = await tx
    .insert(volunteerRequests)
    .values(rows)
    .onConflictDoNothing()
    .returning({ id: volunteerRequests.id })
  for (const r of made) {
    await audit(tx, actor, application.organizationId, r.id, 'volunteer_request.opened', {
      applicationId: application.id,
    })
  }
  return made.length
}

function audit(
  tx: Tx,
  actor: Actor,
  organizationId: string,
  requestId: string,
  action:
    | 'volunteer_request.created'
    | 'volunteer_request.updated'
    | 'volunteer_request.opened'
    | 'volunteer_request.closed',
  details: Record<string, unknown>,
) {
  return recordAudit(tx, {
    actorUserId: actor.id,
    action,
    entityType: 'volunteer_request',
    entityId: requestId,
    organizationId,
    ip: actor.ip ?? null,
    details,
  })
}
