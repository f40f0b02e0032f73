import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import { db, type Db } from '#db/client.server.ts'
import { databaseNow } from '#app/services/clock.server.ts'
import type { JobDefinition } from '#app/services/jobs/job-queue.server.ts'
import {
  applications,
  organizations,
  reviewAssignments,
  rubricCriteria,
  users,
  type Program,
} from '#db/schema/index.ts'
import { type AssignmentState } from '#app/domain/review/review-states.ts'
import { fail, type Result } from '#app/domain/result.ts'
import { recordAudit } from '#app/services/admin/audit.server.ts'
import { notifyReviewReminders } from '#app/services/notifications/notification-events.server.ts'
import { applicationScores } from '#app/domain/review/scores.ts'
import { REVIEWABLE_STATUSES } from './assignments.server.ts'
import { scoringRubric, submittedReviews } from './review-records.server.ts'
import type { OfficerActor } from './panel.server.ts'

/** States of work handed out and not yet in: whom "Remind late reviewers" tells. */
const OUTSTANDING: AssignmentState[] = ['assigned', 'declared_no_conflict', 'in_progress']

/**
 * The officer's view of the program's reviewing: each reviewable application with its
 * assignments, and the weighted mean (0–100) of its submitted reviews by the one definition the
 * ranking board and the decision page use (`applicationScores` in app/domain/review/scores.ts:
 * each level placed on its criterion's scale from its lowest to its highest level, a review
 * counted only when complete, community reviewers with the program's weight). The panel's
 * consensus override is the decision page's and the board's, not shown here.
 */
export async function programProgress(
  program: Pick<Program, 'id' | 'communityReviewerWeight' | 'reviewersPerApplication'>,
) {
  const [criteria, reviews, apps, assignments] = await Promise.all([
    db()
      .select({
        id: rubricCriteria.id,
        weight: rubricCriteria.weight,
        maxScore: rubricCriteria.maxScore,
      })
      .from(rubricCriteria)
      .where(eq(rubricCriteria.programId, program.id)),
    submittedReviews(program, eq(reviewAssignments.programId, program.id)),
    db()
      .select({
        id: applications.id,
        title: applications.title,
        organization: organizations.name,
        status: applications.status,
      })
      .from(applications)
      .innerJoin(organizations, eq(organizations.id, applications.organizationId))
      .where(
        and(
          eq(applications.programId, program.id),
          // One sent back for changes keeps its reviewers and shows here meanwhile.
          inArray(applications.status, [...REVIEWABLE_STATUSES, 'changes_requested']),
        ),
      )
      .orderBy(asc(applications.submittedAt), asc(applications.id))
      .limit(5000),
    db()
      .select({
        id: reviewAssignments.id,
        applicationId: reviewAssignments.applicationId,
        reviewerUserId: reviewAssignments.reviewerUserId,
        reviewer: users.name,
        state: reviewAssignments.state,
        conflictReason: reviewAssignments.conflictReason,
      })
      .from(reviewAssignments)
      .innerJoin(users, eq(users.id, reviewAssignments.reviewerUserId))
      .where(eq(reviewAssignments.programId, program.id))
      .orderBy(asc(users.name)),
  ])
  const means = new Map(
    applicationScores(scoringRubric(criteria), reviews, {
      reviewersPerApplication: program.reviewersPerApplication,
    }).map((a) => [a.applicationId, a.mean]),
  )
  const byApplication = new Map<string, typeof assignments>()
  for (const a of assignments) {
    const list = byApplication.get(a.applicationId) ?? []
    list.push(a)
    byApplication.set(a.applicationId, list)
  }
  const perReviewer = new Map<
    string,
    { userId: string; name: string; counts: Record<AssignmentState, number> }
  >()
  const overall: Record<AssignmentState, number> = {
    assigned: 0,
    declared_no_conflict: 0,
    in_progress: 0,
    submitted: 0,
    conflict: 0,
  }
  for (const a of assignments) {
    const entry = perReviewer.get(a.reviewerUserId) ?? {
      userId: a.reviewerUserId,
      name: a.reviewer,
      counts: { assigned: 0, declared_no_conflict: 0, in_progress: 0, submitted: 0, conflict: 0 },
    }
    entry.counts[a.state] += 1
    overall[a.state] += 1
    perReviewer.set(a.reviewerUserId, entry)
  }
  return {
    applications: apps.map((a) => ({
      ...a,
      mean: means.get(a.id) ?? null,
      assignments: byApplication.get(a.id) ?? [],
    })),
    reviewers: [...perReviewer.values()].sort((a, b) => a.name.localeCompare(b.name)),
    overall,
  }
}

