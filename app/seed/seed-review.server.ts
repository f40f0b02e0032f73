import { asc, eq } from 'drizzle-orm'
import { GUARDRAIL_FLAGS, SUGGESTED_GUARDRAILS } from '#app/domain/review/guardrails.ts'
import { notifyReviewConflict } from '#app/services/notifications/notification-events.server.ts'
import { writeTemplateRubric } from '#app/services/programs/programs.server.ts'
import { recordConsensusInTransaction } from '#app/services/review/consensus.server.ts'
import { setGuardrailsInTransaction } from '#app/services/review/decide.server.ts'
import { auditReview } from '#app/services/review/reviewing.server.ts'
import type { OfficerActor } from '#app/services/review/panel.server.ts'
import type { Tx } from '#db/client.server.ts'
import {
  panelMembers,
  programs,
  reviewAssignments,
  reviewScores,
  rubricCriteria,
  users,
  type Program,
} from '#db/schema/index.ts'
import { DEMO_PANEL, IN_REVIEW_APPLICATIONS, type DemoReview } from './demo-review-round.ts'
import { DAY, seedApplication } from './seed-application.server.ts'
import { seedDecisions } from './seed-decisions.server.ts'

const SECOND = 1_000
const MINUTE = 60 * SECOND

/**
 * Last season's program, closed and in review, with its panel's work as demo-review-round.ts
 * describes it, the equity guardrails the issue suggests, and the decisions made so far.
 */
export async function seedProgramInReview(
  tx: Tx,
  fundId: string,
  orgIds: Record<string, string>,
  userIds: Record<string, string>,
) {
  const now = Date.now()
  const [program] = await tx
    .insert(programs)
    .values({
      fundId,
      slug: 'neighbourhood-health-grants-2026',
      title: 'Neighbourhood Health Grants 2026',
      description:
        'Small grants of $2,000 to $15,000 for neighbourhood projects that keep people well where they live.',
      eligibility: 'Community groups based in Ohio, led by people from the communities they serve.',
      placeServed: 'Ohio',
      eligibleStates: ['Ohio'],
      sdohDomains: ['health_care', 'neighborhood', 'social_community', 'economic_stability'],
      status: 'in_review',
      opensAt: new Date(now - 90 * DAY),
      closesAt: new Date(now - 20 * DAY),
      timeZone: 'America/New_York',
      budgetMinor: 6_000_000,
      minAwardMinor: 200_000,
      maxAwardMinor: 1_500_000,
      reviewersPerApplication: 2,
      blindReview: true,
    })
    .returning()
  if (!program) throw new Error('Could not seed the program in review')
  await writeTemplateRubric(tx, program.id)
  const officer: OfficerActor = {
    id: userIds['officer'] ?? '',
    organizationId: orgIds['riverbend-community-foundation'] ?? '',
  }
  const applicationIds: Record<string, string> = {}
  for (const [i, demo] of IN_REVIEW_APPLICATIONS.entries()) {
    applicationIds[demo.key] = await seedApplication(tx, program.id, null, demo, orgIds, userIds, {
      submittedAt: new Date(now - (30 - i) * DAY),
      reviewStartedAt: new Date(now - 18 * DAY),
      reviewStartedBy: officer.id,
    })
  }
  await tx.insert(panelMembers).values(
    DEMO_PANEL.map((p) => ({
      programId: program.id,
      userId: userIds[p.user] ?? '',
      kind: p.kind,
      addedByUserId: officer.id,
    })),
  )
  const criteria = await tx
    .select({ id: rubricCriteria.id })
    .from(rubricCriteria)
    .where(eq(rubricCriteria.programId, program.id))
    .orderBy(asc(rubricCriteria.position))
  const round = {
    program,
    officer,
    criteria: criteria.map((c) => c.id),
    userIds,
    start: now - 18 * DAY,
  }
  const assignmentIds: Record<string, string[]> = {}
  for (const [position, demo] of IN_REVIEW_APPLICATIONS.entries()) {
    const applicationId = applicationIds[demo.key] ?? ''
    assignmentIds[demo.key] = []
    for (const review of demo.reviews) {
      assignmentIds[demo.key]?.push(
        await seedReview(tx, round, applicationId, review, assignedOffset(review, position)),
      )
    }
  }
  for (const demo of IN_REVIEW_APPLICATIONS.filter((d) => d.consensus)) {
    const recorded = await recordConsensusInTransaction(tx, officer, program, {
      applicationId: applicationIds[demo.key] ?? '',
      override: null,
      reason: '',
    })
    if (!recorded.ok) throw new Error(`Could not record the consensus on ${demo.title}`)
  }
  await setGuardrailsInTransaction(
    tx,
    officer,
    program,
    GUARDRAIL_FLAGS.map((flag) => ({ flag, basisPoints: SEEDED_GUARDRAILS[flag] })),
  )
  await seedDecisions(tx, program, officer, {
    applicationIds,
    assignmentIds,
    criteria: round.criteria,
  })
}

