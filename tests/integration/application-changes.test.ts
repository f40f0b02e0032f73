import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '#db/client.server.ts'
import {
  applications,
  auditLog,
  notifications,
  panelMembers,
  programs,
  reviewAssignments,
} from '#db/schema/index.ts'
import * as changesRoute from '#app/routes/applications.$id.changes.tsx'
import * as notesRoute from '#app/routes/applications.$id.notes.tsx'
import * as layoutRoute from '#app/routes/applications.$id.tsx'
import * as overviewRoute from '#app/routes/applications.$id._index.tsx'
import * as projectRoute from '#app/routes/applications.$id.project.tsx'
import * as reviewStepRoute from '#app/routes/applications.$id.review.tsx'
import * as assignmentRoute from '#app/routes/reviews.$assignmentId.tsx'
import { submitApplication } from '#app/services/applications/application-submission.server.ts'
import {
  applicationHistory,
  loadApplicationFor,
} from '#app/services/applications/applications.server.ts'
import { programApplicationCounts } from '#app/services/applications/application-stats.server.ts'
import { completeDraft, groupAndProgram } from '#tests/support/complete-draft.ts'
import { addUserToOrg, cookieFor, createUser } from '#tests/support/factories.ts'
import { withTestDatabase } from '#tests/support/database.ts'
import { call, makeRequest } from '#tests/support/routes.ts'

withTestDatabase()

/** A complete application, submitted by its group, and the people around it. */
async function submitted() {
  const s = await groupAndProgram()
  const version = await completeDraft(s.actor, s.application.id)
  const loaded = await loadApplicationFor(s.application.id, s.group.owner.id)
  const result = await submitApplication(s.actor, loaded!, version)
  if (!result.ok) throw new Error(JSON.stringify(result))
  return { ...s, id: s.application.id }
}

const statusOf = async (id: string) =>
  (await db().select().from(applications).where(eq(applications.id, id)))[0]!

async function askChanges(userId: string, id: string, message: string) {
  return call(
    changesRoute.action,
    makeRequest(`/applications/${id}/changes`, {
      cookie: await cookieFor(userId),
      form: { message },
    }),
    { id },
  )
}

async function load(route: { loader: unknown }, userId: string, id: string, path = '') {
  return call(
    route.loader as Parameters<typeof call>[0],
    makeRequest(`/applications/${id}${path}`, { cookie: await cookieFor(userId) }),
    { id },
  )
}

describe('asking the group for changes', () => {
  it('sends it back with the message, lets the group edit and resubmit, and keeps the history', async () => {
    const s = await submitted()
    const officer = s.funder.owner
    // An empty message is a field error; nothing changes.
    const empty = await askChanges(officer.id, s.id, '   ')
    expect(empty.status).toBe(400)
    expect((await statusOf(s.id)).status).toBe('submitted')

    const asked = await askChanges(officer.id, s.id, 'Please split the stipends by month.')
    expect(asked.status).toBe(302)
    const sent = await statusOf(s.id)
    expect(sent.status).toBe('changes_requested')
    // Still past draft: the first submission time is kept.
    expect(sent.submittedAt).not.toBeNull()

    // The group hears of it, and the message stands above every step.
    const told = await db()
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.userId, s.group.owner.id),
          eq(notifications.kind, 'changes-requested'),
        ),
      )
    expect(told).toHaveLength(1)
    const layout = await load(layoutRoute, s.group.owner.id, s.id, '/project')
    expect(layout.status).toBe(200)
    expect(JSON.stringify(layout.data)).toContain('Please split the stipends by month.')
    expect((layout.data as { editing: boolean }).editing).toBe(true)
    const step = await load(projectRoute, s.group.owner.id, s.id, '/project')
    expect(step.status).toBe(200)

    // Asking again while it is with the group is refused.
    const again = await askChanges(officer.id, s.id, 'And another thing.')
    expect(again.status).toBe(409)

    // The group edits a step and sends it back from the last step, deadline or not.
    await db()
      .update(programs)
      .set({ closesAt: new Date(Date.now() - 1000), opensAt: new Date(Date.now() - 86_400_000) })
      .where(eq(programs.id, s.funder.program.id))
    const cookie = await cookieFor(s.group.owner.id)
    const edited = await call(
      projectRoute.action,
      makeRequest(`/applications/${s.id}/project`, {
        cookie,
        form: {
          version: String(sent.version),
          title: 'Promotoras, month by month',
          summary: 'Community health workers visit families and connect them to clinics and food.',
          sdohDomains: 'health_care',
          intent: 'next',
        },
      }),
      { id: s.id },
    )
    expect(edited.status).toBe(302)
    const afterEdit = await statusOf(s.id)
    expect(afterEdit.title).toBe('Promotoras, month by month')
    const resubmitted = await call(
      reviewStepRoute.action,
      makeRequest(`/applications/${s.id}/review`, {
        cookie,
        form: { version: String(afterEdit.version), confirm: 'yes' },
      }),
      { id: s.id },
    )
    expect(resubmitted.status).toBe(302)
    expect((await statusOf(s.id)).status).toBe('submitted')

    // The officers hear of it; both sides read the request and the resubmission in the history.
    const back = await db()
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.userId, officer.id),
          eq(notifications.kind, 'application-resubmitted'),
        ),
      )
    expect(back).toHaveLength(1)
    const history = await applicationHistory(s.id)
    expect(history.map((h) => [h.fromStatus, h.toStatus])).toEqual([
      [null, 'draft'],
      ['draft', 'submitted'],
      ['submitted', 'changes_requested'],
      ['changes_requested', 'submitted'],
    ])
    expect(history[2]!.note).toBe('Please split the stipends by month.')
    const officerView = await load(overviewRoute, officer.id, s.id)
    expect(JSON.stringify(officerView.data)).toContain('Please split the stipends by month.')
    const audited = await db()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, s.id))
    expect(audited.map((a) => a.action)).toEqual(
      expect.arrayContaining(['application.changes_requested', 'application.resubmitted']),
    )
  })

  it('returns it into review when the program started reviewing meanwhile, and counts it apart', async () => {
    const s = await submitted()
    expect((await askChanges(s.funder.owner.id, s.id, 'Add a budget line.')).status).toBe(302)
    const counts = await programApplicationCounts(s.funder.program.id)
    expect(counts.changes_requested).toBe(1)
    expect(counts.submitted).toBe(0)
    await db()
      .update(programs)
      .set({ status: 'in_review' })
      .where(eq(programs.id, s.funder.program.id))
    const current = await statusOf(s.id)
    const loaded = await loadApplicationFor(s.id, s.group.owner.id)
    const result = await submitApplication(s.actor, loaded!, current.version)
    expect(result.ok).toBe(true)
    expect((await statusOf(s.id)).status).toBe('in_review')
  })

  it('is refused on decided and withdrawn applications, and to anyone but the officers', async () => {
    const s = await submitted()
    const member = await addUserToOrg(s.funder, 'member')
    for (const userId of [s.group.owner.id, member.id]) {
      expect((await askChanges(userId, s.id, 'Change it.')).status).toBe(403)
      expect((await load(changesRoute, userId, s.id, '/changes')).status).toBe(403)
    }
    const stranger = await createUser()
    expect((await askChanges(stranger.id, s.id, 'Change it.')).status).toBe(404)
    for (const status of ['awarded', 'declined', 'withdrawn'] as const) {
      await db().update(applications).set({ status }).where(eq(applications.id, s.id))
      const refused = await askChanges(s.funder.owner.id, s.id, 'Change it.')
      expect(refused.status).toBe(409)
      expect((await statusOf(s.id)).status).toBe(status)
    }
  })
})

