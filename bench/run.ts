/**
 * Benchmarks of the foundation's hot paths on a database the size of a busy platform:
 * admin lists and audit-log pages over many rows, and session lookup (every request does one).
 * Runs on embedded PGlite unless DATABASE_URL is set. Usage: npm run bench [-- users audit]
 */
import { desc, sql } from 'drizzle-orm'
import { users } from '#db/schema/index.ts'
import { openDatabase, setDatabase } from '#db/client.server.ts'
import { listOrganizations, listUsers } from '#app/services/admin/admin.server.ts'
import { listAudit } from '#app/services/admin/audit.server.ts'
import { findSessionUser, startSession } from '#app/services/accounts/sessions.server.ts'
import { createScratchDatabase } from '#tests/support/scratch-databases.mjs'
import { measure, report } from './stats.ts'

const USERS = Number(process.argv[2] ?? 50_000)
const AUDIT = Number(process.argv[3] ?? 200_000)

const scratch = process.env.DATABASE_URL
  ? await createScratchDatabase(process.env.DATABASE_URL, 'cf_bench')
  : null
const database = await openDatabase(
  scratch ? { driver: 'pg', url: scratch.url } : { driver: 'pglite' },
)
setDatabase(database)
const db = database.db
console.log(
  `driver: ${database.driver}; ${USERS} users, ${USERS / 10} organisations, ${AUDIT} audit rows`,
)

const t = performance.now()
await db.execute(sql`
  INSERT INTO users (email, name, password_hash, created_at)
  SELECT 'user' || g || '@example.test', 'User ' || g, 'x', now() - g * interval '1 minute'
  FROM generate_series(1, ${USERS}) g`)
await db.execute(sql`
  INSERT INTO organizations (kind, name, slug, created_at)
  SELECT (CASE WHEN g % 5 = 0 THEN 'funder' ELSE 'community_group' END)::organization_kind,
         'Org ' || g, 'org-' || g, now() - g * interval '1 minute'
  FROM generate_series(1, ${USERS / 10}) g`)
await db.execute(sql`
  INSERT INTO memberships (organization_id, user_id, role)
  SELECT o.id, u.id, 'owner' FROM
    (SELECT id, row_number() OVER () n FROM organizations) o
    JOIN (SELECT id, row_number() OVER () n FROM users) u ON u.n = o.n`)
await db.execute(sql`
  INSERT INTO audit_log (actor_user_id, action, entity_type, entity_id, at)
  SELECT u.id, (ARRAY['user.signed_up','organization.updated','membership.added','user.locked_out'])[1 + g % 4],
         'user', g::text, now() - g * interval '1 second'
  FROM generate_series(1, ${AUDIT}) g
  JOIN (SELECT id, row_number() OVER () n FROM users) u ON u.n = 1 + g % ${USERS}`)
await db.execute(sql`ANALYZE`)
console.log(`seeded in ${((performance.now() - t) / 1000).toFixed(1)} s\n`)

const [someUser] = await db
  .select({ id: users.id, email: users.email })
  .from(users)
  .orderBy(desc(users.createdAt))
  .offset(777)
  .limit(1)
if (!someUser) throw new Error('no user')
const { token } = await startSession(db, someUser.id, { ip: '127.0.0.1' })

report('session lookup (every signed-in request)', await measure(() => findSessionUser(token), 200))
report('admin users, page 1', await measure(() => listUsers({ page: 1 })))
report('admin users, page 200', await measure(() => listUsers({ page: 200 })))
report('admin users, search "user4242"', await measure(() => listUsers({ q: 'user4242', page: 1 })))
report(
  'admin organisations, funders page 1',
  await measure(() => listOrganizations({ kind: 'funder', page: 1 })),
)
report('audit log, newest page', await measure(() => listAudit({})))
const deep = await listAudit({ before: Math.floor(AUDIT / 2) })
report(
  'audit log, page in the middle (cursor)',
  await measure(() => listAudit({ before: Math.floor(AUDIT / 2) })),
)
report('audit log, filter action', await measure(() => listAudit({ action: 'membership.added' })))
report('audit log, filter actor email', await measure(() => listAudit({ actor: someUser.email })))
console.log(`\n(middle page returned ${deep.rows.length} rows)`)

await database.close()
await scratch?.drop()
