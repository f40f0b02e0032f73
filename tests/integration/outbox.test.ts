import { afterEach, describe, expect, it } from 'vitest'
import { db } from '#db/client.server.ts'
import * as adminLayout from '#app/routes/admin.tsx'
import * as outboxMessage from '#app/routes/admin.outbox_.$messageId.tsx'
import * as outboxList from '#app/routes/admin.outbox.tsx'
import { appOrigin, forgetEnv } from '#app/config/env.server.ts'
import { queueMail } from '#app/services/mail/mail.server.ts'
import { framedHtml } from '#app/services/mail/outbox.server.ts'
import { cookieFor, createUser } from '#tests/support/factories.ts'
import { withTestDatabase } from '#tests/support/database.ts'
import { call, makeRequest } from '#tests/support/routes.ts'

withTestDatabase()

type Loaded<T extends (...args: never[]) => unknown> = Exclude<Awaited<ReturnType<T>>, Response>

async function asAdmin() {
  const admin = await createUser({ admin: true })
  return { admin, cookie: await cookieFor(admin.id) }
}

let n = 0
const queueVerification = (to: string) =>
  db().transaction((tx) =>
    queueMail(tx, {
      to,
      kind: 'verify-email',
      language: 'es',
      data: { name: 'Rosa', path: '/verify-email/outbox-test' },
      idempotencyKey: `outbox-test-${++n}`,
    }),
  )

afterEach(() => {
  delete process.env.SMTP_URL
  forgetEnv()
})

describe('the development outbox', () => {
  it('lists mails newest first with recipient, subject, kind, status and attempts', async () => {
    const { cookie } = await asAdmin()
    await queueVerification('first@example.org')
    await queueVerification('second@example.org')
    const out = await call(outboxList.loader, makeRequest('/admin/outbox', { cookie }))
    expect(out.status).toBe(200)
    const { rows } = out.data as Loaded<typeof outboxList.loader>
    expect(rows.slice(0, 2).map((r) => r.toAddress)).toEqual([
      'second@example.org',
      'first@example.org',
    ])
    expect(rows[0]).toMatchObject({
      subject: 'Confirme su correo electrónico',
      kind: 'verify-email',
      status: 'queued',
      attempts: 0,
      lastError: null,
    })
  })

  it('pages the list', async () => {
    const { cookie } = await asAdmin()
    for (let i = 0; i < 26; i++) await queueVerification(`many-${i}@example.org`)
    const first = await call(outboxList.loader, makeRequest('/admin/outbox', { cookie }))
    const second = await call(outboxList.loader, makeRequest('/admin/outbox?page=2', { cookie }))
    const a = first.data as Loaded<typeof outboxList.loader>
    const b = second.data as Loaded<typeof outboxList.loader>
    expect(a.rows).toHaveLength(25)
    expect(a.hasNext).toBe(true)
    expect(b.rows.length).toBeGreaterThan(0)
    expect(b.rows.some((r) => a.rows.some((x) => x.id === r.id))).toBe(false)
  })

  it('shows one mail: both parts, and its links to follow', async () => {
    const { cookie } = await asAdmin()
    const id = (await queueVerification('rosa@example.org'))!
    const out = await call(outboxMessage.loader, makeRequest(`/admin/outbox/${id}`, { cookie }), {
      messageId: id,
    })
    expect(out.status).toBe(200)
    const { message } = out.data as Loaded<typeof outboxMessage.loader>
    expect(message.text).toContain('Hola, Rosa:')
    expect(message.html).toContain('<base target="_top">')
    expect(message.links).toEqual([`${appOrigin()}/verify-email/outbox-test`])
  })

  it('answers 404 for an unknown or malformed id', async () => {
    const { cookie } = await asAdmin()
    for (const messageId of ['00000000-0000-4000-8000-000000000000', 'nope']) {
      const out = await call(
        outboxMessage.loader,
        makeRequest(`/admin/outbox/${messageId}`, { cookie }),
        { messageId },
      )
      expect(out.status).toBe(404)
    }
  })

  it('is absent when real SMTP is configured: 404, and no link in the admin navigation', async () => {
    const { cookie } = await asAdmin()
    const id = (await queueVerification('smtp@example.org'))!
    const before = await call(adminLayout.loader, makeRequest('/admin/users', { cookie }))
    expect((before.data as Loaded<typeof adminLayout.loader>).outbox).toBe(true)
    process.env.SMTP_URL = 'smtp://127.0.0.1:2525'
    forgetEnv()
    expect((await call(outboxList.loader, makeRequest('/admin/outbox', { cookie }))).status).toBe(
      404,
    )
    const one = await call(outboxMessage.loader, makeRequest(`/admin/outbox/${id}`, { cookie }), {
      messageId: id,
    })
    expect(one.status).toBe(404)
    const after = await call(adminLayout.loader, makeRequest('/admin/users', { cookie }))
    expect((after.data as Loaded<typeof adminLayout.loader>).outbox).toBe(false)
  })

  it('is refused to everyone but platform admins', async () => {
    const someone = await createUser()
    const cookie = await cookieFor(someone.id)
    const id = (await queueVerification('private@example.org'))!
    expect((await call(outboxList.loader, makeRequest('/admin/outbox', { cookie }))).status).toBe(
      403,
    )
    const one = await call(outboxMessage.loader, makeRequest(`/admin/outbox/${id}`, { cookie }), {
      messageId: id,
    })
    expect(one.status).toBe(403)
  })
})

describe('framedHtml', () => {
  it('makes links open in the whole window, with or without a head', () => {
    expect(framedHtml('<html><head><title>x</title></head></html>')).toBe(
      '<html><head><base target="_top"><title>x</title></head></html>',
    )
    expect(framedHtml('<p>x</p>')).toBe('<base target="_top"><p>x</p>')
  })
})
