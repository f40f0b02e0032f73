import { eq } from 'drizzle-orm'
import { rubricCriteria, type RubricCriterion } from '#db/schema/index.ts'
import { isRubricLocked } from '#app/domain/programs/program-status.ts'
import { levelsFor } from '#app/domain/programs/rubric.ts'
import { NEW_CRITERION_LABEL, TEMPLATE_MAX_SCORE } from '#app/domain/programs/rubric-template.ts'
import type { Language } from '#app/lib/i18n/config.ts'
import type { CriterionInput, WeightsInput } from '#app/schemas/programs/rubric.ts'
import {
  changePartRow,
  changeProgramPart,
  listPartRows,
  nextPosition,
  refusal,
  swapWithNeighbour,
  type ProgramActor,
  type ProgramPart,
} from './program-parts.server.ts'
import { writeTemplateRubric } from './programs.server.ts'

export const RUBRIC_LOCKED_MESSAGE = 'funder:refusals.rubricLocked'

const RUBRIC: ProgramPart<typeof rubricCriteria> = {
  table: rubricCriteria,
  isLocked: isRubricLocked,
  lockedMessage: RUBRIC_LOCKED_MESSAGE,
  goneMessage: 'funder:refusals.criterionGone',
}

export async function listCriteria(programId: string): Promise<RubricCriterion[]> {
  return listPartRows(RUBRIC, programId)
}

/** Appends a blank criterion (weight 0) for the funder to fill in and give a share of the weight. */
export function addCriterion(actor: ProgramActor, programId: string, language: Language = 'en') {
  return changeProgramPart<{ criterionId: string }>(
    RUBRIC,
    actor,
    programId,
    'rubric_criterion.added',
    async (tx) => {
      const position = await nextPosition(tx, RUBRIC, programId)
      const [row] = await tx
        .insert(rubricCriteria)
        .values({
          programId,
          position,
          label: NEW_CRITERION_LABEL[language],
          weight: 0,
          maxScore: TEMPLATE_MAX_SCORE,
          levels: levelsFor(TEMPLATE_MAX_SCORE),
        })
        .returning({ id: rubricCriteria.id })
      if (!row) throw new Error('Criterion insert returned nothing')
      return { ok: true, criterionId: row.id, details: { criterionId: row.id } }
    },
  )
}

export function saveCriterion(
  actor: ProgramActor,
  programId: string,
  criterionId: string,
  input: CriterionInput,
) {
  return changePartRow(
    RUBRIC,
    actor,
    programId,
    criterionId,
    'rubric_criterion.updated',
    async (tx) => {
      await tx
        .update(rubricCriteria)
        .set({
          label: input.label,
          description: input.description,
          maxScore: input.maxScore,
          levels: levelsFor(input.maxScore, input.levels),
          isEquity: input.isEquity,
          contentLanguage: input.contentLanguage,
          labelTranslation: input.labelTranslation,
          descriptionTranslation: input.descriptionTranslation,
          guidanceTranslation: input.guidanceTranslation,
        })
        .where(eq(rubricCriteria.id, criterionId))
      return { ok: true, details: { criterionId, label: input.label, maxScore: input.maxScore } }
    },
  )
}

export function removeCriterion(actor: ProgramActor, programId: string, criterionId: string) {
  return changePartRow(
    RUBRIC,
    actor,
    programId,
    criterionId,
    'rubric_criterion.removed',
    async (tx, current) => {
      await tx.delete(rubricCriteria).where(eq(rubricCriteria.id, criterionId))
      return { ok: true, details: { criterionId, label: current.label, weight: current.weight } }
    },
  )
}

/** Swaps the criterion with its neighbour above or below; at either end nothing moves. */
export function moveCriterion(
  actor: ProgramActor,
  programId: string,
  criterionId: string,
  direction: 'up' | 'down',
) {
  return changePartRow(
    RUBRIC,
    actor,
    programId,
    criterionId,
    'rubric_criterion.moved',
    async (tx, current) => {
      await swapWithNeighbour(tx, RUBRIC, current, direction)
      return { ok: true, details: { criterionId, direction } }
    },
  )
}

/** Sets every weight at once; the form carries one weight per criterion, summing to 100. */
export function saveWeights(actor: ProgramActor, programId: string, input: WeightsInput) {
  return changeProgramPart<object>(RUBRIC, actor, programId, 'rubric.reweighted', async (tx) => {
    const criteria = await tx
      .select({ id: rubricCriteria.id })
      .from(rubricCriteria)
      .where(eq(rubricCriteria.programId, programId))
    const ids = Object.keys(input.weights)
    const sameSet = ids.length === criteria.length && criteria.every((c) => c.id in input.weights)
    if (!sameSet) {
      return refusal('funder:refusals.weightsStale')
    }
    for (const [id, weight] of Object.entries(input.weights)) {
      await tx.update(rubricCriteria).set({ weight }).where(eq(rubricCriteria.id, id))
    }
    return { ok: true, details: { weights: input.weights } }
  })
}

/** Replaces the rubric with a fresh copy of the equity template. */
export function resetRubricToTemplate(
  actor: ProgramActor,
  programId: string,
  language: Language = 'en',
) {
  return changeProgramPart<object>(RUBRIC, actor, programId, 'rubric.reset', async (tx) => {
    await writeTemplateRubric(tx, programId, language)
    return { ok: true, details: { template: 'equity' } }
  })
}
