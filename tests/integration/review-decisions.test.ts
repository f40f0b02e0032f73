import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '#db/client.server.ts'
import {
  applicationDecisions,
  applicationEvents,
  applications,
  auditLog,
  consensusScores,
  grants,
  memberships,
  notifications,
  panelMembers,
  reviewAssignments,
  rubricCriteria,
} from '#db/schema/index.ts'
import { commentId } from '#app/domain/review/decisions.ts'
import * as decisionRoute from '#app/routes/orgs.$slug.programs.$programSlug.applications_.$applicationId.decision.tsx'
import * as decisionsRoute from '#app/routes/orgs.$slug.programs.$programSlug.decisions.tsx'
import * as groupPage from '#app/routes/applications.$id._index.tsx'
import { assignManually, assignReviewers } from '#app/services/review/assignments.server.ts'
import { applicationScoreSheet, recordConsensus } from '#app/services/review/consensus.server.ts'
import { programProgress } from '#app/services/review/progress.server.ts'
import {
  awardApplication,
  awardProposal,
  declineApplication,
  decisionForGroup,
} from '#app/services/review/decisions.server.ts'
import { programRanking } from '#app/services/review/ranking.server.ts'
import { reopenReview } from '#app/services/review/reviewing.server.ts'
import {
  addUserToOrg,
  cookieFor,
  createApplicationRow,
  createOpenProgram,
  createUser,
} from '#tests/support/factories.ts'
import { raceTest, withTestDatabase } from '#tests/support/database.ts'
import { call, makeRequest } from '#tests/support/routes.ts'
import { insertReview } from '#tests/support/review-rows.ts'

withTestDatabase()

/** The grant's term an officer chooses on the award form. */
const TERM = { startsOn: '2027-02-01', endsOn: '2028-01-31' }

/*
 * A program in review: budget $100,000, awards from $5,000. Rubric (factories): two criteria
 * weighted 60 and 40 on 1–5. Three applications asking $20,000 each, reviewed by a staff
 * reviewer and a community reviewer (counting half):
 *
 *              A            B            C
 *   staff      (5,5) → 100  (3,3) → 50   (1,1) → 0
 *   community  (4,2) → 55   (3,1) → 30   (2,2) → 25   (55 is 0.6 × 75 + 0.4 × 25)
 *
 * Weighted means: A (100 + ½·55) / 1.5 = 85; B (50 + ½·30) / 1.5 = 43.33; C 8.33.
 */
async function program(overrides: Parameters<typeof createOpenProgram>[0] = {}) {
  const s = await createOpenProgram({
    status: 'in_review',
    communityReviewerWeight: 500,
    ...overrides,
  })
  const criteria = await db()
    .select()
    .from(rubricCriteria)
    .where(eq(rubricCriteria.programId, s.program.id))
    .orderBy(rubricCriteria.position)
  const staff = await addUserToOrg(s, 'reviewer')
  const community = await createUser()
  await db()
    .insert(panelMembers)
    .values([
      { programId: s.program.id, userId: staff.id, kind: 'staff' },
      { programId: s.program.id, userId: community.id, kind: 'community' },
    ])
  const apply = (title: string) =>
    createApplicationRow(s.program.id, {
      title,
      status: 'in_review',
      amountRequestedMinor: 2_000_000,
    })
  const [a, b, c] = [await apply('Alpha'), await apply('Beta'), await apply('Gamma')]
  const review = (
    reviewerId: string,
    applicationId: string,
    levels: [number, number],
    comments: [string, string, string] = ['', '', ''],
  ) =>
    insertReview(s.program.id, criteria, {
      reviewerId,
      applicationId,
      levels,
      comments: comments.slice(0, 2),
      overallComment: comments[2],
    })
  const reviews = {
    aStaff: await review(staff.id, a.id, [5, 5]),
    aCommunity: await review(community.id, a.id, [4, 2]),
    bStaff: await review(staff.id, b.id, [3, 3], ['Strong local roots.', '', 'Budget too thin.']),
    bCommunity: await review(community.id, b.id, [3, 1], ['', 'Plan unclear.', '']),
    cStaff: await review(staff.id, c.id, [1, 1]),
    cCommunity: await review(community.id, c.id, [2, 2]),
  }
  const actor = { id: s.owner.id, ip: '127.0.0.1', organizationId: s.org.id }
  const groupOwner = async (applicationId: string) => {
    const [app] = await db().select().from(applications).where(eq(applications.id, applicationId))
    const [m] = await db()
      .select()
      .from(memberships)
      .where(eq(memberships.organizationId, app!.organizationId))
    return m!.userId
  }
  return { ...s, criteria, staff, community, a, b, c, reviews, actor, groupOwner }
}

