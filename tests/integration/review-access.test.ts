import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '#db/client.server.ts'
import {
  auditLog,
  memberships,
  notifications,
  panelMembers,
  reviewAssignments,
  reviewScores,
  rubricCriteria,
} from '#db/schema/index.ts'
import * as assignmentRoute from '#app/routes/reviews.$assignmentId.tsx'
import * as boardRoute from '#app/routes/orgs.$slug.programs.$programSlug.review.tsx'
import * as programRoute from '#app/routes/orgs.$slug.programs.$programSlug._index.tsx'
import * as invitationRoute from '#app/routes/panel-invitations.$token.tsx'
import * as rootRoute from '#app/root.tsx'
import { REDACTED } from '#app/domain/review/blind-review.ts'
import { invitePanelMember } from '#app/services/review/panel.server.ts'
import { assignReviewers } from '#app/services/review/assignments.server.ts'
import {
  cookieFor,
  createApplicationRow,
  createOpenProgram,
  createUser,
} from '#tests/support/factories.ts'
import { withTestDatabase } from '#tests/support/database.ts'
import { call, makeRequest } from '#tests/support/routes.ts'

withTestDatabase()

async function reviewSetup(overrides: { blindReview?: boolean } = {}) {
  const s = await createOpenProgram({
    status: 'in_review',
    reviewersPerApplication: 1,
    ...overrides,
  })
  const reviewer = await createUser()
  await db()
    .insert(panelMembers)
    .values({ programId: s.program.id, userId: reviewer.id, kind: 'community' })
  const application = await createApplicationRow(s.program.id, { contactEmail: 'lead@group.test' })
  const actor = { id: s.owner.id, ip: null, organizationId: s.org.id }
  await assignReviewers(actor, s.program)
  const [assignment] = await db()
    .select()
    .from(reviewAssignments)
    .where(eq(reviewAssignments.applicationId, application.id))
  const criteria = await db()
    .select()
    .from(rubricCriteria)
    .where(eq(rubricCriteria.programId, s.program.id))
    .orderBy(rubricCriteria.position)
  return { ...s, reviewer, application, assignment: assignment!, criteria }
}

const page = (id: string) => `/reviews/${id}`

async function post(cookie: string, id: string, form: Record<string, string>) {
  return call(assignmentRoute.action, makeRequest(page(id), { cookie, form }), {
    assignmentId: id,
  })
}

