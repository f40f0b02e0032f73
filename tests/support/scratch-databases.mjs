// Scratch databases for test runs on a PostgreSQL server. Names carry their creation time so that
// databases left behind by an interrupted run can be dropped by a later one, once they are old.
import { randomBytes } from 'node:crypto'
import pg from 'pg'

const STALE_AFTER_SECONDS = 3600

/**
 * Database names cannot be query parameters, so CREATE/DROP interpolate names this module made
 * itself (prefix, digits, hex); everything else is passed as parameters.
 * @param {string} serverUrl @param {string} sql @param {unknown[]} [params]
 */
async function run(serverUrl, sql, params = []) {
  const client = new pg.Client({ connectionString: serverUrl })
  await client.connect()
  try {
    return await client.query(sql, params)
  } finally {
    await client.end()
  }
}

/** What this module names its databases: a prefix, the creation time, a random tag. */
const SCRATCH_NAME = /^[a-z][a-z_]*_[0-9]+_[0-9a-f]+$/

/**
 * Creates a database beside the one serverUrl names: empty, or a copy of `template` (a scratch
 * database of this module's that nobody is connected to).
 * @param {string} serverUrl @param {string} prefix @param {string} [template]
 * @returns {Promise<{ url: string, name: string, drop: () => Promise<void> }>}
 */
export async function createScratchDatabase(serverUrl, prefix, template) {
  await dropStaleDatabases(serverUrl, prefix)
  const name = `${prefix}_${Math.floor(Date.now() / 1000)}_${randomBytes(4).toString('hex')}`
  if (template !== undefined && !SCRATCH_NAME.test(template)) {
    throw new Error(`Not a scratch database: ${template}`)
  }
  await run(serverUrl, `CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    name,
    drop: async () => {
      await waitForDisconnect(serverUrl, name)
      await run(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    },
  }
}

/**
 * A closed pool's connections finish their goodbye asynchronously; dropping the database while
 * they do would kill them mid-way. Wait (briefly) until the server has let them all go.
 * @param {string} serverUrl @param {string} name
 */
export async function waitForDisconnect(serverUrl, name) {
  for (let i = 0; i < 50; i++) {
    const { rows } = await run(
      serverUrl,
      'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1',
      [name],
    )
    if (rows[0]?.n === 0) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** @param {string} serverUrl @param {string} prefix */
async function dropStaleDatabases(serverUrl, prefix) {
  const { rows } = await run(serverUrl, 'SELECT datname FROM pg_database WHERE datname ~ $1', [
    `^${prefix}_[0-9]+_[0-9a-f]+$`,
  ])
  const cutoff = Date.now() / 1000 - STALE_AFTER_SECONDS
  for (const { datname } of rows) {
    const created = Number(String(datname).split('_').at(-2))
    if (created < cutoff) {
      await run(serverUrl, `DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`).catch(() => {})
    }
  }
}