const statusOf = async (id: string) =>
  (await db().select().from(applications).where(eq(applications.id, id)))[0]!.status
const decisionsOf = (programId: string) =>
  db().select().from(applicationDecisions).where(eq(applicationDecisions.programId, programId))

describe('awarding', () => {
  it('awards in one transaction: the decision, the status, the history, the audit row and the notice', async () => {
    const s = await program()
    const result = await awardApplication(s.actor, s.program, {
      applicationId: s.a.id,
      amountMinor: 1_500_000,
    })
    expect(result).toMatchObject({ ok: true, amountMinor: 1_500_000 })
    expect(await statusOf(s.a.id)).toBe('awarded')
    const [decision] = await decisionsOf(s.program.id)
    expect(decision).toMatchObject({
      outcome: 'award',
      amountMinor: 1_500_000,
      decidedByUserId: s.owner.id,
    })
    const history = await db()
      .select()
      .from(applicationEvents)
      .where(eq(applicationEvents.applicationId, s.a.id))
    expect(history.at(-1)).toMatchObject({ fromStatus: 'in_review', toStatus: 'awarded' })
    const [audit] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'application.awarded'), eq(auditLog.entityId, s.a.id)))
    expect(audit?.details).toMatchObject({
      amountMinor: 1_500_000,
      from: 'in_review',
      to: 'awarded',
    })
    const told = await db()
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.userId, await s.groupOwner(s.a.id)),
          eq(notifications.kind, 'application-decided'),
        ),
      )
    expect(told).toHaveLength(1)
    expect(told[0]!.data).toMatchObject({ outcome: 'award', applicationId: s.a.id })
    // The award became a grant in the same transaction, and the group's outcome links to it.
    const [grant] = await db().select().from(grants).where(eq(grants.applicationId, s.a.id))
    expect(grant).toMatchObject({ amountMinor: 1_500_000, programId: s.program.id })
    expect(result.ok && result.grantId).toBe(grant!.id)
    expect(await decisionForGroup(s.a.id, s.program)).toMatchObject({
      outcome: 'award',
      amountMinor: 1_500_000,
      grantId: grant!.id,
    })
  })

  it('refuses each bad award with a clear message and changes nothing', async () => {
    const s = await program({ budgetMinor: 3_000_000 })
    const other = await createOpenProgram({ status: 'in_review' })
    const foreign = await createApplicationRow(other.program.id, {
      amountRequestedMinor: 2_000_000,
    })
    const draft = await createApplicationRow(s.program.id, {
      status: 'draft',
      amountRequestedMinor: 2_000_000,
    })
    const withdrawn = await createApplicationRow(s.program.id, {
      status: 'withdrawn',
      amountRequestedMinor: 2_000_000,
    })
    expect(
      (
        await awardApplication(s.actor, s.program, {
          applicationId: s.a.id,
          amountMinor: 2_000_000,
        })
      ).ok,
    ).toBe(true)
    const refusals: [string, number, object][] = [
      // Deciding twice.
      [s.a.id, 1_000_000, { message: 'decisions:refusals.alreadyDecided', status: 409 }],
      // More than requested.
      [s.b.id, 2_000_001, { fieldErrors: { amount: 'decisions:refusals.moreThanRequested' } }],
      // Less than the program's minimum award ($5,000).
      [s.b.id, 499_999, { fieldErrors: { amount: 'decisions:refusals.belowMinimum' } }],
      // More than the $10,000 still unawarded of the $30,000 budget.
      [s.b.id, 1_000_001, { fieldErrors: { amount: 'decisions:refusals.overBudget' } }],
      [draft.id, 1_000_000, { message: 'decisions:refusals.notDecidable', status: 409 }],
      [withdrawn.id, 1_000_000, { message: 'decisions:refusals.notDecidable', status: 409 }],
      [foreign.id, 1_000_000, { message: 'decisions:refusals.noSuchApplication', status: 404 }],
    ]
    for (const [applicationId, amountMinor, failure] of refusals) {
      const result = await awardApplication(s.actor, s.program, { applicationId, amountMinor })
      expect(result, `${applicationId} ${amountMinor}`).toMatchObject({ ok: false, ...failure })
    }
    expect(await decisionsOf(s.program.id)).toHaveLength(1)
    expect(await decisionsOf(other.program.id)).toHaveLength(0)
    expect(await statusOf(s.b.id)).toBe('in_review')
    expect(await statusOf(draft.id)).toBe('draft')
    expect(await statusOf(withdrawn.id)).toBe('withdrawn')
    expect(await statusOf(foreign.id)).toBe('submitted')
    // Exactly what remains is allowed.
    expect(
      (
        await awardApplication(s.actor, s.program, {
          applicationId: s.b.id,
          amountMinor: 1_000_000,
        })
      ).ok,
    ).toBe(true)
    // Declining a decided one is refused too.
    const again = await declineApplication(s.actor, s.program, {
      applicationId: s.a.id,
      feedback: 'No.',
      sharedCommentIds: [],
    })
    expect(again).toMatchObject({ ok: false, message: 'decisions:refusals.alreadyDecided' })
  })

  it('awards a proposal all at once, or nothing when one award is refused', async () => {
    const s = await program({ budgetMinor: 5_000_000 })
    const refused = await awardProposal(s.actor, s.program, [
      { applicationId: s.a.id, amountMinor: 2_000_000 },
      { applicationId: s.b.id, amountMinor: 2_000_000 },
      // Over what the first two leave ($10,000).
      { applicationId: s.c.id, amountMinor: 1_500_000 },
    ])
    expect(refused).toMatchObject({
      ok: false,
      message: 'decisions:refusals.overBudget',
      reason: s.c.id,
    })
    expect(await decisionsOf(s.program.id)).toHaveLength(0)
    expect(await statusOf(s.a.id)).toBe('in_review')
    expect(await db().select().from(grants).where(eq(grants.programId, s.program.id))).toHaveLength(
      0,
    )
    const done = await awardProposal(s.actor, s.program, [
      { applicationId: s.a.id, amountMinor: 2_000_000 },
      { applicationId: s.b.id, amountMinor: 2_000_000 },
      { applicationId: s.c.id, amountMinor: 1_000_000 },
    ])
    expect(done).toEqual({ ok: true, awarded: 3, totalMinor: 5_000_000 })
    expect(await statusOf(s.c.id)).toBe('awarded')
    expect(await db().select().from(grants).where(eq(grants.programId, s.program.id))).toHaveLength(
      3,
    )
  })

  raceTest('two officers awarding the same application at once: exactly one wins', async () => {
    const s = await program()
    const results = await Promise.all(
      [1_000_000, 1_200_000].map((amountMinor) =>
        awardApplication(s.actor, s.program, { applicationId: s.a.id, amountMinor }),
      ),
    )
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.find((r) => !r.ok)).toMatchObject({
      message: 'decisions:refusals.alreadyDecided',
    })
    expect(await decisionsOf(s.program.id)).toHaveLength(1)
  })

  raceTest('two awards at once that together exceed the budget: only one is made', async () => {
    const s = await program({ budgetMinor: 3_000_000 })
    const results = await Promise.all(
      [s.a.id, s.b.id].map((applicationId) =>
        awardApplication(s.actor, s.program, { applicationId, amountMinor: 2_000_000 }),
      ),
    )
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.find((r) => !r.ok)).toMatchObject({
      fieldErrors: { amount: 'decisions:refusals.overBudget' },
    })
    const made = await decisionsOf(s.program.id)
    expect(made.reduce((n, d) => n + (d.amountMinor ?? 0), 0)).toBe(2_000_000)
  })
})

