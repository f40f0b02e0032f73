import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '#db/client.server.ts'
import { funds, programQuestions, rubricCriteria } from '#db/schema/index.ts'
import * as programPage from '#app/routes/programs.$slug._index.tsx'
import * as programList from '#app/routes/programs._index.tsx'
import {
  CATALOG_PAGE_SIZE,
  getPublicProgram,
  listOpenPrograms,
} from '#app/services/programs/program-catalog.server.ts'
import { createOpenProgram, createOrgWithOwner } from '#tests/support/factories.ts'
import { withTestDatabase } from '#tests/support/database.ts'
import { call, makeRequest } from '#tests/support/routes.ts'
import { english } from '#tests/support/english.ts'

withTestDatabase()

const DAY = 86_400_000
const inDays = (n: number) => new Date(Date.now() + n * DAY)

/** Every test file shares one database, so each test tags its programs and searches for the tag. */
let counter = 0
const tag = () => `tag${Date.now().toString(36)}x${++counter}`

const slugs = (rows: { slug: string }[]) => rows.map((r) => r.slug)

async function makePrivate(fundId: string) {
  await db().update(funds).set({ visibility: 'private' }).where(eq(funds.id, fundId))
}

describe('listOpenPrograms', () => {
  it('lists open programs of public funds, closing soonest first, with funder and money', async () => {
    const t = tag()
    const later = await createOpenProgram({ title: `Later ${t}`, closesAt: inDays(20) })
    const sooner = await createOpenProgram({ title: `Sooner ${t}`, closesAt: inDays(3) })
    const { rows, hasNext, page } = await listOpenPrograms({ q: t, page: 1 })
    expect(slugs(rows)).toEqual([sooner.program.slug, later.program.slug])
    expect(page).toBe(1)
    expect(hasNext).toBe(false)
    expect(rows[0]).toMatchObject({
      funderName: sooner.org.name,
      fundName: sooner.fund.name,
      currency: 'USD',
      minAwardMinor: 500_000,
      maxAwardMinor: 2_500_000,
      timeZone: 'America/Chicago',
    })
  })

  it('hides drafts, private funds, unopened calls and closed calls', async () => {
    const t = tag()
    const open = await createOpenProgram({ title: `Open ${t}` })
    await createOpenProgram({ title: `Draft ${t}`, status: 'draft' })
    await createOpenProgram({ title: `Closed ${t}`, status: 'closed', closesAt: inDays(-1) })
    await createOpenProgram({ title: `Reviewing ${t}`, status: 'in_review' })
    await createOpenProgram({ title: `Not yet ${t}`, opensAt: inDays(2) })
    const hidden = await createOpenProgram({ title: `Private ${t}` })
    await makePrivate(hidden.fund.id)
    const { rows } = await listOpenPrograms({ q: t, page: 1 })
    expect(slugs(rows)).toEqual([open.program.slug])
  })

  it('leaves out a program past its deadline even while its status still says open', async () => {
    const t = tag()
    await createOpenProgram({ title: `Expired ${t}`, closesAt: new Date(Date.now() - 1000) })
    const noOpening = await createOpenProgram({ title: `No opening ${t}`, opensAt: null })
    const { rows } = await listOpenPrograms({ q: t, page: 1 })
    expect(slugs(rows)).toEqual([noOpening.program.slug])
  })

  it('searches title, description, eligibility, place served and funder name', async () => {
    const t = tag()
    const inTitle = await createOpenProgram({ title: `Alpha ${t}` })
    const inDescription = await createOpenProgram({ description: `About ${t} work` })
    const inEligibility = await createOpenProgram({
      eligibility: `Groups led by ${t.toUpperCase()}`,
    })
    const inPlace = await createOpenProgram({ placeServed: `${t} County` })
    await createOpenProgram({ title: 'Unrelated' })
    const { rows } = await listOpenPrograms({ q: t, page: 1 })
    expect(new Set(slugs(rows))).toEqual(
      new Set([inTitle, inDescription, inEligibility, inPlace].map((p) => p.program.slug)),
    )
    const byFunder = await listOpenPrograms({ q: inTitle.org.name, page: 1 })
    expect(slugs(byFunder.rows)).toContain(inTitle.program.slug)
    // LIKE wildcards in the search are plain characters.
    expect((await listOpenPrograms({ q: `${t}%`, page: 1 })).rows).toEqual([])
  })

  it('filters by state: listed states, counties in the state, or open to all', async () => {
    const t = tag()
    const illinois = await createOpenProgram({ title: `IL ${t}`, eligibleStates: ['Illinois'] })
    const ohio = await createOpenProgram({ title: `OH ${t}`, eligibleStates: ['Ohio'] })
    const anywhere = await createOpenProgram({ title: `All ${t}` })
    const cookOnly = await createOpenProgram({
      title: `Cook ${t}`,
      eligibleCountyFips: ['17031'],
    })
    const minnesotaCounty = await createOpenProgram({
      title: `MN ${t}`,
      eligibleCountyFips: ['27031'],
    })
    const { rows } = await listOpenPrograms({ q: t, state: 'IL', page: 1 })
    expect(new Set(slugs(rows))).toEqual(
      new Set([illinois, anywhere, cookOnly].map((p) => p.program.slug)),
    )
    expect(slugs(rows)).not.toContain(ohio.program.slug)
    expect(slugs(rows)).not.toContain(minnesotaCounty.program.slug)
  })

  it('filters by SDOH domain', async () => {
    const t = tag()
    const housing = await createOpenProgram({
      title: `Housing ${t}`,
      sdohDomains: ['neighborhood', 'economic_stability'],
    })
    await createOpenProgram({ title: `Schools ${t}`, sdohDomains: ['education'] })
    const { rows } = await listOpenPrograms({ q: t, sdoh: 'economic_stability', page: 1 })
    expect(slugs(rows)).toEqual([housing.program.slug])
  })

  it('keeps programs whose award range overlaps the one asked for', async () => {
    const t = tag()
    const small = await createOpenProgram({
      title: `Small ${t}`,
      minAwardMinor: 100_000,
      maxAwardMinor: 500_000,
    })
    const large = await createOpenProgram({
      title: `Large ${t}`,
      minAwardMinor: 2_000_000,
      maxAwardMinor: 5_000_000,
    })
    const find = async (minAward?: number, maxAward?: number) =>
      slugs((await listOpenPrograms({ q: t, minAward, maxAward, page: 1 })).rows)
    expect(await find(600_000)).toEqual([large.program.slug])
    expect(await find(undefined, 1_000_000)).toEqual([small.program.slug])
    expect(new Set(await find(500_000, 2_000_000))).toEqual(
      new Set([small.program.slug, large.program.slug]),
    )
    expect(await find(600_000, 1_900_000)).toEqual([])
  })

  it('filters by the deadline date in the program’s own time zone', async () => {
    const t = tag()
    // 11 pm in Los Angeles on a given day is already the next day in UTC.
    const lateEvening = new Date(Date.UTC(2031, 5, 1, 6, 0)) // 2031-05-31 23:00 PDT
    const la = await createOpenProgram({
      title: `LA ${t}`,
      closesAt: lateEvening,
      timeZone: 'America/Los_Angeles',
    })
    const soon = await createOpenProgram({ title: `Soon ${t}`, closesAt: inDays(5) })
    const find = async (closesBefore: string) =>
      slugs((await listOpenPrograms({ q: t, closesBefore, page: 1 })).rows)
    expect(await find('2031-05-31')).toEqual([soon.program.slug, la.program.slug])
    expect(await find('2031-05-30')).toEqual([soon.program.slug])
  })

  it('pages twenty at a time without counting', async () => {
    const t = tag()
    const { org, owner } = await createOrgWithOwner('funder')
    for (let i = 0; i < CATALOG_PAGE_SIZE + 1; i++) {
      await createOpenProgram({ title: `Paged ${t}`, closesAt: inDays(10 + i) }, { org, owner })
    }
    const first = await listOpenPrograms({ q: t, page: 1 })
    expect(first.rows).toHaveLength(CATALOG_PAGE_SIZE)
    expect(first.hasNext).toBe(true)
    const second = await listOpenPrograms({ q: t, page: 2 })
    expect(second.rows).toHaveLength(1)
    expect(second.hasNext).toBe(false)
    expect(slugs(first.rows)).not.toContain(second.rows[0]?.slug)
  })
})

