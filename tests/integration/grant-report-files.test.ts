import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '#db/client.server.ts'
import { grantMilestones, grantReportFiles, grantReports } from '#db/schema/index.ts'
import * as uploadRoute from '#app/routes/grants.$grantId_.files.tsx'
import * as downloadRoute from '#app/routes/grants.$grantId_.files.$fileId.tsx'
import * as granteePage from '#app/routes/grants.$grantId.tsx'
import * as officerPage from '#app/routes/orgs.$slug.grants.$grantId.tsx'
import { addUserToOrg, cookieFor, createOrgWithOwner } from '#tests/support/factories.ts'
import { withTestDatabase } from '#tests/support/database.ts'
import { awardedGrant } from '#tests/support/grants.ts'
import { call, makeRequest } from '#tests/support/routes.ts'

withTestDatabase()

/** A grant whose group has submitted its final report, awaiting the funder's review. */
async function world() {
  const { s, grantId, grantee } = await awardedGrant()
  const [milestone] = await db()
    .select()
    .from(grantMilestones)
    .where(eq(grantMilestones.grantId, grantId))
  const cookie = await cookieFor(grantee.id)
  const posted = await call(
    granteePage.action,
    makeRequest(`/grants/${grantId}`, {
      cookie,
      form: { milestoneId: milestone!.id, body: 'We ran twelve clinics.' },
    }),
    { grantId },
  )
  expect(posted.status).toBe(302)
  const [report] = await db().select().from(grantReports).where(eq(grantReports.grantId, grantId))
  return { s, grantId, reportId: report!.id, cookie }
}

function upload(grantId: string, cookie: string, fields: Record<string, string>, file?: File) {
  const body = new FormData()
  for (const [k, v] of Object.entries(fields)) body.set(k, v)
  if (file) body.set('file', file)
  return call(
    uploadRoute.action,
    new Request(`http://localhost/grants/${grantId}/files`, {
      method: 'POST',
      headers: { Cookie: cookie },
      body,
    }),
    { grantId },
  )
}

const pdf = () =>
  new File(['%PDF-1.4 our clinic photos'], 'clinics.pdf', { type: 'application/pdf' })
const filesOf = (reportId: string) =>
  db().select().from(grantReportFiles).where(eq(grantReportFiles.reportId, reportId))

describe('grant report files', () => {
  it('the grantee attaches a file; the officer sees it on the grant page and downloads it', async () => {
    const { s, grantId, reportId, cookie } = await world()
    const posted = await upload(grantId, cookie, { reportId }, pdf())
    expect(posted.status).toBe(302)
    expect(posted.location).toBe(`/grants/${grantId}`)
    const [file] = await filesOf(reportId)
    expect(file).toMatchObject({ fileName: 'clinics.pdf', contentType: 'application/pdf' })

    const officer = await cookieFor(s.owner.id)
    const page = await call(
      officerPage.loader,
      makeRequest(`/orgs/${s.org.slug}/grants/${grantId}`, { cookie: officer }),
      { slug: s.org.slug, grantId },
    )
    const data = page.data as { milestones: { reports: { files: { id: string }[] }[] }[] }
    expect(data.milestones[0]!.reports[0]!.files).toEqual([
      { id: file!.id, fileName: 'clinics.pdf', sizeBytes: file!.sizeBytes },
    ])

    const path = `/grants/${grantId}/files/${file!.id}`
    const download = await downloadRoute.loader({
      request: makeRequest(path, { cookie: officer }),
      params: { grantId, fileId: file!.id },
      context: { ip: '127.0.0.1', cspNonce: '' },
    })
    expect(download.status).toBe(200)
    expect(download.headers.get('Content-Disposition')).toMatch(
      /^attachment; filename="clinics.pdf"/,
    )
    expect(await download.text()).toBe('%PDF-1.4 our clinic photos')
  })

  it('gives the file to no one outside the grantee and the funder officers (404)', async () => {
    const { s, grantId, reportId, cookie } = await world()
    await upload(grantId, cookie, { reportId }, pdf())
    const [file] = await filesOf(reportId)
    const reviewer = await addUserToOrg(s, 'reviewer')
    const stranger = (await createOrgWithOwner('funder')).owner
    const path = `/grants/${grantId}/files/${file!.id}`
    for (const who of [reviewer, stranger]) {
      const outcome = await call(
        downloadRoute.loader,
        makeRequest(path, { cookie: await cookieFor(who.id) }),
        { grantId, fileId: file!.id },
      )
      expect(outcome.status).toBe(404)
    }
    // The grantee's own members may.
    const mine = await call(downloadRoute.loader, makeRequest(path, { cookie }), {
      grantId,
      fileId: file!.id,
    })
    expect(mine.status).toBe(200)
    // Signed out: the login page.
    const anon = await call(downloadRoute.loader, makeRequest(path), { grantId, fileId: file!.id })
    expect(anon.location).toMatch(/^\/login/)
  })

  it('refuses a file over 10 MB as it streams (413), storing nothing', async () => {
    const { grantId, reportId, cookie } = await world()
    const big = new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'video.pdf')
    const outcome = await upload(grantId, cookie, { reportId }, big)
    expect(outcome.status).toBe(413)
    expect(await filesOf(reportId)).toEqual([])
  })

  it('refuses uploads from the funder, of a renamed file, and to a reviewed report', async () => {
    const { s, grantId, reportId, cookie } = await world()
    const asFunder = await upload(grantId, await cookieFor(s.owner.id), { reportId }, pdf())
    expect(asFunder.status).toBe(404)

    const fake = new File(['MZ not a pdf at all'], 'budget.pdf', { type: 'application/pdf' })
    const renamed = await upload(grantId, cookie, { reportId }, fake)
    expect(renamed.status).toBe(302)
    expect(await filesOf(reportId)).toEqual([])

    await call(
      officerPage.action,
      makeRequest(`/orgs/${s.org.slug}/grants/${grantId}`, {
        cookie: await cookieFor(s.owner.id),
        form: { intent: 'review', reportId, decision: 'accept' },
      }),
      { slug: s.org.slug, grantId },
    )
    const [report] = await db().select().from(grantReports).where(eq(grantReports.id, reportId))
    expect(report!.status).toBe('accepted')
    const late = await upload(grantId, cookie, { reportId }, pdf())
    expect(late.status).toBe(302)
    expect(await filesOf(reportId)).toEqual([])
  })
})
