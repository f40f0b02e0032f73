import { describe, expect, it } from 'vitest'
import { memo, withRequestMemo } from '#app/utils/request-memo-cache.server.ts'

/** A lookup that counts how often it really ran. */
function lookup() {
  let runs = 0
  const work = async () => {
    runs++
    await new Promise((r) => setTimeout(r, 1))
    return { runs }
  }
  return { work, runs: () => runs }
}

describe('lookups shared by the loaders of one HTTP request', () => {
  it('run once per key in a GET, however many loaders ask at once or after', async () => {
    const session = lookup()
    const program = lookup()
    await withRequestMemo('GET', async () => {
      // Loaders run in parallel: the second asks before the first has its answer.
      const [a, b] = await Promise.all([memo('s', session.work), memo('s', session.work)])
      expect(a).toBe(b)
      expect(await memo('s', session.work)).toBe(a)
      await memo('program:1', program.work)
      await memo('program:2', program.work)
    })
    expect(session.runs()).toBe(1)
    expect(program.runs()).toBe(2)
  })

  it('are looked up afresh in every request, in a POST, and outside any request', async () => {
    const session = lookup()
    await withRequestMemo('GET', () => memo('s', session.work))
    await withRequestMemo('HEAD', () => memo('s', session.work))
    expect(session.runs()).toBe(2)
    // An action may change what was read: the loaders after it must not get the old answer.
    await withRequestMemo('POST', async () => {
      await memo('s', session.work)
      await memo('s', session.work)
    })
    expect(session.runs()).toBe(4)
    await memo('s', session.work)
    await memo('s', session.work)
    expect(session.runs()).toBe(6)
  })
})
