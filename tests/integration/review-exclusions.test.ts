import { eq, inArray } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '#db/client.server.ts'
import {
  applications,
  panelMembers,
  programs,
  reviewAssignments,
  reviewExclusions,
} from '#db/schema/index.ts'
import * as organizationRoute from '#app/routes/applications.$id.organization.tsx'
import * as overviewRoute from '#app/routes/applications.$id._index.tsx'
import * as assignmentRoute from '#app/routes/reviews.$assignmentId.tsx'
import { submitApplication } from '#app/services/applications/application-submission.server.ts'
import { loadApplicationFor } from '#app/services/applications/applications.server.ts'
import { assignReviewers } from '#app/services/review/assignments.server.ts'
import { completeDraft, groupAndProgram } from '#tests/support/complete-draft.ts'
import { cookieFor, createApplicationRow, createUser } from '#tests/support/factories.ts'
import { withTestDatabase } from '#tests/support/database.ts'
import { call, makeRequest } from '#tests/support/routes.ts'

withTestDatabase()

const organizationForm = (version: number, exclusions: { name: string; email: string }[]) => {
  const form: Record<string, string> = {
    version: String(version),
    leadership: 'Led by mothers who live on the Eastside.',
    ledByLivedExperience: 'yes',
    contactName: 'María',
    contactEmail: 'maria@example.org',
    intent: 'stay',
  }
  exclusions.forEach((e, i) => {
    form[`exclusions.${i}.name`] = e.name
    form[`exclusions.${i}.email`] = e.email
  })
  return form
}

describe("the applicant's review exclusions", () => {
  it('save with the organisation step, survive reload, and keep the named reviewer off it', async () => {
    const s = await groupAndProgram({ reviewersPerApplication: 1 })
    const version = await completeDraft(s.actor, s.application.id)
    const cookie = await cookieFor(s.group.owner.id)
    const id = s.application.id
    const excluded = await createUser({ email: `avoid-${Date.now()}@example.test` })
    const other = await createUser()

    // More than five is refused next to the field; nothing saved.
    const many = Array.from({ length: 6 }, (_, i) => ({ name: `P${i}`, email: '' }))
    const refused = await call(
      organizationRoute.action,
      makeRequest(`/applications/${id}/organization`, {
        cookie,
        form: organizationForm(version, many),
      }),
      { id },
    )
    expect(refused.status).toBe(400)

    const saved = await call(
      organizationRoute.action,
      makeRequest(`/applications/${id}/organization`, {
        cookie,
        form: organizationForm(version, [
          { name: '', email: excluded.email.toUpperCase() },
          { name: 'Someone Else', email: '' },
          { name: '', email: '' },
        ]),
      }),
      { id },
    )
    expect(saved.status).toBe(302)
    const reloaded = await call(
      organizationRoute.loader,
      makeRequest(`/applications/${id}/organization`, { cookie }),
      { id },
    )
    const rows = (reloaded.data as { values: { exclusions: { name: string; email: string }[] } })
      .values.exclusions
    expect(rows).toHaveLength(5)
    expect(rows.filter((r) => r.name || r.email)).toEqual(
      expect.arrayContaining([
        { name: '', email: excluded.email.toLowerCase() },
        { name: 'Someone Else', email: '' },
      ]),
    )

    // Submitted; two reviewers on the panel, one per application: never the excluded one.
    const current = (await db().select().from(applications).where(eq(applications.id, id)))[0]!
    const loaded = await loadApplicationFor(id, s.group.owner.id)
    expect((await submitApplication(s.actor, loaded!, current.version)).ok).toBe(true)
    const programId = s.funder.program.id
    await db().update(programs).set({ status: 'in_review' }).where(eq(programs.id, programId))
    await db()
      .insert(panelMembers)
      .values([
        { programId, userId: excluded.id, kind: 'community' },
        { programId, userId: other.id, kind: 'community' },
      ])
    // Three more groups name the same person (by email, in other letters' case), so balancing the
    // load alone would hand them about half of the four.
    const more = await Promise.all([1, 2, 3].map(() => createApplicationRow(programId)))
    await db()
      .insert(reviewExclusions)
      .values(more.map((a) => ({ applicationId: a.id, email: excluded.email.toLowerCase() })))
    const actor = { id: s.funder.owner.id, ip: null, organizationId: s.funder.org.id }
    expect((await assignReviewers(actor, s.funder.program)).ok).toBe(true)
    const everyAssignment = await db()
      .select()
      .from(reviewAssignments)
      .where(eq(reviewAssignments.programId, programId))
    expect(everyAssignment).toHaveLength(4)
    expect(everyAssignment.every((a) => a.reviewerUserId === other.id)).toBe(true)
    const assigned = everyAssignment.filter((a) => a.applicationId === id)

    // The officer sees the list; the reviewer's page never does.
    const officerView = await call(
      overviewRoute.loader,
      makeRequest(`/applications/${id}`, { cookie: await cookieFor(s.funder.owner.id) }),
      { id },
    )
    expect(JSON.stringify(officerView.data)).toContain('Someone Else')
    await db()
      .update(reviewAssignments)
      .set({ state: 'declared_no_conflict', declaredAt: new Date() })
      .where(inArray(reviewAssignments.id, [assigned[0]!.id]))
    const reviewPage = await call(
      assignmentRoute.loader,
      makeRequest(`/reviews/${assigned[0]!.id}`, { cookie: await cookieFor(other.id) }),
      { assignmentId: assigned[0]!.id },
    )
    expect(reviewPage.status).toBe(200)
    expect(JSON.stringify(reviewPage.data)).not.toContain('Someone Else')
    expect(JSON.stringify(reviewPage.data)).not.toContain(excluded.email.toLowerCase())
  })
})
