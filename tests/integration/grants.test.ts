import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '#db/client.server.ts'
import { auditLog, grantDisbursements, grantMilestones, grants } from '#db/schema/index.ts'
import { createGrantForAward } from '#app/services/grants/grants.server.ts'
import { withTestDatabase } from '#tests/support/database.ts'
import { awardedGrant } from '#tests/support/grants.ts'

withTestDatabase()

/** A grant of a program written in Spanish (its default report is in Spanish). */
const awarded = (amountMinor: number, terms: { startsOn?: string; endsOn?: string } = {}) =>
  awardedGrant({ amountMinor, ...terms, program: { contentLanguage: 'es' } })

/** The database's answer to a write, as the constraint it broke (or 'ok'). */
async function constraintOf(write: Promise<unknown>): Promise<string> {
  try {
    await write
    return 'ok'
  } catch (error) {
    const cause = (error as { cause?: { constraint?: string } }).cause
    return cause?.constraint ?? (error as { constraint?: string }).constraint ?? String(error)
  }
}

describe('a grant from an award', () => {
  it('is created with one payment on its first day and a final report, audited', async () => {
    const { s, application, grantId } = await awarded(12_500_00, { startsOn: '2027-01-15' })
    const [grant] = await db().select().from(grants).where(eq(grants.id, grantId))
    expect(grant).toMatchObject({
      applicationId: application.id,
      programId: s.program.id,
      fundId: s.fund.id,
      organizationId: application.organizationId,
      amountMinor: 12_500_00,
      startsOn: '2027-01-15',
      endsOn: '2028-01-14',
      status: 'active',
    })
    const payments = await db()
      .select()
      .from(grantDisbursements)
      .where(eq(grantDisbursements.grantId, grantId))
    expect(payments).toMatchObject([
      { dueOn: '2027-01-15', amountMinor: 12_500_00, status: 'scheduled' },
    ])
    // The program is written in Spanish: so is the report it asks for by default.
    const reports = await db()
      .select()
      .from(grantMilestones)
      .where(eq(grantMilestones.grantId, grantId))
    expect(reports).toMatchObject([{ dueOn: '2028-02-13', title: 'Informe final' }])
    const audit = await db().select().from(auditLog).where(eq(auditLog.entityId, grantId))
    expect(audit).toMatchObject([{ action: 'grant.created', organizationId: s.org.id }])
  })

  it('refuses a second grant for the same application', async () => {
    const { s, application } = await awarded(5_000_00)
    const again = db().transaction((tx) =>
      createGrantForAward(tx, {
        applicationId: application.id,
        amountMinor: 5_000_00,
        actorUserId: s.owner.id,
      }),
    )
    expect(await constraintOf(again)).toBe('grants_application_key')
  })
})

describe('the database keeps a schedule equal to its award', () => {
  it('refuses at commit a schedule that does not sum to the award', async () => {
    const { grantId } = await awarded(1_000_00)
    const short = db()
      .update(grantDisbursements)
      .set({ amountMinor: 999_99 })
      .where(eq(grantDisbursements.grantId, grantId))
    expect(await constraintOf(short)).toBe('grant_disbursements_sum_to_award')
    const raised = db().update(grants).set({ amountMinor: 2_000_00 }).where(eq(grants.id, grantId))
    expect(await constraintOf(raised)).toBe('grant_disbursements_sum_to_award')
    const [payment] = await db()
      .select()
      .from(grantDisbursements)
      .where(eq(grantDisbursements.grantId, grantId))
    expect(payment!.amountMinor).toBe(1_000_00)
  })

  it('lets one transaction reshape the schedule as long as it ends equal', async () => {
    const { grantId } = await awarded(1_000_00, { startsOn: '2027-01-01' })
    await db().transaction(async (tx) => {
      await tx.delete(grantDisbursements).where(eq(grantDisbursements.grantId, grantId))
      await tx.insert(grantDisbursements).values([
        { grantId, dueOn: '2027-01-01', amountMinor: 600_00 },
        { grantId, dueOn: '2027-07-01', amountMinor: 400_00 },
      ])
    })
    const payments = await db()
      .select()
      .from(grantDisbursements)
      .where(eq(grantDisbursements.grantId, grantId))
    expect(payments.map((p) => p.amountMinor).sort()).toEqual([400_00, 600_00])
  })

  it('no longer holds a cancelled grant to its amount', async () => {
    const { grantId } = await awarded(1_000_00)
    await db().transaction(async (tx) => {
      await tx
        .update(grants)
        .set({ status: 'cancelled', cancelReason: 'The group dissolved' })
        .where(eq(grants.id, grantId))
      // Its unpaid payment goes: an active grant could not be left without one.
      await tx.delete(grantDisbursements).where(eq(grantDisbursements.grantId, grantId))
    })
    const [grant] = await db().select().from(grants).where(eq(grants.id, grantId))
    expect(grant!.status).toBe('cancelled')
  })
})
