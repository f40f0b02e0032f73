import { and, eq, gte, inArray, isNull, sql } from 'drizzle-orm'
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core'
import { db, type Tx } from '#db/client.server.ts'
import {
  engagementCheckins,
  engagementRatings,
  memberships,
  organizations,
  users,
  volunteerEngagements,
  volunteerProfiles,
  volunteerRequests,
  type VolunteerEngagement,
} from '#db/schema/index.ts'
import { dayInZone } from '#app/domain/engagements/check-ins.ts'
import {
  CANCELLABLE_STATUSES,
  RESPONSE_WINDOW_DAYS,
  type Proposer,
} from '#app/domain/engagements/engagement-status.ts'
import { fail, type Actor, type Result } from '#app/domain/result.ts'
import { requestStatusAfter, type EngagementEvent } from '#app/domain/volunteers/request-status.ts'
import { recordAudit } from '#app/services/admin/audit.server.ts'
import { databaseNow } from '#app/services/clock.server.ts'
import {
  notifyEngagement,
  type EngagementNoticeKind,
} from '#app/services/notifications/notification-events.server.ts'
import { REQUEST_ROLES } from '#app/services/volunteers/requests.server.ts'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** An engagement with what deciding who may act on it needs. */
export type EngagementContext = VolunteerEngagement & {
  organizationId: string
  volunteerUserId: string
  requestTitle: string
  requestSkill: string
  /** The request's zone, the group's working zone: the days check-ins fall on are its days. */
  requestTimeZone: string
}

/** The sides the user is on: the volunteer, a member of the group who may act for it, or both. */
export interface Sides {
  volunteer: boolean
  group: boolean
}

/** A refusal whose reason is its message's last word ('engagements:refusals.notActive' → notActive). */
export const refusal = (message: `engagements:refusals.${string}`, status = 400) =>
  fail({ reason: message.split('.').pop(), status, message })

export async function loadEngagement(id: string, tx: Tx | null = null) {
  if (!UUID.test(id)) return null
  const [row] = await (tx ?? db())
    .select({
      engagement: volunteerEngagements,
      organizationId: volunteerRequests.organizationId,
      volunteerUserId: volunteerProfiles.userId,
      requestTitle: volunteerRequests.title,
      requestSkill: volunteerRequests.skill,
      requestTimeZone: volunteerRequests.timeZone,
    })
    .from(volunteerEngagements)
    .innerJoin(volunteerRequests, eq(volunteerRequests.id, volunteerEngagements.requestId))
    .innerJoin(volunteerProfiles, eq(volunteerProfiles.id, volunteerEngagements.profileId))
    .where(eq(volunteerEngagements.id, id))
  if (!row) return null
  const { engagement, ...rest } = row
  return { ...engagement, ...rest } satisfies EngagementContext
}

