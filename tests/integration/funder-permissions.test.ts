import { describe, expect, it } from 'vitest'
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
  createUser,
} from '#tests/support/factories.ts'
import { withTestDatabase } from '#tests/support/database.ts'
import { call, makeRequest } from '#tests/support/routes.ts'

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

const actions = (s: Setup) =>
  [
    [fundNew.action, { slug: s.org.slug }, { name: 'Taken over', currency: 'USD' }],
    [fundEdit.action, { slug: s.org.slug, fundSlug: s.fund.slug }, { name: 'Renamed' }],
    [programNew.action, { slug: s.org.slug, fundSlug: s.fund.slug }, { title: 'Sneaky' }],
    [programOverview.action, { slug: s.org.slug, programSlug: s.program.slug }, { to: 'closed' }],
    [programDetails.action, { slug: s.org.slug, programSlug: s.program.slug }, { title: 'X' }],
    [
      programRubric.action,
      { slug: s.org.slug, programSlug: s.program.slug },
      { intent: 'add-criterion' },
    ],
    [
      programQuestions.action,
      { slug: s.org.slug, programSlug: s.program.slug },
      { intent: 'add-question', kind: 'short_text', label: 'Anything?' },
    ],
  ] as const

async function statuses(s: Setup, cookie: string) {
  const out: number[] = []
  for (const [loader, params] of loaders(s)) {
    out.push((await call(loader, makeRequest('/', { cookie }), params)).status)
  }
  for (const [action, params, form] of actions(s)) {
    out.push((await call(action, makeRequest('/', { cookie, form }), params)).status)
  }
  return out
}

describe('fund and program pages', () => {
  it('send signed-out visitors to log in', async () => {
    const s = await createOpenProgram()
    for (const [loader, params] of loaders(s)) {
      const out = await call(loader, makeRequest('/orgs/x/funds'), params)
      expect(out.location).toMatch(/^\/login/)
    }
  })

  it('answer 404 to a signed-in non-member, for every page and action', async () => {
    const s = await createOpenProgram()
    const outsider = await cookieFor((await createUser()).id)
    expect(new Set(await statuses(s, outsider))).toEqual(new Set([404]))
  })

  it('answer 403 to the funder’s reviewers, for every page and action', async () => {
    const s = await createOpenProgram()
    const reviewer = await cookieFor((await addUserToOrg(s, 'reviewer')).id)
    expect(new Set(await statuses(s, reviewer))).toEqual(new Set([403]))
  })

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
