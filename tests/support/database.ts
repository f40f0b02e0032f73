import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll } from 'vitest'
import { openDatabase, setDatabase, type Database } from '#db/client.server.ts'

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
      const created = await createServerDatabase(serverUrl)
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

/** Creates an empty database beside the one DATABASE_URL names, and a way to drop it. */
export async function createServerDatabase(serverUrl: string) {
  const name = `cf_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: serverUrl })
      await c.connect()
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await c.end()
    },
  }
}
