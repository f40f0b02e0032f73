import { afterAll, beforeAll, inject, it, type TestContext } from 'vitest'
import { openDatabase, setDatabase, type Database } from '#db/client.server.ts'
import { createScratchDatabase } from './scratch-databases.mjs'

/**
 * The PostgreSQL server this run uses, chosen once by tests/support/global-setup.ts (DATABASE_URL,
 * else a server answering on 127.0.0.1:5432, unless TEST_DB=pglite); null means PGlite.
 */
const serverUrl = inject('testServerUrl') ?? null
const templateDatabase = inject('testTemplateDatabase') ?? undefined

/** True when this run's databases are on a PostgreSQL server, where writes really overlap. */
export const onPostgres = serverUrl !== null

export const PGLITE_CANNOT_RACE =
  'needs PostgreSQL: PGlite has one connection, so these writes never overlap and the test could not fail'

/**
 * A test of what happens when writes overlap (row locks, unique constraints under concurrent
 * inserts, counters). On PGlite the queries run one after another, so such a test passes even with
 * the lock removed: there it is reported as skipped, with the reason, instead of as passed.
 */
export function raceTest(
  name: string,
  body: (context: TestContext) => Promise<void>,
  timeout?: number,
) {
  it(
    name,
    async (context) => {
      if (!onPostgres) context.skip(PGLITE_CANNOT_RACE)
      await body(context)
    },
    timeout,
  )
}

/**
 * Gives the calling test file a database of its own, fully migrated: on the PostgreSQL server
 * (when there is one) a copy of the run's migrated template, dropped after the file; otherwise
 * an in-memory PGlite migrated from scratch.
 */
export function withTestDatabase() {
  let database: Database | undefined
  let dropServerDatabase: (() => Promise<void>) | undefined

  beforeAll(async () => {
    if (serverUrl) {
      const created = await createScratchDatabase(serverUrl, 'cf_test', templateDatabase)
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