describe('declining with feedback the group can use', () => {
  it('needs feedback, shares only chosen comments of this application, and shows the group its scores beside the funded average', async () => {
    const s = await program()
    const shared = [
      commentId(s.reviews.bStaff.id, s.criteria[0]!.id),
      commentId(s.reviews.bStaff.id, null),
    ]
    expect(
      await declineApplication(s.actor, s.program, {
        applicationId: s.b.id,
        feedback: '  ',
        sharedCommentIds: shared,
      }),
    ).toMatchObject({ ok: false, fieldErrors: { feedback: 'decisions:decision.feedbackRequired' } })
    // A comment on another application (or made up) is refused.
    for (const bad of [commentId(s.reviews.aStaff.id, s.criteria[0]!.id), 'not-a-comment']) {
      expect(
        await declineApplication(s.actor, s.program, {
          applicationId: s.b.id,
          feedback: 'Thank you.',
          sharedCommentIds: [bad],
        }),
      ).toMatchObject({ ok: false, message: 'decisions:refusals.noSuchComment' })
    }
    expect(await decisionsOf(s.program.id)).toHaveLength(0)
    // Nothing of the review shows before the decision.
    expect(await decisionForGroup(s.b.id, s.program)).toBeNull()

    expect(
      (
        await awardApplication(s.actor, s.program, {
          applicationId: s.a.id,
          amountMinor: 2_000_000,
        })
      ).ok,
    ).toBe(true)
    const declined = await declineApplication(s.actor, s.program, {
      applicationId: s.b.id,
      feedback: 'Show how the budget reaches the families.',
      sharedCommentIds: shared,
    })
    expect(declined.ok).toBe(true)
    expect(await statusOf(s.b.id)).toBe('declined')

    const outcome = (await decisionForGroup(s.b.id, s.program))!
    expect(outcome).toMatchObject({
      outcome: 'decline',
      feedback: 'Show how the budget reaches the families.',
    })
    expect(outcome.sharedComments.map((c) => c.body)).toEqual([
      'Strong local roots.',
      'Budget too thin.',
    ])
    // B on criterion 1: staff 3 → 50, community 3 → 50: 50. Funded A: (100 + ½·75) / 1.5 = 91.67.
    // Criterion 2: B (50 + ½·0) / 1.5 = 33.33; A (100 + ½·25) / 1.5 = 75.
    expect(outcome.criteria[0]!.own).toBeCloseTo(50, 9)
    expect(outcome.criteria[0]!.funded).toBeCloseTo(275 / 3, 9)
    expect(outcome.criteria[1]!.own).toBeCloseTo(100 / 3, 9)
    expect(outcome.criteria[1]!.funded).toBeCloseTo(75, 9)
    expect(JSON.stringify(outcome)).not.toContain(s.staff.name)
  })
})

