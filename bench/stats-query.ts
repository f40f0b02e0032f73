/**
 * The funder's figures (programApplicationStats) on a program with 5,000 applications, timed
 * through the service on PGlite or, with DATABASE_URL, on a scratch database of that server.
 * Usage: npx tsx bench/stats-query.ts [applications=5000]
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { openDatabase, setDatabase } from '#db/client.server.ts'
import { isEmpty, seedDemoData } from '#app/seed/seed.server.ts'
import { programApplicationStats } from '#app/services/applications/application-stats.server.ts'
import { createScratchDatabase } from '#tests/support/scratch-databases.mjs'
import { addApplications, demoProgram } from './seed-applications.ts'
import { measure, report } from './stats.ts'

const COUNT = Number(process.argv[2] ?? 5000)
const dataDir = mkdtempSync(path.join(tmpdir(), 'commons-stats-'))
const scratch = process.env.DATABASE_URL
  ? await createScratchDatabase(process.env.DATABASE_URL, 'cf_bench')
  : null
const database = await openDatabase(
  scratch
    ? { driver: 'pg', url: scratch.url }
    : { driver: 'pglite', dataDir: path.join(dataDir, 'pglite') },
)
try {
  setDatabase(database)
  if (await isEmpty(database.db)) await seedDemoData(database.db)
  const program = await demoProgram(database.db, 'community-health-access-2027')
  await addApplications(database.db, program.id, COUNT)
  console.log(`driver ${database.driver}, ${COUNT} applications`)
  report('figures: whole program', await measure(() => programApplicationStats(program.id), 100))
  report(
    'figures: SDOH = health care',
    await measure(() => programApplicationStats(program.id, { sdoh: 'health_care' }), 100),
  )
} finally {
  await database.close()
  await scratch?.drop()
  rmSync(dataDir, { recursive: true, force: true })
}
