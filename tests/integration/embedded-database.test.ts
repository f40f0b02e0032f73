import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  openDatabase,
  reopenToRelease,
  type Database,
  type DatabaseTarget,
} from '#db/client.server.ts'

const parent = mkdtempSync(path.join(tmpdir(), 'commons-embedded-'))
afterAll(() => rmSync(parent, { recursive: true, force: true }))

async function bufferCache(database: Database) {
  const shown = await database.sql.executeSql('SHOW shared_buffers')
  return shown.rows[0]
}

describe('the embedded database (PGlite in DATA_DIR)', () => {
  it('says when it created its folder, and a reopened one keeps everything', async () => {
    const target: DatabaseTarget = { driver: 'pglite', dataDir: path.join(parent, 'pglite') }
    const first = await openDatabase(target)
    expect(first.created).toBe(true)
    await first.sql.executeSql('CREATE TABLE kept (note text)')
    await first.sql.executeSql('INSERT INTO kept VALUES ($1)', ['written before the reopen'])

    const second = await reopenToRelease(first, target)
    try {
      expect(second).not.toBe(first)
      expect(second.created).toBe(false)
      const kept = await second.sql.executeSql('SELECT note FROM kept')
      expect(kept.rows).toEqual([{ note: 'written before the reopen' }])
      // The migrations' tables are there too: the reopen did not start a new database.
      const users = await second.sql.executeSql('SELECT count(*)::int AS n FROM users')
      expect(users.rows).toEqual([{ n: 0 }])
      expect(await bufferCache(second)).toEqual({ shared_buffers: '32MB' })
    } finally {
      await second.close()
    }
  }, 120_000)

  it('keeps a 32 MB buffer cache in memory too (no folder: nothing to reopen)', async () => {
    const database = await openDatabase({ driver: 'pglite' })
    try {
      expect(await bufferCache(database)).toEqual({ shared_buffers: '32MB' })
      expect(database.created).toBe(false)
    } finally {
      await database.close()
    }
  }, 120_000)
})
