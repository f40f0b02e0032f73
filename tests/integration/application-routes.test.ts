import { english } from '#tests/support/english.ts'
import { and, asc, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { startedDraft } from '#tests/support/started-draft.ts'
import { msg, translateMessage, type Message } from '#app/lib/i18n/message.ts'
import { fixedT } from '#app/utils/i18n.server.ts'
import { db } from '#db/client.server.ts'
import {
  applications,
  attachments,
  auditLog,
  funds,
  programQuestions,
  programs,
} from '#db/schema/index.ts'
import { MAX_FILES_PER_APPLICATION } from '#app/domain/file-types.ts'
import * as attachmentsRoute from '#app/routes/applications.$id.attachments.tsx'
import * as download from '#app/routes/applications.$id.attachments.$attachmentId.tsx'
import * as budget from '#app/routes/applications.$id.budget.tsx'
import * as community from '#app/routes/applications.$id.community.tsx'
import * as statusPage from '#app/routes/applications.$id._index.tsx'
import * as project from '#app/routes/applications.$id.project.tsx'
import * as review from '#app/routes/applications.$id.review.tsx'
import * as skills from '#app/routes/applications.$id.skills.tsx'
import * as layout from '#app/routes/applications.$id.tsx'
import * as groupList from '#app/routes/orgs.$slug.applications.tsx'
import * as funderList from '#app/routes/orgs.$slug.programs.$programSlug.applications.tsx'
import * as apply from '#app/routes/programs.$slug.apply.tsx'
import * as programPage from '#app/routes/programs.$slug._index.tsx'
import * as dashboard from '#app/routes/_index.tsx'
import { listAttachments } from '#app/services/applications/attachments.server.ts'
import { takeFlash } from '#app/utils/session.server.ts'
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

function multipart(path: string, cookie: string, file: File, questionId = '') {
  const body = new FormData()
  body.set('intent', 'upload')
  body.set('questionId', questionId)
  body.set('file', file)
  return new Request(`http://localhost${path}`, {
    method: 'POST',
    headers: { Cookie: cookie },
    body,
  })
}

/** The flash message a response sets, as the next page would read it. */
async function flashOf(headers: Headers) {
  const cookie = (headers.get('Set-Cookie') ?? '').split(';')[0] ?? ''
  const { flash } = await takeFlash(
    new Request('http://localhost/', { headers: { Cookie: cookie } }),
  )
  // As an English reader sees it (the flash carries a translation key).
  return flash ? { ...flash, message: english(flash.message) } : flash
}

const pdf = (name = 'letter.pdf') =>
  new File([new TextEncoder().encode('%PDF-1.4 demo')], name, { type: 'application/pdf' })

describe('applying', () => {
  it('starts a draft and sends the group to it', async () => {
    const { id } = await startedDraft()
    expect(id).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('answers 404 for an unknown or draft program', async () => {
    const cookie = await cookieFor((await createUser()).id)
    const unknown = await call(apply.loader, makeRequest('/programs/nope/apply', { cookie }), {
      slug: 'nope',
    })
    expect(unknown.status).toBe(404)
    const { program } = await createOpenProgram({ status: 'draft' })
    const draft = await call(apply.loader, makeRequest('/', { cookie }), { slug: program.slug })
    expect(draft.status).toBe(404)
  })

  it('refuses to apply for a group the user is not in', async () => {
    const stranger = await createOrgWithOwner('community_group')
    const { program } = await createOpenProgram()
    const cookie = await cookieFor((await createUser()).id)
    const out = await call(
      apply.action,
      makeRequest('/', { cookie, form: { organization: stranger.org.slug } }),
      { slug: program.slug },
    )
    expect(out.status).toBe(404)
  })

  it('treats a program of a private fund as absent: page, apply form and starting a draft', async () => {
    const group = await createOrgWithOwner('community_group')
    const { program, fund } = await createOpenProgram()
    await db().update(funds).set({ visibility: 'private' }).where(eq(funds.id, fund.id))
    const cookie = await cookieFor(group.owner.id)
    const params = { slug: program.slug }
    const path = `/programs/${program.slug}`
    expect((await call(programPage.loader, makeRequest(path, { cookie }), params)).status).toBe(404)
    expect(
      (await call(apply.loader, makeRequest(`${path}/apply`, { cookie }), params)).status,
    ).toBe(404)
    const post = await call(
      apply.action,
      makeRequest(`${path}/apply`, { cookie, form: { organization: group.org.slug } }),
      params,
    )
    expect(post.status).toBe(404)
    const drafts = await db()
      .select()
      .from(applications)
      .where(eq(applications.programId, program.id))
    expect(drafts).toEqual([])
  })

  it('says clearly when the program has closed', async () => {
    const group = await createOrgWithOwner('community_group')
    const { program } = await createOpenProgram({ closesAt: new Date(Date.now() - 60_000) })
    const cookie = await cookieFor(group.owner.id)
    const out = await call(
      apply.action,
      makeRequest('/', { cookie, form: { organization: group.org.slug } }),
      { slug: program.slug },
    )
    expect(out.status).toBe(400)
    expect(out.data).toMatchObject({
      errors: { form: 'applications:start.notOpen' },
    })
  })
})

describe('draft steps', () => {
  // Who may open and save a step (the group, not outsiders, not the funder) is in the route × role
  // matrix (permission-matrix.test.ts).
  it('answer 404 to an id that is not a UUID', async () => {
    const outsider = await cookieFor((await createUser()).id)
    expect(
      (await call(project.loader, makeRequest('/', { cookie: outsider }), { id: 'not-a-uuid' }))
        .status,
    ).toBe(404)
  })

  it('save and move on, keeping input and showing field errors on bad amounts', async () => {
    const { id, cookie } = await startedDraft()
    const bad = await call(
      budget.action,
      makeRequest('/', {
        cookie,
        form: {
          version: '1',
          amountRequested: 'ten thousand',
          'lines.0.description': 'Rent',
          'lines.0.amount': '',
        },
      }),
      { id },
    )
    expect(bad.status).toBe(400)
    expect(bad.data).toMatchObject({
      errors: {
        amountRequested: 'validation:application.budget.requestedInvalid',
        'lines.0.amount': 'validation:application.budget.lineAmount',
      },
      values: { amountRequested: 'ten thousand', 'lines.0.description': 'Rent' },
    })
    const good = await call(
      budget.action,
      makeRequest('/', {
        cookie,
        form: {
          version: '1',
          intent: 'next',
          amountRequested: '10000',
          'lines.0.description': 'Rent',
          'lines.0.amount': '10,000',
        },
      }),
      { id },
    )
    expect(good).toMatchObject({ status: 302, location: `/applications/${id}/skills` })
  })

  it('save a budget outside the range or not adding up, but stay on the step with the reasons by the fields', async () => {
    const { id, cookie } = await startedDraft()
    // The program awards $5,000 to $25,000.
    const out = await call(
      budget.action,
      makeRequest('/', {
        cookie,
        form: {
          version: '1',
          intent: 'next',
          amountRequested: '30000',
          'lines.0.description': 'Rent',
          'lines.0.amount': '20000',
        },
      }),
      { id },
    )
    expect(out.location).toBeNull()
    expect(out.status).toBe(200)
    expect(out.data).toMatchObject({
      errors: {
        form: 'applications:steps.savedNeedsAttention',
        amountRequested: msg('applications:review.errors.range', {
          min: '$5,000.00',
          max: '$25,000.00',
        }),
        lines: msg('applications:review.errors.linesTotal', {
          total: '$20,000.00',
          requested: '$30,000.00',
        }),
      },
      values: { amountRequested: '30000', 'lines.0.amount': '20000', version: '2' },
    })
    const [saved] = await db().select().from(applications).where(eq(applications.id, id))
    expect(saved).toMatchObject({ amountRequestedMinor: 3_000_000, version: 2 })
  })

  it('keep the community step open, with the reason by the field, for counties the program does not fund', async () => {
    const { id, cookie, funder } = await startedDraft()
    // Franklin County, Ohio only.
    await db()
      .update(programs)
      .set({ eligibleCountyFips: ['39049'] })
      .where(eq(programs.id, funder.program.id))
    const out = await call(
      community.action,
      makeRequest('/', {
        cookie,
        form: { version: '1', communityServed: 'Families in Cook County', placeFips: '17031' },
      }),
      { id },
    )
    expect(out.status).toBe(400)
    expect(out.data).toMatchObject({ values: { communityServed: 'Families in Cook County' } })
    const { errors } = out.data as { errors: Record<string, Message> }
    expect(english(errors.placeFips)).toMatch(
      /^Cook County, Illinois is outside the places this program funds/,
    )
    expect(translateMessage(fixedT('es'), errors.placeFips!)).toMatch(
      /^Cook County, Illinois está fuera de los lugares que financia esta convocatoria/,
    )
    const inside = await call(
      community.action,
      makeRequest('/', { cookie, form: { version: '1', placeFips: '39049' } }),
      { id },
    )
    expect(inside.status).toBe(302)
  })

  it('report a colleague’s newer save as a 409 conflict, keeping this user’s input', async () => {
    const { id, group } = await startedDraft()
    const colleague = await cookieFor((await addUserToOrg(group, 'member')).id)
    const owner = await cookieFor(group.owner.id)
    await call(
      project.action,
      makeRequest('/', { cookie: colleague, form: { version: '1', title: 'Theirs' } }),
      { id },
    )
    const mine = await call(
      project.action,
      makeRequest('/', { cookie: owner, form: { version: '1', title: 'Mine' } }),
      { id },
    )
    expect(mine.status).toBe(409)
    expect(mine.data).toMatchObject({
      errors: { form: expect.objectContaining({ key: 'applications:refusals.conflict' }) },
      values: { title: 'Mine', version: '2' },
    })
  })
})

describe('attachments', () => {
  it('accepts a real PDF and refuses a disguised or disallowed file with a message by the field', async () => {
    const { id, cookie } = await startedDraft()
    const ok = await call(attachmentsRoute.action, multipart('/', cookie, pdf()), { id })
    expect(ok.status).toBe(302)
    const fake = await call(
      attachmentsRoute.action,
      multipart('/', cookie, new File(['MZ not a pdf'], 'budget.pdf')),
      { id },
    )
    expect((await flashOf(fake.headers))?.message).toContain('does not look like a .pdf file')
    const exe = await call(
      attachmentsRoute.action,
      multipart('/', cookie, new File(['x'], 'run.exe')),
      { id },
    )
    expect(await flashOf(exe.headers)).toMatchObject({
      kind: 'error',
      field: 'upload:',
      message: expect.stringContaining('not a file type we accept'),
    })
    expect(exe.location).toBe(`/applications/${id}/questions`)
    expect(await listAttachments(id)).toHaveLength(1)
  })

  it('records each refused upload for the admins: the reason and the name cut short, never the contents', async () => {
    const { id, cookie } = await startedDraft()
    const longName = `${'r'.repeat(300)}.exe`
    const secret = 'MZ secret contents'
    for (const file of [
      new File([secret], longName),
      new File([secret], 'budget.pdf'),
      new File([], 'empty.txt'),
    ]) {
      await call(attachmentsRoute.action, multipart('/', cookie, file), { id })
    }
    // Fill the draft to its limit straight in the table, then one more real upload is refused.
    const [application] = await db().select().from(applications).where(eq(applications.id, id))
    await db()
      .insert(attachments)
      .values(
        Array.from({ length: MAX_FILES_PER_APPLICATION }, (_, i) => ({
          applicationId: id,
          fileName: `filler-${i}.pdf`,
          contentType: 'application/pdf',
          sizeBytes: 1,
          storageKey: `filler-${i}`,
        })),
      )
    await call(attachmentsRoute.action, multipart('/', cookie, pdf('one-too-many.pdf')), { id })
    const refused = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'attachment.refused'), eq(auditLog.entityId, id)))
      .orderBy(asc(auditLog.id))
    expect(refused.map((r) => r.details.reason)).toEqual([
      'type_not_accepted',
      'content_mismatch',
      'empty',
      'limit_reached',
    ])
    expect(refused.every((r) => r.organizationId === application?.organizationId)).toBe(true)
    const name = String(refused[0]?.details.fileName)
    expect([...name]).toHaveLength(100)
    expect(name.endsWith('…')).toBe(true)
    expect(refused[3]?.details).toEqual({
      reason: 'limit_reached',
      fileName: 'one-too-many.pdf',
      sizeBytes: pdf().size,
    })
    expect(JSON.stringify(refused)).not.toContain('secret')
  })

  it("tells the page's uploader where to go, with the flash, instead of redirecting it", async () => {
    const { id, cookie } = await startedDraft()
    const request = multipart('/', cookie, pdf('plan.pdf'))
    request.headers.set('Accept', 'application/json')
    const out = await call(attachmentsRoute.action, request, { id })
    expect(out.status).toBe(200)
    expect(out.headers.get('Set-Cookie')).toContain('cf_flash')
    const refused = multipart('/', cookie, new File(['x'], 'run.exe'))
    refused.headers.set('Accept', 'application/json')
    const bad = (await attachmentsRoute.action({
      request: refused,
      params: { id },
      context: { ip: '127.0.0.1', cspNonce: '' },
    })) as Response
    const { location } = (await bad.json()) as { location: string }
    expect(location).toBe(`/applications/${id}/questions`)
    expect((await flashOf(bad.headers))?.message).toContain('not a file type we accept')
    expect(await listAttachments(id)).toHaveLength(1)
  })

  it('refuses a file for a question of another program', async () => {
    const { id, cookie } = await startedDraft()
    const other = await createOpenProgram()
    const [q] = await db()
      .insert(programQuestions)
      .values({ programId: other.program.id, position: 1, kind: 'file', label: 'Elsewhere' })
      .returning()
    const out = await call(attachmentsRoute.action, multipart('/', cookie, pdf(), q?.id), { id })
    expect((await flashOf(out.headers))?.message).toContain('not part of this program')
  })

  // Who may download them is in the route × role matrix (permission-matrix.test.ts).
  it('are served as downloads, never shown inline', async () => {
    const { id, cookie } = await startedDraft()
    await call(attachmentsRoute.action, multipart('/', cookie, pdf('plan.pdf')), { id })
    const [file] = await listAttachments(id)
    const params = { id, attachmentId: file?.id ?? '' }
    const mine = await call(download.loader, makeRequest('/', { cookie }), params)
    expect(mine.status).toBe(200)
    expect(mine.headers.get('Content-Disposition')).toMatch(/^attachment; filename="plan.pdf"/)
    expect(mine.headers.get('Content-Type')).toBe('application/pdf')
    expect(mine.headers.get('X-Content-Type-Options')).toBe('nosniff')
  })
})

