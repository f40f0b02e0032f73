import { asc, eq, inArray } from 'drizzle-orm'
import type { Db } from '#db/client.server.ts'
import {
  donationAllocations,
  donations,
  grants,
  organizations,
  programs,
} from '#db/schema/index.ts'
import { traceGift, type GiftTrace } from '#app/domain/donations/allocation.ts'

export interface FundedGrant {
  grantId: string
  /** The group the grant went to, and the program it came through: what a donor recognises. */
  organizationName: string
  programTitle: string
  amountMinor: number
}

export interface GiftWhereabouts extends Omit<GiftTrace, 'funded'> {
  donationId: string
  currency: string
  /**
   * The charge (gift and any fee the donor covered), the processor's fee, what was refunded and
   * what a dispute holds back.
   */
  chargedMinor: number
  feeMinor: number
  refundedMinor: number
  disputedMinor: number
  funded: FundedGrant[]
}

/**
 * Where each of these gifts went, for the donor's page: "this gift funded: Grant A $30, Grant B
 * $20, $0 still in the fund". Only settled gifts have a trace. The caller has checked the gifts
 * are the donor's. A gift refunded after it funded grants shows a negative `unallocatedMinor`:
 * what its grants were given beyond what the gift still brings.
 */
export async function giftWhereabouts(
  tx: Db,
  donationIds: readonly string[],
): Promise<GiftWhereabouts[]> {
  if (donationIds.length === 0) return []
  const gifts = await tx
    .select()
    .from(donations)
    .where(inArray(donations.id, [...donationIds]))
  const rows = await tx
    .select({
      donationId: donationAllocations.donationId,
      grantId: donationAllocations.grantId,
      amountMinor: donationAllocations.amountMinor,
      organizationName: organizations.name,
      programTitle: programs.title,
    })
    .from(donationAllocations)
    .innerJoin(grants, eq(grants.id, donationAllocations.grantId))
    .innerJoin(organizations, eq(organizations.id, grants.organizationId))
    .innerJoin(programs, eq(programs.id, grants.programId))
    .where(inArray(donationAllocations.donationId, [...donationIds]))
    .orderBy(asc(donationAllocations.createdAt), asc(donationAllocations.id))
  return gifts
    .filter((gift) => gift.settledAt !== null)
    .map((gift) => {
      const own = rows.filter((r) => r.donationId === gift.id)
      const chargedMinor = gift.amountMinor + gift.feeCoveredMinor
      const feeMinor = gift.processorFeeMinor ?? 0
      const trace = traceGift(
        chargedMinor - feeMinor - gift.refundedMinor - gift.disputedMinor,
        own,
      )
      return {
        donationId: gift.id,
        currency: gift.currency,
        chargedMinor,
        feeMinor,
        refundedMinor: gift.refundedMinor,
        disputedMinor: gift.disputedMinor,
        netMinor: trace.netMinor,
        unallocatedMinor: trace.unallocatedMinor,
        funded: trace.funded.map((f) => {
          const about = own.find((r) => r.grantId === f.grantId)!
          return {
            ...f,
            organizationName: about.organizationName,
            programTitle: about.programTitle,
          }
        }),
      }
    })
}