describe('the panel consensus', () => {
  it('waits for every review, needs a reason to override, keeps the original, and the ranking uses it', async () => {
    const s = await program()
    // An unsubmitted review keeps the scores open.
    const late = await createUser()
    await db()
      .insert(panelMembers)
      .values({ programId: s.program.id, userId: late.id, kind: 'staff' })
    const [open] = await db()
      .insert(reviewAssignments)
      .values({ programId: s.program.id, applicationId: s.c.id, reviewerUserId: late.id })
      .returning()
    expect(
      await recordConsensus(s.actor, s.program, {
        applicationId: s.c.id,
        override: null,
        reason: '',
      }),
    ).toMatchObject({ ok: false, message: 'decisions:refusals.reviewsNotIn' })
    await db().delete(reviewAssignments).where(eq(reviewAssignments.id, open!.id))

    expect(
      await recordConsensus(s.actor, s.program, {
        applicationId: s.b.id,
        override: 70,
        reason: '',
      }),
    ).toMatchObject({ ok: false, fieldErrors: { reason: 'decisions:consensus.reasonRequired' } })
    expect(await db().select().from(consensusScores)).toHaveLength(0)

    const recorded = await recordConsensus(s.actor, s.program, {
      applicationId: s.b.id,
      override: 90,
      reason: 'The panel agreed the community reviewer misread the plan.',
    })
    expect(recorded).toEqual({ ok: true, consensus: 90 })
    const [row] = await db().select().from(consensusScores)
    expect(row!.original).toBeCloseTo(130 / 3, 9)
    expect(row!.override).toBe(90)
    const [audit] = await db()
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'consensus_score.recorded'))
    expect(audit?.details).toMatchObject({ override: 90 })

    const board = await programRanking(s.program)
    const b = board.lines.find((l) => l.id === s.b.id)!
    expect(b.mean).toBe(90)
    expect(b.reviewMean).toBeCloseTo(130 / 3, 9)
    expect(b.consensusOverridden).toBe(true)
    expect(board.lines.find((l) => l.id === s.a.id)!.consensusOverridden).toBe(false)

    // Locked: a review of B can no longer be reopened; one of A still can.
    expect(await reopenReview(s.actor, s.program, s.reviews.bStaff.id)).toMatchObject({
      ok: false,
      message: 'decisions:refusals.consensusRecorded',
    })
    expect((await reopenReview(s.actor, s.program, s.reviews.aStaff.id)).ok).toBe(true)
    // Once decided, the consensus stays as it was.
    await awardApplication(s.actor, s.program, { applicationId: s.b.id, amountMinor: 2_000_000 })
    expect(
      await recordConsensus(s.actor, s.program, {
        applicationId: s.b.id,
        override: null,
        reason: '',
      }),
    ).toMatchObject({ ok: false, message: 'decisions:refusals.alreadyDecided' })
  })

  it('closes the application to new reviewers once recorded, by hand or by the whole-program run', async () => {
    const s = await program({ reviewersPerApplication: 3 })
    const late = await createUser()
    await db()
      .insert(panelMembers)
      .values({ programId: s.program.id, userId: late.id, kind: 'community' })
    const recorded = await recordConsensus(s.actor, s.program, {
      applicationId: s.b.id,
      override: null,
      reason: '',
    })
    expect(recorded.ok).toBe(true)
    expect(await assignManually(s.actor, s.program, s.b.id, late.id)).toEqual({
      ok: false,
      status: 409,
      message: 'review:refusals.consensusRecorded',
    })
    // The run gives A and C (no consensus) their third reviewer, and B none.
    const run = await assignReviewers(s.actor, s.program)
    expect(run).toMatchObject({ ok: true, assigned: 2 })
    const lateOn = await db()
      .select({ applicationId: reviewAssignments.applicationId })
      .from(reviewAssignments)
      .where(eq(reviewAssignments.reviewerUserId, late.id))
    expect(lateOn.map((r) => r.applicationId).sort()).toEqual([s.a.id, s.c.id].sort())
    // B's scores stay locked under its consensus.
    const board = await programRanking(s.program)
    expect(board.lines.find((l) => l.id === s.b.id)!.reviewMean).toBeCloseTo(130 / 3, 9)
  })
})

