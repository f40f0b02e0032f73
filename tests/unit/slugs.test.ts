import { describe, expect, it } from 'vitest'
import { retryOnSlugClash } from '#app/services/slugs.server.ts'

const clash = Object.assign(new Error('duplicate key'), {
  code: '23505',
  constraint: 'funds_slug_key',
})

describe('retryOnSlugClash', () => {
  it('runs the creation again when another request took the slug', async () => {
    let calls = 0
    const result = await retryOnSlugClash(async () => {
      calls++
      // Drivers and drizzle wrap the database error; the clash may sit in `cause`.
      if (calls === 1) throw new Error('Failed query', { cause: clash })
      return 'created'
    })
    expect(result).toBe('created')
    expect(calls).toBe(2)
  })

  it('gives up after three clashes and passes other errors straight through', async () => {
    let calls = 0
    await expect(
      retryOnSlugClash(async () => {
        calls++
        throw clash
      }),
    ).rejects.toBe(clash)
    expect(calls).toBe(3)
    const other = Object.assign(new Error('x'), { code: '23505', constraint: 'users_email_key' })
    await expect(retryOnSlugClash(() => Promise.reject(other))).rejects.toBe(other)
  })
})