describe('review and status', () => {
  it('refuses to submit an incomplete draft and lists what is missing', async () => {
    const { id, cookie } = await startedDraft()
    const out = await call(
      review.action,
      makeRequest('/', { cookie, form: { version: '1', confirm: 'yes' } }),
      {
        id,
      },
    )
    expect(out.status).toBe(400)
    const issues = (out.data as { issues: { step: string }[] }).issues
    expect(issues.map((i) => i.step)).toEqual(
      expect.arrayContaining(['community', 'project', 'budget']),
    )
  })

  it('submits nothing until the group confirms the application is ready to send', async () => {
    const { id, cookie } = await startedDraft()
    const out = await call(review.action, makeRequest('/', { cookie, form: { version: '1' } }), {
      id,
    })
    expect(out.status).toBe(400)
    expect(out.data).toMatchObject({ errors: { confirm: 'applications:review.confirmRequired' } })
    const [row] = await db().select().from(applications).where(eq(applications.id, id))
    expect(row?.status).toBe('draft')
  })

  it('refuses a submission after the deadline with a clear message', async () => {
    const { id, cookie, funder } = await startedDraft()
    await db()
      .update(programs)
      .set({ closesAt: new Date(Date.now() - 1000) })
      .where(eq(programs.id, funder.program.id))
    const out = await call(
      review.action,
      makeRequest('/', { cookie, form: { version: '1', confirm: 'yes' } }),
      {
        id,
      },
    )
    expect(out.status).toBe(400)
    expect(out.data).toMatchObject({
      errors: { form: 'applications:refusals.deadlinePassed' },
    })
  })

  it('refuses to submit a draft once its program is no longer visible (fund made private)', async () => {
    const { id, cookie, funder } = await startedDraft()
    await db().update(funds).set({ visibility: 'private' }).where(eq(funds.id, funder.fund.id))
    const out = await call(
      review.action,
      makeRequest('/', { cookie, form: { version: '1', confirm: 'yes' } }),
      {
        id,
      },
    )
    expect(out.status).toBe(400)
    expect(out.data).toMatchObject({
      errors: { form: 'applications:refusals.notAccepting' },
    })
    const [row] = await db().select().from(applications).where(eq(applications.id, id))
    expect(row?.status).toBe('draft')
  })

  it('refuses to withdraw a draft, even confirmed, so the funder never sees it', async () => {
    const { id, cookie, funder } = await startedDraft()
    const empty = await call(statusPage.action, makeRequest('/', { cookie, form: {} }), { id })
    expect(empty.status).toBe(400)
    const confirmed = await call(
      statusPage.action,
      makeRequest('/', { cookie, form: { confirm: 'yes' } }),
      { id },
    )
    expect(confirmed.status).toBe(409)
    expect(confirmed.data).toMatchObject({
      errors: { form: 'applications:refusals.withdrawDraft' },
    })
    const [row] = await db().select().from(applications).where(eq(applications.id, id))
    expect(row?.status).toBe('draft')
    const list = await call(
      funderList.loader,
      makeRequest('/', { cookie: await cookieFor(funder.owner.id) }),
      { slug: funder.org.slug, programSlug: funder.program.slug },
    )
    expect((list.data as { rows: unknown[] }).rows).toEqual([])
  })

  it('withdraws a submitted application only when the group confirms it', async () => {
    const { id, cookie } = await startedDraft()
    const where = eq(applications.id, id)
    await db()
      .update(applications)
      .set({ status: 'submitted', submittedAt: new Date() })
      .where(where)
    const unconfirmed = await call(
      statusPage.action,
      makeRequest('/', { cookie, form: { reason: 'Other funding' } }),
      { id },
    )
    expect(unconfirmed.status).toBe(400)
    expect(unconfirmed.data).toMatchObject({
      errors: { confirm: expect.stringMatching(/confirm/) },
      values: { reason: 'Other funding' },
    })
    expect((await db().select().from(applications).where(where))[0]?.status).toBe('submitted')
    const confirmed = await call(
      statusPage.action,
      makeRequest('/', { cookie, form: { reason: 'Other funding', confirm: 'yes' } }),
      { id },
    )
    expect(confirmed.status).toBe(302)
    expect((await db().select().from(applications).where(where))[0]?.status).toBe('withdrawn')
  })

  it('lets only the group withdraw', async () => {
    const { id, group } = await startedDraft()
    const member = await cookieFor((await addUserToOrg(group, 'reviewer')).id)
    // A reviewer of the group is not an applicant: the application is not theirs to see.
    expect(
      (await call(statusPage.loader, makeRequest('/', { cookie: member }), { id })).status,
    ).toBe(404)
  })
})

