import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '#db/client.server.ts'
import { applicationEvents, auditLog, funds, programs } from '#db/schema/index.ts'
import { readApplication } from '#app/services/applications/application-content.server.ts'
import { saveStep } from '#app/services/applications/application-drafts.server.ts'
import {
  loadApplicationFor,
  startApplication,
} from '#app/services/applications/applications.server.ts'
import {
  submitApplication,
  withdrawApplication,
} from '#app/services/applications/application-submission.server.ts'
import { addUserToOrg, createOpenProgram, createUser } from '#tests/support/factories.ts'
import { raceTest, withTestDatabase } from '#tests/support/database.ts'
import { english } from '#tests/support/english.ts'
import { completeDraft, groupAndProgram } from '#tests/support/complete-draft.ts'

withTestDatabase()

describe('starting an application', () => {
  it('pre-fills it from the organisation profile and records the draft in the history', async () => {
    const { application, group } = await groupAndProgram()
    expect(application).toMatchObject({
      status: 'draft',
      leadership: 'Led by residents of the Eastside',
      communityServed: 'Families on the Eastside',
      contactEmail: group.owner.email,
    })
    const events = await db()
      .select()
      .from(applicationEvents)
      .where(eq(applicationEvents.applicationId, application.id))
    expect(events.map((e) => e.toStatus)).toEqual(['draft'])
  })

  it('returns the same draft when started twice', async () => {
    const { application, group, funder, actor } = await groupAndProgram()
    const again = await startApplication(actor, group.org, funder.program)
    expect(again.ok && again.application.id).toBe(application.id)
  })

  it('refuses a funder organisation and a closed program', async () => {
    const { funder, actor, group } = await groupAndProgram()
    expect(await startApplication(actor, funder.org, funder.program)).toEqual({
      ok: false,
      reason: 'not_a_group',
      message: 'applications:refusals.notAGroup',
    })
    const closed = await createOpenProgram({ closesAt: new Date(Date.now() - 1000) })
    expect(await startApplication(actor, group.org, closed.program)).toEqual({
      ok: false,
      reason: 'closed',
      message: 'applications:start.notOpen',
    })
  })
})

describe('who can see an application', () => {
  it('shows a draft to its group only; the funder sees it once submitted', async () => {
    const { application, group, funder, actor } = await groupAndProgram()
    const member = await addUserToOrg(group, 'member')
    const outsider = await createUser()
    expect(await loadApplicationFor(application.id, member.id)).not.toBeNull()
    expect(await loadApplicationFor(application.id, outsider.id)).toBeNull()
    expect(await loadApplicationFor(application.id, funder.owner.id)).toBeNull()
    const version = await completeDraft(actor, application.id)
    const loaded = await loadApplicationFor(application.id, actor.id)
    expect(await submitApplication(actor, loaded!, version)).toEqual({ ok: true })
    expect((await loadApplicationFor(application.id, funder.owner.id))?.access.side).toBe('funder')
  })
})

describe('saving drafts', () => {
  it('detects a colleague’s save instead of overwriting it', async () => {
    const { application, group, actor } = await groupAndProgram()
    const colleague = await addUserToOrg(group, 'member')
    const data = {
      version: 1,
      title: 'Mine',
      summary: '',
      sdohDomains: [],
    }
    const first = await saveStep(
      colleague,
      application,
      { step: 'project', data: { ...data, title: 'Theirs' } },
      1,
    )
    expect(first).toEqual({ ok: true, version: 2 })
    const second = await saveStep(actor, application, { step: 'project', data }, 1)
    // The one result shape: a 409 with the sentence the form shows, and the newer version.
    expect(second).toMatchObject({
      ok: false,
      reason: 'conflict',
      status: 409,
      message: {
        key: 'applications:refusals.conflict',
        values: expect.objectContaining({ name: colleague.name }),
      },
      current: { version: 2, by: colleague.name },
    })
    const { content } = await readApplication((await loadApplicationFor(application.id, actor.id))!)
    expect(content.title).toBe('Theirs')
  })

  raceTest('lets exactly one of two simultaneous saves from the same version win', async () => {
    const { application, actor } = await groupAndProgram()
    const write = (title: string) =>
      saveStep(
        actor,
        application,
        { step: 'project', data: { version: 1, title, summary: '', sdohDomains: [] } },
        1,
      )
    const results = await Promise.all([write('A'), write('B')])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
  })

  it('computes the population-weighted vulnerability of the counties served', async () => {
    const { application, actor } = await groupAndProgram()
    await completeDraft(actor, application.id)
    const saved = (await loadApplicationFor(application.id, actor.id))!.application
    // Franklin County, OH (pop 1,318,149, SVI .6497) and Delaware County, OH (216,074, .0239).
    const expected = (0.6497 * 1_318_149 + 0.0239 * 216_074) / (1_318_149 + 216_074)
    // Kept to the source data's four decimals.
    expect(saved.placeVulnerability).toBe(Math.round(expected * 10_000) / 10_000)
    expect(saved.placeVulnerabilityYear).toBe(2022)
  })
})

