import { english } from '#tests/support/english.ts'
import { and, asc, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { startedDraft } from '#tests/support/started-draft.ts'
import { db } from '#db/client.server.ts'
import { auditLog } from '#db/schema/index.ts'
import * as adminUsers from '#app/routes/admin.users.tsx'
import * as attachmentsRoute from '#app/routes/applications.$id.attachments.tsx'
import * as login from '#app/routes/login.tsx'
import * as newOrg from '#app/routes/orgs.new.tsx'
import * as programDetails from '#app/routes/orgs.$slug.programs.$programSlug.details.tsx'
import * as catalogue from '#app/routes/programs._index.tsx'
import { listAttachments } from '#app/services/applications/attachments.server.ts'
import { takeFlash } from '#app/utils/session.server.ts'
import { cookieFor, createOpenProgram, createUser } from '#tests/support/factories.ts'
import { raceTest, withTestDatabase } from '#tests/support/database.ts'
import { call, makeRequest } from '#tests/support/routes.ts'

const database = withTestDatabase()

const MB = 1024 * 1024

function post(path: string, body: BodyInit, headers: Record<string, string>) {
  return new Request(`http://localhost${path}`, {
    method: 'POST',
    headers,
    body,
    duplex: 'half',
  } as RequestInit)
}

/** A body that arrives in pieces with no Content-Length, as a chunked upload does. */
function streamOf(bytes: number, prefix = new Uint8Array(), suffix = new Uint8Array()) {
  let sent = 0
  const chunk = new Uint8Array(64 * 1024).fill(97)
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent === 0) controller.enqueue(prefix)
      if (sent >= bytes) {
        controller.enqueue(suffix)
        return controller.close()
      }
      sent += chunk.byteLength
      controller.enqueue(chunk)
    },
  })
}

async function flashOf(headers: Headers) {
  const cookie = (headers.get('Set-Cookie') ?? '').split(';')[0] ?? ''
  const { flash } = await takeFlash(
    new Request('http://localhost/', { headers: { Cookie: cookie } }),
  )
  // As an English reader sees it (the flash carries a translation key).
  return flash ? { ...flash, message: english(flash.message) } : flash
}

const PDF = '%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n'
const BOUNDARY = '----commons-test-boundary'

/** A multipart body written by hand, so names and bytes are exactly what a browser might send. */
function multipartBody(
  parts: { name: string; filename?: Buffer | string; content: Buffer | string }[],
  { end = true } = {},
) {
  const pieces: Buffer[] = []
  for (const part of parts) {
    const file =
      part.filename === undefined
        ? Buffer.alloc(0)
        : Buffer.concat([Buffer.from('; filename="'), Buffer.from(part.filename), Buffer.from('"')])
    pieces.push(
      Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${part.name}"`),
      file,
      Buffer.from(
        part.filename === undefined
          ? '\r\n\r\n'
          : '\r\nContent-Type: application/octet-stream\r\n\r\n',
      ),
      Buffer.from(part.content),
      Buffer.from('\r\n'),
    )
  }
  if (end) pieces.push(Buffer.from(`--${BOUNDARY}--\r\n`))
  return Buffer.concat(pieces)
}

const multipartHeaders = (cookie: string) => ({
  Cookie: cookie,
  'Content-Type': `multipart/form-data; boundary=${BOUNDARY}`,
})

function uploadRequest(id: string, cookie: string, filename: Buffer | string, content = PDF) {
  return post(
    `/applications/${id}/attachments`,
    multipartBody([
      { name: 'intent', content: 'upload' },
      { name: 'questionId', content: '' },
      { name: 'file', filename, content },
    ]),
    multipartHeaders(cookie),
  )
}

/** The details of the draft's `attachment.refused` audit rows, oldest first. */
async function refusalsOf(applicationId: string) {
  const rows = await db()
    .select({ details: auditLog.details })
    .from(auditLog)
    .where(and(eq(auditLog.action, 'attachment.refused'), eq(auditLog.entityId, applicationId)))
    .orderBy(asc(auditLog.id))
  return rows.map((r) => r.details)
}

