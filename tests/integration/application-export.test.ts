import { describe, expect, it } from 'vitest'
import { and, eq, sql } from 'drizzle-orm'
import { db } from '#db/client.server.ts'
import { applicationPlaces, applications, auditLog, programQuestions } from '#db/schema/index.ts'
import * as csvRoute from '#app/routes/orgs.$slug.programs.$programSlug.applications[.]csv.ts'
import { exportProgramApplications } from '#app/services/applications/application-export.server.ts'
import type { ProgramApplicationFilter } from '#app/schemas/applications/application-list.ts'
import type { Language } from '#app/lib/i18n/config.ts'
import { fixedT } from '#app/utils/i18n.server.ts'
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

async function exported(
  setup: Awaited<ReturnType<typeof createOpenProgram>>,
  filter: ProgramApplicationFilter = {},
  batchSize?: number,
  language: Language = 'en',
) {
  let text = ''
  for await (const chunk of exportProgramApplications({
    program: setup.program,
    currency: 'USD',
    filter,
    origin: 'https://grants.example',
    language,
    t: fixedT(language),
    batchSize,
  })) {
    text += chunk
  }
  return text
}

/** Naive split: good enough for rows the tests build without commas inside quotes. */
const lines = (csv: string) => csv.split('\r\n').filter(Boolean)

describe('exportProgramApplications', () => {
  it('writes a header with the program questions, one row per submitted application, no drafts', async () => {
    const setup = await createOpenProgram()
    const [text, file] = await db()
      .insert(programQuestions)
      .values([
        { programId: setup.program.id, position: 1, kind: 'multi_choice', label: 'Which ages?' },
        { programId: setup.program.id, position: 2, kind: 'file', label: 'Budget sheet' },
      ])
      .returning()
    const app = await createApplicationRow(setup.program.id, {
      title: '=HYPERLINK("http://evil")',
      amountRequestedMinor: 1_234_567,
      sdohDomains: ['economic_stability', 'education'],
      placeVulnerability: 0.7312,
      placeVulnerabilityYear: 2022,
      contactEmail: 'lead@example.test',
      answers: { [text!.id]: ['Children', 'Elders'], [file!.id]: 'ignored' },
    })
    await db()
      .insert(applicationPlaces)
      .values([
        { applicationId: app.id, fips: '39035' },
        { applicationId: app.id, fips: '39153' },
      ])
    await createApplicationRow(setup.program.id, { status: 'draft', title: 'Private draft' })

    const csv = await exported(setup)
    const [header, row, ...rest] = lines(csv)
    expect(rest).toEqual([])
    expect(header).toContain('Application ID,Title,Organisation,Status,Amount requested,Currency')
    expect(header!.endsWith(',Link,Which ages?')).toBe(true)
    expect(header).not.toContain('Budget sheet')
    expect(row).toContain(`"'=HYPERLINK(""http://evil"")"`)
    expect(row).toContain(
      ',Submitted,12345.67,USD,Economic stability; Education access and quality,',
    )
    expect(row).toContain('"Cuyahoga County, Ohio; Summit County, Ohio",73.1,2022,')
    expect(row).toContain('lead@example.test')
    expect(row).toContain(`https://grants.example/applications/${app.id}`)
    expect(row!.endsWith(',Children; Elders')).toBe(true)
    expect(csv).not.toContain('Private draft')
    expect(csv).not.toContain('ignored')
  })

  it('writes the headers and the words in the cells in the reader’s language', async () => {
    const setup = await createOpenProgram()
    const [yesNo] = await db()
      .insert(programQuestions)
      .values([{ programId: setup.program.id, position: 1, kind: 'yes_no', label: '¿Local?' }])
      .returning()
    await createApplicationRow(setup.program.id, {
      status: 'withdrawn',
      sdohDomains: ['health_care'],
      ledByLivedExperience: 'partly',
      answers: { [yesNo!.id]: true },
    })
    const [header, row] = lines(await exported(setup, {}, undefined, 'es'))
    expect(header).toContain('ID de la solicitud,Título,Organización,Estado,Monto pedido,Moneda')
    expect(header!.endsWith(',Enlace,¿Local?')).toBe(true)
    expect(row).toContain(',Retirada,')
    expect(row).toContain(',Acceso a la atención médica y su calidad,')
    expect(row).toContain(',en parte,')
    expect(row!.endsWith(',Sí')).toBe(true)
    // The same application, read in English.
    const [enHeader, enRow] = lines(await exported(setup))
    expect(enHeader!.startsWith('Application ID,Title,')).toBe(true)
    expect(enRow).toContain(',Withdrawn,')
    expect(enRow!.endsWith(',Yes')).toBe(true)
  })

  it('reads in batches by submission time, ties broken by id, each application once', async () => {
    const setup = await createOpenProgram()
    // Three submitted in the same microsecond (finer than a JavaScript Date holds), two later.
    const same = sql`'2026-11-01T12:00:00.123456Z'::timestamptz`
    const ids: string[] = []
    for (let i = 0; i < 5; i++) {
      const { id } = await createApplicationRow(setup.program.id, {
        submittedAt: new Date(Date.UTC(2026, 10, 1, 12, i)),
      })
      if (i < 3)
        await db().update(applications).set({ submittedAt: same }).where(eq(applications.id, id))
      ids.push(id)
    }
    const rows = lines(await exported(setup, {}, 2)).slice(1)
    const exportedIds = rows.map((r) => r.split(',')[0])
    expect(exportedIds).toHaveLength(5)
    expect(new Set(exportedIds)).toEqual(new Set(ids))
    expect(exportedIds.slice(0, 3)).toEqual([...ids.slice(0, 3)].sort())
    expect(exportedIds.slice(3)).toEqual(ids.slice(3))
  })

  it("applies the list's filters and leaves out other programs' applications", async () => {
    const setup = await createOpenProgram()
    const other = await createOpenProgram()
    await createApplicationRow(setup.program.id, { title: 'Kept', sdohDomains: ['health_care'] })
    await createApplicationRow(setup.program.id, { title: 'Other area', sdohDomains: [] })
    await createApplicationRow(setup.program.id, {
      title: 'Withdrawn one',
      status: 'withdrawn',
      sdohDomains: ['health_care'],
    })
    await createApplicationRow(other.program.id, { title: 'Elsewhere' })
    const csv = await exported(setup, { status: 'submitted', sdoh: 'health_care' })
    expect(lines(csv)).toHaveLength(2)
    expect(csv).toContain(',Kept,')
    expect(await exported(setup)).not.toContain('Elsewhere')
  })
})

