import { and, asc, desc, eq, sql } from 'drizzle-orm'
import { db } from '#db/client.server.ts'
import {
  donationAllocations,
  donations,
  funds,
  grants,
  organizations,
  programs,
} from '#db/schema/index.ts'
import type { DonationStatus } from '#app/domain/donations/donation-status.ts'
import { raisedMinor } from '#app/domain/donations/fund-figures.ts'
import type { Language } from '#app/lib/i18n/config.ts'
import { showFund, showProgram } from '#app/services/programs/program-content.server.ts'
import { readFundFigures } from './fund-figures.server.ts'

/**
 * A public fund as its public and donate pages show it, with the programs a gift may be
 * designated to (those the public can see). Null for a private fund or an unknown slug, which
 * answer alike, so a private fund's name never leaks.
 */
export async function findGivingFund(slug: string, reader: Language) {
  const [row] = await db()
    .select({ fund: funds, funder: { name: organizations.name } })
    .from(funds)
    .innerJoin(organizations, eq(organizations.id, funds.organizationId))
    .where(and(eq(funds.slug, slug), eq(funds.visibility, 'public')))
    .limit(1)
  if (!row) return null
  const { fund } = row
  const designations = await db()
    .select()
    .from(programs)
    .where(and(eq(programs.fundId, fund.id), sql`${programs.status} <> 'draft'`))
    .orderBy(asc(programs.title))
  return {
    id: fund.id,
    slug: fund.slug,
    name: fund.name,
    currency: fund.currency,
    goalMinor: fund.goalMinor,
    givingClosed: fund.givingClosed,
    funderName: row.funder.name,
    description: showFund(fund, reader).description.text,
    programs: designations.map((p) => ({
      id: p.id,
      slug: p.slug,
      title: showProgram(p, reader).title.text,
    })),
  }
}
export type GivingFund = NonNullable<Awaited<ReturnType<typeof findGivingFund>>>

/** How many of a fund's grants its public page lists (the newest active ones). */
const LISTED_GRANTS = 50

/**
 * The fund's active grants a gift may be designated to, newest first: who receives it, under
 * which program, its amount and how much of it gifts have funded so far. Awarded grants are
 * public facts of a public fund (funders publish them); nothing here names a donor. With
 * `grantId`, just that grant when it is one of them.
 */
export async function fundableGrants(fundId: string, reader: Language, grantId?: string) {
  const funded = sql<number>`coalesce((SELECT sum(${donationAllocations.amountMinor}) FROM ${donationAllocations} WHERE ${donationAllocations.grantId} = ${grants.id}), 0)::bigint`
  const rows = await db()
    .select({
      id: grants.id,
      amountMinor: grants.amountMinor,
      fundedMinor: funded.mapWith(Number),
      grantee: organizations.name,
      program: programs,
    })
    .from(grants)
    .innerJoin(organizations, eq(organizations.id, grants.organizationId))
    .innerJoin(programs, eq(programs.id, grants.programId))
    .where(
      and(
        eq(grants.fundId, fundId),
        eq(grants.status, 'active'),
        grantId ? eq(grants.id, grantId) : undefined,
      ),
    )
    .orderBy(desc(grants.createdAt), desc(grants.id))
    .limit(LISTED_GRANTS)
  return rows.map(({ program, ...grant }) => ({
    ...grant,
    programTitle: showProgram(program, reader).title.text,
  }))
}
export type FundableGrant = Awaited<ReturnType<typeof fundableGrants>>[number]

/**
 * The money a fund has actually received from gifts (`raisedMinor`): from the ledger's running
 * totals, a few rows however many gifts it had. Pending and processing gifts, failed ones and the
 * fees are not money the fund has, so the goal bar does not count them.
 */
export async function settledGiftsMinor(fund: { id: string; currency: string }): Promise<number> {
  return raisedMinor(await readFundFigures(db(), fund))
}

/**
 * Where a gift stands, for the page Stripe sends the donor back to: looked up by its checkout
 * session (the id Stripe puts in the return address) within this fund. Read only: the webhook
 * alone settles gifts.
 */
export async function giftBySession(fundId: string, sessionId: string) {
  const [row] = await db()
    .select({
      status: donations.status,
      amountMinor: donations.amountMinor,
      feeCoveredMinor: donations.feeCoveredMinor,
      currency: donations.currency,
      interval: donations.interval,
      receiptToken: donations.receiptToken,
    })
    .from(donations)
    .where(and(eq(donations.fundId, fundId), eq(donations.stripeCheckoutSessionId, sessionId)))
    .limit(1)
  return row ? { ...row, status: row.status as DonationStatus } : null
}

/** The public funds, by name, for the "Give" page that the header links to. */
export async function listGivingFunds() {
  return db()
    .select({ slug: funds.slug, name: funds.name, funderName: organizations.name })
    .from(funds)
    .innerJoin(organizations, eq(organizations.id, funds.organizationId))
    .where(eq(funds.visibility, 'public'))
    .orderBy(asc(funds.name))
    .limit(200)
}
