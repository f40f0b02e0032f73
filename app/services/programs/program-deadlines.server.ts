import { createHash } from 'node:crypto'
import { and, eq, inArray, lte, sql, type SQL } from 'drizzle-orm'
import { db } from '#db/client.server.ts'
import { funds, programs, type Program } from '#db/schema/index.ts'
import { recordAudit } from '#app/services/admin/audit.server.ts'
import { cancelJob, scheduleJob, type JobDefinition } from '#app/services/jobs/job-queue.server.ts'

/**
 * Programs close at their deadline through the job queue: one job per open program at its
 * closing time, and a sweep every minute for any the jobs missed (a process down at the time,
 * a schedule lost between commit and queueing). Whether a program still accepts applications
 * never waits for either: that is judged against the database clock where it matters.
 */

/** Closes the open programs matching `which` whose deadline has passed, auditing each. */
async function closeDue(which?: SQL): Promise<string[]> {
  return db().transaction(async (tx) => {
    // A second process running the same close finds the row no longer open: each closes once.
    const closed = await tx
      .update(programs)
      .set({ status: 'closed' })
      .where(and(eq(programs.status, 'open'), lte(programs.closesAt, sql`now()`), which))
      .returning({ id: programs.id, fundId: programs.fundId, closesAt: programs.closesAt })
    if (closed.length === 0) return []
    const owners = await tx
      .select({ id: funds.id, organizationId: funds.organizationId })
      .from(funds)
      .where(
        inArray(
          funds.id,
          closed.map((c) => c.fundId),
        ),
      )
    const orgOf = new Map(owners.map((o) => [o.id, o.organizationId]))
    for (const program of closed) {
      await recordAudit(tx, {
        actorUserId: null,
        action: 'program.closed',
        entityType: 'program',
        entityId: program.id,
        organizationId: orgOf.get(program.fundId) ?? null,
        details: { reason: 'deadline', closesAt: program.closesAt?.toISOString() ?? null },
      })
    }
    return closed.map((c) => c.id)
  })
}

/** The safety net: closes every open program whose deadline has passed. */
export async function closeOverduePrograms(): Promise<{ closed: number }> {
  return { closed: (await closeDue()).length }
}

/**
 * The deadline job of one program. Early (its deadline was moved later and the job was not
 * replaced in time) it queues itself again for the new deadline.
 */
export async function closeProgramAtDeadline(programId: string) {
  const closed = await closeDue(eq(programs.id, programId))
  if (closed.length > 0) return { closed: true }
  const [program] = await db().select().from(programs).where(eq(programs.id, programId))
  if (program?.status === 'open' && program.closesAt) await scheduleProgramClose(program)
  return { closed: false }
}

export const CLOSE_PROGRAM_JOB = 'program-close'
export const CLOSE_OVERDUE_PROGRAMS_JOB = 'programs-close-overdue'

/**
 * The id of the job that closes `programId` at `closesAt`: derived from both, so whoever moves
 * the deadline can cancel the close queued for the old one through pg-boss without storing it.
 */
export function closeJobId(programId: string, closesAt: Date) {
  const hex = createHash('sha256').update(`${programId}@${closesAt.toISOString()}`).digest('hex')
  // Laid out as a UUID (version 8, "custom"; RFC 4122 variant), the form pg-boss's ids take.
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)
  const parts = [hex.slice(0, 8), hex.slice(8, 12), `8${hex.slice(13, 16)}`]
  return [...parts, `${variant}${hex.slice(17, 20)}`, hex.slice(20, 32)].join('-')
}

/**
 * Queues the program's close for its closing time and cancels the one queued for the deadline
 * it had before (`previousClosesAt`), if that differs; call it after the transaction that opened
 * the program, moved its deadline or closed it has committed. One close waits per program (its
 * singleton key): should a cancel be missed, the old job runs early and queues the new one
 * itself, or late and the minute sweep has already closed the program on time.
 */
export async function scheduleProgramClose(
  program: Pick<Program, 'id' | 'status' | 'closesAt'>,
  previousClosesAt: Date | null = null,
): Promise<boolean> {
  const moved = previousClosesAt && previousClosesAt.getTime() !== program.closesAt?.getTime()
  const waiting = program.status === 'open' && program.closesAt
  if (previousClosesAt && (moved || !waiting)) {
    await cancelJob(CLOSE_PROGRAM_JOB, closeJobId(program.id, previousClosesAt))
  }
  if (!waiting) return false
  return scheduleJob(
    CLOSE_PROGRAM_JOB,
    { programId: program.id },
    {
      id: closeJobId(program.id, program.closesAt!),
      singletonKey: program.id,
      startAfter: program.closesAt!,
    },
  )
}

export const programDeadlineJobs = [
  {
    name: CLOSE_PROGRAM_JOB,
    policy: 'short',
    run: ({ programId }) => closeProgramAtDeadline(programId),
  } satisfies JobDefinition<{ programId: string }>,
  {
    name: CLOSE_OVERDUE_PROGRAMS_JOB,
    cron: '* * * * *',
    run: () => closeOverduePrograms(),
  } satisfies JobDefinition,
]
