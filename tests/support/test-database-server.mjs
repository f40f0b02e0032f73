// Which database the tests run on. Race tests only prove something on a PostgreSQL server (PGlite
// has one connection, so nothing ever runs at the same time), so a local run uses the server
// whenever one answers, as CI does, and falls back to PGlite only when none does.
import pg from 'pg'

/** Where a developer's local server usually listens (Debian's `postgresql` package, CI). */
export const LOCAL_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/postgres'

const CHOICES = ['auto', 'postgres', 'pglite']

/**
 * The server test databases are created on, or null for PGlite, with the reason in words.
 * TEST_DB=pglite forces PGlite; TEST_DB=postgres requires a server; otherwise an explicit
 * DATABASE_URL wins, then a server answering on 127.0.0.1:5432.
 * @param {NodeJS.ProcessEnv} env
 * @returns {Promise<{ url: string | null, reason: string }>}
 */
export async function chooseTestServer(env = process.env) {
  const choice = (env.TEST_DB || 'auto').toLowerCase()
  if (!CHOICES.includes(choice)) {
    throw new Error(`TEST_DB must be one of ${CHOICES.join(', ')}; it is "${env.TEST_DB}".`)
  }
  if (choice === 'pglite') return { url: null, reason: 'TEST_DB=pglite' }
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, reason: 'DATABASE_URL is set' }
  const problem = await probe(LOCAL_SERVER_URL)
  if (!problem) return { url: LOCAL_SERVER_URL, reason: 'a server answers on 127.0.0.1:5432' }
  if (choice === 'postgres') {
    throw new Error(`TEST_DB=postgres, but ${LOCAL_SERVER_URL} cannot be used: ${problem}`)
  }
  return { url: null, reason: `no usable server on 127.0.0.1:5432 (${problem})` }
}

/**
 * Connects once, briefly, and checks the role may create the scratch databases.
 * @param {string} url
 * @returns {Promise<string | null>} what is wrong, or null when the server can be used
 */
async function probe(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 })
  // A refused connection is reported by connect(); an error after it must not crash the run.
  client.on('error', () => {})
  try {
    await client.connect()
    const { rows } = await client.query(
      'SELECT rolcreatedb OR rolsuper AS ok FROM pg_roles WHERE rolname = current_user',
    )
    return rows[0]?.ok ? null : 'its role may not create databases'
  } catch (error) {
    return error instanceof Error ? error.message || String(error) : String(error)
  } finally {
    await client.end().catch(() => {})
  }
}

/**
 * The address without its password, for messages.
 * @param {string} url
 */
export function describeServer(url) {
  const parsed = new URL(url)
  if (parsed.password) parsed.password = '***'
  return parsed.toString()
}
