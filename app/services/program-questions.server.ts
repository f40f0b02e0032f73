import { and, asc, desc, eq, gt, lt, max } from 'drizzle-orm'
import { db, type Db } from '#db/client.server.ts'
import { programQuestions, type ProgramQuestion } from '#db/schema/index.ts'
import { areQuestionsLocked } from '#app/domain/program-status.ts'
import type { QuestionInput } from '#app/schemas/program-question.ts'
import { recordAudit } from './audit.server.ts'
import type { Result } from './funds.server.ts'
import type { Actor } from './organizations.server.ts'
import { lockProgram } from './programs.server.ts'

type ProgramActor = Actor & { organizationId: string }

export const QUESTIONS_LOCKED_MESSAGE =
  'The questions are fixed: the program has closed, and applicants answered them as they stand.'

export async function listQuestions(programId: string): Promise<ProgramQuestion[]> {
  return db()
    .select()
    .from(programQuestions)
    .where(eq(programQuestions.programId, programId))
    .orderBy(asc(programQuestions.position))
}

/** Runs a change on the locked program row, refusing once the call has closed, and audits it. */
async function changeQuestions<T extends object>(
  actor: ProgramActor,
  programId: string,
  action: string,
  change: (tx: Db) => Promise<Result<T & { details: Record<string, unknown> }>>,
): Promise<Result<T>> {
  return db().transaction(async (tx) => {
    const program = await lockProgram(tx, programId)
    if (areQuestionsLocked(program.status)) {
      return { ok: false as const, errors: { form: QUESTIONS_LOCKED_MESSAGE } }
    }
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

async function questionOf(tx: Db, programId: string, questionId: string) {
  const [row] = await tx
    .select()
    .from(programQuestions)
    .where(and(eq(programQuestions.id, questionId), eq(programQuestions.programId, programId)))
  return row ?? null
}

const gone = {
  ok: false as const,
  errors: {
    form: 'That question is no longer in this program. Reload the page to see it as it is.',
  },
}

export function addQuestion(actor: ProgramActor, programId: string, input: QuestionInput) {
  return changeQuestions<{ questionId: string }>(
    actor,
    programId,
    'program_question.add',
    async (tx) => {
      const [last] = await tx
        .select({ position: max(programQuestions.position) })
        .from(programQuestions)
        .where(eq(programQuestions.programId, programId))
      const [row] = await tx
        .insert(programQuestions)
        .values({ ...input, programId, position: (last?.position ?? 0) + 1 })
        .returning({ id: programQuestions.id })
      if (!row) throw new Error('Question insert returned nothing')
      return {
        ok: true,
        questionId: row.id,
        details: { questionId: row.id, kind: input.kind, label: input.label },
      }
    },
  )
}

export function saveQuestion(
  actor: ProgramActor,
  programId: string,
  questionId: string,
  input: QuestionInput,
) {
  return changeQuestions<object>(actor, programId, 'program_question.update', async (tx) => {
    if (!(await questionOf(tx, programId, questionId))) return gone
    await tx.update(programQuestions).set(input).where(eq(programQuestions.id, questionId))
    return { ok: true, details: { questionId, kind: input.kind, label: input.label } }
  })
}

export function removeQuestion(actor: ProgramActor, programId: string, questionId: string) {
  return changeQuestions<object>(actor, programId, 'program_question.remove', async (tx) => {
    const current = await questionOf(tx, programId, questionId)
    if (!current) return gone
    await tx.delete(programQuestions).where(eq(programQuestions.id, questionId))
    return { ok: true, details: { questionId, label: current.label } }
  })
}

/** Swaps the question with its neighbour above or below; at either end nothing moves. */
export function moveQuestion(
  actor: ProgramActor,
  programId: string,
  questionId: string,
  direction: 'up' | 'down',
) {
  return changeQuestions<object>(actor, programId, 'program_question.move', async (tx) => {
    const current = await questionOf(tx, programId, questionId)
    if (!current) return gone
    const [neighbour] = await tx
      .select()
      .from(programQuestions)
      .where(
        and(
          eq(programQuestions.programId, programId),
          direction === 'up'
            ? lt(programQuestions.position, current.position)
            : gt(programQuestions.position, current.position),
        ),
      )
      .orderBy(
        direction === 'up' ? desc(programQuestions.position) : asc(programQuestions.position),
      )
      .limit(1)
    if (neighbour) {
      await tx
        .update(programQuestions)
        .set({ position: neighbour.position })
        .where(eq(programQuestions.id, current.id))
      await tx
        .update(programQuestions)
        .set({ position: current.position })
        .where(eq(programQuestions.id, neighbour.id))
    }
    return { ok: true, details: { questionId, direction } }
  })
}
