import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm'
import { db, type Db } from '#db/client.server.ts'
import { preparedQuery } from '#db/prepared.server.ts'
import {
  applicationEvents,
  applicationPlaces,
  applications,
  auditLog,
  funds,
  memberships,
  organizations,
  programs,
  users,
  type Application,
  type Organization,
  type Program,
} from '#db/schema/index.ts'
import {
  isEditableStatus,
  type ApplicationStatus,
} from '#app/domain/applications/application-status.ts'
import type { AuditAction } from '#app/domain/audit-actions.ts'
import type { MembershipRole } from '#app/domain/organizations.ts'
import { isAcceptingApplications } from '#app/domain/programs/program-status.ts'
import { recordAudit } from '#app/services/admin/audit.server.ts'
import { databaseNow } from '#app/services/clock.server.ts'
import { fail, type Actor, type Result } from '#app/domain/result.ts'

/** Roles in a group that may write its applications; reviewers only review. */
export const APPLICANT_ROLES: MembershipRole[] = ['owner', 'admin', 'member']

/** What the audit log calls a move into each status; an application starts as a draft. */
const STATUS_AUDIT: Record<ApplicationStatus, AuditAction> = {
  draft: 'application.created',
  submitted: 'application.submitted',
  in_review: 'application.moved_into_review',
  changes_requested: 'application.changes_requested',
  awarded: 'application.awarded',
  declined: 'application.declined',
  withdrawn: 'application.withdrawn',
}

/** Writes a status change to the application's history and the audit log. */
export async function recordStatusChange(
  tx: Db,
  actor: Actor,
  application: Pick<Application, 'id' | 'organizationId'>,
  from: ApplicationStatus | null,
  to: ApplicationStatus,
  note = '',
  /**
   * More for the audit row (a decision's amount, …; the group's history shows the note only), and
   * the audit action when it is not the move's usual one (a resubmission, say).
   */
  more: { details?: Record<string, unknown>; action?: AuditAction } = {},
) {
  await tx.insert(applicationEvents).values({
    applicationId: application.id,
    actorUserId: actor.id,
    fromStatus: from,
    toStatus: to,
    note,
  })
  await recordAudit(tx, {
    actorUserId: actor.id,
    action: more.action ?? STATUS_AUDIT[to],
    entityType: 'application',
    entityId: application.id,
    organizationId: application.organizationId,
    ip: actor.ip,
    details: { ...more.details, from, to },
  })
}

/**
 * When a program's review starts, every application submitted to it enters review too, and each
 * group sees that step in its history. One statement however many there are: the rows change,
 * and their history and audit rows are written, inside the database (no parameter limit, no
 * round trip per application). Returns the applications that moved, with their groups.
 */
export async function moveSubmittedIntoReview(tx: Db, actor: Actor, programId: string) {
  const details = JSON.stringify({ from: 'submitted', to: 'in_review' })
  const action: AuditAction = STATUS_AUDIT.in_review
  const result = await tx.execute<{ id: string; organization_id: string }>(sql`
    WITH moved AS (
      UPDATE ${applications}
      SET status = 'in_review', version = version + 1, updated_at = now()
      WHERE ${applications.programId} = ${programId} AND ${applications.status} = 'submitted'
      RETURNING id, organization_id
    ), history AS (
      INSERT INTO ${applicationEvents} (application_id, actor_user_id, from_status, to_status)
      SELECT id, ${actor.id}::uuid, 'submitted', 'in_review' FROM moved
    ), audited AS (
      INSERT INTO ${auditLog}
        (actor_user_id, action, entity_type, entity_id, organization_id, ip, details)
      SELECT ${actor.id}::uuid, ${action}, 'application', id::text,
             organization_id, ${actor.ip ?? null}, ${details}::jsonb
      FROM moved
    )
    SELECT id, organization_id FROM moved`)
  const rows = (result as unknown as { rows: { id: string; organization_id: string }[] }).rows
  return rows.map((r) => ({ id: r.id, organizationId: r.organization_id }))
}

/** Community groups the user may apply for. */
export async function applicantOrganizations(userId: string) {
  return db()
    .select({ id: organizations.id, name: organizations.name, slug: organizations.slug })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(
      and(
        eq(memberships.userId, userId),
        eq(organizations.kind, 'community_group'),
        inArray(memberships.role, APPLICANT_ROLES),
      ),
    )
    .orderBy(asc(organizations.name))
}

/**
 * Starts (or returns the existing) application of `organization` to `program`, pre-filled from
 * the organisation's profile so groups never type the same thing twice.
 */
export async function startApplication(
  actor: Actor & { name: string; email: string },
  organization: Organization,
  program: Program,
): Promise<
  Result<{ application: Application }, { message: string; reason: 'not_a_group' | 'closed' }>