describe('one score for an application', () => {
  it('is the same on the progress page, the ranking board and the decision page', async () => {
    const s = await program()
    // A late reviewer's half-scored review of A counts nowhere until it is complete and submitted.
    const late = await addUserToOrg(s, 'reviewer')
    await insertReview(s.program.id, s.criteria, {
      reviewerId: late.id,
      applicationId: s.a.id,
      levels: [1, null],
      state: 'in_progress',
    })
    const progress = await programProgress(s.program)
    const board = await programRanking(s.program)
    for (const app of [s.a, s.b, s.c]) {
      const onBoard = board.lines.find((l) => l.id === app.id)!.reviewMean
      const sheet = await applicationScoreSheet(s.program, app.id)
      expect(progress.applications.find((p) => p.id === app.id)!.mean).toBeCloseTo(onBoard!, 9)
      expect(sheet!.mean).toBeCloseTo(onBoard!, 9)
    }
    // The worked figures (above): level 1 is 0 points and 5 is 100 (not 20 and 100).
    expect(progress.applications.find((p) => p.id === s.a.id)!.mean).toBeCloseTo(85, 9)
    expect(progress.applications.find((p) => p.id === s.c.id)!.mean).toBeCloseTo(25 / 3, 9)
  })
})

describe('the pages', () => {
  const params = (s: Awaited<ReturnType<typeof program>>, applicationId: string) => ({
    slug: s.org.slug,
    programSlug: s.program.slug,
    applicationId,
  })
  const path = (s: Awaited<ReturnType<typeof program>>, id: string) =>
    `/orgs/${s.org.slug}/programs/${s.program.slug}/applications/${id}/decision`

  it('are the program officers’: reviewers, community reviewers, the group and strangers are refused', async () => {
    const s = await program()
    const groupMember = await s.groupOwner(s.a.id)
    const cases: [string | null, number | 'login'][] = [
      [s.owner.id, 200],
      [(await addUserToOrg(s, 'admin')).id, 200],
      [s.staff.id, 403],
      [(await addUserToOrg(s, 'member')).id, 403],
      [s.community.id, 404],
      [groupMember, 404],
      [(await createUser()).id, 404],
      [null, 'login'],
    ]
    for (const [userId, expected] of cases) {
      const cookie = userId ? await cookieFor(userId) : undefined
      for (const [handler, form] of [
        [decisionRoute.loader, undefined],
        [decisionRoute.action, { intent: 'award', amount: '20000', confirmAward: 'yes', ...TERM }],
      ] as const) {
        const outcome = await call(
          handler,
          makeRequest(path(s, s.a.id), { cookie, form }),
          params(s, s.a.id),
        )
        const answer =
          outcome.status === 302 && outcome.location?.startsWith('/login')
            ? 'login'
            : outcome.status
        // The first officer's post awards (the next is told it is decided); everyone else's
        // is refused before anything happens.
        if (expected === 200) expect([200, 302, 409]).toContain(answer)
        else expect(answer, `${userId} ${handler.name}`).toBe(expected)
      }
      const list = await call(
        decisionsRoute.loader,
        makeRequest(`/orgs/${s.org.slug}/programs/${s.program.slug}/decisions`, { cookie }),
        params(s, s.a.id),
      )
      const listAnswer =
        list.status === 302 && list.location?.startsWith('/login') ? 'login' : list.status
      expect(listAnswer).toBe(expected)
    }
    // Only the first officer's award happened.
    expect(await decisionsOf(s.program.id)).toHaveLength(1)
  })

  it('award and decline through the page, and the group reads the outcome only after it', async () => {
    const s = await program()
    const cookie = await cookieFor(s.owner.id)
    const post = (id: string, form: Record<string, string | string[]>) =>
      call(decisionRoute.action, makeRequest(path(s, id), { cookie, form }), params(s, id))
    const groupCookie = await cookieFor(await s.groupOwner(s.b.id))
    const before = await call(
      groupPage.loader,
      makeRequest(`/applications/${s.b.id}`, { cookie: groupCookie }),
      { id: s.b.id },
    )
    expect((before.data as { outcome: unknown }).outcome).toBeNull()

    const loaded = await call(
      decisionRoute.loader,
      makeRequest(path(s, s.b.id), { cookie }),
      params(s, s.b.id),
    )
    const page = loaded.data as Awaited<ReturnType<typeof decisionRoute.loader>>
    expect(page.locked).toBe(true)
    expect(page.reviews.map((r) => r.reviewer)).toContain(s.staff.name)
    expect(page.mean).toBeCloseTo(130 / 3, 9)

    // A decline without feedback keeps what was typed.
    const refused = await post(s.b.id, { intent: 'decline', feedback: '', confirmDecline: 'yes' })
    expect(refused.status).toBe(400)
    // The award form offers the default term from today; a last day before the first is refused
    // beside it, nothing awarded.
    expect(page.terms.endsOn > page.terms.startsOn).toBe(true)
    const backwards = await post(s.a.id, {
      intent: 'award',
      amount: '20,000',
      confirmAward: 'yes',
      startsOn: '2027-06-01',
      endsOn: '2027-05-31',
    })
    expect(backwards.status).toBe(400)
    expect((backwards.data as { errors: Record<string, string> }).errors.endsOn).toBe(
      'grants:errors.endBeforeStart',
    )
    expect(await decisionsOf(s.program.id)).toHaveLength(0)
    const award = await post(s.a.id, {
      intent: 'award',
      amount: '20,000',
      confirmAward: 'yes',
      ...TERM,
    })
    expect(award.status).toBe(302)
    // The grant runs on the days the officer chose.
    const [grant] = await db().select().from(grants).where(eq(grants.applicationId, s.a.id))
    expect(grant).toMatchObject({ startsOn: TERM.startsOn, endsOn: TERM.endsOn })
    const decline = await post(s.b.id, {
      intent: 'decline',
      feedback: 'Tell us more about the families you reach.',
      sharedCommentIds: [commentId(s.reviews.bCommunity.id, s.criteria[1]!.id)],
      confirmDecline: 'yes',
    })
    expect(decline.status).toBe(302)
    const after = await call(
      groupPage.loader,
      makeRequest(`/applications/${s.b.id}`, { cookie: groupCookie }),
      { id: s.b.id },
    )
    const shown = (after.data as Awaited<ReturnType<typeof groupPage.loader>>).outcome!
    expect(shown.feedback).toBe('Tell us more about the families you reach.')
    expect(shown.sharedComments.map((c) => c.body)).toEqual(['Plan unclear.'])
    expect(shown.criteria).toHaveLength(2)
    expect(JSON.stringify(shown)).not.toContain(s.community.name)
  })
})
