import path from 'node:path'
import { mkdirSync } from 'node:fs'
import { tightenTree } from './data-dir.server.ts'
import { PGlite } from '@electric-sql/pglite'
import type { ExtractTablesWithRelations } from 'drizzle-orm'
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import pg from 'pg'
import * as schema from './schema/index.ts'

export type Schema = typeof schema
/** The one database type the app sees, whichever driver is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>

export type DatabaseTarget =
  | { driver: 'pg'; url: string; poolSize?: number }
  /** dataDir undefined means in memory (tests). */
  | { driver: 'pglite'; dataDir?: string }

export interface Database {
  db: Db
  driver: DatabaseTarget['driver']
  close(): Promise<void>
}

const migrationsFolder = path.resolve(process.cwd(), 'db/migrations')
// Any constant works; it only has to be the same in every process migrating this database.
const MIGRATION_LOCK = 7_342_001

/** Opens the database and brings its schema up to date. */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.driver === 'pg') {
    const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 10 })
    // A connection dropped while idle (server restart, failover, a terminated backend) is
    // reported here; without a listener Node would treat it as an uncaught error and exit.
    pool.on('error', (error) => console.error('PostgreSQL connection lost:', error.message))
    await migrateWithLock(pool)
    const db = drizzlePg(pool, { schema }) as unknown as Db
    return { db, driver: 'pg', close: () => pool.end() }
  }
  if (target.dataDir) mkdirSync(target.dataDir, { recursive: true, mode: 0o700 })
  const client = new PGlite(target.dataDir)
  const pglite = drizzlePglite(client, { schema })
  await migratePglite(pglite, { migrationsFolder })
  // Password hashes and personal data: for the app's own user only (see data-dir.server.ts).
  if (target.dataDir) tightenTree(target.dataDir)
  return { db: pglite as unknown as Db, driver: 'pglite', close: () => client.close() }
}

/** Several app processes may start at once on one server; only one migrates at a time. */
async function migrateWithLock(pool: pg.Pool) {
  const client = await pool.connect()
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK])
    await migratePg(drizzlePg(client, { schema }), { migrationsFolder })
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {})
    client.release()
  }
}

export function targetFromEnv(e: { DATABASE_URL?: string; DATA_DIR: string }): DatabaseTarget {
  return e.DATABASE_URL
    ? { driver: 'pg', url: e.DATABASE_URL }
    : { driver: 'pglite', dataDir: path.resolve(e.DATA_DIR, 'pglite') }
}

// Kept on globalThis so that Vite's dev reloads of this module reuse the open database.
const holder = globalThis as unknown as { __commonsDatabase?: Database }

/** Makes `database` the one every service uses (start-up, tests). */
export function setDatabase(database: Database | undefined) {
  holder.__commonsDatabase = database
}

export function currentDatabase(): Database | undefined {
  return holder.__commonsDatabase
}

/** The application's database. Start-up opens it before the first request is served. */
export function db(): Db {
  const database = holder.__commonsDatabase
  if (!database) throw new Error('The database is not open yet: call startApp() first.')
  return database.db
}
