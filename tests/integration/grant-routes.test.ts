import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '#db/client.server.ts'
import { grantDisbursements, grantMilestones, grantReportFiles } from '#db/schema/index.ts'
import * as officerPage from '#app/routes/orgs.$slug.grants.$grantId.tsx'
import * as granteePage from '#app/routes/grants.$grantId.tsx'
import * as uploadRoute from '#app/routes/grants.$grantId_.files.tsx'
import * as grantList from '#app/routes/orgs.$slug.grants._index.tsx'
import { addUserToOrg, cookieFor } from '#tests/support/factories.ts'
import { withTestDatabase } from '#tests/support/database.ts'
import { awardedGrant } from '#tests/support/grants.ts'
import { call, makeRequest } from '#tests/support/routes.ts'

withTestDatabase()

async function world() {
  const { s, grantId, grantee } = await awardedGrant({ startsOn: '2027-01-01' })
  return { s, grantId, groupOwnerId: grantee.id }
}

const payments = (grantId: string) =>
  db().select().from(grantDisbursements).where(eq(grantDisbursements.grantId, grantId))

describe('the officer grant page', () => {
  it('refuses a schedule whose total is not the award, next to the total, changing nothing', async () => {
    const { s, grantId } = await world()
    const params = { slug: s.org.slug, grantId }
    const outcome = await call(
      officerPage.action,
      makeRequest(`/orgs/${s.org.slug}/grants/${grantId}`, {
        cookie: await cookieFor(s.owner.id),
        form: {
          intent: 'schedule',
          startsOn: '2027-01-01',
          endsOn: '2027-12-31',
          'lines.0.dueOn': '2027-01-15',
          'lines.0.amount': '6000',
          'lines.1.dueOn': '2027-07-01',
          'lines.1.amount': '3000',
        },
      }),
      params,
    )
    expect(outcome.status).toBe(400)
    const errors = (outcome.data as { errors: Record<string, string> }).errors
    expect(JSON.parse(errors.total!)).toMatchObject({ key: 'grants:errors.sumMismatch' })
    expect((await payments(grantId)).map((p) => p.amountMinor)).toEqual([10_000_00])
  })

  it('saves two payments that add up, and lists the grant with its next payment', async () => {
    const { s, grantId } = await world()
    const cookie = await cookieFor(s.owner.id)
    const outcome = await call(
      officerPage.action,
      makeRequest(`/orgs/${s.org.slug}/grants/${grantId}`, {
        cookie,
        form: {
          intent: 'schedule',
          startsOn: '2027-01-01',
          endsOn: '2027-12-31',
          'lines.0.dueOn': '2027-01-15',
          'lines.0.amount': '6000',
          'lines.1.dueOn': '2027-07-01',
          'lines.1.amount': '4000',
          'lines.2.dueOn': '',
          'lines.2.amount': '',
        },
      }),
      { slug: s.org.slug, grantId },
    )
    expect(outcome.status).toBe(302)
    expect((await payments(grantId)).map((p) => p.amountMinor).sort()).toEqual([4_000_00, 6_000_00])
    const list = await call(
      grantList.loader,
      makeRequest(`/orgs/${s.org.slug}/grants`, { cookie }),
      { slug: s.org.slug },
    )
    expect((list.data as { rows: unknown[] }).rows).toMatchObject([
      { id: grantId, nextPaymentOn: '2027-01-15', reportOverdue: false },
    ])
  })

  it('is closed to the funder reviewer (403) and to the grantee (404)', async () => {
    const { s, grantId, groupOwnerId } = await world()
    const reviewer = await addUserToOrg(s, 'reviewer')
    const path = `/orgs/${s.org.slug}/grants/${grantId}`
    const params = { slug: s.org.slug, grantId }
    const asReviewer = await call(
      officerPage.loader,
      makeRequest(path, { cookie: await cookieFor(reviewer.id) }),
      params,
    )
    expect(asReviewer.status).toBe(403)
    const asGrantee = await call(
      officerPage.loader,
      makeRequest(path, { cookie: await cookieFor(groupOwnerId) }),
      params,
    )
    expect(asGrantee.status).toBe(404)
  })
})