/**
 * Whether a program's unsubmitted reviews are late at `now`: past its "reviews due" moment; with
 * no such moment set, any review handed out and not in counts as late (the officer judges).
 */
export function reviewsAreLate(program: Pick<Program, 'reviewsDueAt'>, now: Date) {
  return program.reviewsDueAt === null || program.reviewsDueAt.getTime() < now.getTime()
}

/** Each reviewer with work handed out and not submitted on the program, and how much. */
function outstandingByReviewer(tx: Db, programId: string) {
  return tx
    .select({
      userId: reviewAssignments.reviewerUserId,
      count: sql<number>`count(*)::int`,
    })
    .from(reviewAssignments)
    .where(
      and(
        eq(reviewAssignments.programId, programId),
        inArray(reviewAssignments.state, OUTSTANDING),
      ),
    )
    .groupBy(reviewAssignments.reviewerUserId)
}

/**
 * "Remind late reviewers": everyone with work handed out and not submitted hears how many reviews
 * wait for them, once the program's reviews are due (before that, nobody is late). Pressing it
 * twice in the same minute tells nobody twice.
 */
export async function remindLateReviewers(
  actor: OfficerActor,
  program: Pick<Program, 'id' | 'title' | 'contentLanguage' | 'titleTranslation' | 'reviewsDueAt'>,
  at?: Date,
): Promise<Result<{ reminded: number }>> {
  const now = at ?? (await databaseNow())
  if (!reviewsAreLate(program, now)) {
    return fail({ message: 'review:refusals.notDueYet' })
  }
  const late = await outstandingByReviewer(db(), program.id)
  if (late.length === 0) return fail({ message: 'review:refusals.nobodyLate' })
  const minute = now.toISOString().slice(0, 16)
  const reminded = await db().transaction(async (tx) => {
    const n = await notifyReviewReminders(tx, program, late, `${program.id}:${minute}`)
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: 'program.reviewers_reminded',
      entityType: 'program',
      entityId: program.id,
      organizationId: actor.organizationId,
      ip: actor.ip,
      details: { reminded: n },
    })
    return n
  })
  return { ok: true, reminded }
}

interface DueProgram {
  id: string
  title: string
  content_language: string
  title_translation: string | null
}

/**
 * The daily reminder of late reviews: for every program in review whose reviews are due, each
 * reviewer with reviews not in hears how many, at most once a day (the notification's event key
 * is "<program>:late:<UTC day>", unique per person), however often the job runs.
 */
export async function sendLateReviewReminders(at?: Date): Promise<{ reminded: number }> {
  return db().transaction(async (tx) => {
    const now = at ?? (await databaseNow(tx))
    const due = (
      (await tx.execute(sql`
        SELECT id, title, content_language, title_translation FROM programs
        WHERE status = 'in_review' AND reviews_due_at < ${now.toISOString()}::timestamptz
        LIMIT 1000`)) as unknown as { rows: DueProgram[] }
    ).rows
    const day = now.toISOString().slice(0, 10)
    let reminded = 0
    for (const program of due) {
      const late = await outstandingByReviewer(tx, program.id)
      reminded += await notifyReviewReminders(
        tx,
        {
          title: program.title,
          contentLanguage: program.content_language,
          titleTranslation: program.title_translation,
        },
        late,
        `${program.id}:late:${day}`,
      )
    }
    return { reminded }
  })
}

export const LATE_REVIEWS_JOB = 'late-review-reminders'

export const reviewJobs = [
  {
    name: LATE_REVIEWS_JOB,
    // Hourly, so a deadline passed reminds within the hour; the event key keeps it to once a day.
    cron: '17 * * * *',
    run: async (data: { at?: string }) =>
      sendLateReviewReminders(data.at ? new Date(data.at) : undefined),
  } satisfies JobDefinition<{ at?: string }>,
]

/** Reviewers with a declared conflict, for the officer: which applications need a replacement. */
export async function conflictsNeedingReplacement(programId: string) {
  return db()
    .select({ applicationId: reviewAssignments.applicationId })
    .from(reviewAssignments)
    .where(and(eq(reviewAssignments.programId, programId), eq(reviewAssignments.state, 'conflict')))
}