describe('getPublicProgram', () => {
  it('has the rubric in order with its levels, the questions in order, and the counties', async () => {
    const { program } = await createOpenProgram({ eligibleCountyFips: ['27031', '17031'] })
    const [first] = await db()
      .select()
      .from(rubricCriteria)
      .where(eq(rubricCriteria.programId, program.id))
      .orderBy(rubricCriteria.position)
    await db()
      .update(rubricCriteria)
      .set({
        levels: [
          { score: 1, guidance: 'No one with lived experience leads' },
          { score: 5, guidance: 'Led by residents' },
        ],
      })
      .where(eq(rubricCriteria.id, first?.id ?? ''))
    await db()
      .insert(programQuestions)
      .values([
        { programId: program.id, position: 2, kind: 'long_text', label: 'Second', wordLimit: 300 },
        { programId: program.id, position: 1, kind: 'yes_no', label: 'First', required: true },
      ])
    const found = await getPublicProgram(program.slug)
    expect(found?.criteria.map((c) => [c.label, c.weight])).toEqual([
      ['Community leadership', 60],
      ['Feasibility', 40],
    ])
    expect(found?.criteria[0]?.levels).toHaveLength(2)
    expect(found?.questions.map((q) => q.label)).toEqual(['First', 'Second'])
    expect(found?.counties.map((c) => c.label)).toEqual([
      'Cook County, Minnesota',
      'Cook County, Illinois',
    ])
    expect(found).toMatchObject({ status: 'open', accepting: true, notYetOpen: false })
  })

  it('shows a past-deadline program as closed, and an unopened one as not yet open', async () => {
    const expired = await createOpenProgram({ closesAt: new Date(Date.now() - 1000) })
    expect(await getPublicProgram(expired.program.slug)).toMatchObject({
      status: 'closed',
      accepting: false,
    })
    const future = await createOpenProgram({ opensAt: inDays(3) })
    expect(await getPublicProgram(future.program.slug)).toMatchObject({
      status: 'open',
      accepting: false,
      notYetOpen: true,
    })
  })
})