describe('submitting and withdrawing', () => {
  it('refuses a draft serving only counties outside the program’s eligible counties', async () => {
    // Cook County, Illinois only; the draft serves two Ohio counties.
    const { actor, application } = await groupAndProgram({ eligibleCountyFips: ['17031'] })
    const version = await completeDraft(actor, application.id)
    const loaded = await loadApplicationFor(application.id, actor.id)
    const result = await submitApplication(actor, loaded!, version)
    if (result.ok || result.reason !== 'incomplete') throw new Error('expected issues')
    expect(result.issues.map((i) => [i.step, english(i.message)])).toEqual([
      ['community', expect.stringMatching(/^Delaware County, Ohio is outside the places/)],
      ['community', expect.stringMatching(/^Franklin County, Ohio is outside the places/)],
    ])
  })

  it('refuses a complete draft whose fund has since been made private', async () => {
    const { actor, application, funder } = await groupAndProgram()
    const version = await completeDraft(actor, application.id)
    await db().update(funds).set({ visibility: 'private' }).where(eq(funds.id, funder.fund.id))
    const loaded = await loadApplicationFor(application.id, actor.id)
    expect(await submitApplication(actor, loaded!, version)).toMatchObject({
      ok: false,
      reason: 'unavailable',
    })
  })

  it('lists what is missing instead of submitting an incomplete draft', async () => {
    const { application, actor } = await groupAndProgram()
    const loaded = await loadApplicationFor(application.id, actor.id)
    const result = await submitApplication(actor, loaded!, 1)
    expect(result.ok).toBe(false)
    if (result.ok || result.reason !== 'incomplete') throw new Error('expected issues')
    expect(new Set(result.issues.map((i) => i.step))).toEqual(
      new Set(['organization', 'community', 'project', 'budget']),
    )
  })

  it('refuses submission after the deadline, by the server clock, keeping the draft', async () => {
    const { application, actor, funder } = await groupAndProgram()
    const version = await completeDraft(actor, application.id)
    await db()
      .update(programs)
      .set({ closesAt: new Date(Date.now() - 1000) })
      .where(eq(programs.id, funder.program.id))
    const loaded = await loadApplicationFor(application.id, actor.id)
    expect(await submitApplication(actor, loaded!, version)).toMatchObject({
      ok: false,
      reason: 'closed',
    })
    expect((await loadApplicationFor(application.id, actor.id))?.application.status).toBe('draft')
  })

  it('never withdraws a draft (the funder has not received it)', async () => {
    const { application, actor } = await groupAndProgram()
    const loaded = await loadApplicationFor(application.id, actor.id)
    expect(await withdrawApplication(actor, loaded!, '')).toMatchObject({
      ok: false,
      reason: 'draft',
      status: 409,
      message: 'applications:refusals.withdrawDraft',
    })
    expect((await loadApplicationFor(application.id, actor.id))?.application.status).toBe('draft')
  })

  it('refuses a submission from an older version with 409, so the group checks it again', async () => {
    const { application, actor } = await groupAndProgram()
    const version = await completeDraft(actor, application.id)
    const loaded = await loadApplicationFor(application.id, actor.id)
    expect(await submitApplication(actor, loaded!, version - 1)).toEqual({
      ok: false,
      reason: 'stale',
      status: 409,
      message: 'applications:refusals.stale',
    })
    expect((await loadApplicationFor(application.id, actor.id))?.application.status).toBe('draft')
  })

  it('submits a complete draft, audits it, and lets the group withdraw until a decision', async () => {
    const { application, actor } = await groupAndProgram()
    const version = await completeDraft(actor, application.id)
    const loaded = await loadApplicationFor(application.id, actor.id)
    expect(await submitApplication(actor, loaded!, version)).toEqual({ ok: true })
    const submitted = await loadApplicationFor(application.id, actor.id)
    expect(submitted?.application.status).toBe('submitted')
    expect(submitted?.access).toMatchObject({ side: 'applicant', canEdit: false })
    expect(await withdrawApplication(actor, submitted!, 'We found other funding')).toEqual({
      ok: true,
    })
    const audit = await db()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, application.id))
      .orderBy(auditLog.id)
    expect(audit.map((a) => a.action)).toEqual([
      'application.created',
      'application.submitted',
      'application.withdrawn',
    ])
    const withdrawn = await loadApplicationFor(application.id, actor.id)
    expect(await withdrawApplication(actor, withdrawn!, 'again')).toMatchObject({ ok: false })
  })
})
