import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '#db/client.server.ts'
import { notifications, panelMembers, reviewAssignments } from '#db/schema/index.ts'
import * as queueRoute from '#app/routes/reviews._index.tsx'
import {
  remindLateReviewers,
  sendLateReviewReminders,
} from '#app/services/review/progress.server.ts'
import {
  cookieFor,
  createApplicationRow,
  createOpenProgram,
  createUser,
} from '#tests/support/factories.ts'
import { withTestDatabase } from '#tests/support/database.ts'
import { call, makeRequest } from '#tests/support/routes.ts'

withTestDatabase()

const HOUR = 3_600_000

async function programWithLateWork(reviewsDueAt: Date) {
  const s = await createOpenProgram({
    status: 'in_review',
    closesAt: new Date(reviewsDueAt.getTime() - 10 * 24 * HOUR),
    reviewsDueAt,
  })
  const reviewer = await createUser()
  await db()
    .insert(panelMembers)
    .values({ programId: s.program.id, userId: reviewer.id, kind: 'community' })
  const application = await createApplicationRow(s.program.id)
  await db().insert(reviewAssignments).values({
    programId: s.program.id,
    applicationId: application.id,
    reviewerUserId: reviewer.id,
  })
  return { ...s, reviewer }
}

const remindersOf = async (userId: string) =>
  db()
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.kind, 'review-reminder')))

describe('the reviews-due deadline', () => {
  it('nobody is late before it: the manual reminder is refused and the daily job tells nobody', async () => {
    const due = new Date(Date.now() + 48 * HOUR)
    const s = await programWithLateWork(due)
    const actor = { id: s.owner.id, ip: null, organizationId: s.org.id }
    const early = await remindLateReviewers(actor, s.program)
    expect(early.ok).toBe(false)
    expect(!early.ok && early.message).toBe('review:refusals.notDueYet')
    await sendLateReviewReminders(new Date(due.getTime() - HOUR))
    expect(await remindersOf(s.reviewer.id)).toHaveLength(0)

    // Past it, the officer's reminder goes out.
    const late = await remindLateReviewers(actor, s.program, new Date(due.getTime() + HOUR))
    expect(late.ok && late.reminded).toBe(1)
  })

  it('past it, the job reminds each late reviewer at most once a day', async () => {
    const due = new Date(Date.UTC(2030, 0, 10, 12))
    const s = await programWithLateWork(due)
    await sendLateReviewReminders(new Date(due.getTime() + HOUR))
    expect(await remindersOf(s.reviewer.id)).toHaveLength(1)
    // Later the same day (UTC), and on several processes: nothing more.
    await sendLateReviewReminders(new Date(due.getTime() + 5 * HOUR))
    await sendLateReviewReminders(new Date(due.getTime() + 5 * HOUR))
    expect(await remindersOf(s.reviewer.id)).toHaveLength(1)
    // The next day, again.
    await sendLateReviewReminders(new Date(due.getTime() + 24 * HOUR))
    expect(await remindersOf(s.reviewer.id)).toHaveLength(2)
    // Submitted work is not late.
    await db()
      .update(reviewAssignments)
      .set({ state: 'submitted', declaredAt: new Date(), submittedAt: new Date() })
      .where(eq(reviewAssignments.reviewerUserId, s.reviewer.id))
    await sendLateReviewReminders(new Date(due.getTime() + 48 * HOUR))
    expect(await remindersOf(s.reviewer.id)).toHaveLength(2)
  })

  it("the reviewer's queue shows when reviews are due", async () => {
    const due = new Date(Date.now() + 72 * HOUR)
    const s = await programWithLateWork(due)
    const queue = await call(
      queueRoute.loader,
      makeRequest('/reviews', { cookie: await cookieFor(s.reviewer.id) }),
    )
    const [row] = (queue.data as { assignments: { due: { at: string } | null }[] }).assignments
    expect(row?.due?.at).toBe(due.toISOString())
  })
})
