// Scratch databases for test runs on a PostgreSQL server. Names carry their creation time so that
// databases left behind by an interrupted run can be dropped by a later one, once they are old.
import { randomBytes } from 'node:crypto'
import pg from 'pg'

const STALE_AFTER_SECONDS = 3600

/** @param {string} serverUrl @param {string} sql */
async function run(serverUrl, sql) {
  const client = new pg.Client({ connectionString: serverUrl })
  await client.connect()
  try {
    return await client.query(sql)
  } finally {
    await client.end()
  }
}

/**
 * Creates an empty database beside the one serverUrl names.
 * @param {string} serverUrl @param {string} prefix
 * @returns {Promise<{ url: string, drop: () => Promise<void> }>}
 */
export async function createScratchDatabase(serverUrl, prefix) {
  await dropStaleDatabases(serverUrl, prefix)
  const name = `${prefix}_${Math.floor(Date.now() / 1000)}_${randomBytes(4).toString('hex')}`
  await run(serverUrl, `CREATE DATABASE ${name}`)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: async () => {
      await run(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    },
  }
}

/** @param {string} serverUrl @param {string} prefix */
async function dropStaleDatabases(serverUrl, prefix) {
  const { rows } = await run(
    serverUrl,
    `SELECT datname FROM pg_database WHERE datname ~ '^${prefix}_[0-9]+_[0-9a-f]+$'`,
  )
  const cutoff = Date.now() / 1000 - STALE_AFTER_SECONDS
  for (const { datname } of rows) {
    const created = Number(String(datname).split('_').at(-2))
    if (created < cutoff) {
      await run(serverUrl, `DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`).catch(() => {})
    }
  }
}
