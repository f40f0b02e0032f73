import type { TestProject } from 'vitest/node'
import { openDatabase } from '#db/client.server.ts'
import { createScratchDatabase, waitForDisconnect } from './scratch-databases.mjs'
import { chooseTestServer, describeServer } from './test-database-server.mjs'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The PostgreSQL server scratch databases are made on; null means PGlite. */
    testServerUrl: string | null
    /** On that server, a database migrated once that each test file's database is copied from. */
    testTemplateDatabase: string | null
  }
}

/**
 * Decides once per run which database the integration tests use, and says so. On a server, the
 * migrations run once, into a template: copying it is about a fifth of what migrating each test
 * file's database from nothing cost (0.7 s of the server's time per file).
 */
export default async function setup(project: TestProject) {
  const { url, reason } = await chooseTestServer()
  console.log(
    url
      ? `Database tests: PostgreSQL at ${describeServer(url)} (${reason}); race tests run.`
      : `Database tests: PGlite in memory (${reason}); race tests are skipped.`,
  )
  project.provide('testServerUrl', url)
  project.provide('testTemplateDatabase', null)
  if (!url) return
  const template = await createScratchDatabase(url, 'cf_template')
  const migrated = await openDatabase({ driver: 'pg', url: template.url, poolSize: 1 })
  await migrated.close()
  // A database is copied only while nobody is connected to it.
  await waitForDisconnect(url, template.name)
  project.provide('testTemplateDatabase', template.name)
  return () => template.drop()
}
