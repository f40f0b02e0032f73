/**
 * `npm run db:seed`: migrates the configured database (DATABASE_URL, or PGlite in DATA_DIR) and
 * fills it with the demo data when it is empty; a database with data in it is left alone.
 */
import { openDatabase, targetFromEnv } from '#db/client.server.ts'
import { env } from '#app/config/env.server.ts'
import { isEmpty, seedDemoData, suggestDemoMatches } from './seed.server.ts'

const database = await openDatabase(targetFromEnv(env()))
try {
  if (await isEmpty(database.db)) {
    await seedDemoData(database.db)
    await suggestDemoMatches(database)
    console.log('Seeded demo data (see README for the demo logins).')
  } else {
    console.log('The database already has data; nothing seeded.')
  }
} finally {
  await database.close()
}
