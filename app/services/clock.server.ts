import { sql } from 'drizzle-orm'
import { db, type Db } from '#db/client.server.ts'

/**
 * The one clock deadlines are judged by: the database's now(), the same for every app process
 * and for the queries that filter on it. Inside a transaction it is the transaction's start.
 */
export async function databaseNow(tx: Db = db()): Promise<Date> {
  // Epoch milliseconds read the same through pg and PGlite, unlike timestamp text.
  const [row] = await tx
    .select({ ms: sql<number>`(extract(epoch from now()) * 1000)::float8` })
    .from(sql`(VALUES (1)) AS clock(tick)`)
  if (!row) throw new Error('The database did not tell the time')
  return new Date(Number(row.ms))
}
