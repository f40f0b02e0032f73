import { afterAll, beforeAll } from 'vitest'
import { openDatabase, setDatabase, type Database } from '#db/client.server.ts'
import { createScratchDatabase } from './scratch-databases.mjs'

/**
 * Gives the calling test file a database of its own, migrated from scratch: a new database on
 * the PostgreSQL server when DATABASE_URL is set (CI), otherwise an in-memory PGlite.
 */
export function withTestDatabase() {
  let database: Database | undefined
  let dropServerDatabase: (() => Promise<void>) | undefined

  beforeAll(async () => {
    const serverUrl = process.env.DATABASE_URL
    if (serverUrl) {
      const created = await createScratchDatabase(serverUrl, 'cf_test')
      dropServerDatabase = created.drop
      database = await openDatabase({ driver: 'pg', url: created.url, poolSize: 5 })
    } else {
      database = await openDatabase({ driver: 'pglite' })
    }
    setDatabase(database)
  })

  afterAll(async () => {
    await database?.close()
    setDatabase(undefined)
    await dropServerDatabase?.()
  })

  return {
    get driver() {
      return database?.driver
    },
  }
}