describe('application lists', () => {
  it('put a group member’s applications on the dashboard, and nobody else’s', async () => {
    const { group, cookie, id } = await startedDraft()
    const mine = await call(dashboard.loader, makeRequest('/', { cookie }))
    expect((mine.data as { applications: { id: string }[] }).applications.map((a) => a.id)).toEqual(
      [id],
    )
    const reviewer = await cookieFor((await addUserToOrg(group, 'reviewer')).id)
    const theirs = await call(dashboard.loader, makeRequest('/', { cookie: reviewer }))
    expect((theirs.data as { applications: unknown[] }).applications).toEqual([])
  })

  it('show a group its applications and nobody else', async () => {
    const { group, cookie } = await startedDraft()
    const mine = await call(groupList.loader, makeRequest('/', { cookie }), {
      slug: group.org.slug,
    })
    expect((mine.data as { rows: unknown[] }).rows).toHaveLength(1)
    const outsider = await cookieFor((await createUser()).id)
    expect(
      (
        await call(groupList.loader, makeRequest('/', { cookie: outsider }), {
          slug: group.org.slug,
        })
      ).status,
    ).toBe(404)
  })

  it('show a funder only submitted applications of its own programs', async () => {
    const { funder } = await startedDraft()
    const params = { slug: funder.org.slug, programSlug: funder.program.slug }
    const cookie = await cookieFor(funder.owner.id)
    const list = await call(funderList.loader, makeRequest('/', { cookie }), params)
    expect((list.data as { rows: unknown[] }).rows).toHaveLength(0)
    const reviewer = await cookieFor((await addUserToOrg(funder, 'reviewer')).id)
    expect(
      (await call(funderList.loader, makeRequest('/', { cookie: reviewer }), params)).status,
    ).toBe(403)
    const otherFunder = await createOrgWithOwner('funder')
    const other = await cookieFor(otherFunder.owner.id)
    const foreign = await call(funderList.loader, makeRequest('/', { cookie: other }), {
      slug: otherFunder.org.slug,
      programSlug: funder.program.slug,
    })
    expect(foreign.status).toBe(404)
  })
})

describe('the step list', () => {
  it('reads "to do" for volunteer skills until the group saves the step, even with none needed', async () => {
    const { id, cookie } = await startedDraft()
    const skillsStep = async () => {
      const out = await call(layout.loader, makeRequest('/', { cookie }), { id })
      const steps = (out.data as { steps: { step: string; complete?: boolean }[] }).steps
      return steps.find((s) => s.step === 'skills')
    }
    expect(await skillsStep()).toMatchObject({ complete: false })
    const saved = await call(skills.action, makeRequest('/', { cookie, form: { version: '1' } }), {
      id,
    })
    expect(saved.status).toBe(302)
    expect(await skillsStep()).toMatchObject({ complete: true })
  })
})