/**
 * The suggested guardrails, but half the dollars (not 40%) to the most vulnerable places: going
 * down the ranking misses that share, so the decision page shows a guardrail at work (what it
 * leaves out and what that costs in score) rather than a proposal equal to the ranking.
 */
const SEEDED_GUARDRAILS = { ...SUGGESTED_GUARDRAILS, most_vulnerable_place: 5_000 }

interface Round {
  program: Program
  officer: OfficerActor
  /** The rubric's criteria, in its order. */
  criteria: string[]
  userIds: Record<string, string>
  /** When the officer assigned the reviews. */
  start: number
}

/**
 * One reviewer's assignment and what they did with it, written as reviewing.server.ts writes a
 * declaration and a submitted review (the same rows and audit entries; those services read
 * outside the caller's transaction, so the seed cannot call them). The open reviews are assigned
 * first for the staff reviewer and last for the community reviewer: review.spec.ts opens the
 * first of Ruth's queue, fairness.spec.ts the last of Carmen's.
 */
async function seedReview(
  tx: Tx,
  round: Round,
  applicationId: string,
  review: DemoReview,
  offset: number,
) {
  const reviewerUserId = round.userIds[review.reviewer] ?? ''
  const assignedAt = new Date(round.start + offset)
  const declaredAt = new Date(assignedAt.getTime() + 2 * DAY)
  const [assignment] = await tx
    .insert(reviewAssignments)
    .values({
      programId: round.program.id,
      applicationId,
      reviewerUserId,
      assignedByUserId: round.officer.id,
      assignedAt,
      ...('open' in review
        ? {}
        : 'conflict' in review
          ? { state: 'conflict' as const, conflictReason: review.conflict, declaredAt }
          : {
              state: 'submitted' as const,
              overallComment: review.overall,
              declaredAt,
              submittedAt: new Date(declaredAt.getTime() + 3 * DAY),
            }),
    })
    .returning({ id: reviewAssignments.id })
  if (!assignment) throw new Error('Could not seed a review assignment')
  if ('conflict' in review) await declareConflict(tx, round, assignment.id, applicationId, review)
  else if (!('open' in review)) await submitReview(tx, round, assignment.id, applicationId, review)
  return assignment.id
}

/** The conflict's audit entry and the officers' notice, as `declare` writes them. */
async function declareConflict(
  tx: Tx,
  round: Round,
  assignmentId: string,
  applicationId: string,
  review: Extract<DemoReview, { conflict: string }>,
) {
  const reviewerUserId = round.userIds[review.reviewer] ?? ''
  const funderId = round.officer.organizationId
  await auditReview(
    tx,
    { id: reviewerUserId },
    funderId,
    'review.conflict_declared',
    assignmentId,
    {
      applicationId,
      reason: review.conflict,
    },
  )
  await notifyReviewConflict(tx, {
    assignmentId,
    reviewer: await reviewerName(tx, reviewerUserId),
    funder: { id: funderId, slug: 'riverbend-community-foundation' },
    program: round.program,
  })
}

/** The levels and comments, and the audit entries, as `declare` and `saveReview` write them. */
async function submitReview(
  tx: Tx,
  round: Round,
  assignmentId: string,
  applicationId: string,
  review: Extract<DemoReview, { levels: number[] }>,
) {
  const actor = { id: round.userIds[review.reviewer] ?? '' }
  const funderId = round.officer.organizationId
  const levelAt = (i: number) => review.levels[i] ?? null
  await tx.insert(reviewScores).values(
    round.criteria.map((criterionId, i) => ({
      assignmentId,
      criterionId,
      level: levelAt(i),
      comment: review.comments[i] ?? '',
    })),
  )
  await auditReview(tx, actor, funderId, 'review.no_conflict_declared', assignmentId, {
    applicationId,
  })
  await auditReview(tx, actor, funderId, 'review.submitted', assignmentId, {
    applicationId,
    levels: Object.fromEntries(round.criteria.map((id, i) => [id, levelAt(i)])),
  })
}

/** Open reviews first for Ruth and last for Carmen; a replacement after the conflict. */
/**
 * When each review was assigned, from the round's start. The open reviews a second apart in the
 * applications' order, so each queue's order is fixed (not left to the ids): Ruth's first is the
 * walking groups, Carmen's last the produce boxes, and the two specs that score them never meet.
 */
function assignedOffset(review: DemoReview, position: number): number {
  if ('open' in review) {
    return (review.reviewer === 'community' ? MINUTE : -MINUTE) + position * SECOND
  }
  return 'replacement' in review ? 3 * DAY : 0
}

async function reviewerName(tx: Tx, userId: string) {
  const [user] = await tx.select({ name: users.name }).from(users).where(eq(users.id, userId))
  return user?.name ?? ''
}