describe('the grantee grant page', () => {
  it('takes a report with its figures; the funder cannot post one', async () => {
    const { s, grantId, groupOwnerId } = await world()
    const [milestone] = await db()
      .select()
      .from(grantMilestones)
      .where(eq(grantMilestones.grantId, grantId))
    const form = {
      milestoneId: milestone!.id,
      body: 'We ran twelve clinics.',
      'figures.peopleReached': '340',
      'figures.activitiesHeld': '',
      'figures.volunteersInvolved': '',
    }
    const asFunder = await call(
      granteePage.action,
      makeRequest(`/grants/${grantId}`, { cookie: await cookieFor(s.owner.id), form }),
      { grantId },
    )
    expect(asFunder.status).toBe(404)
    const cookie = await cookieFor(groupOwnerId)
    const posted = await call(
      granteePage.action,
      makeRequest(`/grants/${grantId}`, { cookie, form }),
      {
        grantId,
      },
    )
    expect(posted.status).toBe(302)
    const page = await call(granteePage.loader, makeRequest(`/grants/${grantId}`, { cookie }), {
      grantId,
    })
    const data = page.data as { milestones: { state: string; reports: { figures: object }[] }[] }
    expect(data.milestones[0]).toMatchObject({
      state: 'submitted',
      reports: [{ figures: { peopleReached: 340 } }],
    })
  })
})

describe('the grant pages without JavaScript', () => {
  // Each form posts as a browser without scripts sends it (URL-encoded, the button's name and
  // value included) and is answered with a redirect back to the page, the flash saying what
  // happened: no step needs the page's script.
  it('the officer holds, releases and pays a payment, adds a milestone and cancels, by plain posts', async () => {
    const { s, grantId } = await world()
    const cookie = await cookieFor(s.owner.id)
    const page = `/orgs/${s.org.slug}/grants/${grantId}`
    const post = (form: Record<string, string>) =>
      call(officerPage.action, makeRequest(page, { cookie, form }), { slug: s.org.slug, grantId })
    const [payment] = await payments(grantId)
    const steps: Record<string, string>[] = [
      { intent: 'hold', disbursementId: payment!.id, reason: 'Waiting for the bank details.' },
      { intent: 'release', disbursementId: payment!.id },
      { intent: 'milestone', milestoneId: '', dueOn: '2027-06-30', title: 'Midway', ask: '' },
      { intent: 'pay', disbursementId: payment!.id, confirm: 'yes' },
    ]
    for (const form of steps) {
      const outcome = await post(form)
      expect(outcome, form.intent).toMatchObject({ status: 302, location: page })
    }
    expect((await payments(grantId))[0]).toMatchObject({ status: 'paid' })
    // Without the confirmation box ticked, the cancel is refused beside it; with it, done.
    const unconfirmed = await post({ intent: 'cancel', reason: 'The group closed.' })
    expect(unconfirmed.status).toBe(400)
    expect((unconfirmed.data as { errors: Record<string, string> }).errors.confirm).toBe(
      'grants:errors.confirmCancel',
    )
    const cancelled = await post({ intent: 'cancel', reason: 'The group closed.', confirm: 'yes' })
    expect(cancelled).toMatchObject({ status: 302, location: page })
  })

  it('the upload script gets where to go as JSON; a plain form post gets the redirect', async () => {
    const { grantId, groupOwnerId } = await world()
    const cookie = await cookieFor(groupOwnerId)
    const [milestone] = await db()
      .select()
      .from(grantMilestones)
      .where(eq(grantMilestones.grantId, grantId))
    await call(
      granteePage.action,
      makeRequest(`/grants/${grantId}`, {
        cookie,
        form: { milestoneId: milestone!.id, body: 'We ran twelve clinics.' },
      }),
      { grantId },
    )
    const page = await call(granteePage.loader, makeRequest(`/grants/${grantId}`, { cookie }), {
      grantId,
    })
    const reportId = (page.data as { milestones: { reports: { id: string }[] }[] }).milestones[0]!
      .reports[0]!.id
    const send = (accept?: string) => {
      const body = new FormData()
      body.set('reportId', reportId)
      body.set('file', new File(['a,b\n1,2\n'], `figures-${accept ? 'scripted' : 'plain'}.csv`))
      const headers = new Headers({ Cookie: cookie })
      if (accept) headers.set('Accept', accept)
      return uploadRoute.action({
        request: new Request(`http://localhost/grants/${grantId}/files`, {
          method: 'POST',
          headers,
          body,
        }),
        params: { grantId },
        context: { ip: '127.0.0.1', cspNonce: '' },
      })
    }
    const plain = await send()
    expect(plain.status).toBe(302)
    expect(plain.headers.get('Location')).toBe(`/grants/${grantId}`)
    const scripted = await send('application/json')
    expect(scripted.status).toBe(200)
    expect(await scripted.json()).toEqual({ location: `/grants/${grantId}` })
    const stored = await db()
      .select({ fileName: grantReportFiles.fileName })
      .from(grantReportFiles)
      .where(eq(grantReportFiles.reportId, reportId))
    expect(stored.map((f) => f.fileName).sort()).toEqual([
      'figures-plain.csv',
      'figures-scripted.csv',
    ])
  })
})
