import { describe, expect, it } from 'vitest'
import type { ApplicationStatus } from '#app/domain/applications/application-status.ts'
import * as dashboard from '#app/routes/_index.tsx'
import * as orgOverview from '#app/routes/orgs.$slug._index.tsx'
import { listFunderPrograms } from '#app/services/programs/program-lists.server.ts'
import {
  addUserToOrg,
  cookieFor,
  createApplicationRow,
  createOpenProgram,
  createOrgWithOwner,
} from '#tests/support/factories.ts'
import { withTestDatabase } from '#tests/support/database.ts'
import { call, makeRequest } from '#tests/support/routes.ts'

withTestDatabase()

const applicationsIn = async (programId: string, statuses: ApplicationStatus[]) => {
  for (const status of statuses) await createApplicationRow(programId, { status })
}

describe('listFunderPrograms', () => {
  it('counts submitted applications only, never drafts or withdrawn ones, and puts open calls first', async () => {
    const funder = await createOrgWithOwner('funder')
    const open = await createOpenProgram({ title: 'Open call' }, funder)
    const draft = await createOpenProgram({ title: 'Draft call', status: 'draft' }, funder)
    const review = await createOpenProgram({ title: 'In review', status: 'in_review' }, funder)
    await applicationsIn(open.program.id, ['draft', 'submitted', 'submitted', 'withdrawn'])
    await applicationsIn(review.program.id, ['draft'])

    const rows = await listFunderPrograms({ organizationId: funder.org.id })
    expect(rows.map((r) => [r.title, r.submitted])).toEqual([
      ['Open call', 2],
      ['In review', 0],
      ['Draft call', 0],
    ])
    expect(rows[0]).toMatchObject({ organizationSlug: funder.org.slug, fundName: open.fund.name })
    expect(draft.program.id).toBe(rows[2]!.id)
  })

  it("lists, for a user, the programs of every funder they manage and no one else's", async () => {
    const mine = await createOpenProgram({ title: 'Mine' })
    const theirs = await createOpenProgram({ title: 'Theirs' })
    const member = await addUserToOrg(mine, 'member')
    const reviewer = await addUserToOrg(theirs, 'reviewer')

    const titles = async (userId: string) =>
      (await listFunderPrograms({ userId })).map((r) => r.title)
    expect(await titles(mine.owner.id)).toEqual(['Mine'])
    expect(await titles(member.id)).toEqual(['Mine'])
    expect(await titles(reviewer.id)).toEqual([])
  })
})

describe('where funders see their programs', () => {
  it('the dashboard shows a program officer their programs, and a group member none', async () => {
    const funder = await createOpenProgram({ title: 'Health access' })
    const group = await createOrgWithOwner('community_group')
    const officer = await call(
      dashboard.loader,
      makeRequest('/', { cookie: await cookieFor(funder.owner.id) }),
    )
    expect(officer.data).toMatchObject({ programs: { rows: [{ title: 'Health access' }] } })
    const applicant = await call(
      dashboard.loader,
      makeRequest('/', { cookie: await cookieFor(group.owner.id) }),
    )
    expect(applicant.data).toMatchObject({ programs: null })
  })

  it("an organisation's overview lists its programs to managers, not to reviewers", async () => {
    const funder = await createOpenProgram({ title: 'Health access' })
    const reviewer = await addUserToOrg(funder, 'reviewer')
    const overview = async (userId: string) =>
      call(
        orgOverview.loader,
        makeRequest(`/orgs/${funder.org.slug}`, { cookie: await cookieFor(userId) }),
        { slug: funder.org.slug },
      )
    expect((await overview(funder.owner.id)).data).toMatchObject({
      programs: [{ title: 'Health access', submitted: 0 }],
    })
    const asReviewer = await overview(reviewer.id)
    expect(asReviewer.status).toBe(200)
    expect(asReviewer.data).toMatchObject({ programs: undefined })
  })
})
