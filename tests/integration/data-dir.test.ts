import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openDatabase } from '#db/client.server.ts'
import { looseEntries, makeDataDirPrivate } from '#db/data-dir.server.ts'
import { LocalDiskStore } from '#app/services/storage.server.ts'
import { readOrCreateSecret } from '#app/config/secrets.server.ts'

const parent = mkdtempSync(path.join(tmpdir(), 'commons-data-dir-'))
afterAll(() => rmSync(parent, { recursive: true, force: true }))

describe('DATA_DIR permissions', () => {
  it('creates a fresh DATA_DIR 0700 and everything in it 0600 (folders 0700)', async () => {
    // What a shared machine often has; the fix must not depend on the caller's umask.
    process.umask(0o000)
    const dataDir = path.join(parent, 'fresh')
    expect(makeDataDirPrivate(dataDir)).toEqual([])
    const database = await openDatabase({ driver: 'pglite', dataDir: path.join(dataDir, 'pglite') })
    await database.db.execute('CREATE TABLE after_start (id int)') // files made after opening
    await database.close()
    readOrCreateSecret(path.join(dataDir, 'session-secret'))
    const upload = path.join(parent, 'upload.bin')
    writeFileSync(upload, new Uint8Array(3))
    await new LocalDiskStore(path.join(dataDir, 'uploads')).putFile('abcdef123456', upload)

    expect(looseEntries(dataDir, 1000)).toEqual([])
  }, 120_000)

  it('reports (and leaves alone) a DATA_DIR made readable by others before', () => {
    const dataDir = path.join(parent, 'old')
    mkdirSync(path.join(dataDir, 'uploads'), { recursive: true })
    chmodSync(dataDir, 0o755)
    const loose = makeDataDirPrivate(dataDir)
    expect(loose).toContain(dataDir)
  })
})
