import { eq } from 'drizzle-orm'
import { addDays, addMonths } from '#app/domain/grants/schedule.ts'
import { commentId } from '#app/domain/review/decisions.ts'
import { dateToZonedInput } from '#app/lib/time-zones.ts'
import { submitReportInTransaction } from '#app/services/grants/grant-reports.server.ts'
import {
  saveMilestoneInTransaction,
  saveScheduleInTransaction,
} from '#app/services/grants/grant-schedule.server.ts'
import { awardInTransaction, declineInTransaction } from '#app/services/review/decisions.server.ts'
import type { OfficerActor } from '#app/services/review/panel.server.ts'
import type { Tx } from '#db/client.server.ts'
import { applications, grants, type Program } from '#db/schema/index.ts'
import { DEMO_DECISIONS } from './demo-review-round.ts'

/** What the review round left for the decisions to point at, by demo application key. */
export interface ReviewedRound {
  applicationIds: Record<string, string>
  /** Each application's assignments, in the order of its demo reviews. */
  assignmentIds: Record<string, string[]>
  /** The rubric's criteria, in its order. */
  criteria: string[]
}

type DemoAward = (typeof DEMO_DECISIONS.awards)[number]

/**
 * The officer's decisions so far, made through the decision services (so each writes its
 * decision, status change, audit entries and the group's notification as the app does): two
 * awards, each a grant with its payments and a report due soon, one report already in, and a
 * decline with feedback and some reviewer comments shared.
 */
export async function seedDecisions(
  tx: Tx,
  program: Program,
  officer: OfficerActor,
  round: ReviewedRound,
) {
  const today = dateToZonedInput(new Date(), program.timeZone).slice(0, 10)
  for (const award of DEMO_DECISIONS.awards) {
    await seedAward(tx, program, officer, round.applicationIds[award.key] ?? '', award, today)
  }
  const { decline } = DEMO_DECISIONS
  const assignments = round.assignmentIds[decline.key] ?? []
  await declineInTransaction(tx, officer, program, {
    applicationId: round.applicationIds[decline.key] ?? '',
    feedback: decline.feedback,
    sharedCommentIds: decline.shared.map(([review, criterion]) =>
      commentId(
        assignments[review] ?? '',
        criterion === null ? null : (round.criteria[criterion] ?? ''),
      ),
    ),
  })
}

/**
 * An award for what the group asked, its grant paid in instalments over a year from today, a
 * report due soon beside the final one, and (where the demo says) that report already sent.
 */
async function seedAward(
  tx: Tx,
  program: Program,
  officer: OfficerActor,
  applicationId: string,
  award: DemoAward,
  today: string,
) {
  const [application] = await tx
    .select({ amount: applications.amountRequestedMinor, createdBy: applications.createdByUserId })
    .from(applications)
    .where(eq(applications.id, applicationId))
  const amountMinor = application?.amount ?? 0
  const { grantId } = await awardInTransaction(tx, officer, program, {
    applicationId,
    amountMinor,
    startsOn: today,
  })
  const [grant] = await tx.select().from(grants).where(eq(grants.id, grantId))
  if (!grant) throw new Error('The award made no grant')
  const terms = { startsOn: grant.startsOn, endsOn: grant.endsOn }
  const scheduled = await saveScheduleInTransaction(tx, officer, grantId, {
    terms,
    payments: award.payments.map(([months, share]) => ({
      dueOn: addMonths(today, months),
      amountMinor: share,
    })),
  })
  if (!scheduled.ok) throw new Error(`The demo schedule is refused: ${JSON.stringify(scheduled)}`)
  const milestone = await saveMilestoneInTransaction(tx, officer, grantId, {
    dueOn: addDays(today, award.milestone.inDays),
    title: award.milestone.title,
    ask: award.milestone.ask,
  })
  if (!milestone.ok) throw new Error('The demo milestone is refused')
  if ('report' in award && application?.createdBy) {
    const sent = await submitReportInTransaction(tx, { id: application.createdBy }, grantId, {
      milestoneId: milestone.milestoneId,
      ...award.report,
    })
    if (!sent.ok) throw new Error('The demo report is refused')
  }
}
