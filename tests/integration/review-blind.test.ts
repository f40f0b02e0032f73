import { eq, inArray } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '#db/client.server.ts'
import {
  budgetLines,
  mailMessages,
  notifications,
  organizations,
  panelMembers,
  reviewAssignments,
} from '#db/schema/index.ts'
import * as rootRoute from '#app/root.tsx'
import * as applicationRoute from '#app/routes/applications.$id.tsx'
import * as csvRoute from '#app/routes/orgs.$slug.programs.$programSlug.applications[.]csv.ts'
import * as notificationsRoute from '#app/routes/notifications.tsx'
import * as assignmentRoute from '#app/routes/reviews.$assignmentId.tsx'
import * as queueRoute from '#app/routes/reviews._index.tsx'
import { REDACTED } from '#app/domain/review/blind-review.ts'
import { assignReviewers } from '#app/services/review/assignments.server.ts'
import { invitePanelMember } from '#app/services/review/panel.server.ts'
import { remindLateReviewers } from '#app/services/review/progress.server.ts'
import {
  addUserToOrg,
  cookieFor,
  createApplicationRow,
  createOpenProgram,
  createOrgWithOwner,
  createUser,
} from '#tests/support/factories.ts'
import { withTestDatabase } from '#tests/support/database.ts'
import { call, makeRequest } from '#tests/support/routes.ts'

withTestDatabase()

/*
 * Blind review (issue 9): reviewers never see the organisation's name, people, emails or website
 * "in pages, page titles, URLs, notifications and exports". The group here writes its own name,
 * its contact's name and email and its website into its title, summary, leadership and budget;
 * every response and message a reviewer gets is searched for each of them.
 */
async function blindProgram(blindReview = true) {
  const s = await createOpenProgram({
    status: 'in_review',
    reviewersPerApplication: 2,
    blindReview,
  })
  const staff = await addUserToOrg(s, 'reviewer')
  const community = await createUser()
  await db()
    .insert(panelMembers)
    .values([
      { programId: s.program.id, userId: staff.id, kind: 'staff' },
      { programId: s.program.id, userId: community.id, kind: 'community' },
    ])
  const group = await createOrgWithOwner('community_group')
  const tag = Math.random().toString(36).slice(2, 8)
  const identity = {
    organization: `Quillfeather Tenants ${tag}`,
    website: `https://www.quillfeather-${tag}.example/about`,
    host: `quillfeather-${tag}.example`,
    contactName: `Zebedee Marchbanks ${tag}`,
    contactEmail: `zebedee-${tag}@mail.example`,
    ownerName: group.owner.name,
    ownerEmail: group.owner.email,
  }
  await db()
    .update(organizations)
    .set({ name: identity.organization, website: identity.website })
    .where(eq(organizations.id, group.org.id))
  const application = await createApplicationRow(s.program.id, {
    organizationId: group.org.id,
    title: `${identity.organization}: warm homes this winter`,
    summary: `${identity.contactName} (${identity.contactEmail}) leads it; see ${identity.host}.`,
    leadership: `Led by ${identity.ownerName}, reachable at ${identity.ownerEmail}.`,
    communityServed: `Tenants who know ${identity.organization.toUpperCase()} well.`,
    contactName: identity.contactName,
    contactEmail: identity.contactEmail,
  })
  await db()
    .insert(budgetLines)
    .values({
      applicationId: application.id,
      position: 1,
      description: `Heaters bought by ${identity.organization}`,
      amountMinor: 100_000,
    })
  const actor = { id: s.owner.id, ip: null, organizationId: s.org.id }
  await assignReviewers(actor, s.program)
  const assignments = await db()
    .select()
    .from(reviewAssignments)
    .where(eq(reviewAssignments.applicationId, application.id))
  const of = (userId: string) => assignments.find((a) => a.reviewerUserId === userId)!
  return { ...s, actor, staff, community, application, identity, of }
}

/** Every way the group could be recognised. */
const identifiers = (identity: Record<string, string>) => Object.values(identity)

function expectNoIdentity(what: string, text: string, identity: Record<string, string>) {
  for (const value of identifiers(identity)) {
    expect(text.toLowerCase(), `${what} names "${value}"`).not.toContain(value.toLowerCase())
  }
}

const asText = (value: unknown) => JSON.stringify(value ?? null)

