import { eq } from 'drizzle-orm'
import { programQuestions, type ProgramQuestion } from '#db/schema/index.ts'
import { areQuestionsLocked } from '#app/domain/programs/program-status.ts'
import type { QuestionInput } from '#app/schemas/programs/program-question.ts'
import {
  changePartRow,
  changeProgramPart,
  listPartRows,
  nextPosition,
  swapWithNeighbour,
  type ProgramActor,
  type ProgramPart,
} from './program-parts.server.ts'

export const QUESTIONS_LOCKED_MESSAGE = 'funder:refusals.questionsLocked'

const QUESTIONS: ProgramPart<typeof programQuestions> = {
  table: programQuestions,
  isLocked: areQuestionsLocked,
  lockedMessage: QUESTIONS_LOCKED_MESSAGE,
  goneMessage: 'funder:refusals.questionGone',
}

export async function listQuestions(programId: string): Promise<ProgramQuestion[]> {
  return listPartRows(QUESTIONS, programId)
}

export function addQuestion(actor: ProgramActor, programId: string, input: QuestionInput) {
  return changeProgramPart<{ questionId: string }>(
    QUESTIONS,
    actor,
    programId,
    'program_question.added',
    async (tx) => {
      const position = await nextPosition(tx, QUESTIONS, programId)
      const [row] = await tx
        .insert(programQuestions)
        .values({ ...input, programId, position })
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
  return changePartRow(
    QUESTIONS,
    actor,
    programId,
    questionId,
    'program_question.updated',
    async (tx) => {
      await tx.update(programQuestions).set(input).where(eq(programQuestions.id, questionId))
      return { ok: true, details: { questionId, kind: input.kind, label: input.label } }
    },
  )
}

export function removeQuestion(actor: ProgramActor, programId: string, questionId: string) {
  return changePartRow(
    QUESTIONS,
    actor,
    programId,
    questionId,
    'program_question.removed',
    async (tx, current) => {
      await tx.delete(programQuestions).where(eq(programQuestions.id, questionId))
      return { ok: true, details: { questionId, label: current.label } }
    },
  )
}

/** Swaps the question with its neighbour above or below; at either end nothing moves. */
export function moveQuestion(
  actor: ProgramActor,
  programId: string,
  questionId: string,
  direction: 'up' | 'down',
) {
  return changePartRow(
    QUESTIONS,
    actor,
    programId,
    questionId,
    'program_question.moved',
    async (tx, current) => {
      await swapWithNeighbour(tx, QUESTIONS, current, direction)
      return { ok: true, details: { questionId, direction } }
    },
  )
}
