import { and, eq, inArray, lte, sql, type SQL } from 'drizzle-orm'
import { db } from '#db/client.server.ts'
import { funds, programs, type Program } from '#db/schema/index.ts'
import { recordAudit } from '#app/services/admin/audit.server.ts'
import { scheduleJob, type JobDefinition } from '#app/services/jobs/job-queue.server.ts'

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
 * Queues the program's close for its closing time, replacing the one queued before; call it
 * after the transaction that opened the program or moved its deadline has committed.
 */
export async function scheduleProgramClose(
  program: Pick<Program, 'id' | 'status' | 'closesAt'>,
): Promise<boolean> {
  if (program.status !== 'open' || !program.closesAt) return false
  return scheduleJob(
    CLOSE_PROGRAM_JOB,
    { programId: program.id },
    { singletonKey: program.id, startAfter: program.closesAt },
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
