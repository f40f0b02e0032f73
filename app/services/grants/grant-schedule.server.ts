import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import { db, type Db } from '#db/client.server.ts'
import { grantDisbursements, grantMilestones, grantReports, grants } from '#db/schema/index.ts'
import { fail, type Actor, type Result } from '#app/domain/result.ts'
import {
  scheduleProblems,
  type GrantTerms,
  type ScheduledPayment,
} from '#app/domain/grants/schedule.ts'
import { FIXED_PAYMENT_STATUSES } from '#app/domain/grants/grant-states.ts'
import { recordAudit } from '#app/services/admin/audit.server.ts'
import { databaseNow } from '#app/services/clock.server.ts'
import type { MilestoneInput } from '#app/schemas/grants/grants.ts'
import { activeOfficerGrant } from './grant-access.server.ts'

/**
 * Rewrites an active grant's terms and its unpaid payments in one transaction: the scheduled
 * payments are deleted and `payments` inserted beside the paid and held ones, which must then
 * sum to the award (checked here, and by the database at commit). The form checked the same with
 * the same rules; a payment paid meanwhile makes the total wrong, and nothing is changed.
 */
export async function saveSchedule(
  actor: Actor,
  grantId: string,
  input: { terms: GrantTerms; payments: ScheduledPayment[] },
): Promise<Result> {
  return db().transaction((tx) => saveScheduleInTransaction(tx, actor, grantId, input))
}

/** `saveSchedule` inside a transaction the caller holds (the demo seed shapes its grants). */
export async function saveScheduleInTransaction(
  tx: Db,
  actor: Actor,
  grantId: string,
  input: { terms: GrantTerms; payments: ScheduledPayment[] },
): Promise<Result> {
  const found = await activeOfficerGrant(tx, actor, grantId)
  if (!found.ok) return found
  const current = await tx
    .select()
    .from(grantDisbursements)
    .where(eq(grantDisbursements.grantId, grantId))
    .orderBy(asc(grantDisbursements.dueOn))
  const fixed = current.filter((p) =>
    (FIXED_PAYMENT_STATUSES as readonly string[]).includes(p.status),
  )
  const problems = scheduleProblems(found.grant.amountMinor, input.terms, [
    ...fixed.map((p) => ({ dueOn: p.dueOn, amountMinor: p.amountMinor })),
    ...input.payments,
  ])
  if (problems.length > 0) {
    return fail({
      message: 'grants:refusals.scheduleInvalid',
      problems: problems.map((p) => p.code),
      reason: 'schedule_invalid',
    })
  }
  const now = await databaseNow(tx)
  await tx
    .delete(grantDisbursements)
    .where(and(eq(grantDisbursements.grantId, grantId), eq(grantDisbursements.status, 'scheduled')))
  if (input.payments.length > 0) {
    await tx
      .insert(grantDisbursements)
      .values(input.payments.map((p) => ({ grantId, dueOn: p.dueOn, amountMinor: p.amountMinor })))
  }
  await tx
    .update(grants)
    .set({ ...input.terms, updatedAt: now })
    .where(eq(grants.id, grantId))
  await recordAudit(tx, {
    actorUserId: actor.id,
    action: 'grant.schedule_changed',
    entityType: 'grant',
    entityId: grantId,
    organizationId: found.funderId,
    ip: actor.ip,
    details: {
      before: {
        startsOn: found.grant.startsOn,
        endsOn: found.grant.endsOn,
        payments: current.map((p) => ({
          dueOn: p.dueOn,
          amountMinor: p.amountMinor,
          status: p.status,
        })),
      },
      after: { ...input.terms, payments: input.payments },
    },
  })
  return { ok: true }
}

/** Adds a reporting milestone to an active grant, or changes one (`milestoneId`). */
export async function saveMilestone(
  actor: Actor,
  grantId: string,
  input: MilestoneInput,
): Promise<Result<{ milestoneId: string }>> {
  return db().transaction((tx) => saveMilestoneInTransaction(tx, actor, grantId, input))
}

/** `saveMilestone` inside a transaction the caller holds (the demo seed). */
export async function saveMilestoneInTransaction(
  tx: Db,
  actor: Actor,
  grantId: string,
  input: MilestoneInput,
): Promise<Result<{ milestoneId: string }>> {
  const found = await activeOfficerGrant(tx, actor, grantId)
  if (!found.ok) return found
  const values = { dueOn: input.dueOn, title: input.title, ask: input.ask }
  let milestoneId: string
  if (input.milestoneId) {
    const [changed] = await tx
      .update(grantMilestones)
      .set({
        ...values,
        updatedAt: await databaseNow(tx),
        // A new due day is owed its own reminders; the same day keeps what went out.
        dueSoonRemindedAt: sql`CASE WHEN ${grantMilestones.dueOn} = ${input.dueOn}::date
          THEN ${grantMilestones.dueSoonRemindedAt} END`,
        overdueRemindedAt: sql`CASE WHEN ${grantMilestones.dueOn} = ${input.dueOn}::date
          THEN ${grantMilestones.overdueRemindedAt} END`,
      })
      .where(and(eq(grantMilestones.id, input.milestoneId), eq(grantMilestones.grantId, grantId)))
      .returning({ id: grantMilestones.id })
    if (!changed) return fail({ status: 404, message: 'grants:refusals.noSuchMilestone' })
    milestoneId = changed.id
  } else {
    const [added] = await tx
      .insert(grantMilestones)
      .values({ grantId, ...values })
      .returning({ id: grantMilestones.id })
    milestoneId = added!.id
  }
  await recordAudit(tx, {
    actorUserId: actor.id,
    action: input.milestoneId ? 'grant_milestone.updated' : 'grant_milestone.added',
    entityType: 'grant_milestone',
    entityId: milestoneId,
    organizationId: found.funderId,
    ip: actor.ip,
    details: { grantId, ...values },
  })
  return { ok: true, milestoneId }
}

/** Removes a reporting milestone nobody has reported on yet. */
export async function removeMilestone(
  actor: Actor,
  grantId: string,
  milestoneId: string,
): Promise<Result> {
  return db().transaction(async (tx) => {
    const found = await activeOfficerGrant(tx, actor, grantId)
    if (!found.ok) return found
    const [milestone] = await tx
      .select()
      .from(grantMilestones)
      .where(and(eq(grantMilestones.id, milestoneId), eq(grantMilestones.grantId, grantId)))
    if (!milestone) return fail({ status: 404, message: 'grants:refusals.noSuchMilestone' })
    const reported = await tx
      .select({ id: grantReports.id })
      .from(grantReports)
      .where(inArray(grantReports.milestoneId, [milestoneId]))
      .limit(1)
    if (reported.length > 0) {
      return fail({ status: 409, message: 'grants:refusals.milestoneReported' })
    }
    await tx.delete(grantMilestones).where(eq(grantMilestones.id, milestoneId))
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: 'grant_milestone.removed',
      entityType: 'grant_milestone',
      entityId: milestoneId,
      organizationId: found.funderId,
      ip: actor.ip,
      details: { grantId, dueOn: milestone.dueOn, title: milestone.title },
    })
    return { ok: true }
  })
}
