import path from 'node:path'
import { currentDatabase, openDatabase, setDatabase, targetFromEnv } from '#db/client.server.ts'
import { makeDataDirPrivate } from '#db/data-dir.server.ts'
import { isEmpty, seedDemoData } from '#db/seed.server.ts'
import { env } from './utils/env.server.ts'
import { sessionSecrets } from './utils/secrets.server.ts'

/**
 * Demo data goes only into an empty database, and never by itself into a production server
 * database; SEED_DEMO=1 or 0 overrides either way.
 */
export function shouldSeed(e: ReturnType<typeof env>): boolean {
  if (e.SEED_DEMO) return e.SEED_DEMO === '1'
  return !(e.NODE_ENV === 'production' && e.DATABASE_URL)
}

let starting: Promise<void> | undefined

/** Opens and migrates the database and seeds demo data, once per process. */
export function startApp(): Promise<void> {
  starting ??= (async () => {
    if (currentDatabase()) return
    const e = env()
    warnIfShared(path.resolve(e.DATA_DIR))
    sessionSecrets() // fail at start, not at the first login, when production lacks a secret
    const database = await openDatabase(targetFromEnv(e))
    setDatabase(database)
    if (shouldSeed(e) && (await isEmpty(database.db))) {
      await seedDemoData(database.db)
      console.log('Seeded demo data (see README for the demo logins).')
    }
    console.log(
      `Database ready (${database.driver === 'pg' ? 'PostgreSQL server' : 'embedded PGlite'}).`,
    )
  })()
  return starting
}

/** DATA_DIR is made private; one made by an older version is reported, not changed or refused. */
function warnIfShared(dataDir: string) {
  const loose = makeDataDirPrivate(dataDir)
  if (loose.length === 0) return
  console.warn(
    `Warning: other users on this machine can read or write files in ${dataDir} ` +
      `(for example ${loose.slice(0, 3).join(', ')}). It holds password hashes and personal data; ` +
      `run: chmod -R go-rwx ${JSON.stringify(dataDir)}`,
  )
}

export async function stopApp() {
  await currentDatabase()?.close()
  setDatabase(undefined)
  starting = undefined
}
