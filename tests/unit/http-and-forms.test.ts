import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { formValues, parseForm } from '#app/utils/forms.server.ts'
import { safeRedirect } from '#app/utils/http.server.ts'
import { pageParam } from '#app/lib/search-params.ts'
import { shouldSeed } from '#app/startup.server.ts'

describe('safeRedirect', () => {
  it.each([
    ['/orgs/x', '/orgs/x'],
    ['/programs/x/apply?from=list#top', '/programs/x/apply?from=list#top'],
    ['/programs?q=caf%C3%A9', '/programs?q=caf%C3%A9'],
    ['https://evil.example', '/'],
    ['//evil.example', '/'],
    ['/\\evil.example', '/'],
    ['\\\\evil.example', '/'],
    ['\\/evil.example', '/'],
    ['/%09/evil.example', '/'],
    ['/\t/evil.example', '/'],
    ['/\tevil.example', '/'],
    ['/\nx', '/'],
    ['/\r\nSet-Cookie: x=1', '/'],
    ['/%0d%0aSet-Cookie:%20x=1', '/'],
    ['/\u0000', '/'],
    ['/%00', '/'],
    ['/%5Cevil.example', '/'],
    ['/%2F%2Fevil.example', '/'],
    ['/%2f/evil.example', '/'],
    ['https:evil.example', '/'],
    ['http:/evil.example', '/'],
    ['javascript:alert(1)', '/'],
    ['/%E0%A4%A', '/'],
    ['evil.example', '/'],
    ['', '/'],
    [null, '/'],
  ])('%s → %s', (to, expected) => expect(safeRedirect(to)).toBe(expected))
})

describe('parseForm', () => {
  const schema = z.object({ name: z.string().min(2, 'Too short'), password: z.string().min(5) })

  it('returns field errors and what was typed, but never the password', async () => {
    const form = new FormData()
    form.set('name', 'A')
    form.set('password', 'abc')
    const result = await parseForm(form, schema)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.response.init?.status).toBe(400)
    expect(result.response.data.errors.name).toBe('Too short')
    expect(result.response.data.values).toEqual({ name: 'A' })
  })

  it('keeps repeated names as arrays', () => {
    const form = new FormData()
    form.append('tag', 'a')
    form.append('tag', 'b')
    expect(formValues(form)).toEqual({ tag: ['a', 'b'] })
  })
})

describe('pageParam', () => {
  it.each([
    ['2', 2],
    ['0', 1],
    ['-3', 1],
    ['abc', 1],
    ['1.5', 1],
  ])('%s → %i', (raw, page) => expect(pageParam(new URLSearchParams({ page: raw }))).toBe(page))
})

describe('shouldSeed', () => {
  const e = { NODE_ENV: 'production', DATA_DIR: '.data', PORT: 3000 } as const
  it('seeds the embedded default', () => expect(shouldSeed({ ...e })).toBe(true))
  it('never seeds a production server database by itself', () =>
    expect(shouldSeed({ ...e, DATABASE_URL: 'postgres://x/y' })).toBe(false))
  it('obeys SEED_DEMO', () => {
    expect(shouldSeed({ ...e, DATABASE_URL: 'postgres://x/y', SEED_DEMO: '1' })).toBe(true)
    expect(shouldSeed({ ...e, SEED_DEMO: '0' })).toBe(false)
  })
})