const messageOf = (data: unknown) =>
  english((data as { message?: string } | null)?.message ?? '') ?? ''

describe('bodies that are not forms', () => {
  it.each([
    ['JSON', '{"email":"a@b.c"}', 'application/json'],
    ['plain text', 'email=a@b.c', 'text/plain'],
    ['multipart without a boundary', 'email=a@b.c', 'multipart/form-data'],
    ['no content type at all', 'email=a@b.c', ''],
  ])('%s posted to a form answers 400 in plain words', async (_, body, type) => {
    const out = await call(login.action, post('/login', body, type ? { 'Content-Type': type } : {}))
    expect(out.status).toBe(400)
    expect(messageOf(out.data)).toMatch(/only takes a form/)
  })

  it('a truncated multipart form answers 400', async () => {
    const body = multipartBody([{ name: 'email', content: 'a@b.c' }], { end: false })
    const out = await call(
      login.action,
      post('/login', body.subarray(0, body.length - 4), {
        'Content-Type': `multipart/form-data; boundary=${BOUNDARY}`,
      }),
    )
    expect(out.status).toBe(400)
    expect(messageOf(out.data)).toMatch(/incomplete or damaged/)
  })
})

describe('size limits', () => {
  it('refuses a form declaring more than 1 MB before reading it', async () => {
    const request = post('/login', streamOf(10), {
      'Content-Type': 'application/x-www-form-urlencoded',
      'Content-Length': String(300 * MB),
    })
    const out = await call(login.action, request)
    expect(out.status).toBe(413)
    expect(messageOf(out.data)).toMatch(/larger than 1 MB/)
  })

  it('stops reading a form without a length as soon as it passes 1 MB', async () => {
    const out = await call(
      login.action,
      post('/login', streamOf(3 * MB, new TextEncoder().encode('email=')), {
        'Content-Type': 'application/x-www-form-urlencoded',
      }),
    )
    expect(out.status).toBe(413)
  })

  it('stops reading the program form past 1 MB too (it parses its own body)', async () => {
    const funder = await createOpenProgram()
    const cookie = await cookieFor(funder.owner.id)
    const path = `/orgs/${funder.org.slug}/programs/${funder.program.slug}/details`
    const out = await call(
      programDetails.action,
      post(path, streamOf(3 * MB, new TextEncoder().encode('title=')), {
        Cookie: cookie,
        'Content-Type': 'application/x-www-form-urlencoded',
      }),
      { slug: funder.org.slug, programSlug: funder.program.slug },
    )
    expect(out.status).toBe(413)
  })

  it('refuses an upload over 10 MB by its length, and while it streams', async () => {
    const { id, cookie } = await startedDraft()
    const declared = post(`/applications/${id}/attachments`, streamOf(10), {
      ...multipartHeaders(cookie),
      'Content-Length': String(11 * MB),
    })
    expect((await call(attachmentsRoute.action, declared, { id })).status).toBe(413)
    const head = multipartBody([{ name: 'file', filename: 'big.pdf', content: PDF }], {
      end: false,
    })
    const streamed = post(
      `/applications/${id}/attachments`,
      streamOf(10 * MB + 1, head, Buffer.from(`\r\n--${BOUNDARY}--\r\n`)),
      multipartHeaders(cookie),
    )
    const out = await call(attachmentsRoute.action, streamed, { id })
    expect(out.status).toBe(413)
    expect(messageOf(out.data)).toMatch(/larger than 10 MB/)
    expect(await listAttachments(id)).toHaveLength(0)
    // Both refusals are in the audit log for the admins, with the size that was declared and
    // the file's name when its part's header arrived.
    expect(await refusalsOf(id)).toEqual([
      { reason: 'too_large', fileName: null, declaredBodyBytes: 11 * MB },
      { reason: 'too_large', fileName: 'big.pdf', declaredBodyBytes: null },
    ])
  })

  it('audits an upload refused as over 10 MB with its file name, cleaned and cut short', async () => {
    const { id, cookie } = await startedDraft()
    const longName = `${'minutes of the annual meeting '.repeat(6)}.pdf`
    const headOf = (filename: string) =>
      multipartBody(
        [
          { name: 'intent', content: 'upload' },
          { name: 'questionId', content: '' },
          { name: 'file', filename, content: PDF },
        ],
        { end: false },
      )
    const tail = Buffer.from(`\r\n--${BOUNDARY}--\r\n`)
    // Refused by its declared length: only the head, where the part's header is, gets read.
    const declared = post(
      `/applications/${id}/attachments`,
      streamOf(11 * MB, headOf('budget\t2027 draft.pdf'), tail),
      { ...multipartHeaders(cookie), 'Content-Length': String(11 * MB) },
    )
    expect((await call(attachmentsRoute.action, declared, { id })).status).toBe(413)
    // Refused while it streams, with no length declared.
    const streamed = post(
      `/applications/${id}/attachments`,
      streamOf(10 * MB + 1, headOf(longName), tail),
      multipartHeaders(cookie),
    )
    expect((await call(attachmentsRoute.action, streamed, { id })).status).toBe(413)
    expect(await refusalsOf(id)).toEqual([
      { reason: 'too_large', fileName: 'budget_2027 draft.pdf', declaredBodyBytes: 11 * MB },
      {
        reason: 'too_large',
        fileName: `${[...longName].slice(0, 99).join('')}…`,
        declaredBodyBytes: null,
      },
    ])
  })

  it('says why with a typed reason, and audits only a file over 10 MB as too large', async () => {
    const { id, cookie } = await startedDraft()
    const two = multipartBody([
      { name: 'file', filename: 'a.pdf', content: PDF },
      { name: 'file', filename: 'b.pdf', content: PDF },
    ])
    const path = `/applications/${id}/attachments`
    const many = await call(attachmentsRoute.action, post(path, two, multipartHeaders(cookie)), {
      id,
    })
    expect(many.status).toBe(413)
    expect(many.data).toEqual({ reason: 'one_file', message: 'validation:request.oneFile' })
    const big = post(path, streamOf(10), {
      ...multipartHeaders(cookie),
      'Content-Length': String(11 * MB),
    })
    const over = await call(attachmentsRoute.action, big, { id })
    expect(over.status).toBe(413)
    expect(over.data).toEqual({
      reason: 'file_too_large',
      message: 'validation:request.fileTooLarge',
    })
    const refused = await db()
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'attachment.refused'), eq(auditLog.entityId, id)))
    expect(refused.map((r) => (r.details as { reason: string }).reason)).toEqual(['too_large'])
  })

  it('takes one file per upload', async () => {
    const { id, cookie } = await startedDraft()
    const body = multipartBody([
      { name: 'file', filename: 'a.pdf', content: PDF },
      { name: 'file', filename: 'b.pdf', content: PDF },
    ])
    const out = await call(
      attachmentsRoute.action,
      post(`/applications/${id}/attachments`, body, multipartHeaders(cookie)),
      { id },
    )
    expect(out.status).toBe(413)
    expect(await listAttachments(id)).toHaveLength(0)
  })
})