describe('blind review hides who applied from reviewers', () => {
  it('in the queue, the review page, its title and URL, before and after the gate', async () => {
    const s = await blindProgram()
    for (const reviewer of [s.staff, s.community]) {
      const cookie = await cookieFor(reviewer.id)
      const assignment = s.of(reviewer.id)
      const path = `/reviews/${assignment.id}`
      const root = await call(rootRoute.loader, makeRequest(path, { cookie }))
      expectNoIdentity('the header', asText(root.data), s.identity)
      const queue = await call(queueRoute.loader, makeRequest('/reviews', { cookie }))
      expect(queue.status).toBe(200)
      // The ties form offers every group on the platform to name in advance (that list says
      // nothing of who applied where); everything else is searched.
      const { choices: _, ...queueRest } = queue.data as { choices: unknown }
      expectNoIdentity('the queue', asText(queueRest), s.identity)
      expect(asText(queueRest)).toContain(assignment.id)

      const before = await call(assignmentRoute.loader, makeRequest(path, { cookie }), {
        assignmentId: assignment.id,
      })
      expect(before.status).toBe(200)
      expectNoIdentity('the gate', asText(before.data), s.identity)

      const declared = await call(
        assignmentRoute.action,
        makeRequest(path, { cookie, form: { declaration: 'none' } }),
        { assignmentId: assignment.id },
      )
      expect(declared.status).toBe(302)
      expectNoIdentity('the redirect', declared.location ?? '', s.identity)

      const after = await call(assignmentRoute.loader, makeRequest(path, { cookie }), {
        assignmentId: assignment.id,
      })
      const data = after.data as {
        title: string
        review: { application: { title: string; summary: string; identity: unknown } }
      }
      expect(data.review.application.identity).toBeNull()
      expectNoIdentity('the review page', asText(after.data), s.identity)
      expectNoIdentity('the page title', data.title, s.identity)
      // The group's words are there, with who they are taken out.
      expect(data.review.application.title).toBe(`${REDACTED}: warm homes this winter`)
      expect(data.review.application.summary).toBe(
        `${REDACTED} (${REDACTED}) leads it; see ${REDACTED}.`,
      )
    }
  })

  it('in notifications and mails, and the application and its CSV stay closed to them', async () => {
    const s = await blindProgram()
    const reminded = await remindLateReviewers(s.actor, s.program)
    expect(reminded).toMatchObject({ ok: true, reminded: 2 })
    const invited = await invitePanelMember(s.actor, s.program, s.org, 'new-reviewer@mail.example')
    expect(invited.ok).toBe(true)
    const reviewerIds = [s.staff.id, s.community.id]
    const notes = await db()
      .select()
      .from(notifications)
      .where(inArray(notifications.userId, reviewerIds))
    expect(notes.length).toBeGreaterThanOrEqual(2)
    expectNoIdentity('the notifications', asText(notes), s.identity)
    const mails = await db()
      .select()
      .from(mailMessages)
      .where(
        inArray(mailMessages.toAddress, [
          s.staff.email,
          s.community.email,
          'new-reviewer@mail.example',
        ]),
      )
    expect(mails.length).toBeGreaterThanOrEqual(3)
    expectNoIdentity('the mails', asText(mails), s.identity)

    const params = { slug: s.org.slug, programSlug: s.program.slug }
    const csvPath = `/orgs/${params.slug}/programs/${params.programSlug}/applications.csv`
    for (const reviewer of [s.staff, s.community]) {
      const cookie = await cookieFor(reviewer.id)
      const list = await call(notificationsRoute.loader, makeRequest('/notifications', { cookie }))
      expect(list.status).toBe(200)
      expectNoIdentity('the notifications page', asText(list.data), s.identity)
      // Reviewers cannot download the export at all (staff: forbidden; community: not found),
      // nor open the application itself.
      const csv = await call(csvRoute.loader, makeRequest(csvPath, { cookie }), params)
      expect(csv.status).toBe(reviewer === s.staff ? 403 : 404)
      const opened = await call(
        applicationRoute.loader,
        makeRequest(`/applications/${s.application.id}`, { cookie }),
        { id: s.application.id },
      )
      expect(opened.status).toBe(404)
    }

    // The search would see them: the officer's export names the group and its contact.
    const response = (await csvRoute.loader({
      request: makeRequest(csvPath, { cookie: await cookieFor(s.owner.id) }),
      params,
      context: { ip: '127.0.0.1', cspNonce: '' },
    })) as Response
    const officerCsv = await response.text()
    expect(officerCsv).toContain(s.identity.organization)
    expect(officerCsv).toContain(s.identity.contactEmail)
  })

  it('and shows them all when the program is not blind', async () => {
    const s = await blindProgram(false)
    const cookie = await cookieFor(s.staff.id)
    const assignment = s.of(s.staff.id)
    const path = `/reviews/${assignment.id}`
    await call(
      assignmentRoute.action,
      makeRequest(path, { cookie, form: { declaration: 'none' } }),
      {
        assignmentId: assignment.id,
      },
    )
    const after = await call(assignmentRoute.loader, makeRequest(path, { cookie }), {
      assignmentId: assignment.id,
    })
    const text = asText(after.data)
    for (const value of [
      s.identity.organization,
      s.identity.contactName,
      s.identity.contactEmail,
    ]) {
      expect(text).toContain(value)
    }
    expect(text).toContain(`${s.identity.organization}: warm homes this winter`)
  })
})
