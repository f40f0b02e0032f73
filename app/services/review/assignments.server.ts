import { and, eq, inArray, ne, sql } from 'drizzle-orm'
import { db, type Db } from '#db/client.server.ts'
import {
  applications,
  consensusScores,
  memberships,
  panelMembers,
  reviewAssignments,
  reviewerTies,
  reviewExclusions,
  users,
  type Program,
} from '#db/schema/index.ts'
import {
  isEligible,
  normalisePerson,
  planAssignments,
  type PlanApplication,
  type PlanReviewer,
  type Shortage,
} from '#app/domain/review/assignment-plan.ts'
import { UNSTARTED_STATES } from '#app/domain/review/review-states.ts'
import { fail, type Result } from '#app/domain/result.ts'
import { recordAudit } from '#app/services/admin/audit.server.ts'
import { lockProgram } from '#app/services/programs/programs.server.ts'
import { hasConsensus, lockApplication } from './consensus.server.ts'
import type { OfficerActor } from './panel.server.ts'

/** Applications the panel reviews: submitted, or already in review. */
export const REVIEWABLE_STATUSES = ['submitted', 'in_review'] as const

/**
 * Runs queries one after the other: drizzle's queries start only when awaited, and one
 * transaction's connection takes one query at a time (node-postgres warns of overlapping ones).
 */
async function oneAtATime<T extends readonly unknown[]>(queries: {
  [K in keyof T]: PromiseLike<T[K]>
}): Promise<T> {
  const results: unknown[] = []
  for (const query of queries) results.push(await query)
  return results as unknown as T
}

/**
 * Everything planning needs, read once: the reviewable applications with their exclusions, the
 * panel (staff only while still members of the funder) with the organisations each is a member of
 * or tied to, and the assignments already made.
 */
async function loadPlanData(tx: Db, program: Pick<Program, 'id'>, funderId: string) {
  const [apps, exclusions, panel, existing] = await oneAtATime([
    tx
      .select({
        id: applications.id,
        organizationId: applications.organizationId,
        // Spelled out: drizzle leaves a one-table query's columns unqualified, and inside the
        // subquery "id" would be the consensus row's own.
        settled: sql<boolean>`EXISTS (SELECT 1 FROM ${consensusScores} c
          WHERE c.application_id = ${applications}.id)`,
      })
      .from(applications)
      .where(
        and(
          eq(applications.programId, program.id),
          inArray(applications.status, [...REVIEWABLE_STATUSES]),
        ),
      ),
    tx
      .select({
        applicationId: reviewExclusions.applicationId,
        name: reviewExclusions.name,
        email: reviewExclusions.email,
      })
      .from(reviewExclusions)
      .innerJoin(applications, eq(applications.id, reviewExclusions.applicationId))
      .where(eq(applications.programId, program.id)),
    tx
      .select({ userId: users.id, name: users.name, email: users.email })
      .from(panelMembers)
      .innerJoin(users, eq(users.id, panelMembers.userId))
      .where(
        and(
          eq(panelMembers.programId, program.id),
          sql`(${panelMembers.kind} = 'community' OR EXISTS (SELECT 1 FROM ${memberships}
            WHERE ${memberships.userId} = ${panelMembers.userId}
              AND ${memberships.organizationId} = ${funderId}))`,
          sql`${users.suspendedAt} IS NULL`,
        ),
      ),
    tx
      .select({
        id: reviewAssignments.id,
        applicationId: reviewAssignments.applicationId,
        reviewerUserId: reviewAssignments.reviewerUserId,
        state: reviewAssignments.state,
      })
      .from(reviewAssignments)
      .where(eq(reviewAssignments.programId, program.id)),
  ])
  const panelIds = panel.map((p) => p.userId)
  const blocks = panelIds.length
    ? await tx
        .select({ userId: memberships.userId, organizationId: memberships.organizationId })
        .from(memberships)
        .where(inArray(memberships.userId, panelIds))
        .union(
          tx
            .select({ userId: reviewerTies.userId, organizationId: reviewerTies.organizationId })
            .from(reviewerTies)
            .where(inArray(reviewerTies.userId, panelIds)),
        )
    : []
  const blocked = new Map<string, Set<string>>()
  for (const b of blocks) {
    const set = blocked.get(b.userId) ?? new Set<string>()
    set.add(b.organizationId)
    blocked.set(b.userId, set)
  }
  const excluded = new Map<string, Set<string>>()
  for (const e of exclusions) {
    const set = excluded.get(e.applicationId) ?? new Set<string>()
    if (e.email) set.add(normalisePerson(e.email))
    if (e.name) set.add(normalisePerson(e.name))
    excluded.set(e.applicationId, set)
  }
  const planApplications: (PlanApplication & { settled: boolean })[] = apps.map((a) => ({
    ...a,
    excluded: excluded.get(a.id) ?? new Set(),
  }))
  const reviewers: PlanReviewer[] = panel.map((p) => ({
    userId: p.userId,
    email: normalisePerson(p.email),
    name: normalisePerson(p.name),
    blockedOrganizations: blocked.get(p.userId) ?? new Set(),
  }))
  return { applications: planApplications, reviewers, existing }
}