describe('GET /programs', () => {
  it('lists programs for anyone, filtered by the query string', async () => {
    const t = tag()
    const { program } = await createOpenProgram({
      title: `Route ${t}`,
      eligibleStates: ['Ohio'],
      sdohDomains: ['health_care'],
    })
    await createOpenProgram({ title: `Route ${t} elsewhere`, eligibleStates: ['Texas'] })
    const out = await call(
      programList.loader,
      makeRequest(`/programs?q=${t}&state=OH&sdoh=health_care&minAward=1%2C000&maxAward=%2450000`),
    )
    expect(out.status).toBe(200)
    const data = out.data as Awaited<ReturnType<typeof programList.loader>>
    expect(slugs(data.rows)).toEqual([program.slug])
    expect(data.errors).toEqual({})
    expect(typeof data.rows[0]?.closesAt).toBe('string')
  })

  it('reports bad filters field by field and still lists with the good ones', async () => {
    const t = tag()
    const { program } = await createOpenProgram({ title: `Bad filters ${t}` })
    const out = await call(
      programList.loader,
      makeRequest(
        `/programs?q=${t}&state=Atlantis&sdoh=vibes&minAward=lots&closesBefore=2031-02-30`,
      ),
    )
    const data = out.data as Awaited<ReturnType<typeof programList.loader>>
    expect(Object.keys(data.errors).sort()).toEqual(['closesBefore', 'minAward', 'sdoh', 'state'])
    expect(slugs(data.rows)).toEqual([program.slug])
    const reversed = await call(
      programList.loader,
      makeRequest(`/programs?q=${t}&minAward=5000&maxAward=100`),
    )
    expect(english((reversed.data as typeof data).errors.maxAward)).toMatch(/at least the smallest/)
  })
})

describe('GET /programs/:slug', () => {
  const get = (slug: string) => call(programPage.loader, makeRequest(`/programs/${slug}`), { slug })

  it('shows an open program to anyone', async () => {
    const { program, org } = await createOpenProgram()
    const out = await get(program.slug)
    expect(out.status).toBe(200)
    const data = out.data as Awaited<ReturnType<typeof programPage.loader>>
    expect(data.program.title).toBe(program.title)
    expect(data.funder.name).toBe(org.name)
    expect(data.criteria).toHaveLength(2)
    expect(data.accepting).toBe(true)
  })

  it('answers 404 for a draft, a private fund’s program and an unknown slug', async () => {
    const draft = await createOpenProgram({ status: 'draft' })
    const hidden = await createOpenProgram()
    await makePrivate(hidden.fund.id)
    for (const slug of [draft.program.slug, hidden.program.slug, 'no-such-program']) {
      expect((await get(slug)).status).toBe(404)
    }
  })

  it('still shows closed, in-review and decided programs, as closed', async () => {
    for (const status of ['closed', 'in_review', 'decided'] as const) {
      const { program } = await createOpenProgram({ status, closesAt: inDays(-2) })
      const out = await get(program.slug)
      expect(out.status).toBe(200)
      expect(out.data).toMatchObject({ status, accepting: false })
    }
  })
})
