import path from 'node:path'
import { existsSync, mkdirSync } from 'node:fs'
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

/**
 * Raw SQL with optional $n parameters, for code that brings its own queries (the job queue,
 * pg-boss, takes exactly this shape as its `db` option).
 */
export interface SqlExecutor {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>
}

export interface Database {
  db: Db
  driver: DatabaseTarget['driver']
  /** An embedded database whose folder this opening created (see `reopenToRelease`). */
  created: boolean
  /** The same connection(s) as `db`, for raw SQL. */
  sql: SqlExecutor
  close(): Promise<void>
}

const migrationsFolder = path.resolve(process.cwd(), 'db/migrations')
// Any constant works; it only has to be the same in every process migrating this database.
const MIGRATION_LOCK = 7_342_001

export interface OpenOptions {
  /** Told about a connection lost while idle (the app passes its logger; db/ imports none). */
  onConnectionError?: (error: Error) => void
}

/** Opens the database and brings its schema up to date. */
export async function openDatabase(
  target: DatabaseTarget,
  {
    onConnectionError = (error) => console.error('PostgreSQL connection lost:', error.message),
  }: OpenOptions = {},
): Promise<Database> {
  if (target.driver === 'pg') {
    const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 10 })
    // A connection dropped while idle (server restart, failover, a terminated backend) is
    // reported here; without a listener Node would treat it as an uncaught error and exit.
    pool.on('error', onConnectionError)
    await migrateWithLock(pool)
    const db = drizzlePg(pool, { schema }) as unknown as Db
    const sql: SqlExecutor = { executeSql: (text, values) => pool.query(text, values) }
    return { db, driver: 'pg', sql, close: () => pool.end(), created: false }
  }
  const created = !!target.dataDir && !existsSync(path.join(target.dataDir, 'PG_VERSION'))
  if (target.dataDir) mkdirSync(target.dataDir, { recursive: true, mode: 0o700 })
  const client = new PGlite({ dataDir: target.dataDir, startParams: PGLITE_START })
  const pglite = drizzlePglite(client, { schema })
  await migratePglite(pglite, { migrationsFolder })
  // Password hashes and personal data: for the app's own user only (see data-dir.server.ts).
  if (target.dataDir) tightenTree(target.dataDir)
  return {
    db: pglite as unknown as Db,
    driver: 'pglite',
    sql: pgliteExecutor(client),
    close: () => client.close(),
    created,
  }
}

/**
 * PGlite's own settings, with a 32 MB buffer cache instead of PostgreSQL's 128 MB: the embedded
 * database is for a small group's data, which fits, and the files behind it are in the system's
 * cache anyway. The whole cache lives in the process's memory: 100 MB less resident at rest
 * (docs/decisions/005-database-and-tests.md).
 */
const PGLITE_START = [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB']

/**
 * The same embedded database, closed and opened again. PGlite's WebAssembly memory only grows:
 * creating its folder (initdb) leaves a new database holding about 650 MB that a reopened one
 * does not, so a first start reopens once it has created and filled the folder.
 */
export async function reopenToRelease(database: Database, target: DatabaseTarget) {
  if (database.driver !== 'pglite' || target.driver !== 'pglite' || !target.dataDir) return database
  await database.close()
  return openDatabase(target)
}

/**
 * PGlite's `query` takes one statement; scripts of several statements (pg-boss sends its schema
 * and its locked maintenance steps that way, always without parameters) go through `exec`,
 * which answers one result per statement: the last is what node-postgres would report.
 */
function pgliteExecutor(client: PGlite): SqlExecutor {
  return {
    async executeSql(text, values) {
      if (values && values.length > 0) return client.query(text, values)
      const results = await client.exec(text)
      return results.at(-1) ?? { rows: [] }
    },
  }
}

/**
 * Raw SQL on the connection of an open transaction, so that code bringing its own queries (the
 * job queue's `send`) writes in it: committed or rolled back with the rest. Drizzle keeps the
 * connection as its session's client on both drivers (a pool's client on node-postgres, PGlite's
 * transaction object), and both take `query(text, values)`.
 */
export function transactionSql(tx: Tx): SqlExecutor {
  const client = (tx as unknown as { session?: { client?: unknown } }).session?.client as
    { query?: (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }> } | undefined
  const query = client?.query
  if (typeof query !== 'function') {
    throw new Error('No connection behind this transaction: the database driver changed shape.')
  }
  return { executeSql: (text, values) => query.call(client, text, values) }
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