describe('a reviewer and their assignment', () => {
  it('only its reviewer can open it; anyone else, the funder owner included, gets 404', async () => {
    const s = await reviewSetup()
    const other = await createUser()
    await db()
      .insert(panelMembers)
      .values({ programId: s.program.id, userId: other.id, kind: 'community' })
    for (const userId of [other.id, s.owner.id]) {
      const outcome = await call(
        assignmentRoute.loader,
        makeRequest(page(s.assignment.id), { cookie: await cookieFor(userId) }),
        { assignmentId: s.assignment.id },
      )
      expect(outcome.status).toBe(404)
      const posted = await post(await cookieFor(userId), s.assignment.id, { declaration: 'none' })
      expect(posted.status).toBe(404)
    }
    const own = await call(
      assignmentRoute.loader,
      makeRequest(page(s.assignment.id), { cookie: await cookieFor(s.reviewer.id) }),
      { assignmentId: s.assignment.id },
    )
    expect(own.status).toBe(200)
  })

  it('shows nothing of the application before the gate, and refuses scores before declaring', async () => {
    const s = await reviewSetup()
    const cookie = await cookieFor(s.reviewer.id)
    const before = await call(
      assignmentRoute.loader,
      makeRequest(page(s.assignment.id), { cookie }),
      {
        assignmentId: s.assignment.id,
      },
    )
    expect(before.data).toMatchObject({ review: null, state: 'assigned' })
    expect(JSON.stringify(before.data)).not.toContain(s.application.title)

    const scored = await post(cookie, s.assignment.id, {
      intent: 'save',
      [`level-${s.criteria[0]!.id}`]: '3',
    })
    expect(scored.status).toBe(409)
    expect(await db().select().from(reviewScores)).toHaveLength(0)
  })

  it('declares no conflict, saves partial work, refuses a level off the scale, submits when complete', async () => {
    const s = await reviewSetup()
    const cookie = await cookieFor(s.reviewer.id)
    const [first, second] = s.criteria
    expect((await post(cookie, s.assignment.id, { declaration: 'none' })).status).toBe(302)

    const off = await post(cookie, s.assignment.id, {
      intent: 'save',
      [`level-${first!.id}`]: String(first!.maxScore + 1),
    })
    expect(off.status).toBe(400)
    expect(await db().select().from(reviewScores)).toHaveLength(0)

    const partial = await post(cookie, s.assignment.id, {
      intent: 'save',
      [`level-${first!.id}`]: '4',
      [`comment-${first!.id}`]: 'Led by residents.',
    })
    expect(partial.status).toBe(302)
    const early = await post(cookie, s.assignment.id, {
      intent: 'submit',
      [`level-${first!.id}`]: '4',
    })
    expect(early.status).toBe(400)
    expect(early.data).toMatchObject({
      errors: { [`level-${second!.id}`]: 'review:score.required' },
    })

    const done = await post(cookie, s.assignment.id, {
      intent: 'submit',
      [`level-${first!.id}`]: '4',
      [`level-${second!.id}`]: '2',
      overallComment: 'Strong.',
    })
    expect(done.status).toBe(302)
    const [row] = await db()
      .select()
      .from(reviewAssignments)
      .where(eq(reviewAssignments.id, s.assignment.id))
    expect(row).toMatchObject({ state: 'submitted', overallComment: 'Strong.' })
    expect(
      await db().select().from(auditLog).where(eq(auditLog.action, 'review.submitted')),
    ).toHaveLength(1)

    // Submitted: no more changes until the officer reopens it (audited).
    expect((await post(cookie, s.assignment.id, { intent: 'save' })).status).toBe(409)
    const officer = await cookieFor(s.owner.id)
    const params = { slug: s.org.slug, programSlug: s.program.slug }
    const board = await call(
      boardRoute.loader,
      makeRequest(`/orgs/${s.org.slug}/programs/${s.program.slug}/review`, { cookie: officer }),
      params,
    )
    // The ranking's score, levels placed from the scale's lowest (0) to its highest (100):
    // 0.6 × (4 − 1)/4 × 100 + 0.4 × (2 − 1)/4 × 100 = 45 + 10 = 55.
    expect((board.data as { applications: { mean: number }[] }).applications[0]?.mean).toBeCloseTo(
      55,
    )
    const reopened = await call(
      boardRoute.action,
      makeRequest(`/orgs/${s.org.slug}/programs/${s.program.slug}/review`, {
        cookie: officer,
        form: { intent: 'reopen', assignmentId: s.assignment.id },
      }),
      params,
    )
    expect(reopened.status).toBe(302)
    expect(
      await db().select().from(auditLog).where(eq(auditLog.action, 'review.reopened')),
    ).toHaveLength(1)
  })

  it('a conflict takes the reviewer off, is audited and tells the officer, who gets a replacement', async () => {
    const s = await reviewSetup()
    const spare = await createUser()
    await db()
      .insert(panelMembers)
      .values({ programId: s.program.id, userId: spare.id, kind: 'community' })
    const cookie = await cookieFor(s.reviewer.id)
    const noReason = await post(cookie, s.assignment.id, { declaration: 'conflict', reason: '' })
    expect(noReason.status).toBe(400)
    const declared = await post(cookie, s.assignment.id, {
      declaration: 'conflict',
      reason: 'I sit on their board.',
    })
    expect(declared).toMatchObject({ status: 302, location: '/reviews' })
    expect(
      await db().select().from(auditLog).where(eq(auditLog.action, 'review.conflict_declared')),
    ).toHaveLength(1)
    const told = await db()
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, s.owner.id), eq(notifications.kind, 'review-conflict')))
    expect(told).toHaveLength(1)
    const board = await call(
      boardRoute.loader,
      makeRequest(`/orgs/${s.org.slug}/programs/${s.program.slug}/review`, {
        cookie: await cookieFor(s.owner.id),
      }),
      { slug: s.org.slug, programSlug: s.program.slug },
    )
    expect(
      (board.data as { replacements: Record<string, { userId: string }> }).replacements,
    ).toEqual({
      [s.application.id]: expect.objectContaining({ userId: spare.id }),
    })
  })

  it('blind review leaves out the group, its people, emails and website', async () => {
    const s = await reviewSetup({ blindReview: true })
    const cookie = await cookieFor(s.reviewer.id)
    await post(cookie, s.assignment.id, { declaration: 'none' })
    const outcome = await call(
      assignmentRoute.loader,
      makeRequest(page(s.assignment.id), { cookie }),
      { assignmentId: s.assignment.id },
    )
    const text = JSON.stringify(outcome.data)
    // The factory's title names the group ("Application of Org …"): that mention is taken out.
    expect(text).toContain(`Application of ${REDACTED}`)
    expect(text).not.toContain(s.application.title)
    expect(text).not.toContain('lead@group.test')
    expect(
      (outcome.data as { review: { application: { identity: unknown } } }).review.application
        .identity,
    ).toBeNull()
    expect((outcome.data as { title: string }).title).toContain(s.assignment.id.slice(0, 8))
  })
})

