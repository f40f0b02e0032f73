import { randomBytes } from 'node:crypto'
import { and, asc, eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '#db/client.server.ts'
import { auditLog, funds, programQuestions, programs, rubricCriteria } from '#db/schema/index.ts'
import * as fundEdit from '#app/routes/orgs.$slug.funds.$fundSlug.edit.tsx'
import * as fundPage from '#app/routes/orgs.$slug.funds.$fundSlug._index.tsx'
import * as programNew from '#app/routes/orgs.$slug.funds.$fundSlug.programs.new.tsx'
import * as fundNew from '#app/routes/orgs.$slug.funds.new.tsx'
import * as programLayout from '#app/routes/orgs.$slug.programs.$programSlug.tsx'
import * as programOverview from '#app/routes/orgs.$slug.programs.$programSlug._index.tsx'
import * as programDetails from '#app/routes/orgs.$slug.programs.$programSlug.details.tsx'
import * as programQuestionsRoute from '#app/routes/orgs.$slug.programs.$programSlug.questions.tsx'
import * as programRubric from '#app/routes/orgs.$slug.programs.$programSlug.rubric.tsx'
import { RUBRIC_TEMPLATE } from '#app/domain/programs/rubric-template.ts'
import { dateToZonedInput } from '#app/lib/time-zones.ts'
import { cookieFor, createOpenProgram, createOrgWithOwner } from '#tests/support/factories.ts'
import { withTestDatabase } from '#tests/support/database.ts'
import { english } from '#tests/support/english.ts'
import { call, makeRequest } from '#tests/support/routes.ts'

withTestDatabase()

/** A refusal's messages (keys) as an English reader sees them. */
function inEnglish(data: unknown) {
  const failure = data as { errors?: Record<string, unknown>; problems?: string[] }
  return {
    ...failure,
    errors: Object.fromEntries(
      Object.entries(failure.errors ?? {}).map(([k, v]) => [k, english(v as string)]),
    ),
    problems: failure.problems?.map((p) => english(p)),
  }
}

const DAY = 86_400_000
const tag = () => randomBytes(3).toString('hex')
const inDays = (days: number, zone = 'America/Chicago') =>
  dateToZonedInput(new Date(Date.now() + days * DAY), zone)

function programForm(overrides: Record<string, string | string[]> = {}) {
  return {
    title: `Healthy Blocks ${tag()}`,
    description: 'Resident-led work on the conditions that shape health.',
    eligibility: 'Community groups with budgets under $250,000.',
    placeServed: 'Franklin County, Ohio',
    eligibleStates: ['Ohio', 'Kentucky'],
    eligibleCountyFips: ['39049', '39041'],
    sdohDomains: ['neighborhood', 'economic_stability'],
    timeZone: 'America/Chicago',
    opensAt: '',
    closesAt: inDays(30),
    budget: '250,000',
    minAward: '5,000',
    maxAward: '25,000',
    allowSkillRequests: 'on',
    reviewersPerApplication: '2',
    blindReview: 'on',
    communityReviewerWeight: '100',
    showScoresAfterSubmit: 'on',
    ...overrides,
  }
}

async function auditActions(entityId: string) {
  const rows = await db()
    .select({ action: auditLog.action, actor: auditLog.actorUserId, details: auditLog.details })
    .from(auditLog)
    .where(eq(auditLog.entityId, entityId))
    .orderBy(asc(auditLog.id))
  return rows
}

/** A US-dollar fund made through the screens; its slug is the last part of the redirect. */
async function newFund(cookie: string, orgSlug: string, name: string) {
  const out = await call(
    fundNew.action,
    makeRequest('/', { cookie, form: { name, currency: 'USD', visibility: 'public' } }),
    { slug: orgSlug },
  )
  return { out, fundSlug: out.location!.split('/').at(-1)! }
}

/** A funder with a fund and a draft program made through the screens, and the owner's cookie. */
async function draftProgram(overrides: Record<string, string | string[]> = {}) {
  const { owner, org } = await createOrgWithOwner('funder')
  const cookie = await cookieFor(owner.id)
  const { out: fundOut, fundSlug } = await newFund(cookie, org.slug, `Riverside Fund ${tag()}`)
  expect(fundOut.status).toBe(302)
  const created = await call(
    programNew.action,
    makeRequest('/', { cookie, form: programForm(overrides) }),
    { slug: org.slug, fundSlug },
  )
  expect(created.status, JSON.stringify(created.data)).toBe(302)
  const programSlug = created.location!.split('/').at(-1)!
  const [program] = await db().select().from(programs).where(eq(programs.slug, programSlug))
  return {
    owner,
    org,
    cookie,
    fundSlug,
    program: program!,
    params: { slug: org.slug, programSlug },
  }
}

type Draft = Awaited<ReturnType<typeof draftProgram>>
type Handler = Parameters<typeof call>[0]

/** The draft's owner opening one of its pages. */
const load = (s: Draft, loader: Handler) =>
  call(loader, makeRequest('/', { cookie: s.cookie }), s.params)

/** The draft's owner posting a form on one of its pages. */
const postTo = (action: Handler) => (s: Draft, form: Record<string, string | string[]>) =>
  call(action, makeRequest('/', { cookie: s.cookie, form }), s.params)

/**
 * The draft's owner asking for a status change on the program's overview, as the buttons post it
 * ("Close now" with its confirmation box ticked).
 */
const transition = (s: Draft, to: string) =>
  postTo(programOverview.action)(s, { to, confirm: 'yes' })

const criteriaOf = (programId: string) =>
  db()
    .select()
    .from(rubricCriteria)
    .where(eq(rubricCriteria.programId, programId))
    .orderBy(asc(rubricCriteria.position))

describe('funds', () => {
  it('are created with a globally unique slug, listed, and edited, each change audited', async () => {
    const { owner, org } = await createOrgWithOwner('funder')
    const other = await createOrgWithOwner('funder')
    const cookie = await cookieFor(owner.id)
    const name = `Harbor Health Fund ${tag()}`
    await call(
      fundNew.action,
      makeRequest('/', {
        cookie: await cookieFor(other.owner.id),
        form: { name, currency: 'USD', visibility: 'public' },
      }),
      { slug: other.org.slug },
    )
    const out = await call(
      fundNew.action,
      makeRequest('/', {
        cookie,
        form: { name, currency: 'CAD', visibility: 'private', description: 'For the harbor.' },
      }),
      { slug: org.slug },
    )
    expect(out.status).toBe(302)
    const slug = out.location!.split('/').at(-1)!
    expect(slug).toMatch(/-2$/)
    const [fund] = await db().select().from(funds).where(eq(funds.slug, slug))
    expect(fund).toMatchObject({ organizationId: org.id, currency: 'CAD', visibility: 'private' })

    const page = await call(fundPage.loader, makeRequest('/', { cookie }), {
      slug: org.slug,
      fundSlug: slug,
    })
    expect(page.data).toMatchObject({ fund: { name, currency: 'CAD' }, programs: [] })

    const edit = await call(
      fundEdit.action,
      makeRequest('/', {
        cookie,
        form: { name: 'Harbor Fund', currency: 'USD', visibility: 'public' },
      }),
      { slug: org.slug, fundSlug: slug },
    )
    expect(edit.status).toBe(302)
    expect((await auditActions(fund!.id)).map((a) => a.action)).toEqual([
      'fund.created',
      'fund.updated',
    ])
  })

  it('refuse a missing name and an unknown currency, keeping what was typed', async () => {
    const { owner, org } = await createOrgWithOwner('funder')
    const out = await call(
      fundNew.action,
      makeRequest('/', {
        cookie: await cookieFor(owner.id),
        form: { name: '', currency: 'XBT', visibility: 'public', description: 'Kept' },
      }),
      { slug: org.slug },
    )
    expect(out.status).toBe(400)
    expect(out.data).toMatchObject({
      errors: { name: expect.any(String), currency: 'validation:fund.currency' },
      values: { description: 'Kept' },
    })
  })

  it('keep their currency once they have programs', async () => {
    const s = await draftProgram()
    const out = await call(
      fundEdit.action,
      makeRequest('/', {
        cookie: s.cookie,
        form: { name: 'Renamed fund', currency: 'EUR', visibility: 'public' },
      }),
      { slug: s.org.slug, fundSlug: s.fundSlug },
    )
    expect(out.status).toBe(400)
    expect(inEnglish(out.data)).toMatchObject({
      errors: { currency: expect.stringMatching(/stays USD/) },
    })
  })
})

describe('creating and editing a program', () => {
  it('stores the details, dates as instants in the chosen zone, and the equity template rubric', async () => {
    const s = await draftProgram({ closesAt: '2031-06-30T17:00' })
    expect(s.program).toMatchObject({
      status: 'draft',
      placeServed: 'Franklin County, Ohio',
      eligibleStates: ['Ohio', 'Kentucky'],
      eligibleCountyFips: ['39049', '39041'],
      sdohDomains: ['neighborhood', 'economic_stability'],
      timeZone: 'America/Chicago',
      closesAt: new Date('2031-06-30T22:00:00Z'),
      opensAt: null,
      budgetMinor: 25_000_000,
      minAwardMinor: 500_000,
      maxAwardMinor: 2_500_000,
      allowSkillRequests: true,
      reviewersPerApplication: 2,
      blindReview: true,
    })
    const criteria = await criteriaOf(s.program.id)
    expect(criteria.map((c) => c.label)).toEqual(RUBRIC_TEMPLATE.map((c) => c.label))
    expect((await auditActions(s.program.id)).map((a) => a.action)).toEqual(['program.created'])

    const details = await load(s, programDetails.loader)
    expect(details.data).toMatchObject({
      values: { closesAt: '2031-06-30T17:00', budget: '250000.00', blindReview: 'on' },
    })
  })

  it.each([
    ['a minimum above the maximum', { minAward: '30000' }, 'minAward', /minimum award cannot/],
    [
      'a maximum above the budget',
      { maxAward: '300000' },
      'maxAward',
      /more than the total budget/,
    ],
    [
      'a closing time before the opening time',
      { opensAt: '2031-07-01T09:00', closesAt: '2031-06-30T17:00' },
      'closesAt',
      /after the opening time/,
    ],
    ['an unknown state', { eligibleStates: ['Ohio', 'Atlantis'] }, 'eligibleStates', /Atlantis/],
    [
      'an unknown county',
      { eligibleCountyFips: ['39049', '99999'] },
      'eligibleCountyFips',
      /99999/,
    ],
    [
      'a malformed county code',
      { eligibleCountyFips: ['3904'] },
      'eligibleCountyFips.0',
      /Choose counties from the list/,
    ],
    [
      'a typed county line (no JavaScript) that names no county',
      { eligibleCountyFipsText: 'Franklin County, Ohio\nAtlantis' },
      'eligibleCountyFips',
      /“Atlantis”: no US county of that name/,
    ],
    ['too many reviewers', { reviewersPerApplication: '11' }, 'reviewersPerApplication', /1 to 10/],
  ])('refuses %s with a field error, keeping the input', async (_n, overrides, field, message) => {
    const { owner, org } = await createOrgWithOwner('funder')
    const cookie = await cookieFor(owner.id)
    const { fundSlug } = await newFund(cookie, org.slug, `Fund ${tag()}`)
    const form = programForm(overrides)
    const out = await call(programNew.action, makeRequest('/', { cookie, form }), {
      slug: org.slug,
      fundSlug,
    })
    expect(out.status).toBe(400)
    const failure = out.data as { errors: Record<string, string>; values: Record<string, unknown> }
    expect(english(failure.errors[field])).toMatch(message)
    expect(failure.values.title).toBe(form.title)
    expect(await db().select().from(programs).where(eq(programs.title, form.title))).toEqual([])
  })

  it('shows every problem of one submission at once: fields, cross-field and county lookup', async () => {
    const { owner, org } = await createOrgWithOwner('funder')
    const cookie = await cookieFor(owner.id)
    const { fundSlug } = await newFund(cookie, org.slug, `Fund ${tag()}`)
    const form = programForm({
      title: '',
      minAward: '30000',
      reviewersPerApplication: '11',
      eligibleCountyFipsText: 'Atlantis',
    })
    const out = await call(programNew.action, makeRequest('/', { cookie, form }), {
      slug: org.slug,
      fundSlug,
    })
    expect(out.status).toBe(400)
    expect(inEnglish(out.data).errors).toEqual({
      title: expect.stringMatching(/title/),
      reviewersPerApplication: expect.stringMatching(/1 to 10/),
      minAward: expect.stringMatching(/minimum award cannot/),
      eligibleCountyFips: expect.stringMatching(/Atlantis/),
    })
  })

  it('takes eligible counties typed as "County, State" lines when the picker had no JavaScript', async () => {
    const s = await draftProgram({
      eligibleCountyFips: [],
      eligibleCountyFipsText: 'Franklin County, Ohio\nDelaware, OH',
    })
    expect(s.program.eligibleCountyFips).toEqual(['39049', '39041'])
    const details = await load(s, programDetails.loader)
    expect(
      (details.data as { counties: { label: string }[] }).counties.map((c) => c.label),
    ).toEqual(['Franklin County, Ohio', 'Delaware County, Ohio'])
    // The overview names them too, never by code.
    const overview = await load(s, programOverview.loader)
    expect(overview.data).toMatchObject({
      facts: { counties: ['Franklin County, Ohio', 'Delaware County, Ohio'] },
    })
  })

  it('saves details with an audit row naming what changed', async () => {
    const s = await draftProgram()
    const out = await postTo(programDetails.action)(
      s,
      programForm({ title: s.program.title, blindReview: [], budget: '300000' }),
    )
    expect(out.status).toBe(302)
    const [saved] = await db().select().from(programs).where(eq(programs.id, s.program.id))
    expect(saved).toMatchObject({ blindReview: false, budgetMinor: 30_000_000 })
    const audit = await auditActions(s.program.id)
    expect(audit.at(-1)).toMatchObject({
      action: 'program.updated',
      details: { changed: ['budgetMinor', 'blindReview'] },
    })
  })

  it('saves the community reviewers’ weight (typed as a percentage) and whether scores show after submitting', async () => {
    const s = await draftProgram()
    expect(s.program).toMatchObject({ communityReviewerWeight: 1000, showScoresAfterSubmit: true })
    const out = await postTo(programDetails.action)(
      s,
      programForm({
        title: s.program.title,
        communityReviewerWeight: '62.5',
        showScoresAfterSubmit: [],
      }),
    )
    expect(out.status, JSON.stringify(out.data)).toBe(302)
    const [saved] = await db().select().from(programs).where(eq(programs.id, s.program.id))
    expect(saved).toMatchObject({ communityReviewerWeight: 625, showScoresAfterSubmit: false })
    expect((await auditActions(s.program.id)).at(-1)).toMatchObject({
      action: 'program.updated',
      details: { changed: ['communityReviewerWeight', 'showScoresAfterSubmit'] },
    })
    // The form shows them back as typed.
    const details = await load(s, programDetails.loader)
    expect(details.data).toMatchObject({
      values: { communityReviewerWeight: '62.5', showScoresAfterSubmit: '' },
    })
  })

  it.each(['1000.5', '-10', 'equal'])(
    'refuses a community reviewers’ weight of %j beside the field, saving nothing',
    async (typed) => {
      const s = await draftProgram()
      const audits = (await auditActions(s.program.id)).length
      const form = programForm({
        title: s.program.title,
        budget: '300000',
        communityReviewerWeight: typed,
        showScoresAfterSubmit: [],
      })
      const out = await postTo(programDetails.action)(s, form)
      expect(out.status).toBe(400)
      const failure = out.data as {
        errors: Record<string, string>
        values: Record<string, unknown>
      }
      expect(Object.keys(failure.errors)).toEqual(['communityReviewerWeight'])
      expect(english(failure.errors.communityReviewerWeight!)).toMatch(/percentage from 0 to 1000/)
      expect(failure.values).toMatchObject({ communityReviewerWeight: typed, budget: '300000' })
      const [still] = await db().select().from(programs).where(eq(programs.id, s.program.id))
      expect(still).toMatchObject({
        communityReviewerWeight: 1000,
        showScoresAfterSubmit: true,
        budgetMinor: 25_000_000,
      })
      expect(await auditActions(s.program.id)).toHaveLength(audits)
    },
  )

  it('refuses a past closing time when saving an open program', async () => {
    const s = await draftProgram()
    expect((await transition(s, 'open')).status).toBe(302)
    const out = await postTo(programDetails.action)(
      s,
      programForm({ title: s.program.title, closesAt: inDays(-1) }),
    )
    expect(out.status).toBe(400)
    expect(inEnglish(out.data)).toMatchObject({
      errors: { closesAt: expect.stringMatching(/future/) },
    })
    const [still] = await db().select().from(programs).where(eq(programs.id, s.program.id))
    expect(still!.status).toBe('open')
  })
})

describe('program status', () => {
  it('moves draft → open → closed → in review → decided, auditing each step', async () => {
    const s = await draftProgram()
    for (const to of ['open', 'closed', 'in_review', 'decided']) {
      const out = await transition(s, to)
      expect(out.status, `${to}: ${JSON.stringify(out.data)}`).toBe(302)
    }
    const [done] = await db().select().from(programs).where(eq(programs.id, s.program.id))
    expect(done!.status).toBe('decided')
    expect(done!.opensAt).not.toBeNull()
    expect((await auditActions(s.program.id)).map((a) => a.action)).toEqual([
      'program.created',
      'program.opened',
      'program.closed',
      'program.review_started',
      'program.decided',
    ])
  })

  it('refuses transitions that skip a step or go back', async () => {
    const s = await draftProgram()
    for (const to of ['closed', 'in_review', 'decided', 'draft']) {
      const out = await transition(s, to)
      expect(out.status).toBe(400)
    }
  })

  it('will not open without a complete rubric, saying what is missing', async () => {
    const s = await draftProgram()
    await db()
      .update(rubricCriteria)
      .set({ weight: 10 })
      .where(eq(rubricCriteria.programId, s.program.id))
    const out = await transition(s, 'open')
    expect(out.status).toBe(400)
    expect(inEnglish(out.data)).toMatchObject({
      errors: { form: 'The program cannot open yet.' },
      problems: ['The weights add up to 50; they must add up to exactly 100.'],
    })
    await db().delete(rubricCriteria).where(eq(rubricCriteria.programId, s.program.id))
    const empty = await transition(s, 'open')
    expect(inEnglish(empty.data)).toMatchObject({
      problems: ['The rubric has no criteria; add at least one.'],
    })
    const [still] = await db().select().from(programs).where(eq(programs.id, s.program.id))
    expect(still!.status).toBe('draft')
  })

  it('will not open without guidance for every level, a future deadline and an award range', async () => {
    const s = await draftProgram({ closesAt: '', minAward: '0', maxAward: '0' })
    const [first] = await criteriaOf(s.program.id)
    await db()
      .update(rubricCriteria)
      // A level fewer, its translation too (the database keeps one per level).
      .set({
        levels: first!.levels.slice(1),
        guidanceTranslation: first!.guidanceTranslation?.slice(1),
      })
      .where(eq(rubricCriteria.id, first!.id))
    const out = await transition(s, 'open')
    expect(inEnglish(out.data)).toMatchObject({
      problems: [
        `“${first!.label}” needs guidance for every score level.`,
        'Set a closing time.',
        'Set the award range (the maximum award is zero).',
      ],
    })
    await db()
      .update(programs)
      .set({ closesAt: new Date(Date.now() - 60_000) })
      .where(eq(programs.id, s.program.id))
    const past = await transition(s, 'open')
    expect(inEnglish(past.data)).toMatchObject({
      problems: expect.arrayContaining(['The closing time has passed; set one in the future.']),
    })
  })

  it('reads as closed past its deadline by the database clock, before the deadline job runs', async () => {
    const s = await createOpenProgram()
    const cookie = await cookieFor(s.owner.id)
    const params = { slug: s.org.slug, programSlug: s.program.slug }
    const before = await call(programLayout.loader, makeRequest('/', { cookie }), params)
    expect(before.data).toMatchObject({ program: { status: 'open' } })
    await db()
      .update(programs)
      .set({ closesAt: sql`now() - interval '1 second'` })
      .where(eq(programs.id, s.program.id))
    const after = await call(programLayout.loader, makeRequest('/', { cookie }), params)
    expect(after.data).toMatchObject({ program: { status: 'closed' } })
    const overview = await call(programOverview.loader, makeRequest('/', { cookie }), params)
    expect(overview.data).toMatchObject({ status: 'closed', accepting: false })
    const fund = await call(fundPage.loader, makeRequest('/', { cookie }), {
      slug: s.org.slug,
      fundSlug: s.fund.slug,
    })
    expect(fund.data).toMatchObject({ programs: [{ status: 'closed' }] })
    // Reading writes nothing: closing is the deadline job's (tests/integration/jobs.test.ts).
    const [row] = await db().select().from(programs).where(eq(programs.id, s.program.id))
    expect(row!.status).toBe('open')
    expect((await auditActions(s.program.id)).map((a) => a.action)).not.toContain('program.closed')
  })
})

describe('the rubric editor', () => {
  const post = postTo(programRubric.action)

  it('adds, edits, reorders, reweights and removes criteria, auditing each change', async () => {
    const s = await draftProgram()
    const added = await post(s, { intent: 'add-criterion' })
    expect(added.location).toMatch(/\/rubric\?edit=[0-9a-f-]{36}#edit-criterion$/)
    let criteria = await criteriaOf(s.program.id)
    const fresh = criteria.at(-1)!
    expect(fresh).toMatchObject({ label: 'New criterion', weight: 0, maxScore: 4 })

    const saved = await post(s, {
      intent: 'save-criterion',
      criterionId: fresh.id,
      label: 'Language access',
      description: 'Materials and meetings in the languages people speak.',
      maxScore: '3',
      isEquity: 'on',
      level1: 'English only',
      level2: 'Some translation',
      level3: 'Led in community languages',
    })
    expect(saved.status).toBe(302)

    const moved = await post(s, {
      intent: 'move-criterion',
      criterionId: fresh.id,
      direction: 'up',
    })
    expect(moved.status).toBe(302)
    criteria = await criteriaOf(s.program.id)
    expect(criteria.at(-2)).toMatchObject({
      id: fresh.id,
      label: 'Language access',
      maxScore: 3,
      isEquity: true,
      levels: [
        { score: 1, guidance: 'English only' },
        { score: 2, guidance: 'Some translation' },
        { score: 3, guidance: 'Led in community languages' },
      ],
    })

    const weights = Object.fromEntries(criteria.map((c) => [`weights.${c.id}`, '10']))
    const bad = await post(s, { intent: 'weights', ...weights })
    expect(bad.status).toBe(400)
    expect(inEnglish(bad.data)).toMatchObject({
      errors: { form: 'The weights add up to 60; they must add up to exactly 100.' },
    })
    weights[`weights.${fresh.id}`] = '50'
    expect((await post(s, { intent: 'weights', ...weights })).status).toBe(302)
    criteria = await criteriaOf(s.program.id)
    expect(criteria.reduce((sum, c) => sum + c.weight, 0)).toBe(100)

    const loaded = await load(s, programRubric.loader)
    expect(loaded.data).toMatchObject({ locked: false, total: 100, problems: [] })

    expect((await post(s, { intent: 'remove-criterion', criterionId: fresh.id })).status).toBe(302)
    const after = await load(s, programRubric.loader)
    expect(inEnglish(after.data)).toMatchObject({
      total: 50,
      problems: ['The weights add up to 50; they must add up to exactly 100.'],
    })

    expect((await post(s, { intent: 'reset-template' })).status).toBe(302)
    expect((await criteriaOf(s.program.id)).map((c) => c.label)).toEqual(
      RUBRIC_TEMPLATE.map((c) => c.label),
    )
    expect((await auditActions(s.program.id)).map((a) => a.action)).toEqual([
      'program.created',
      'rubric_criterion.added',
      'rubric_criterion.updated',
      'rubric_criterion.moved',
      'rubric.reweighted',
      'rubric_criterion.removed',
      'rubric.reset',
    ])
  })

  it('refuses a criterion without a label, or of another program', async () => {
    const s = await draftProgram()
    const other = await createOpenProgram()
    const [mine] = await criteriaOf(s.program.id)
    const [theirs] = await criteriaOf(other.program.id)
    const noLabel = await post(s, {
      intent: 'save-criterion',
      criterionId: mine!.id,
      label: '',
      maxScore: '4',
    })
    expect(noLabel.status).toBe(400)
    expect(noLabel.data).toMatchObject({ errors: { label: expect.any(String) } })
    const foreign = await post(s, { intent: 'remove-criterion', criterionId: theirs!.id })
    expect(foreign.status).toBe(400)
    expect(await criteriaOf(other.program.id)).toHaveLength(2)
  })

  it('is locked once review starts', async () => {
    const s = await draftProgram()
    for (const to of ['open', 'closed', 'in_review']) {
      await transition(s, to)
    }
    const loaded = await load(s, programRubric.loader)
    expect(loaded.data).toMatchObject({ locked: true })
    const [first] = await criteriaOf(s.program.id)
    for (const form of [
      { intent: 'add-criterion' },
      { intent: 'reset-template' },
      { intent: 'remove-criterion', criterionId: first!.id },
      { intent: 'move-criterion', criterionId: first!.id, direction: 'down' },
      { intent: 'save-criterion', criterionId: first!.id, label: 'Changed', maxScore: '4' },
    ] as Record<string, string>[]) {
      const out = await post(s, form)
      expect(out.status).toBe(400)
      expect(inEnglish(out.data)).toMatchObject({
        errors: { form: expect.stringMatching(/locked/) },
      })
    }
    expect((await criteriaOf(s.program.id)).map((c) => c.label)).toEqual(
      RUBRIC_TEMPLATE.map((c) => c.label),
    )
  })
})

describe('custom questions', () => {
  const post = postTo(programQuestionsRoute.action)
  const questionsOf = (programId: string) =>
    db()
      .select()
      .from(programQuestions)
      .where(eq(programQuestions.programId, programId))
      .orderBy(asc(programQuestions.position))

  it('are added, edited, reordered and removed, each change audited', async () => {
    const s = await draftProgram()
    const add = (form: Record<string, string>) => post(s, { intent: 'add-question', ...form })
    expect(
      (
        await add({
          kind: 'long_text',
          label: 'Tell us your story',
          wordLimit: '300',
          required: 'on',
        })
      ).status,
    ).toBe(302)
    expect(
      (
        await add({
          kind: 'single_choice',
          label: 'Are you fiscally sponsored?',
          options: 'Yes\nNo\nApplying',
        })
      ).status,
    ).toBe(302)
    let questions = await questionsOf(s.program.id)
    expect(questions).toMatchObject([
      { kind: 'long_text', wordLimit: 300, required: true, options: [] },
      { kind: 'single_choice', options: ['Yes', 'No', 'Applying'], required: false },
    ])
    const [story, sponsor] = questions
    expect(
      (
        await post(s, {
          intent: 'save-question',
          questionId: story!.id,
          kind: 'long_text',
          label: 'Tell us your story',
          helpText: 'In your own words.',
          wordLimit: '500',
        })
      ).status,
    ).toBe(302)
    expect(
      (await post(s, { intent: 'move-question', questionId: sponsor!.id, direction: 'up' })).status,
    ).toBe(302)
    questions = await questionsOf(s.program.id)
    expect(questions.map((q) => q.id)).toEqual([sponsor!.id, story!.id])
    expect(questions[1]).toMatchObject({
      helpText: 'In your own words.',
      wordLimit: 500,
      required: false,
    })
    expect((await post(s, { intent: 'remove-question', questionId: sponsor!.id })).status).toBe(302)
    expect((await questionsOf(s.program.id)).map((q) => q.id)).toEqual([story!.id])
    const audit = (await auditActions(s.program.id)).map((a) => a.action)
    expect(audit.filter((a) => a.startsWith('program_question.'))).toEqual([
      'program_question.added',
      'program_question.added',
      'program_question.updated',
      'program_question.moved',
      'program_question.removed',
    ])
  })

  it('refuse a choice question without options and a kind that does not exist', async () => {
    const s = await draftProgram()
    const noOptions = await post(s, {
      intent: 'add-question',
      kind: 'multi_choice',
      label: 'Which languages?',
      options: 'English',
    })
    expect(noOptions.status).toBe(400)
    expect(inEnglish(noOptions.data)).toMatchObject({
      errors: { options: 'Give at least 2 options, one per line' },
      values: { label: 'Which languages?' },
    })
    const badKind = await post(s, { intent: 'add-question', kind: 'essay', label: 'Tell us' })
    expect(inEnglish(badKind.data)).toMatchObject({ errors: { kind: 'Choose the kind of answer' } })
    expect(await questionsOf(s.program.id)).toEqual([])
  })

  it('are fixed once the program closes', async () => {
    const s = await draftProgram()
    await post(s, { intent: 'add-question', kind: 'yes_no', label: 'Are you led by residents?' })
    for (const to of ['open', 'closed']) {
      await transition(s, to)
    }
    const loaded = await load(s, programQuestionsRoute.loader)
    expect(loaded.data).toMatchObject({ locked: true })
    const out = await post(s, { intent: 'add-question', kind: 'number', label: 'How many staff?' })
    expect(out.status).toBe(400)
    expect(inEnglish(out.data)).toMatchObject({ errors: { form: expect.stringMatching(/fixed/) } })
    expect(
      await db()
        .select()
        .from(programQuestions)
        .where(
          and(eq(programQuestions.programId, s.program.id), eq(programQuestions.kind, 'number')),
        ),
    ).toEqual([])
  })
})
