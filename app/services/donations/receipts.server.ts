import { and, desc, eq, inArray, isNotNull, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { db, type Db } from '#db/client.server.ts'
import { auditLog, donations, funds, grants, organizations, programs } from '#db/schema/index.ts'
import { receiptOf, type Receipt, type ReceiptSource } from '#app/domain/donations/receipt.ts'
import type { Language } from '#app/lib/i18n/config.ts'
import { showProgram } from '#app/services/programs/program-content.server.ts'
import { fixedT } from '#app/services/translations.server.ts'

/**
 * Receipts of settled gifts (docs/decisions/027-pdf-receipts.md): found by the unguessable token
 * a mailed link carries, or by the donation while its settlement is being recorded (the mail).
 * A gift that has not settled (pending, processing, failed, expired) has no receipt.
 */

/**
 * The zone a receipt's days are counted in when the gift names no program (funds have no zone of
 * their own; programs are set up in this one unless the funder chose another).
 */
export const RECEIPT_TIME_ZONE = 'America/New_York'

const RECEIPT_TOKEN = /^[0-9a-f]{64}$/

const granteeOrg = alias(organizations, 'grantee')
const grantProgram = alias(programs, 'grant_program')

/** A settled gift, with what its receipt and its mails need besides the receipt itself. */
export interface SettledGift {
  receipt: Receipt
  source: ReceiptSource
  donationId: string
  parentDonationId: string | null
  token: string
  fundSlug: string
  anonymous: boolean
  tributeNotifyEmail: string | null
}

/** The designation as the reader reads it: a program's title, or a grant's group and program. */
function designationOf(
  row: {
    program: typeof programs.$inferSelect | null
    grantee: string | null
    grantProgram: typeof programs.$inferSelect | null
  },
  reader: Language,
): string | null {
  if (row.grantee && row.grantProgram) {
    return fixedT(reader)('donations:receipt.grantDesignation', {
      organization: row.grantee,
      program: showProgram(row.grantProgram, reader).title.text,
    })
  }
  return row.program ? showProgram(row.program, reader).title.text : null
}

/** When the gift was last refunded: its latest refund's audit row (refunds are audited). */
async function refundedAt(tx: Db, donationId: string): Promise<Date | null> {
  const [row] = await tx
    .select({ at: auditLog.at })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.entityType, 'donation'),
        eq(auditLog.entityId, donationId),
        eq(auditLog.action, 'donation.refunded'),
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(1)
  return row?.at ?? null
}

/** Settled gifts `where` names, each with its receipt in the language `readerOf` gives it. */
async function findSettledGifts(
  tx: Db,
  where: SQL,
  readerOf: (donationId: string) => Language,
): Promise<SettledGift[]> {
  const rows = await tx
    .select({
      donation: donations,
      fund: { name: funds.name, slug: funds.slug },
      owner: {
        name: organizations.name,
        legalName: organizations.legalName,
        registrationNumber: organizations.registrationNumber,
      },
      program: programs,
      grantee: granteeOrg.name,
      grantProgram,
    })
    .from(donations)
    .innerJoin(funds, eq(funds.id, donations.fundId))
    .innerJoin(organizations, eq(organizations.id, funds.organizationId))
    .leftJoin(programs, eq(programs.id, donations.programId))
    .leftJoin(grants, eq(grants.id, donations.grantId))
    .leftJoin(granteeOrg, eq(granteeOrg.id, grants.organizationId))
    .leftJoin(grantProgram, eq(grantProgram.id, grants.programId))
    .where(and(where, isNotNull(donations.settledAt)))
  const gifts: SettledGift[] = []
  for (const row of rows) {
    const d = row.donation
    const source: ReceiptSource = {
      donation: { ...d, settledAt: d.settledAt! },
      fund: row.fund.name,
      designation: designationOf(row, readerOf(d.id)),
      owner: row.owner,
      refundedAt: d.refundedMinor > 0 ? await refundedAt(tx, d.id) : null,
      timeZone: (row.grantProgram ?? row.program)?.timeZone ?? RECEIPT_TIME_ZONE,
    }
    gifts.push({
      receipt: receiptOf(source),
      source,
      donationId: d.id,
      parentDonationId: d.parentDonationId,
      token: d.receiptToken,
      fundSlug: row.fund.slug,
      anonymous: d.anonymous,
      tributeNotifyEmail: d.tributeNotifyEmail,
    })
  }
  return gifts
}

/**
 * The receipt a link names. Whoever holds the token may read it (it was mailed to the donor);
 * an unknown token and an unsettled gift answer alike, null.
 */
export async function findReceiptByToken(token: string, reader: Language) {
  if (!RECEIPT_TOKEN.test(token)) return null
  const [gift] = await findSettledGifts(db(), eq(donations.receiptToken, token), () => reader)
  return gift ?? null
}

/** Gifts' receipts in the transaction that settles them (for their mails), each in its reader's language. */
export function findSettledGiftsById(tx: Db, readers: ReadonlyMap<string, Language>) {
  if (readers.size === 0) return Promise.resolve([])
  const ids = [...readers.keys()]
  return findSettledGifts(tx, inArray(donations.id, ids), (id) => readers.get(id)!)
}

/** The receipt page's address. */
export const receiptPath = (token: string) => `/receipts/${token}`