export interface AssignmentRun {
  assigned: number
  released: number
  shortages: Shortage[]
}

/**
 * "Assign reviewers": every reviewable application gets the program's number of reviewers.
 * Reading everything once and planning in memory keeps it to a handful of statements however
 * large the program. It can be run again: started and submitted reviews stay; unstarted ones
 * whose reviewer is no longer eligible (left the panel, named a tie, excluded) are released; the
 * gaps are filled. Applications that cannot get enough eligible reviewers are listed.
 */
export async function assignReviewers(
  actor: OfficerActor,
  program: Pick<Program, 'id'>,
): Promise<Result<AssignmentRun>> {
  return db().transaction(async (tx) => {
    const locked = await lockProgram(tx, program.id)
    const data = await loadPlanData(tx, locked, actor.organizationId)
    if (data.reviewers.length === 0) {
      return fail({ message: 'review:refusals.emptyPanel' })
    }
    const reviewerById = new Map(data.reviewers.map((r) => [r.userId, r]))
    const applicationById = new Map(data.applications.map((a) => [a.id, a]))
    const release: string[] = []
    const taken = new Map<string, Set<string>>()
    const kept = new Map<string, number>()
    const load = new Map<string, number>()
    for (const row of data.existing) {
      const application = applicationById.get(row.applicationId)
      const reviewer = reviewerById.get(row.reviewerUserId)
      const unstarted = (UNSTARTED_STATES as readonly string[]).includes(row.state)
      if (unstarted && (!application || !reviewer || !isEligible(reviewer, application))) {
        release.push(row.id)
        continue
      }
      const set = taken.get(row.applicationId) ?? new Set<string>()
      set.add(row.reviewerUserId)
      taken.set(row.applicationId, set)
      if (row.state !== 'conflict') {
        kept.set(row.applicationId, (kept.get(row.applicationId) ?? 0) + 1)
        load.set(row.reviewerUserId, (load.get(row.reviewerUserId) ?? 0) + 1)
      }
    }
    if (release.length) {
      await tx.delete(reviewAssignments).where(inArray(reviewAssignments.id, release))
    }
    const plan = planAssignments({
      // Once the panel's consensus is recorded, the application's reviews are closed: no one joins.
      applications: data.applications.filter((a) => !a.settled),
      reviewers: data.reviewers,
      taken,
      kept,
      load,
      perApplication: locked.reviewersPerApplication,
    })
    if (plan.planned.length) {
      // One statement and four parameters however many rows: the pairs travel as two id lists.
      const applicationIds = plan.planned.map((p) => p.applicationId).join(',')
      const reviewerIds = plan.planned.map((p) => p.reviewerUserId).join(',')
      await tx.execute(sql`
        INSERT INTO ${reviewAssignments}
          (program_id, application_id, reviewer_user_id, assigned_by_user_id)
        SELECT ${locked.id}::uuid, pair.application_id, pair.reviewer_user_id, ${actor.id}::uuid
        FROM unnest(string_to_array(${applicationIds}, ',')::uuid[],
                    string_to_array(${reviewerIds}, ',')::uuid[])
          AS pair(application_id, reviewer_user_id)`)
    }
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: 'program.reviewers_assigned',
      entityType: 'program',
      entityId: locked.id,
      organizationId: actor.organizationId,
      ip: actor.ip,
      details: {
        assigned: plan.planned.length,
        released: release.length,
        short: plan.shortages.length,
      },
    })
    return {
      ok: true as const,
      assigned: plan.planned.length,
      released: release.length,
      shortages: plan.shortages,
    }
  })
}

