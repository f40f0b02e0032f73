import { eq } from 'drizzle-orm'
import type { Tx } from '#db/client.server.ts'
import {
  applications,
  funds,
  grantDisbursements,
  grantMilestones,
  grants,
  programs,
} from '#db/schema/index.ts'
import { isLanguage } from '#app/lib/i18n/config.ts'
import { dateToZonedInput } from '#app/lib/time-zones.ts'
import {
  FINAL_REPORT_GRACE_DAYS,
  addDays,
  defaultTerms,
  scheduleProblems,
  type GrantTerms,
} from '#app/domain/grants/schedule.ts'
import { recordAudit } from '#app/services/admin/audit.server.ts'
import { databaseNow } from '#app/services/clock.server.ts'
import { fixedT } from '#app/services/translations.server.ts'

export interface AwardedGrant {
  applicationId: string
  amountMinor: number
  actorUserId: string
  /** Calendar days in the program's zone; by default from the award day for a year. */
  startsOn?: string
  endsOn?: string
}

/**
 * Turns an award into a grant, inside the award's transaction: the grant on the application's
 * organisation, fund and program, paid in one disbursement on its first day and owing a final
 * report FINAL_REPORT_GRACE_DAYS after its last, both of which the officer can then reshape. The
 * caller (the decision) has checked the amount and locked the application; a second grant for
 * the same application is refused by the database (grants_application_key).
 */
export async function createGrantForAward(
  tx: Tx,
  award: AwardedGrant,
): Promise<{ grantId: string }> {
  const [application] = await tx
    .select({
      programId: applications.programId,
      organizationId: applications.organizationId,
      fundId: programs.fundId,
      funderId: funds.organizationId,
      timeZone: programs.timeZone,
      contentLanguage: programs.contentLanguage,
    })
    .from(applications)
    .innerJoin(programs, eq(programs.id, applications.programId))
    .innerJoin(funds, eq(funds.id, programs.fundId))
    .where(eq(applications.id, award.applicationId))
  if (!application) throw new Error(`No application ${award.applicationId} to award`)

  const awardDay = dateToZonedInput(await databaseNow(tx), application.timeZone).slice(0, 10)
  const terms = termsFor(award, awardDay)
  const payments = [{ dueOn: terms.startsOn, amountMinor: award.amountMinor }]
  const problems = scheduleProblems(award.amountMinor, terms, payments)
  if (problems.length > 0) {
    throw new RangeError(`The award's terms are not valid: ${JSON.stringify(problems)}`)
  }

  const [grant] = await tx
    .insert(grants)
    .values({
      applicationId: award.applicationId,
      programId: application.programId,
      fundId: application.fundId,
      organizationId: application.organizationId,
      amountMinor: award.amountMinor,
      ...terms,
      createdByUserId: award.actorUserId,
    })
    .returning({ id: grants.id })
  const grantId = grant!.id
  await tx.insert(grantDisbursements).values(payments.map((p) => ({ ...p, grantId })))
  // The funder's words are in the program's language: so is the default report it asks for.
  const t = fixedT(isLanguage(application.contentLanguage) ? application.contentLanguage : 'en')
  await tx.insert(grantMilestones).values({
    grantId,
    dueOn: addDays(terms.endsOn, FINAL_REPORT_GRACE_DAYS),
    title: t('grants:milestones.finalReport'),
    ask: t('grants:milestones.finalReportAsk'),
  })
  await recordAudit(tx, {
    actorUserId: award.actorUserId,
    action: 'grant.created',
    entityType: 'grant',
    entityId: grantId,
    organizationId: application.funderId,
    details: { applicationId: award.applicationId, amountMinor: award.amountMinor, ...terms },
  })
  return { grantId }
}

/** The officer's dates where given, else the default term from the award day. */
function termsFor(award: AwardedGrant, awardDay: string): GrantTerms {
  const startsOn = award.startsOn ?? awardDay
  return { startsOn, endsOn: award.endsOn ?? defaultTerms(startsOn).endsOn }
}
