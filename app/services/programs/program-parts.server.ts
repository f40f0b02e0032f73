import { and, asc, desc, eq, getTableName, gt, lt, max, sql, type SQL } from 'drizzle-orm'
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core'
import { db, type Db } from '#db/client.server.ts'
import { preparedShapes } from '#db/prepared.server.ts'
import type { ProgramStatus } from '#app/domain/programs/program-status.ts'
import type { AuditAction } from '#app/domain/audit-actions.ts'
import { recordAudit } from '#app/services/admin/audit.server.ts'
import { fail, type Actor, type Result } from '#app/domain/result.ts'
import type { Message } from '#app/lib/i18n/message.ts'
import { lockProgram } from './programs.server.ts'

export type ProgramActor = Actor & { organizationId: string }

/** A table of a program's ordered rows, such as its rubric criteria or its own questions. */
type PartTable = PgTable & {
  id: AnyPgColumn<{ data: string; notNull: true }>
  programId: AnyPgColumn<{ data: string; notNull: true }>
  position: AnyPgColumn<{ data: number; notNull: true }>
}

/** What sets one part of a program apart: where its rows live and when it stops changing. */
export interface ProgramPart<TTable extends PartTable> {
  table: TTable
  isLocked: (status: ProgramStatus) => boolean
  lockedMessage: Message
  /** Said when the row acted on was removed meanwhile, or belongs to another program. */
  goneMessage: Message
}

export function refusal(message: Message) {
  return fail({ message })
}

/**
 * Runs a change on the locked program row, refusing once the part is locked; the audit row names
 * the program, so its history reads in one place.
 */
export function changeProgramPart<T extends object>(
  part: ProgramPart<PartTable>,
  actor: ProgramActor,
  programId: string,
  action: AuditAction,
  change: (tx: Db) => Promise<Result<T & { details: Record<string, unknown> }>>,
): Promise<Result<T>> {
  return db().transaction(async (tx) => {
    const program = await lockProgram(tx, programId)
    if (part.isLocked(program.status)) return refusal(part.lockedMessage)
    const result = await change(tx)
    if (!result.ok) return result
    const { details, ...rest } = result
    await recordAudit(tx, {
      actorUserId: actor.id,
      action,
      entityType: 'program',
      entityId: programId,
      organizationId: actor.organizationId,
      ip: actor.ip,
      details,
    })
    return rest as Result<T>
  })
}

async function selectRows<TTable extends PartTable>(
  from: Db,
  table: TTable,
  where: SQL | undefined,
): Promise<TTable['$inferSelect'][]> {
  // Drizzle cannot work out a select's row type from a generic table, so it is named here.
  return from
    .select()
    .from(table as PartTable)
    .where(where)
    .orderBy(asc(table.position))
}

/**
 * A part's rows for each program, as one prepared statement per part: the funder's overview, the
 * application's steps and the export all read them.
 */
const partRowsQuery = preparedShapes(
  'program_part_rows',
  (table: PartTable) => getTableName(table),
  (db, name, table) =>
    db
      .select()
      .from(table)
      .where(eq(table.programId, sql.placeholder('programId')))
      .orderBy(asc(table.position))
      .prepare(name),
)

export function listPartRows<TTable extends PartTable>(
  part: ProgramPart<TTable>,
  programId: string,
): Promise<TTable['$inferSelect'][]> {
  // Drizzle cannot work out a select's row type from a generic table, so it is named here.
  return partRowsQuery(part.table).execute({ programId }) as Promise<TTable['$inferSelect'][]>
}

/** The row, only if it belongs to this program, so an id from another program finds nothing. */
async function partRowOf<TTable extends PartTable>(
  tx: Db,
  part: ProgramPart<TTable>,
  programId: string,
  rowId: string,
) {
  const { table } = part
  const [row] = await selectRows(
    tx,
    table,
    and(eq(table.id, rowId), eq(table.programId, programId)),
  )
  return row ?? null
}

/**
 * A change to one row of the part, refused when the row is not in the program: removed by
 * someone else since the page loaded, or an id from another program.
 */
export function changePartRow<TTable extends PartTable>(
  part: ProgramPart<TTable>,
  actor: ProgramActor,
  programId: string,
  rowId: string,
  action: AuditAction,
  change: (
    tx: Db,
    row: TTable['$inferSelect'],
  ) => Promise<Result<{ details: Record<string, unknown> }>>,
): Promise<Result> {
  return changeProgramPart(part, actor, programId, action, async (tx) => {
    const row = await partRowOf(tx, part, programId, rowId)
    return row ? change(tx, row) : refusal(part.goneMessage)
  })
}

/** The position after the program's last row. */
export async function nextPosition(tx: Db, part: ProgramPart<PartTable>, programId: string) {
  const { table } = part
  const [last] = await tx
    .select({ position: max(table.position) })
    .from(table)
    .where(eq(table.programId, programId))
  return (last?.position ?? 0) + 1
}

/** Swaps the row with its neighbour above or below; at either end nothing moves. */
export async function swapWithNeighbour(
  tx: Db,
  part: ProgramPart<PartTable>,
  current: { id: string; programId: string; position: number },
  direction: 'up' | 'down',
) {
  const { table } = part
  const [neighbour] = await tx
    .select({ id: table.id, position: table.position })
    .from(table)
    .where(
      and(
        eq(table.programId, current.programId),
        direction === 'up'
          ? lt(table.position, current.position)
          : gt(table.position, current.position),
      ),
    )
    .orderBy(direction === 'up' ? desc(table.position) : asc(table.position))
    .limit(1)
  if (!neighbour) return
  // Positions are unique per program (checked row by row), so the row steps aside to a position
  // no row uses while the neighbour takes its place. The program row is locked meanwhile.
  await tx.update(table).set({ position: -1 }).where(eq(table.id, current.id))
  await tx.update(table).set({ position: current.position }).where(eq(table.id, neighbour.id))
  await tx.update(table).set({ position: neighbour.position }).where(eq(table.id, current.id))
}
