import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '#db/client.server.ts'
import { programs } from '#db/schema/index.ts'
import * as dashboard from '#app/routes/_index.tsx'
import * as fundEdit from '#app/routes/orgs.$slug.funds.$fundSlug.edit.tsx'
import * as fundPage from '#app/routes/orgs.$slug.funds.$fundSlug._index.tsx'
import * as programNew from '#app/routes/orgs.$slug.funds.$fundSlug.programs.new.tsx'
import * as fundsIndex from '#app/routes/orgs.$slug.funds._index.tsx'
import * as fundNew from '#app/routes/orgs.$slug.funds.new.tsx'
import * as programLayout from '#app/routes/orgs.$slug.programs.$programSlug.tsx'
import * as programOverview from '#app/routes/orgs.$slug.programs.$programSlug._index.tsx'
import * as programDetails from '#app/routes/orgs.$slug.programs.$programSlug.details.tsx'
import * as programQuestions from '#app/routes/orgs.$slug.programs.$programSlug.questions.tsx'
import * as programRubric from '#app/routes/orgs.$slug.programs.$programSlug.rubric.tsx'
import {
  addUserToOrg,
  cookieFor,
  createOpenProgram,
  createOrgWithOwner,
} from '#tests/support/factories.ts'
import { withTestDatabase } from '#tests/support/database.ts'
import { call, makeRequest } from '#tests/support/routes.ts'
import { english } from '#tests/support/english.ts'

withTestDatabase()

type Setup = Awaited<ReturnType<typeof createOpenProgram>>

const loaders = (s: Setup) =>
  [
    [fundsIndex.loader, { slug: s.org.slug }],
    [fundNew.loader, { slug: s.org.slug }],
    [fundPage.loader, { slug: s.org.slug, fundSlug: s.fund.slug }],
    [fundEdit.loader, { slug: s.org.slug, fundSlug: s.fund.slug }],
    [programNew.loader, { slug: s.org.slug, fundSlug: s.fund.slug }],
    [programLayout.loader, { slug: s.org.slug, programSlug: s.program.slug }],
    [programOverview.loader, { slug: s.org.slug, programSlug: s.program.slug }],
    [programDetails.loader, { slug: s.org.slug, programSlug: s.program.slug }],
    [programRubric.loader, { slug: s.org.slug, programSlug: s.program.slug }],
    [programQuestions.loader, { slug: s.org.slug, programSlug: s.program.slug }],
  ] as const

// Who gets what from each page (signed out, outsiders, the funder's reviewers, …) is in the
// route × role matrix (permission-matrix.test.ts); these are the cases it does not cover.
describe('fund and program pages', () => {
  it('open every page to owners, admins and members', async () => {
    const s = await createOpenProgram()
    for (const role of ['admin', 'member'] as const) {
      const cookie = await cookieFor((await addUserToOrg(s, role)).id)
      for (const [loader, params] of loaders(s)) {
        expect((await call(loader, makeRequest('/', { cookie }), params)).status).toBe(200)
      }
    }
    const owner = await cookieFor(s.owner.id)
    const out = await call(fundsIndex.loader, makeRequest('/', { cookie: owner }), {
      slug: s.org.slug,
    })
    expect(out.data).toMatchObject({ funds: [{ slug: s.fund.slug, programCount: 1 }] })
  })

  it('do not exist for a community group, even for its owner', async () => {
    const group = await createOrgWithOwner('community_group')
    const cookie = await cookieFor(group.owner.id)
    const params = { slug: group.org.slug }
    expect((await call(fundsIndex.loader, makeRequest('/', { cookie }), params)).status).toBe(404)
    expect((await call(fundNew.loader, makeRequest('/', { cookie }), params)).status).toBe(404)
    const create = await call(
      fundNew.action,
      makeRequest('/', {
        cookie,
        form: { name: 'Group fund', currency: 'USD', visibility: 'public' },
      }),
      params,
    )
    expect(create.status).toBe(404)
  })

  it('answer 404 for a fund or program of another organisation, under one’s own', async () => {
    const mine = await createOrgWithOwner('funder')
    const theirs = await createOpenProgram()
    const cookie = await cookieFor(mine.owner.id)
    const fundParams = { slug: mine.org.slug, fundSlug: theirs.fund.slug }
    const programParams = { slug: mine.org.slug, programSlug: theirs.program.slug }
    for (const loader of [fundPage.loader, fundEdit.loader, programNew.loader]) {
      expect((await call(loader, makeRequest('/', { cookie }), fundParams)).status).toBe(404)
    }
    for (const loader of [
      programLayout.loader,
      programOverview.loader,
      programDetails.loader,
      programRubric.loader,
      programQuestions.loader,
    ]) {
      expect((await call(loader, makeRequest('/', { cookie }), programParams)).status).toBe(404)
    }
    const post = await call(
      programOverview.action,
      makeRequest('/', { cookie, form: { to: 'closed' } }),
      programParams,
    )
    expect(post.status).toBe(404)
    const rename = await call(
      fundEdit.action,
      makeRequest('/', {
        cookie,
        form: { name: 'Mine now', currency: 'USD', visibility: 'public' },
      }),
      fundParams,
    )
    expect(rename.status).toBe(404)
  })
})

describe('closing a program now', () => {
  it('asks the funder to confirm, then shows the moment it closed on the dashboard', async () => {
    const setup = await createOpenProgram()
    const cookie = await cookieFor(setup.owner.id)
    const params = { slug: setup.org.slug, programSlug: setup.program.slug }
    const where = eq(programs.id, setup.program.id)
    const unconfirmed = await call(
      programOverview.action,
      makeRequest('/', { cookie, form: { to: 'closed' } }),
      params,
    )
    expect(unconfirmed.status).toBe(400)
    const { errors } = unconfirmed.data as { errors: Record<string, string> }
    expect(english(errors.confirm)).toMatch(/close/)
    expect((await db().select().from(programs).where(where))[0]?.status).toBe('open')

    const before = Date.now()
    const closed = await call(
      programOverview.action,
      makeRequest('/', { cookie, form: { to: 'closed', confirm: 'yes' } }),
      params,
    )
    expect(closed.status).toBe(302)
    const [row] = await db().select().from(programs).where(where)
    expect(row?.status).toBe('closed')
    // The 30-day deadline it had is gone: it closed now.
    expect(row?.closesAt?.getTime()).toBeLessThanOrEqual(Date.now())
    expect(row?.closesAt?.getTime()).toBeGreaterThan(before - 60_000)
    const home = await call(dashboard.loader, makeRequest('/', { cookie }))
    const runs = (home.data as { programs: { rows: { id: string; closesAt: string }[] } }).programs
    expect(runs.rows.find((p) => p.id === setup.program.id)?.closesAt).toBe(
      row?.closesAt?.toISOString(),
    )
  })
})