describe('NUL bytes and odd values in forms and queries', () => {
  it('drops NUL from an organisation name instead of failing', async () => {
    const cookie = await cookieFor((await createUser()).id)
    const out = await call(
      newOrg.action,
      makeRequest('/orgs/new', {
        cookie,
        form: { kind: 'community_group', name: 'Block\u0000 Club' },
      }),
    )
    expect(out.status).toBe(302)
    expect(english((await flashOf(out.headers))?.message)).toContain('Block Club is set up')
  })

  it('answers the catalogue and the admin search with NUL in the query', async () => {
    expect((await call(catalogue.loader, makeRequest('/programs?q=%00'))).status).toBe(200)
    const admin = await cookieFor((await createUser({ admin: true })).id)
    const out = await call(
      adminUsers.loader,
      makeRequest('/admin/users?q=a%00b', { cookie: admin }),
    )
    expect(out.status).toBe(200)
  })

  it('gives a date before any program a field error, not a 500', async () => {
    const out = await call(catalogue.loader, makeRequest('/programs?closesBefore=0000-01-01'))
    expect(out.status).toBe(200)
    expect((out.data as { errors: Record<string, string> }).errors.closesBefore).toMatch(/2000/)
  })
})

describe('upload file names', () => {
  it.each([
    ['report=2026.pdf', 'report=2026.pdf'],
    ['with a quote (\\").pdf', 'with a quote (").pdf'],
    ['ünïcode budget.pdf', 'ünïcode budget.pdf'],
  ])('%s uploads', async (sent, stored) => {
    const { id, cookie } = await startedDraft()
    const out = await call(attachmentsRoute.action, uploadRequest(id, cookie, sent), { id })
    expect(out.status).toBe(302)
    expect((await flashOf(out.headers))?.kind).toBe('success')
    expect((await listAttachments(id)).map((f) => f.fileName)).toEqual([stored])
  })

  it('a name with bytes that are not UTF-8 uploads', async () => {
    const { id, cookie } = await startedDraft()
    const latin1 = Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x2e, 0x70, 0x64, 0x66]) // "café.pdf" in Latin-1
    const out = await call(attachmentsRoute.action, uploadRequest(id, cookie, latin1), { id })
    expect((await flashOf(out.headers))?.kind).toBe('success')
    expect((await listAttachments(id))[0]?.fileName).toMatch(/^caf.+\.pdf$/)
  })

  it('a very long name is stored shortened, fits the flash cookie, and a retry adds nothing', async () => {
    const { id, cookie } = await startedDraft()
    const name = `${'long-name-'.repeat(600)}.pdf`
    const first = await call(attachmentsRoute.action, uploadRequest(id, cookie, name), { id })
    expect(first.status).toBe(302)
    expect((first.headers.get('Set-Cookie') ?? '').length).toBeLessThan(4096)
    const retry = await call(attachmentsRoute.action, uploadRequest(id, cookie, name), { id })
    expect((await flashOf(retry.headers))?.message).toMatch(/already attached/)
    const stored = await listAttachments(id)
    expect(stored).toHaveLength(1)
    expect([...(stored[0]?.fileName ?? '')].length).toBeLessThanOrEqual(200)
    expect(stored[0]?.fileName.endsWith('.pdf')).toBe(true)
  })
})

