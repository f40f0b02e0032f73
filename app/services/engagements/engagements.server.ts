import { and, eq, inArray, sql } from 'drizzle-orm'
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core'
import { db, type Tx } from '#db/client.server.ts'
import {
  engagementCheckins,
  engagementRatings,
  memberships,
  volunteerEngagements,
  volunteerProfiles,
  volunteerRequests,
  type VolunteerEngagement,
} from '#db/schema/index.ts'
import {
  CANCELLABLE_STATUSES,
  RESPONSE_WINDOW_DAYS,
  type Proposer,
} from '#app/domain/engagements/engagement-status.ts'
import { fail, type Actor, type Result } from '#app/domain/result.ts'
import { recordAudit } from '#app/services/admin/audit.server.ts'
import { REQUEST_ROLES } from '#app/services/volunteers/requests.server.ts'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** An engagement with what deciding who may act on it needs. */
export type EngagementContext = VolunteerEngagement & {
  organizationId: string
  volunteerUserId: string
  requestTitle: string
  requestSkill: string
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
): Promise<Result> {
  return db().transaction(async (tx) => {
    const e = await loadEngagement(engagementId, tx)
    if (!e) return refusal('engagements:refusals.noSuchEngagement', 404)
    const sides = await sidesOf(tx, actor.id, e)
    if (!sides[answeringSide(e)]) return refusal('engagements:refusals.notYourAnswer', 403)
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
    return { ok: true as const }
  })
}

async function move(
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
function onEitherSide(
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

/** A check-in on an agreed date; the first one on accepted work starts it. */
export const checkIn = (
  actor: Actor,
  engagementId: string,
  values: { checkedOn: string; onTrack: boolean; note: string },
) =>
  onEitherSide(actor, engagementId, async (tx, e) => {
    if (e.status === 'accepted') {
      const started = await move(
        tx,
        actor,
        e,
        ['accepted'],
        { status: 'active', startedAt: sql`now()` },
        'engagement.started',
      )
      if (!started.ok) return started
    } else if (e.status !== 'active') {
      return refusal('engagements:refusals.notActive', 409)
    }
    await tx
      .insert(engagementCheckins)
      .values({ engagementId: e.id, ...values, byUserId: actor.id })
    return { ok: true as const }
  })

/** Active work closes with a hand-off note: what was delivered, how to keep it working. */
export const complete = (actor: Actor, engagementId: string, handoffNote: string) =>
  onEitherSide(actor, engagementId, (tx, e) =>
    move(
      tx,
      actor,
      e,
      ['active'],
      { status: 'completed', handoffNote, completedAt: sql`now()` },
      'engagement.completed',
    ),
  )

/** Either side calls off accepted or active work, saying why. */
export const cancel = (actor: Actor, engagementId: string, reason: string) =>
  onEitherSide(actor, engagementId, (tx, e) =>
    move(
      tx,
      actor,
      e,
      CANCELLABLE_STATUSES,
      { status: 'cancelled', cancelReason: reason },
      'engagement.cancelled',
    ),
  )

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
