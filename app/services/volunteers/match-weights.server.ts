import { eq } from 'drizzle-orm'
import { db } from '#db/client.server.ts'
import { matchWeightSettings } from '#db/schema/index.ts'
import type { Actor } from '#app/domain/result.ts'
import { DEFAULT_MATCH_WEIGHTS, type MatchWeights } from '#app/domain/volunteers/weights.ts'
import { recordAudit } from '#app/services/admin/audit.server.ts'

/** The weights both rankings use: the admin's, else the defaults of decision 028. */
export async function currentMatchWeights(): Promise<MatchWeights> {
  const [row] = await db()
    .select({ weights: matchWeightSettings.weights })
    .from(matchWeightSettings)
    .where(eq(matchWeightSettings.id, 1))
  return row?.weights ?? DEFAULT_MATCH_WEIGHTS
}

/** Replaces the platform's weights (already checked by the form's schema), with the audit row. */
export async function saveMatchWeights(actor: Actor, weights: MatchWeights) {
  await db().transaction(async (tx) => {
    const values = { weights, updatedByUserId: actor.id, updatedAt: new Date() }
    await tx
      .insert(matchWeightSettings)
      .values({ id: 1, ...values })
      .onConflictDoUpdate({ target: matchWeightSettings.id, set: values })
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: 'match_weighting.updated',
      entityType: 'match_weights',
      entityId: '1',
      ip: actor.ip ?? null,
      details: { weights },
    })
  })
}