describe('community reviewers', () => {
  it('join one program by link and cannot open the funder pages or another program', async () => {
    const s = await createOpenProgram({ status: 'in_review' })
    const person = await createUser()
    const result = await invitePanelMember(
      { id: s.owner.id, ip: null, organizationId: s.org.id },
      s.program,
      s.org,
      person.email.toUpperCase(),
    )
    if (!result.ok) throw new Error('invite failed')
    const cookie = await cookieFor(person.id)
    const accepted = await call(
      invitationRoute.action,
      makeRequest(`/panel-invitations/${result.token}`, { cookie, form: {} }),
      { token: result.token },
    )
    expect(accepted).toMatchObject({ status: 302, location: '/reviews' })
    const seats = await db().select().from(panelMembers).where(eq(panelMembers.userId, person.id))
    expect(seats).toMatchObject([{ programId: s.program.id, kind: 'community' }])
    expect(
      await db().select().from(memberships).where(eq(memberships.userId, person.id)),
    ).toHaveLength(0)

    const other = await createOpenProgram({ status: 'in_review' }, { owner: s.owner, org: s.org })
    for (const programSlug of [s.program.slug, other.program.slug]) {
      for (const route of [programRoute, boardRoute]) {
        const outcome = await call(
          route.loader,
          makeRequest(`/orgs/${s.org.slug}/programs/${programSlug}`, { cookie }),
          { slug: s.org.slug, programSlug },
        )
        expect(outcome.status).toBe(404)
      }
    }
    // The link is used up.
    const again = await call(
      invitationRoute.action,
      makeRequest(`/panel-invitations/${result.token}`, { cookie, form: {} }),
      { token: result.token },
    )
    expect(again.status).toBe(410)
  })

  it('an invitation is accepted only by the invited address', async () => {
    const s = await createOpenProgram({ status: 'in_review' })
    const result = await invitePanelMember(
      { id: s.owner.id, ip: null, organizationId: s.org.id },
      s.program,
      s.org,
      'someone-else@example.test',
    )
    if (!result.ok) throw new Error('invite failed')
    const stranger = await createUser()
    const outcome = await call(
      invitationRoute.action,
      makeRequest(`/panel-invitations/${result.token}`, {
        cookie: await cookieFor(stranger.id),
        form: {},
      }),
      { token: result.token },
    )
    expect(outcome.status).toBe(403)
    expect(
      await db().select().from(panelMembers).where(eq(panelMembers.programId, s.program.id)),
    ).toHaveLength(0)
  })
})

describe('the header’s "Reviews" link', () => {
  const reviewerFlag = async (cookie?: string) => {
    const root = await call(rootRoute.loader, makeRequest('/', cookie ? { cookie } : {}))
    return (root.data as { reviewer: boolean }).reviewer
  }

  it('shows to whoever sits on a panel, and to nobody else', async () => {
    const s = await createOpenProgram({ status: 'in_review' })
    const [community, staff, stranger] = await Promise.all([
      createUser(),
      createUser(),
      createUser(),
    ])
    expect(await reviewerFlag(await cookieFor(community.id))).toBe(false)
    await db()
      .insert(panelMembers)
      .values([
        { programId: s.program.id, userId: community.id, kind: 'community' },
        { programId: s.program.id, userId: staff.id, kind: 'staff' },
      ])
    expect(await reviewerFlag(await cookieFor(community.id))).toBe(true)
    expect(await reviewerFlag(await cookieFor(staff.id))).toBe(true)
    // The funder's owner runs the program but does not sit on its panel.
    expect(await reviewerFlag(await cookieFor(s.owner.id))).toBe(false)
    expect(await reviewerFlag(await cookieFor(stranger.id))).toBe(false)
    expect(await reviewerFlag()).toBe(false)
  })
})
