import { describe, expect, it } from 'vitest'
import { GroupCommit } from '#app/lib/group-commit.ts'

/** A writer that records each batch it is given; each write takes one turn of the event loop. */
function slowWriter(fails: (item: number) => boolean = () => false) {
  const batches: number[][] = []
  const write = async (items: readonly number[]) => {
    batches.push([...items])
    await new Promise((resolve) => setImmediate(resolve))
    if (items.some(fails)) throw new Error(`bad item in ${items.join(',')}`)
    return items.map((n) => n * 10)
  }
  return { batches, write }
}

describe('GroupCommit', () => {
  it('writes a lone item at once, and groups what arrives while a batch is written', async () => {
    const writer = slowWriter()
    const group = new GroupCommit(writer.write)
    const first = group.submit(1)
    expect(writer.batches).toEqual([[1]])
    const later = [group.submit(2), group.submit(3), group.submit(4)]
    expect(writer.batches).toEqual([[1]])
    const done = Promise.all([first, ...later])
    expect(await done).toEqual([10, 20, 30, 40])
    expect(writer.batches).toEqual([[1], [2, 3, 4]])
  })

  it('never writes more than the largest batch at once', async () => {
    const writer = slowWriter()
    const group = new GroupCommit(writer.write, 2)
    const all = Promise.all([1, 2, 3, 4, 5].map((n) => group.submit(n)))
    expect(await all).toEqual([10, 20, 30, 40, 50])
    expect(writer.batches).toEqual([[1], [2, 3], [4, 5]])
  })

  it('retries a failed batch item by item, so only the bad item fails its caller', async () => {
    const writer = slowWriter((n) => n === 3)
    const group = new GroupCommit(writer.write)
    const answers = [1, 2, 3, 4].map((n) => group.submit(n).catch((e: Error) => e.message))
    expect(await Promise.all(answers)).toEqual([10, 20, 'bad item in 3', 40])
    expect(writer.batches).toEqual([[1], [2, 3, 4], [2], [3], [4]])
  })

  it('starts again after it has drained', async () => {
    const writer = slowWriter()
    const group = new GroupCommit(writer.write)
    const one = group.submit(1)
    expect(await one).toBe(10)
    const two = group.submit(2)
    expect(await two).toBe(20)
    expect(writer.batches).toEqual([[1], [2]])
  })
})

describe('GroupCommit with lanes', () => {
  it('writes up to that many batches at once, and groups the rest behind them', async () => {
    const writer = slowWriter()
    const group = new GroupCommit(writer.write, 64, 2)
    const all = Promise.all([1, 2, 3, 4].map((n) => group.submit(n)))
    // 1 and 2 each start a lane at once; 3 and 4 wait for the first lane to be free.
    expect(writer.batches).toEqual([[1], [2]])
    expect(await all).toEqual([10, 20, 30, 40])
    expect(writer.batches).toEqual([[1], [2], [3, 4]])
  })
})