> {
  if (organization.kind !== 'community_group') {
    return fail({ reason: 'not_a_group', message: 'applications:refusals.notAGroup' })
  }
  const existing = await findApplication(program.id, organization.id)
  if (existing) return { ok: true, application: existing }
  if (!isAcceptingApplications(program, await databaseNow())) {
    return fail({ reason: 'closed', message: 'applications:start.notOpen' })
  }
  const previous = await latestApplicationOf(organization.id)
  return db().transaction(async (tx) => {
    const [created] = await tx
      .insert(applications)
      .values({
        programId: program.id,
        organizationId: organization.id,
        leadership: organization.leadership,
        ledByLivedExperience: previous?.ledByLivedExperience ?? '',
        contactName: previous?.contactName || actor.name,
        contactEmail: previous?.contactEmail || actor.email,
        communityServed: organization.communitiesServed,
        createdByUserId: actor.id,
        updatedByUserId: actor.id,
      })
      .onConflictDoNothing()
      .returning()
    if (!created) {
      // A colleague started it a moment ago: use theirs.
      const theirs = await findApplication(program.id, organization.id)
      if (!theirs) throw new Error('Application vanished after a conflicting insert')
      return { ok: true as const, application: theirs }
    }
    if (previous) await copyPlaces(tx, previous.id, created.id)
    await recordStatusChange(tx, actor, created, null, 'draft')
    return { ok: true as const, application: created }
  })
}

async function findApplication(programId: string, organizationId: string) {
  const [row] = await db()
    .select()
    .from(applications)
    .where(
      and(eq(applications.programId, programId), eq(applications.organizationId, organizationId)),
    )
  return row ?? null
}

/** The group's most recent application, whose answers to profile-like questions carry over. */
async function latestApplicationOf(organizationId: string) {
  const [row] = await db()
    .select()
    .from(applications)
    .where(eq(applications.organizationId, organizationId))
    .orderBy(desc(applications.createdAt))
    .limit(1)
  return row ?? null
}

async function copyPlaces(tx: Db, fromId: string, toId: string) {
  const rows = await tx
    .select({ fips: applicationPlaces.fips })
    .from(applicationPlaces)
    .where(eq(applicationPlaces.applicationId, fromId))
  if (rows.length) {
    await tx
      .insert(applicationPlaces)
      .values(rows.map((r) => ({ applicationId: toId, fips: r.fips })))
  }
}

export type ApplicationAccess =
  | { side: 'applicant'; role: MembershipRole; canEdit: boolean }
  | { side: 'funder'; role: MembershipRole }

export interface LoadedApplication {
  application: Application
  program: Program
  fund: typeof funds.$inferSelect
  organization: Organization
  access: ApplicationAccess
}

const applicationWithContextQuery = preparedQuery('application_with_context', (db, name) =>
  db
    .select({
      application: applications,
      program: programs,
      fund: funds,
      organization: organizations,
    })
    .from(applications)
    .innerJoin(programs, eq(programs.id, applications.programId))
    .innerJoin(funds, eq(funds.id, programs.fundId))
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .where(eq(applications.id, sql.placeholder('applicationId')))
    .prepare(name),
)

/** The user's roles in the applying group and in the funder (either may be absent). */
const applicationRolesQuery = preparedQuery('application_roles', (db, name) =>
  db
    .select({ organizationId: memberships.organizationId, role: memberships.role })
    .from(memberships)
    .where(
      and(
        eq(memberships.userId, sql.placeholder('userId')),
        or(
          eq(memberships.organizationId, sql.placeholder('groupId')),
          eq(memberships.organizationId, sql.placeholder('funderId')),
        ),
      ),
    )
    .prepare(name),
)

/**
 * The application with what surrounds it, if the user may see it: members of the applying
 * group always; members of the funder once it has been submitted (drafts stay private). Two
 * prepared statements.
 */
export async function loadApplicationFor(
  applicationId: string,
  userId: string,
): Promise<LoadedApplication | null> {
  if (!/^[0-9a-f-]{36}$/i.test(applicationId)) return null
  const [row] = await applicationWithContextQuery().execute({ applicationId })
  if (!row) return null
  const roles = await applicationRolesQuery().execute({
    userId,
    groupId: row.organization.id,
    funderId: row.fund.organizationId,
  })
  const applicant = roles.find((r) => r.organizationId === row.organization.id)
  if (applicant && APPLICANT_ROLES.includes(applicant.role)) {
    return {
      ...row,
      access: {
        side: 'applicant',
        role: applicant.role,
        canEdit: isEditableStatus(row.application.status),
      },
    }
  }
  const funder = roles.find((r) => r.organizationId === row.fund.organizationId)
  if (funder && APPLICANT_ROLES.includes(funder.role) && row.application.status !== 'draft') {
    return { ...row, access: { side: 'funder', role: funder.role } }
  }
  return null
}

/** The status history, oldest first. */
export async function applicationHistory(applicationId: string) {
  return db()
    .select({
      id: applicationEvents.id,
      at: applicationEvents.at,
      fromStatus: applicationEvents.fromStatus,
      toStatus: applicationEvents.toStatus,
      note: applicationEvents.note,
      actorName: users.name,
    })
    .from(applicationEvents)
    .leftJoin(users, eq(users.id, applicationEvents.actorUserId))
    .where(eq(applicationEvents.applicationId, applicationId))
    .orderBy(asc(applicationEvents.id))
}