describe('upload errors beside the field', () => {
  it('no file chosen says so beside the field', async () => {
    const { id, cookie } = await startedDraft()
    const out = await call(attachmentsRoute.action, uploadRequest(id, cookie, '', ''), { id })
    expect(out.location).toBe(`/applications/${id}/questions`)
    expect(await flashOf(out.headers)).toMatchObject({
      kind: 'error',
      field: 'upload:',
      message: 'Choose a file to upload.',
    })
  })

  it('an error does not stay in the address after a later success', async () => {
    const { id, cookie } = await startedDraft()
    const refused = await call(attachmentsRoute.action, uploadRequest(id, cookie, 'x.exe'), { id })
    expect(refused.location).toBe(`/applications/${id}/questions`)
    const ok = await call(attachmentsRoute.action, uploadRequest(id, cookie, 'plan.pdf'), { id })
    expect(ok.location).toBe(`/applications/${id}/questions`)
    expect(await flashOf(ok.headers)).toMatchObject({
      kind: 'success',
      message: 'Uploaded plan.pdf.',
    })
  })
})

describe('the attachment limit under concurrent uploads', () => {
  raceTest('fifteen uploads at once to a draft with 13 files leave exactly 20', async () => {
    expect(database.driver).toBe('pg')
    const { id, cookie } = await startedDraft()
    for (let i = 0; i < 13; i++) {
      await call(attachmentsRoute.action, uploadRequest(id, cookie, `present-${i}.pdf`), { id })
    }
    expect(await listAttachments(id)).toHaveLength(13)
    await Promise.all(
      Array.from({ length: 15 }, (_, i) =>
        call(attachmentsRoute.action, uploadRequest(id, cookie, `racing-${i}.pdf`), { id }),
      ),
    )
    expect(await listAttachments(id)).toHaveLength(20)
  })
})
