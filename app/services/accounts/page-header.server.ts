import { eq, sql } from 'drizzle-orm'
import { preparedQuery } from '#db/prepared.server.ts'
import { notifications, panelMembers, users } from '#db/schema/index.ts'

export interface PageHeaderFigures {
  /** The bell's count: notifications not yet read. */
  unread: number
  /** Whether the person sits on any program's review panel (the header's "Reviews" link). */
  reviewer: boolean
}

/**
 * Both figures in one prepared statement, since the root loader asks on every signed-in page: one
 * round trip to the database instead of two (each costs the server a socket write and a reply
 * to parse; docs/decisions/013-throughput.md, round seven). The count reads the partial index
 * of unread rows, the seat at most one entry of `panel_members_user_idx`.
 */
const pageHeaderQuery = preparedQuery('page_header', (db, name) =>
  db
    .select({
      // Qualified by hand: in a one-table select drizzle writes columns without their table,
      // which inside these subqueries would name the subquery's own column.
      unread: sql<number>`(SELECT count(*)::int FROM ${notifications} AS n
        WHERE n.user_id = ${users}.id AND n.read_at IS NULL)`,
      reviewer: sql<boolean>`EXISTS (SELECT 1 FROM ${panelMembers} AS p WHERE p.user_id = ${users}.id)`,
    })
    .from(users)
    .where(eq(users.id, sql.placeholder('userId')))
    .prepare(name),
)

/** The signed-in person's header figures (none for an account that no longer exists). */
export async function pageHeaderFigures(userId: string): Promise<PageHeaderFigures> {
  const [row] = await pageHeaderQuery().execute({ userId })
  return { unread: row?.unread ?? 0, reviewer: row?.reviewer ?? false }
}
