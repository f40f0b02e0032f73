import type { TestProject } from 'vitest/node'
import { chooseTestServer, describeServer } from './test-database-server.mjs'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The PostgreSQL server scratch databases are made on; null means PGlite. */
    testServerUrl: string | null
  }
}

/** Decides once per run which database the integration tests use, and says so. */
export default async function setup(project: TestProject) {
  const { url, reason } = await chooseTestServer()
  console.log(
    url
      ? `Database tests: PostgreSQL at ${describeServer(url)} (${reason}); race tests run.`
      : `Database tests: PGlite in memory (${reason}); race tests are skipped.`,
  )
  project.provide('testServerUrl', url)
}
