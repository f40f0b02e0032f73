import path from 'node:path'
import {
  currentDatabase,
  openDatabase,
  reopenToRelease,
  setDatabase,
  targetFromEnv,
} from '#db/client.server.ts'
import { isEmpty, seedDemoData, suggestDemoMatches } from '#app/seed/seed.server.ts'
import { startJobQueue, stopJobQueue } from './services/jobs/job-queue.server.ts'
import { defineAllJobs } from './services/jobs/jobs.server.ts'
import { makeDataDirPrivate } from '#db/data-dir.server.ts'
import { env } from './config/env.server.ts'
import { logger } from './config/logger.server.ts'
import { sessionSecrets } from './config/secrets.server.ts'
import { removeUploadLeftovers } from './services/storage.server.ts'

/**
 * Demo data goes only into an empty database, and never by itself into a production server
 * database; SEED_DEMO=1 or 0 overrides either way.
 */
export function shouldSeed(e: ReturnType<typeof env>): boolean {
  if (e.SEED_DEMO) return e.SEED_DEMO === '1'
  return !(e.NODE_ENV === 'production' && e.DATABASE_URL)
}

/** Opens and migrates the database, and seeds demo data into an empty one. */
async function openAndSeed(e: ReturnType<typeof env>) {
  const target = targetFromEnv(e)
  let database = await openDatabase(target, {
    onConnectionError: (err) => logger().error({ err }, 'PostgreSQL connection lost'),
  })
  if (shouldSeed(e) && (await isEmpty(database.db))) {
    await seedDemoData(database.db)
    await suggestDemoMatches(database)
    logger().info('Seeded demo data (see README for the demo logins).')
  }
  if (database.created) database = await reopenToRelease(database, target)
  logger().info(
    { driver: database.driver },
    `Database ready (${database.driver === 'pg' ? 'PostgreSQL server' : 'embedded PGlite'}).`,
  )
  return database
}

/**
 * What a cluster's primary does once before forking its workers: migrations, the demo seed and
 * the job queue's tables run in one process, not raced by several (the workers' own start then
 * finds nothing to do).
 */
export async function prepareDatabase(): Promise<void> {
  const e = env()
  sessionSecrets()
  const database = await openAndSeed(e)
  defineAllJobs()
  await startJobQueue(database, { workers: false, schedules: false })
  await stopJobQueue()
  await database.close()
}

let starting: Promise<void> | undefined

/**
 * Opens and migrates the database, seeds demo data and starts the job queue, once per process.
 */
export function startApp(): Promise<void> {
  starting ??= (async () => {
    if (currentDatabase()) return
    const e = env()
    warnIfShared(path.resolve(e.DATA_DIR))
    sessionSecrets() // fail at start, not at the first login, when production lacks a secret
    await sweepUploadLeftovers()
    const database = await openAndSeed(e)
    setDatabase(database)
    defineAllJobs()
    await startJobQueue(database)
    logger().info('Job queue started.')
  })()
  return starting
}

/** DATA_DIR is made private; one made by an older version is reported, not changed or refused. */
function warnIfShared(dataDir: string) {
  const loose = makeDataDirPrivate(dataDir)
  if (loose.length === 0) return
  logger().warn(
    `Other users on this machine can read or write files in ${dataDir} ` +
      `(for example ${loose.slice(0, 3).join(', ')}). It holds password hashes and personal data; ` +
      `run: chmod -R go-rwx ${JSON.stringify(dataDir)}`,
  )
}

/** Temporary upload files a crash left behind; failing to remove them never stops the start. */
async function sweepUploadLeftovers() {
  try {
    const removed = await removeUploadLeftovers()
    if (removed > 0) logger().info({ removed }, 'Removed temporary upload files left by a crash.')
  } catch (err) {
    logger().warn({ err }, 'Could not sweep temporary upload files.')
  }
}

/** Lets running jobs finish, then closes the database. */
export async function stopApp() {
  await stopJobQueue()
  await currentDatabase()?.close()
  setDatabase(undefined)
  starting = undefined
}