/**
 * The eligible panel members for one application, fewest assignments first (ties by id): the
 * first is the replacement offered when a reviewer declares a conflict.
 */
export async function eligibleReviewersFor(
  program: Pick<Program, 'id'>,
  funderId: string,
  applicationId: string,
  tx: Db = db(),
) {
  const data = await loadPlanData(tx, program, funderId)
  const application = data.applications.find((a) => a.id === applicationId)
  if (!application) return []
  const taken = new Set(
    data.existing.filter((e) => e.applicationId === applicationId).map((e) => e.reviewerUserId),
  )
  const load = new Map<string, number>()
  for (const e of data.existing) {
    if (e.state !== 'conflict') load.set(e.reviewerUserId, (load.get(e.reviewerUserId) ?? 0) + 1)
  }
  return data.reviewers
    .filter((r) => !taken.has(r.userId) && isEligible(r, application))
    .map((r) => ({ userId: r.userId, name: r.name, load: load.get(r.userId) ?? 0 }))
    .sort((a, b) => a.load - b.load || (a.userId < b.userId ? -1 : 1))
}

/**
 * Assigns one reviewer by hand, under the same rules as the whole-program run. Refused once the
 * panel's consensus on the application is recorded: the consensus was the mean of the reviews
 * then in, and a new reviewer would leave it standing on a sheet that no longer locks. The
 * application's row lock makes this and recording the consensus take turns.
 */
export async function assignManually(
  actor: OfficerActor,
  program: Pick<Program, 'id'>,
  applicationId: string,
  reviewerUserId: string,
): Promise<Result> {
  return db().transaction(async (tx) => {
    await lockProgram(tx, program.id)
    if (await lockApplication(tx, applicationId)) {
      if (await hasConsensus(tx, applicationId)) {
        return fail({ status: 409, message: 'review:refusals.consensusRecorded' })
      }
    }
    const eligible = await eligibleReviewersFor(program, actor.organizationId, applicationId, tx)
    if (!eligible.some((r) => r.userId === reviewerUserId)) {
      return fail({ message: 'review:refusals.notEligible' })
    }
    const [created] = await tx
      .insert(reviewAssignments)
      .values({ programId: program.id, applicationId, reviewerUserId, assignedByUserId: actor.id })
      .returning({ id: reviewAssignments.id })
    if (!created) throw new Error('Assignment insert returned nothing')
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: 'review.assigned',
      entityType: 'review',
      entityId: created.id,
      organizationId: actor.organizationId,
      ip: actor.ip,
      details: { applicationId, reviewerUserId },
    })
    return { ok: true as const }
  })
}

/** Takes back an assignment nobody has scored yet (a started review is reopened, not removed). */
export async function unassign(
  actor: OfficerActor,
  program: Pick<Program, 'id'>,
  assignmentId: string,
): Promise<Result> {
  return db().transaction(async (tx) => {
    const [removed] = await tx
      .delete(reviewAssignments)
      .where(
        and(
          eq(reviewAssignments.id, assignmentId),
          eq(reviewAssignments.programId, program.id),
          inArray(reviewAssignments.state, [...UNSTARTED_STATES]),
        ),
      )
      .returning({
        applicationId: reviewAssignments.applicationId,
        reviewerUserId: reviewAssignments.reviewerUserId,
      })
    if (!removed) return fail({ message: 'review:refusals.cannotUnassign', status: 409 })
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: 'review.unassigned',
      entityType: 'review',
      entityId: assignmentId,
      organizationId: actor.organizationId,
      ip: actor.ip,
      details: removed,
    })
    return { ok: true as const }
  })
}

/** Each reviewer's places in the program (a declared conflict holds none). */
export async function panelLoads(programId: string) {
  return db()
    .select({
      reviewerUserId: reviewAssignments.reviewerUserId,
      count: sql<number>`count(*)::int`,
    })
    .from(reviewAssignments)
    .where(and(eq(reviewAssignments.programId, programId), ne(reviewAssignments.state, 'conflict')))
    .groupBy(reviewAssignments.reviewerUserId)
}
