import { sql } from 'drizzle-orm'
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core'
import type { Db } from '#db/client.server.ts'
import { slugify } from './organizations.server.ts'

/**
 * The slug for `name` that no row of `table` uses yet: "eastside-fund", else "eastside-fund-2"…
 * The unique index still has the last word if two requests race for the same name.
 */
export async function uniqueSlugIn(
  tx: Db,
  table: PgTable,
  column: PgColumn,
  name: string,
  fallback: string,
): Promise<string> {
  const slugged = slugify(name)
  const base = slugged === 'organization' ? fallback : slugged
  const taken = await tx
    .select({ slug: sql<string>`${column}` })
    .from(table)
    .where(sql`${column} = ${base} OR ${column} LIKE ${base + '-%'}`)
  const used = new Set(taken.map((t) => t.slug))
  if (!used.has(base)) return base
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`
}
