import { describe, expect, it } from 'vitest'
import * as funderList from '#app/routes/orgs.$slug.programs.$programSlug.applications.tsx'
import * as programOverview from '#app/routes/orgs.$slug.programs.$programSlug._index.tsx'
import { programApplicationStats } from '#app/services/applications/application-stats.server.ts'
import {
  cookieFor,
  createApplicationRow,
  createOpenProgram,
  createOrgWithOwner,
} from '#tests/support/factories.ts'
import { withTestDatabase } from '#tests/support/database.ts'
import { call, makeRequest } from '#tests/support/routes.ts'

withTestDatabase()

const tally = (count: number, requestedMinor: number) => ({ count, requestedMinor })

describe('programApplicationStats', () => {
  it('counts submitted applications only, of this program only, with exact sums in cents', async () => {
    const { program } = await createOpenProgram()
    const other = await createOpenProgram()
    await createApplicationRow(program.id, { amountRequestedMinor: 1_234_567 })
    // Above what a 32-bit integer holds, and odd cents: a float or int4 sum would show it.
    await createApplicationRow(program.id, { amountRequestedMinor: 3_000_000_001 })
    await createApplicationRow(program.id, { status: 'in_review', amountRequestedMinor: 99 })
    await createApplicationRow(program.id, { status: 'withdrawn', amountRequestedMinor: 500 })
    // Counted, though it asks for nothing yet.
    await createApplicationRow(program.id, { status: 'awarded', amountRequestedMinor: null })
    await createApplicationRow(program.id, {
      status: 'draft',
      submittedAt: null,
      amountRequestedMinor: 7_000_000,
    })
    await createApplicationRow(other.program.id, { amountRequestedMinor: 8_000_000 })

    const stats = await programApplicationStats(program.id)
    expect(stats.total).toEqual(tally(5, 3_001_235_167))
    expect(stats.byStatus).toEqual({
      submitted: tally(2, 3_001_234_568),
      in_review: tally(1, 99),
      changes_requested: tally(0, 0),
      awarded: tally(1, 0),
      declined: tally(0, 0),
      withdrawn: tally(1, 500),
    })
  })

  it('puts a percentile on a band boundary in the band above, 1 in the top band, none apart', async () => {
    const { program } = await createOpenProgram()
    const svi: (number | null)[] = [0, 0.2499, 0.25, 0.4999, 0.5, 0.7499, 0.75, 0.9999, 1, null]
    for (const [i, placeVulnerability] of svi.entries()) {
      await createApplicationRow(program.id, { placeVulnerability, amountRequestedMinor: 10 ** i })
    }
    const { byVulnerability } = await programApplicationStats(program.id)
    expect(byVulnerability).toEqual({
      '0-25': tally(2, 11),
      '25-50': tally(2, 1_100),
      '50-75': tally(2, 110_000),
      '75-100': tally(3, 111_000_000),
      unknown: tally(1, 1_000_000_000),
    })
  })

  it('counts an application under each SDOH domain it addresses', async () => {
    const { program } = await createOpenProgram()
    await createApplicationRow(program.id, {
      sdohDomains: ['health_care', 'neighborhood'],
      amountRequestedMinor: 1_000,
    })
    await createApplicationRow(program.id, {
      sdohDomains: ['health_care'],
      amountRequestedMinor: 250,
    })
    await createApplicationRow(program.id, { sdohDomains: [], amountRequestedMinor: 5 })
    const { bySdoh, total } = await programApplicationStats(program.id)
    expect(bySdoh).toEqual({
      economic_stability: tally(0, 0),
      education: tally(0, 0),
      health_care: tally(2, 1_250),
      neighborhood: tally(1, 1_000),
      social_community: tally(0, 0),
    })
    expect(total).toEqual(tally(3, 1_255))
  })

  it('follows the list’s status and SDOH filters', async () => {
    const { program } = await createOpenProgram()
    await createApplicationRow(program.id, {
      sdohDomains: ['education'],
      placeVulnerability: 0.9,
      amountRequestedMinor: 100,
    })
    await createApplicationRow(program.id, {
      status: 'in_review',
      sdohDomains: ['education', 'health_care'],
      placeVulnerability: 0.1,
      amountRequestedMinor: 20,
    })
    await createApplicationRow(program.id, {
      status: 'in_review',
      sdohDomains: ['health_care'],
      amountRequestedMinor: 3,
    })

    const inReview = await programApplicationStats(program.id, { status: 'in_review' })
    expect(inReview.total).toEqual(tally(2, 23))
    expect(inReview.byStatus.submitted).toEqual(tally(0, 0))
    expect(inReview.byVulnerability).toMatchObject({ '0-25': tally(1, 20), unknown: tally(1, 3) })

    const education = await programApplicationStats(program.id, { sdoh: 'education' })
    expect(education.total).toEqual(tally(2, 120))
    expect(education.bySdoh).toMatchObject({
      education: tally(2, 120),
      health_care: tally(1, 20),
    })

    const both = await programApplicationStats(program.id, {
      status: 'in_review',
      sdoh: 'education',
    })
    expect(both.total).toEqual(tally(1, 20))
  })

  it('is all zeroes for a program nobody has applied to', async () => {
    const { program } = await createOpenProgram()
    await createApplicationRow(program.id, { status: 'draft', submittedAt: null })
    const stats = await programApplicationStats(program.id)
    expect(stats.total).toEqual(tally(0, 0))
    expect(Object.values(stats.byVulnerability)).toEqual(Array(5).fill(tally(0, 0)))
  })
})

describe('the funder’s pages', () => {
  it('give the list figures under its filters, and the overview the whole program’s', async () => {
    const funder = await createOpenProgram()
    await createApplicationRow(funder.program.id, {
      sdohDomains: ['education'],
      amountRequestedMinor: 700,
    })
    await createApplicationRow(funder.program.id, {
      sdohDomains: ['health_care'],
      amountRequestedMinor: 50,
    })
    const cookie = await cookieFor(funder.owner.id)
    const params = { slug: funder.org.slug, programSlug: funder.program.slug }

    const list = await call(
      funderList.loader,
      makeRequest('/?sdoh=education&sort=amount', { cookie }),
      params,
    )
    expect(list.data).toMatchObject({
      // The headline still counts the whole program.
      counts: { submitted: 2 },
      filtered: true,
      budgetMinor: funder.program.budgetMinor,
      stats: { total: tally(1, 700) },
    })
    const unfiltered = await call(funderList.loader, makeRequest('/', { cookie }), params)
    expect(unfiltered.data).toMatchObject({
      counts: { submitted: 2, withdrawn: 0 },
      filtered: false,
      stats: { total: tally(2, 750) },
    })
    const overview = await call(programOverview.loader, makeRequest('/', { cookie }), params)
    expect(overview.data).toMatchObject({ figures: { stats: { total: tally(2, 750) } } })
  })

  it('show another funder nothing of them', async () => {
    const funder = await createOpenProgram()
    await createApplicationRow(funder.program.id, { amountRequestedMinor: 700 })
    const other = await createOrgWithOwner('funder')
    const cookie = await cookieFor(other.owner.id)
    const params = { slug: other.org.slug, programSlug: funder.program.slug }
    for (const loader of [funderList.loader, programOverview.loader]) {
      expect((await call(loader, makeRequest('/', { cookie }), params)).status).toBe(404)
    }
  })
})