describe('internal notes', () => {
  it('officers add and read them; the group, other members and reviewers never see their text', async () => {
    const s = await submitted()
    const officer = s.funder.owner
    const secret = 'Board chair knows the director personally.'
    const added = await call(
      notesRoute.action,
      makeRequest(`/applications/${s.id}/notes`, {
        cookie: await cookieFor(officer.id),
        form: { body: secret },
      }),
      { id: s.id },
    )
    expect(added.status).toBe(302)
    const empty = await call(
      notesRoute.action,
      makeRequest(`/applications/${s.id}/notes`, {
        cookie: await cookieFor(officer.id),
        form: { body: '' },
      }),
      { id: s.id },
    )
    expect(empty.status).toBe(400)
    const read = await load(notesRoute, officer.id, s.id, '/notes')
    expect(JSON.stringify(read.data)).toContain(secret)

    // The group: its pages answer, without the note; the notes page is forbidden.
    for (const route of [layoutRoute, overviewRoute]) {
      const page = await load(route, s.group.owner.id, s.id)
      expect(page.status).toBe(200)
      expect(JSON.stringify(page.data)).not.toContain(secret)
    }
    expect((await load(notesRoute, s.group.owner.id, s.id, '/notes')).status).toBe(403)
    // A funder member who is not an officer, and a staff reviewer.
    const member = await addUserToOrg(s.funder, 'member')
    expect((await load(notesRoute, member.id, s.id, '/notes')).status).toBe(403)
    const staff = await addUserToOrg(s.funder, 'reviewer')
    expect((await load(notesRoute, staff.id, s.id, '/notes')).status).toBe(404)
    // A community reviewer assigned to it, past the conflict gate, reads the application only.
    const community = await createUser()
    await db()
      .insert(panelMembers)
      .values({ programId: s.funder.program.id, userId: community.id, kind: 'community' })
    const [assignment] = await db()
      .insert(reviewAssignments)
      .values({
        programId: s.funder.program.id,
        applicationId: s.id,
        reviewerUserId: community.id,
        state: 'declared_no_conflict',
        declaredAt: new Date(),
      })
      .returning()
    const reviewPage = await call(
      assignmentRoute.loader,
      makeRequest(`/reviews/${assignment!.id}`, { cookie: await cookieFor(community.id) }),
      { assignmentId: assignment!.id },
    )
    expect(reviewPage.status).toBe(200)
    expect(JSON.stringify(reviewPage.data)).toContain('Promotoras')
    expect(JSON.stringify(reviewPage.data)).not.toContain(secret)
    expect((await load(notesRoute, community.id, s.id, '/notes')).status).toBe(404)
  })
})
