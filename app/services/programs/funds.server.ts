import { and, asc, count, eq } from 'drizzle-orm'
import { db } from '#db/client.server.ts'
import type { MembershipRole } from '#app/domain/organizations.ts'
import { funds, programs, type Fund } from '#db/schema/index.ts'
import type { FundInput } from '#app/schemas/programs/fund.ts'
import { recordAudit } from '#app/services/admin/audit.server.ts'
import { fail, type Actor, type Result } from '#app/domain/result.ts'
import { retryOnSlugClash, uniqueSlugIn } from '#app/services/slugs.server.ts'

/** Roles that run a funder's funds and programs. Reviewers only score what they are assigned. */
export const FUND_MANAGER_ROLES: MembershipRole[] = ['owner', 'admin', 'member']

export async function listFunds(organizationId: string) {
  return db()
    .select({
      id: funds.id,
      name: funds.name,
      slug: funds.slug,
      currency: funds.currency,
      visibility: funds.visibility,
      programCount: count(programs.id),
    })
    .from(funds)
    .leftJoin(programs, eq(programs.fundId, funds.id))
    .where(eq(funds.organizationId, organizationId))
    .groupBy(funds.id)
    .orderBy(asc(funds.name))
    .limit(500)
}

/** The fund with this slug, only if it belongs to the organisation. */
export async function findFund(organizationId: string, slug: string): Promise<Fund | null> {
  const [fund] = await db()
    .select()
    .from(funds)
    .where(and(eq(funds.slug, slug), eq(funds.organizationId, organizationId)))
    .limit(1)
  return fund ?? null
}

export async function createFund(
  actor: Actor,
  organizationId: string,
  input: FundInput,
): Promise<Fund> {
  return retryOnSlugClash(() =>
    db().transaction(async (tx) => {
      const slug = await uniqueSlugIn(tx, funds, funds.slug, input.name, 'fund')
      const [fund] = await tx
        .insert(funds)
        .values({ ...input, organizationId, slug })
        .returning()
      if (!fund) throw new Error('Fund insert returned nothing')
      await recordAudit(tx, {
        actorUserId: actor.id,
        action: 'fund.created',
        entityType: 'fund',
        entityId: fund.id,
        organizationId,
        ip: actor.ip,
        details: { name: fund.name, currency: fund.currency, visibility: fund.visibility },
      })
      return fund
    }),
  )
}

const FUND_FIELDS = [
  'name',
  'currency',
  'description',
  'contentLanguage',
  'descriptionTranslation',
  'visibility',
  'goalMinor',
  'givingClosed',
] as const

/**
 * Saves the fund. The slug stays as it was (links keep working), and the currency is fixed once
 * the fund has programs, whose amounts are in it.
 */
export async function updateFund(
  actor: Actor,
  fund: Fund,
  input: FundInput,
): Promise<Result<{ fund: Fund }>> {
  const changed = FUND_FIELDS.filter((f) => fund[f] !== input[f])
  if (changed.length === 0) return { ok: true, fund }
  return db().transaction(async (tx) => {
    if (input.currency !== fund.currency) {
      const [row] = await tx
        .select({ n: count() })
        .from(programs)
        .where(eq(programs.fundId, fund.id))
      if ((row?.n ?? 0) > 0) {
        return fail({
          fieldErrors: {
            currency: {
              key: 'funder:refusals.currencyLocked',
              values: { currency: fund.currency },
            },
          },
        })
      }
    }
    const [updated] = await tx.update(funds).set(input).where(eq(funds.id, fund.id)).returning()
    if (!updated) throw new Error('Fund update returned nothing')
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: 'fund.updated',
      entityType: 'fund',
      entityId: fund.id,
      organizationId: fund.organizationId,
      ip: actor.ip,
      details: { changed },
    })
    return { ok: true as const, fund: updated }
  })
}
