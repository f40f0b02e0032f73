import { and, asc, desc, eq, gt, lt, max } from 'drizzle-orm'
import { db, type Db } from '#db/client.server.ts'
import { rubricCriteria, type RubricCriterion } from '#db/schema/index.ts'
import { isRubricLocked } from '#app/domain/program-status.ts'
import { levelsFor } from '#app/domain/rubric.ts'
import { TEMPLATE_MAX_SCORE } from '#app/domain/rubric-template.ts'
import type { CriterionInput, WeightsInput } from '#app/schemas/rubric.ts'
import { recordAudit } from './audit.server.ts'
import type { Result } from './funds.server.ts'
import type { Actor } from './organizations.server.ts'
import { lockProgram, writeTemplateRubric } from './programs.server.ts'

type ProgramActor = Actor & { organizationId: string }

export const RUBRIC_LOCKED_MESSAGE =
  'The rubric is locked: review has started, and scores are given against it as it stands.'

export async function listCriteria(programId: string): Promise<RubricCriterion[]> {
  return db()
    .select()
    .from(rubricCriteria)
    .where(eq(rubricCriteria.programId, programId))
    .orderBy(asc(rubricCriteria.position))
}

/**
 * Runs a rubric change on the locked program row, refusing once review has started; the audit
 * row names the program, so its history reads in one place.
 */
async function changeRubric<T extends object>(
  actor: ProgramActor,
  programId: string,
  action: string,
  change: (tx: Db) => Promise<Result<T & { details: Record<string, unknown> }>>,
): Promise<Result<T>> {
  return db().transaction(async (tx) => {
    const program = await lockProgram(tx, programId)
    if (isRubricLocked(program.status)) {
      return { ok: false as const, errors: { form: RUBRIC_LOCKED_MESSAGE } }
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

async function criterionOf(tx: Db, programId: string, criterionId: string) {
  const [row] = await tx
    .select()
    .from(rubricCriteria)
    .where(and(eq(rubricCriteria.id, criterionId), eq(rubricCriteria.programId, programId)))
  return row ?? null
}

const gone = {
  ok: false as const,
  errors: {
    form: 'That criterion is no longer in this rubric. Reload the page to see it as it is.',
  },
}

/** Appends a blank criterion (weight 0) for the funder to fill in and give a share of the weight. */
export function addCriterion(actor: ProgramActor, programId: string) {
  return changeRubric<{ criterionId: string }>(
    actor,
    programId,
    'rubric.criterion_add',
    async (tx) => {
      const [last] = await tx
        .select({ position: max(rubricCriteria.position) })
        .from(rubricCriteria)
        .where(eq(rubricCriteria.programId, programId))
      const [row] = await tx
        .insert(rubricCriteria)
        .values({
          programId,
          position: (last?.position ?? 0) + 1,
          label: 'New criterion',
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
  return changeRubric<object>(actor, programId, 'rubric.criterion_update', async (tx) => {
    const current = await criterionOf(tx, programId, criterionId)
    if (!current) return gone
    await tx
      .update(rubricCriteria)
      .set({
        label: input.label,
        description: input.description,
        maxScore: input.maxScore,
        levels: levelsFor(input.maxScore, input.levels),
        isEquity: input.isEquity,
      })
      .where(eq(rubricCriteria.id, criterionId))
    return { ok: true, details: { criterionId, label: input.label, maxScore: input.maxScore } }
  })
}

export function removeCriterion(actor: ProgramActor, programId: string, criterionId: string) {
  return changeRubric<object>(actor, programId, 'rubric.criterion_remove', async (tx) => {
    const current = await criterionOf(tx, programId, criterionId)
    if (!current) return gone
    await tx.delete(rubricCriteria).where(eq(rubricCriteria.id, criterionId))
    return { ok: true, details: { criterionId, label: current.label, weight: current.weight } }
  })
}

/** Swaps the criterion with its neighbour above or below; at either end nothing moves. */
export function moveCriterion(
  actor: ProgramActor,
  programId: string,
  criterionId: string,
  direction: 'up' | 'down',
) {
  return changeRubric<object>(actor, programId, 'rubric.criterion_move', async (tx) => {
    const current = await criterionOf(tx, programId, criterionId)
    if (!current) return gone
    const [neighbour] = await tx
      .select()
      .from(rubricCriteria)
      .where(
        and(
          eq(rubricCriteria.programId, programId),
          direction === 'up'
            ? lt(rubricCriteria.position, current.position)
            : gt(rubricCriteria.position, current.position),
        ),
      )
      .orderBy(direction === 'up' ? desc(rubricCriteria.position) : asc(rubricCriteria.position))
      .limit(1)
    if (neighbour) {
      await tx
        .update(rubricCriteria)
        .set({ position: neighbour.position })
        .where(eq(rubricCriteria.id, current.id))
      await tx
        .update(rubricCriteria)
        .set({ position: current.position })
        .where(eq(rubricCriteria.id, neighbour.id))
    }
    return { ok: true, details: { criterionId, direction } }
  })
}

/** Sets every weight at once; the form carries one weight per criterion, summing to 100. */
export function saveWeights(actor: ProgramActor, programId: string, input: WeightsInput) {
  return changeRubric<object>(actor, programId, 'rubric.weights', async (tx) => {
    const criteria = await tx
      .select({ id: rubricCriteria.id })
      .from(rubricCriteria)
      .where(eq(rubricCriteria.programId, programId))
    const ids = Object.keys(input.weights)
    const sameSet = ids.length === criteria.length && criteria.every((c) => c.id in input.weights)
    if (!sameSet) {
      return {
        ok: false as const,
        errors: {
          form: 'The rubric changed while you were editing the weights. Reload the page and try again.',
        },
      }
    }
    for (const [id, weight] of Object.entries(input.weights)) {
      await tx.update(rubricCriteria).set({ weight }).where(eq(rubricCriteria.id, id))
    }
    return { ok: true, details: { weights: input.weights } }
  })
}

/** Replaces the rubric with a fresh copy of the equity template. */
export function resetRubricToTemplate(actor: ProgramActor, programId: string) {
  return changeRubric<object>(actor, programId, 'rubric.reset', async (tx) => {
    await writeTemplateRubric(tx, programId)
    return { ok: true, details: { template: 'equity' } }
  })
}
