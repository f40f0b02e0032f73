import { sql } from 'drizzle-orm'
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core'
import type { Db } from '#db/client.server.ts'

/** A URL-safe form of a name: "Café Niños & Familias" → "cafe-ninos-familias". */
export function slugify(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
  return base || 'organization'
}

/**
 * The slug for `name` that no row of `table` uses yet: "eastside-fund", else "eastside-fund-2"…
 * The unique index still has the last word if two requests race for the same name; run the
 * creating transaction through `retryOnSlugClash` so the loser simply picks the next free slug.
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

/** True when `error` (or what it wraps) is a unique violation of a `…_slug_key` index. */
function isSlugClash(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const { code, constraint } = e as { code?: unknown; constraint?: unknown }
    if (code === '23505' && typeof constraint === 'string' && constraint.endsWith('_slug_key')) {
      return true
    }
  }
  return false
}

/**
 * Runs a transaction that creates a slugged row, once more (up to three times) if another
 * request took the same slug between our check and our insert.
 */
export async function retryOnSlugClash<T>(create: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await create()
    } catch (error) {
      if (attempt >= 3 || !isSlugClash(error)) throw error
    }
  }
}
