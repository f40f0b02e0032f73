import { and, eq, sql } from 'drizzle-orm'
import { db } from '#db/client.server.ts'
import { volunteerEngagements, volunteerHours } from '#db/schema/index.ts'
import { MAX_MINUTES_PER_DAY } from '#app/domain/engagements/engagement-status.ts'
import { fail, type Actor, type Result } from '#app/domain/result.ts'
import { audit, loadEngagement, refusal, sidesOf, tell } from './engagements.server.ts'

/**
 * The volunteer logs time on active work. Over a day's 24 hours, summed over every engagement of
 * theirs for that date, is refused: the same person cannot have worked it.
 */
export function logHours(
  actor: Actor,
  engagementId: string,
  values: { workedOn: string; minutes: number; note: string },
): Promise<Result<{ id: string }>> {
  return db().transaction(async (tx) => {
    const e = await loadEngagement(engagementId, tx)
    if (!e) return refusal('engagements:refusals.noSuchEngagement', 404)
    if (e.volunteerUserId !== actor.id)
      return refusal('engagements:refusals.onlyVolunteerLogs', 403)
    if (e.status !== 'active') return refusal('engagements:refusals.notActive', 409)
    if (!Number.isInteger(values.minutes) || values.minutes <= 0) {
      return fail({
        reason: 'hours',
        message: 'engagements:refusals.hoursPositive',
        fieldErrors: { hours: 'engagements:refusals.hoursPositive' },
      })
    }
    // Serialise a volunteer's logs so two at once cannot both pass the day's sum.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${e.profileId}))`)
    const [day] = await tx
      .select({ minutes: sql<number>`coalesce(sum(${volunteerHours.minutes}), 0)::int` })
      .from(volunteerHours)
      .innerJoin(volunteerEngagements, eq(volunteerEngagements.id, volunteerHours.engagementId))
      .where(
        and(
          eq(volunteerEngagements.profileId, e.profileId),
          eq(volunteerHours.workedOn, values.workedOn),
        ),
      )
    if ((day?.minutes ?? 0) + values.minutes > MAX_MINUTES_PER_DAY) {
      return fail({
        reason: 'hours',
        message: 'engagements:refusals.overADay',
        fieldErrors: { hours: 'engagements:refusals.overADay' },
      })
    }
    const [row] = await tx
      .insert(volunteerHours)
      .values({ engagementId: e.id, ...values, loggedByUserId: actor.id })
      .returning({ id: volunteerHours.id })
    if (!row) throw new Error('hours not saved')
    await audit(tx, actor, e.id, 'engagement.hours_logged', { minutes: values.minutes })
    return { ok: true as const, id: row.id }
  })
}

/**
 * A member of the group verifies a log or questions it (saying what is unclear). The volunteer
 * never verifies their own hours, even when they are also a member of the group.
 */
export function reviewHours(
  actor: Actor,
  hoursId: string,
  answer: 'verify' | 'question',
  note: string,
): Promise<Result> {
  return db().transaction(async (tx) => {
    const [log] = /^[0-9a-f-]{36}$/i.test(hoursId)
      ? await tx.select().from(volunteerHours).where(eq(volunteerHours.id, hoursId))
      : []
    const e = log ? await loadEngagement(log.engagementId, tx) : null
    if (!log || !e) return refusal('engagements:refusals.noSuchHours', 404)
    const sides = await sidesOf(tx, actor.id, e)
    if (sides.volunteer || log.loggedByUserId === actor.id)
      return refusal('engagements:refusals.ownHours', 403)
    if (!sides.group) return refusal('engagements:refusals.notGroupMember', 403)
    const [row] = await tx
      .update(volunteerHours)
      .set(
        answer === 'verify'
          ? { status: 'verified', verifiedByUserId: actor.id, questionNote: null }
          : { status: 'questioned', questionNote: note, verifiedByUserId: null },
      )
      .where(and(eq(volunteerHours.id, log.id), sql`${volunteerHours.status} <> 'verified'`))
      .returning({ id: volunteerHours.id, updatedAt: volunteerHours.updatedAt })
    if (!row) return refusal('engagements:refusals.alreadyVerified', 409)
    await audit(
      tx,
      actor,
      e.id,
      answer === 'verify' ? 'engagement.hours_verified' : 'engagement.hours_questioned',
      { hoursId: log.id },
    )
    // The volunteer hears of each: a log is verified once, but may be questioned more than once.
    if (answer === 'verify') {
      await tell(tx, 'engagement-hours-verified', e, 'volunteer', actor, `${log.id}:verified`, {
        workedOn: log.workedOn,
      })
    } else {
      await tell(
        tx,
        'engagement-hours-questioned',
        e,
        'volunteer',
        actor,
        `${log.id}:questioned:${row.updatedAt.getTime()}`,
        { workedOn: log.workedOn, question: note },
      )
    }
    return { ok: true as const }
  })
}
