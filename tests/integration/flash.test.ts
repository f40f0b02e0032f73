import { describe, expect, it } from 'vitest'
import * as root from '#app/root.tsx'
import type { Flash } from '#app/lib/flash.ts'
import { flashCookie, takeFlash } from '#app/utils/session.server.ts'
import { withTestDatabase } from '#tests/support/database.ts'
import { call, makeRequest } from '#tests/support/routes.ts'

withTestDatabase()

const saved: Flash = { kind: 'success', message: { key: 'common:flash.loggedOut' } }
const cookieOf = (setCookie: string) => setCookie.split(';')[0] ?? ''

describe('the flash message', () => {
  it('is read once: the page that shows it clears it', async () => {
    const cookie = cookieOf(await flashCookie(saved))
    const taken = await takeFlash(makeRequest('/', { cookie }))
    expect(taken.flash).toEqual(saved)
    expect(taken.header).toMatch(/^cf_flash=/)
    const after = await takeFlash(makeRequest('/', { cookie: cookieOf(taken.header ?? '') }))
    expect(after).toEqual({ flash: null, header: null })
  })

  it('with none pending, the page sets no cookie', async () => {
    expect(await takeFlash(makeRequest('/'))).toEqual({ flash: null, header: null })
    const page = await call(root.loader, makeRequest('/'))
    expect(page.headers.get('Set-Cookie')).toBeNull()

    const withFlash = await call(
      root.loader,
      makeRequest('/', { cookie: cookieOf(await flashCookie(saved)) }),
    )
    expect((withFlash.data as { flash: Flash | null }).flash).toEqual(saved)
    expect(withFlash.headers.get('Set-Cookie')).toMatch(/^cf_flash=/)
  })
})