/** Whether the user may act for the group (its owners, admins and members, as for requests). */
export async function actsForGroup(tx: Tx | null, userId: string, organizationId: string) {
  const [m] = await (tx ?? db())
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

export async function sidesOf(tx: Tx | null, userId: string, e: EngagementContext): Promise<Sides> {
  return {
    volunteer: e.volunteerUserId === userId,
    group: await actsForGroup(tx, userId, e.organizationId),
  }
}

/** The side that answers a proposal: the one that did not make it. */
const answeringSide = (e: Pick<VolunteerEngagement, 'proposedBy'>): Proposer =>
  e.proposedBy === 'volunteer' ? 'group' : 'volunteer'

async function openRequest(tx: Tx, requestId: string) {
  if (!UUID.test(requestId)) return null
  const [r] = await tx
    .select()
    .from(volunteerRequests)
    .where(and(eq(volunteerRequests.id, requestId), eq(volunteerRequests.status, 'open')))
  return r ?? null
}

async function propose(
  tx: Tx,
  actor: Actor,
  values: { requestId: string; profileId: string; proposedBy: Proposer; message: string },
): Promise<Result<{ id: string }>> {
  const [row] = await tx
    .insert(volunteerEngagements)
    .values({
      ...values,
      proposedByUserId: actor.id,
      respondBy: sql`now() + make_interval(days => ${RESPONSE_WINDOW_DAYS})`,
    })
    .onConflictDoNothing()
    .returning({ id: volunteerEngagements.id })
  if (!row) return refusal('engagements:refusals.alreadyProposed', 409)
  await audit(tx, actor, row.id, 'engagement.proposed', { proposedBy: values.proposedBy })
  const e = await loadEngagement(row.id, tx)
  if (e) {
    // The side asked hears who is asking: the volunteer's name, or the group's.
    const [names] = await tx
      .select({ volunteer: users.name, group: organizations.name })
      .from(users)
      .innerJoin(organizations, eq(organizations.id, e.organizationId))
      .where(eq(users.id, e.volunteerUserId))
    await tell(tx, 'engagement-proposed', e, answeringSide(e), actor, `${e.id}:proposed`, {
      proposedBy: values.proposedBy,
      name: (values.proposedBy === 'volunteer' ? names?.volunteer : names?.group) ?? '',
    })
  }
  return { ok: true as const, id: row.id }
}

/** A volunteer offers to work on an open request. */
export function offer(
  actor: Actor,
  requestId: string,
  message: string,
): Promise<Result<{ id: string }>> {
  return db().transaction(async (tx) => {
    const [profile] = await tx
      .select({ id: volunteerProfiles.id, paused: volunteerProfiles.paused })
      .from(volunteerProfiles)
      .where(eq(volunteerProfiles.userId, actor.id))
    if (!profile) return refusal('engagements:refusals.noProfile', 403)
    if (profile.paused) return refusal('engagements:refusals.paused', 409)
    const request = await openRequest(tx, requestId)
    if (!request) return refusal('engagements:refusals.requestNotOpen', 404)
    return propose(tx, actor, {
      requestId,
      profileId: profile.id,
      proposedBy: 'volunteer',
      message,
    })
  })
}

/** A member of the group invites a volunteer to one of its open requests. */
export function invite(
  actor: Actor,
  requestId: string,
  profileId: string,
  message: string,
): Promise<Result<{ id: string }>> {
  return db().transaction(async (tx) => {
    const request = await openRequest(tx, requestId)
    if (!request) return refusal('engagements:refusals.requestNotOpen', 404)
    if (!(await actsForGroup(tx, actor.id, request.organizationId))) {
      return refusal('engagements:refusals.notGroupMember', 403)
    }
    if (!UUID.test(profileId)) return refusal('engagements:refusals.noSuchVolunteer', 404)
    const [profile] = await tx
      .select({ id: volunteerProfiles.id, paused: volunteerProfiles.paused })
      .from(volunteerProfiles)
      .where(eq(volunteerProfiles.id, profileId))
    if (!profile) return refusal('engagements:refusals.noSuchVolunteer', 404)
    if (profile.paused) return refusal('engagements:refusals.volunteerPaused', 409)
    return propose(tx, actor, { requestId, profileId, proposedBy: 'group', message })
  })
}

/**
 * The side that did not propose accepts or declines, with a message. The proposer, or anyone on
 * neither side, cannot answer for the other.
 */
export function respond(
  actor: Actor,
  engagementId: string,
  answer: 'accept' | 'decline',
  message: string,
  plan: CheckInPlan = { dates: [], field: 'dates' },
): Promise<Result> {
  return db().transaction(async (tx) => {
    const e = await loadEngagement(engagementId, tx)
    if (!e) return refusal('engagements:refusals.noSuchEngagement', 404)
    const sides = await sidesOf(tx, actor.id, e)
    if (!sides[answeringSide(e)]) return refusal('engagements:refusals.notYourAnswer', 403)
    if (answer === 'accept') {
      const checked = await checkPlan(tx, plan, e.requestTimeZone)
      if (!checked.ok) return checked
    }
    const [row] = await tx
      .update(volunteerEngagements)
      .set({
        status: answer === 'accept' ? 'accepted' : 'declined',
        responseMessage: message,
        respondedByUserId: actor.id,
        respondedAt: sql`now()`,
      })
      .where(
        and(
          eq(volunteerEngagements.id, e.id),
          eq(volunteerEngagements.status, 'proposed'),
          sql`${volunteerEngagements.respondBy} > now()`,
        ),
      )
      .returning({ id: volunteerEngagements.id })
    if (!row) return refusal('engagements:refusals.notProposed', 409)
    await audit(
      tx,
      actor,
      e.id,
      answer === 'accept' ? 'engagement.accepted' : 'engagement.declined',
    )
    if (answer === 'accept') {
      await settleRequest(tx, e.requestId, 'accepted')
      // The check-in dates agreed on accepting, if any (they can be agreed later too).
      if (plan.dates.length > 0) await savePlan(tx, actor, e, plan.dates)
    }
    const kind = answer === 'accept' ? 'engagement-accepted' : 'engagement-declined'
    await tell(tx, kind, e, e.proposedBy, actor, `${e.id}:${answer}`)
    return { ok: true as const }
  })
}

export async function move(
  tx: Tx,
  actor: Actor,
  e: EngagementContext,
  from: readonly VolunteerEngagement['status'][],
  set: PgUpdateSetSource<typeof volunteerEngagements>,
  action: EngagementAction,
): Promise<Result> {
  const [row] = await tx
    .update(volunteerEngagements)
    .set(set)
    .where(and(eq(volunteerEngagements.id, e.id), inArray(volunteerEngagements.status, [...from])))
    .returning({ id: volunteerEngagements.id })
  if (!row) return refusal('engagements:refusals.wrongStatus', 409)
  await audit(tx, actor, e.id, action)
  return { ok: true as const }
}

/** Runs `act` for a user on either side of the engagement; anyone else is refused. */
export function onEitherSide(
  actor: Actor,
  engagementId: string,
  act: (tx: Tx, e: EngagementContext, sides: Sides) => Promise<Result>,
): Promise<Result> {
  return db().transaction(async (tx) => {
    const e = await loadEngagement(engagementId, tx)
    if (!e) return refusal('engagements:refusals.noSuchEngagement', 404)
    const sides = await sidesOf(tx, actor.id, e)
    if (!sides.volunteer && !sides.group)
      return refusal('engagements:refusals.noSuchEngagement', 404)
    return act(tx, e, sides)
  })
}

/** Either side starts the accepted work explicitly. */
export const start = (actor: Actor, engagementId: string) =>
  onEitherSide(actor, engagementId, (tx, e) =>
    move(
      tx,
      actor,
      e,
      ['accepted'],
      { status: 'active', startedAt: sql`now()` },
      'engagement.started',
    ),
  )

/**
 * Active work closes with a hand-off note: what was delivered, how to keep it working. The request
 * closes with it when no other accepted or active engagement is left on it.
 */
export const complete = (actor: Actor, engagementId: string, handoffNote: string) =>
  onEitherSide(actor, engagementId, async (tx, e) => {
    const moved = await move(
      tx,
      actor,
      e,
      ['active'],
      { status: 'completed', handoffNote, completedAt: sql`now()` },
      'engagement.completed',
    )
    if (moved.ok) await settleRequest(tx, e.requestId, 'completed')
    return moved
  })

/**
 * Either side calls off accepted or active work, saying why. The other side hears of it, and the
 * request opens again when no accepted or active engagement is left on it.
 */
export const cancel = (actor: Actor, engagementId: string, reason: string) =>
  onEitherSide(actor, engagementId, async (tx, e, sides) => {
    const moved = await move(
      tx,
      actor,
      e,
      CANCELLABLE_STATUSES,
      { status: 'cancelled', cancelReason: reason },
      'engagement.cancelled',
    )
    if (!moved.ok) return moved
    await settleRequest(tx, e.requestId, 'released')
    // The other side; someone on both sides tells everyone else on either.
    const to = sides.volunteer && sides.group ? 'both' : sides.volunteer ? 'group' : 'volunteer'
    await tell(tx, 'engagement-cancelled', e, to, actor, `${e.id}:cancelled`, { reason })
    return moved
  })

/**
 * Moves the request after one of its engagements moved (app/domain/volunteers/request-status.ts):
 * matched once one is accepted, open again once none accepted or active is left after a
 * cancellation, closed once none is left after the work was completed. The request row
 * is locked so two answers at once count each other.
 */
export async function settleRequest(tx: Tx, requestId: string, event: EngagementEvent) {
  const [request] = await tx
    .select({ status: volunteerRequests.status })
    .from(volunteerRequests)
    .where(eq(volunteerRequests.id, requestId))
    .for('update')
  if (!request) return
  const [live] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(volunteerEngagements)
    .where(
      and(
        eq(volunteerEngagements.requestId, requestId),
        inArray(volunteerEngagements.status, ['accepted', 'active']),
      ),
    )
  const next = requestStatusAfter(request.status, event, live?.count ?? 0)
  if (next === request.status) return
  await tx
    .update(volunteerRequests)
    .set({ status: next })
    .where(eq(volunteerRequests.id, requestId))
}

/** An engagement's notice to one side (or both), never to the actor. */
export function tell(
  tx: Tx,
  kind: EngagementNoticeKind,
  e: Pick<EngagementContext, 'id' | 'requestTitle' | 'organizationId' | 'volunteerUserId'>,
  to: Proposer | 'both',
  actor: Actor | null,
  eventKey: string,
  data: Record<string, string | number> = {},
) {
  return notifyEngagement(
    tx,
    kind,
    {
      id: e.id,
      title: e.requestTitle,
      organizationId: e.organizationId,
      volunteerUserId: e.volunteerUserId,
    },
    { to, actorId: actor?.id ?? null, eventKey, data },
  )
}

/** After completion each side leaves one private rating. */
export const rate = (
  actor: Actor,
  engagementId: string,
  side: Proposer,
  values: { stars: number; note: string },
) =>
  onEitherSide(actor, engagementId, async (tx, e, sides) => {
    if (!sides[side]) return refusal('engagements:refusals.notYourSide', 403)
    if (e.status !== 'completed') return refusal('engagements:refusals.notCompleted', 409)
    const [row] = await tx
      .insert(engagementRatings)
      .values({ engagementId: e.id, side, ...values, byUserId: actor.id })
      .onConflictDoNothing()
      .returning({ id: engagementRatings.id })
    if (!row) return refusal('engagements:refusals.alreadyRated', 409)
    return { ok: true as const }
  })

export type EngagementAction =
  | 'engagement.proposed'
  | 'engagement.accepted'
  | 'engagement.declined'
  | 'engagement.started'
  | 'engagement.completed'
  | 'engagement.cancelled'
  | 'engagement.hours_logged'
  | 'engagement.hours_verified'
  | 'engagement.hours_questioned'
  | 'engagement.check_ins_planned'

export async function audit(
  tx: Tx,
  actor: Actor,
  engagementId: string,
  action: EngagementAction,
  details: Record<string, unknown> = {},
) {
  const e = await loadEngagement(engagementId, tx)
  return recordAudit(tx, {
    actorUserId: actor.id,
    action,
    entityType: 'volunteer_engagement',
    entityId: engagementId,
    organizationId: e?.organizationId ?? null,
    ip: actor.ip ?? null,
    details,
  })
}

/**
 * Today as the database's clock reads it, the calendar day ('YYYY-MM-DD') in `zone`, the
 * request's: a date agreed for today stays today until the group's midnight.
 */
export const today = async (tx: Tx, zone: string) => dayInZone(await databaseNow(tx), zone)

/** Which form field a refused plan's message goes under: the typed list, or the first date. */
export type PlanField = 'dates' | 'firstOn'

export interface CheckInPlan {
  dates: string[]
  field: PlanField
}

/**
 * Refuses agreed dates already past in the request's zone (today is fine: the check-in is then
 * due today).
 */
export async function checkPlan(tx: Tx, plan: CheckInPlan, zone: string): Promise<Result> {
  const now = await today(tx, zone)
  if (plan.dates.some((d) => d < now)) {
    return fail({
      reason: 'pastCheckIn',
      message: 'engagements:plan.past',
      fieldErrors: { [plan.field]: 'engagements:plan.past' },
    })
  }
  return { ok: true as const }
}

/**
 * Replaces the agreed check-ins still to come (today or later, not yet recorded) with `dates`;
 * recorded and missed ones stay as they were. Audits the plan. The caller has checked the plan.
 */
export async function savePlan(tx: Tx, actor: Actor, e: EngagementContext, dates: string[]) {
  await tx.delete(engagementCheckins).where(
    and(
      eq(engagementCheckins.engagementId, e.id),
      isNull(engagementCheckins.checkedOn),
      // One already missed stays, to be recorded late: a new plan does not erase it.
      gte(engagementCheckins.dueOn, await today(tx, e.requestTimeZone)),
    ),
  )
  if (dates.length > 0) {
    await tx
      .insert(engagementCheckins)
      .values(dates.map((dueOn) => ({ engagementId: e.id, dueOn, byUserId: actor.id })))
  }
  await audit(tx, actor, e.id, 'engagement.check_ins_planned', { dates })
}