describe('the CSV download', () => {
  it('streams a UTF-8 CSV attachment to the funder and audits the export', async () => {
    const setup = await createOpenProgram()
    await createApplicationRow(setup.program.id, { title: 'Nuestra salud' })
    const path = `/orgs/${setup.org.slug}/programs/${setup.program.slug}/applications.csv`
    const response = (await csvRoute.loader({
      request: makeRequest(`${path}?sdoh=nonsense`, { cookie: await cookieFor(setup.owner.id) }),
      params: { slug: setup.org.slug, programSlug: setup.program.slug },
      context: { ip: '127.0.0.1', cspNonce: '' },
    })) as Response
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('Content-Disposition')).toMatch(
      new RegExp(
        `^attachment; filename="${setup.program.slug}-applications-\\d{4}-\\d{2}-\\d{2}\\.csv"$`,
      ),
    )
    const bytes = new Uint8Array(await response.arrayBuffer())
    // The byte-order mark first, so spreadsheets read the accents as UTF-8.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const body = new TextDecoder().decode(bytes)
    expect(body.startsWith('Application ID,')).toBe(true)
    expect(body).toContain(',Nuestra salud,')
    const audits = await db()
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, 'application.exported'), eq(auditLog.entityId, setup.program.id)),
      )
    expect(audits).toHaveLength(1)
    expect(audits[0]!.actorUserId).toBe(setup.owner.id)
  })

  it('is refused to reviewers, other funders and applicants', async () => {
    const setup = await createOpenProgram()
    const reviewer = await addUserToOrg(setup, 'reviewer')
    const otherFunder = await createOrgWithOwner('funder')
    const group = await createOrgWithOwner('community_group')
    const params = { slug: setup.org.slug, programSlug: setup.program.slug }
    const path = `/orgs/${setup.org.slug}/programs/${setup.program.slug}/applications.csv`
    const status = async (userId: string) =>
      (await call(csvRoute.loader, makeRequest(path, { cookie: await cookieFor(userId) }), params))
        .status
    expect(await status(reviewer.id)).toBe(403)
    expect(await status(otherFunder.owner.id)).toBe(404)
    expect(await status(group.owner.id)).toBe(404)
    expect((await call(csvRoute.loader, makeRequest(path), params)).status).toBe(302)
  })
})
