import { and, eq, sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { currentDatabase, db } from '#db/client.server.ts'
import {
  applicationDecisions,
  applicationEvents,
  applications,
  consensusScores,
  grantDisbursements,
  grantMilestones,
  grantReports,
  grants,
  notifications,
  panelMembers,
  programGuardrails,
  programs,
  reviewAssignments,
  users,
  volunteerProfiles,
  volunteerRequests,
  volunteerSkills,
} from '#db/schema/index.ts'
import { isEmpty, seedDemoData, suggestDemoMatches } from '#app/seed/seed.server.ts'
import { listMyAssignments } from '#app/services/review/reviewing.server.ts'
import { listDonorGifts } from '#app/services/donations/donor-gifts.server.ts'
import { driftedAccounts } from '#app/services/ledger/ledger.server.ts'
import { programRanking } from '#app/services/review/ranking.server.ts'
import { getProfileOfUser } from '#app/services/volunteers/profiles.server.ts'
import { batchSuggestionForVolunteer } from '#app/services/volunteers/batch-suggestions.server.ts'
import { suggestionRunSummary } from '#app/services/volunteers/suggestion-batch.server.ts'
import { listMyEngagements } from '#app/services/engagements/engagement-views.server.ts'
import { inKindOfApplications } from '#app/services/engagements/in-kind.server.ts'
import { withTestDatabase } from '#tests/support/database.ts'

withTestDatabase()

const IN_REVIEW = 'neighbourhood-health-grants-2026'

async function inReviewProgram() {
  const [program] = await db().select().from(programs).where(eq(programs.slug, IN_REVIEW))
  if (!program) throw new Error('no program in review')
  return program
}

async function userId(email: string) {
  const [user] = await db().select({ id: users.id }).from(users).where(eq(users.email, email))
  return user?.id ?? ''
}

describe('the demo seed', () => {
  // One seeding for the whole file: each test reads a part of what it wrote.
  let wasEmpty: boolean
  beforeAll(async () => {
    wasEmpty = await isEmpty(db())
    await seedDemoData(db())
  })

  it('fills an empty database with an open call and one in review, with applications in each', async () => {
    expect(wasEmpty).toBe(true)
    expect(await isEmpty(db())).toBe(false)

    const rows = await db()
      .select({
        program: programs.slug,
        programStatus: programs.status,
        status: applications.status,
        n: sql<number>`count(*)::int`,
      })
      .from(applications)
      .innerJoin(programs, eq(programs.id, applications.programId))
      .groupBy(programs.slug, programs.status, applications.status)
      .orderBy(programs.slug, applications.status)
    expect(rows).toEqual([
      {
        program: 'community-health-access-2027',
        programStatus: 'open',
        status: 'submitted',
        n: 3,
      },
      { program: IN_REVIEW, programStatus: 'in_review', status: 'in_review', n: 5 },
      { program: IN_REVIEW, programStatus: 'in_review', status: 'awarded', n: 2 },
      { program: IN_REVIEW, programStatus: 'in_review', status: 'declined', n: 1 },
    ])
    // Each application in review shows the whole way there in its history.
    const steps = await db()
      .select({ to: applicationEvents.toStatus, n: sql<number>`count(*)::int` })
      .from(applicationEvents)
      .innerJoin(applications, eq(applications.id, applicationEvents.applicationId))
      .where(eq(applications.status, 'in_review'))
      .groupBy(applicationEvents.toStatus)
      .orderBy(applicationEvents.toStatus)
    expect(steps).toEqual([
      { to: 'draft', n: 5 },
      { to: 'submitted', n: 5 },
      { to: 'in_review', n: 5 },
    ])
  })

  it('leaves the program in review with a panel whose every reviewer has three reviews or more, a conflict replaced, and open reviews for the walks', async () => {
    const program = await inReviewProgram()
    const panel = await db()
      .select({ email: users.email, kind: panelMembers.kind })
      .from(panelMembers)
      .innerJoin(users, eq(users.id, panelMembers.userId))
      .orderBy(users.email)
    expect(panel).toEqual([
      { email: 'community@example.org', kind: 'community' },
      { email: 'kofi@example.org', kind: 'staff' },
      { email: 'priya@example.org', kind: 'staff' },
      { email: 'reviewer@example.org', kind: 'staff' },
    ])
    const submitted = await db()
      .select({ email: users.email, n: sql<number>`count(*)::int` })
      .from(reviewAssignments)
      .innerJoin(users, eq(users.id, reviewAssignments.reviewerUserId))
      .where(eq(reviewAssignments.state, 'submitted'))
      .groupBy(users.email)
    expect(submitted).toHaveLength(4)
    for (const reviewer of submitted) expect(reviewer.n).toBeGreaterThanOrEqual(3)
    // So the ranking normalises every review: nobody is left raw.
    const ranking = await programRanking(program)
    expect(ranking.lines.filter((l) => l.reviews > 0).every((l) => !l.includesRaw)).toBe(true)
    expect(ranking.lines.some((l) => l.flags.includes('high_disagreement'))).toBe(true)

    // One conflict, with its reason; its application still has two reviewers.
    const conflicts = await db()
      .select()
      .from(reviewAssignments)
      .where(eq(reviewAssignments.state, 'conflict'))
    expect(conflicts).toHaveLength(1)
    expect(conflicts[0]?.conflictReason).toMatch(/advisory board/)
    const others = await db()
      .select({ state: reviewAssignments.state })
      .from(reviewAssignments)
      .where(eq(reviewAssignments.applicationId, conflicts[0]?.applicationId ?? ''))
    expect(others.map((o) => o.state).sort()).toEqual(['conflict', 'submitted', 'submitted'])

    // Every undecided application has its two reviewers; Ruth's first review and Carmen's last
    // are open (review.spec.ts and fairness.spec.ts declare and score them).
    const ruth = await listMyAssignments(await userId('reviewer@example.org'))
    expect(ruth.filter((a) => a.state === 'assigned')).toHaveLength(2)
    expect(ruth[0]?.state).toBe('assigned')
    const carmen = await listMyAssignments(await userId('community@example.org'))
    expect(carmen.filter((a) => a.state === 'assigned')).toHaveLength(2)
    expect(carmen.at(-1)?.state).toBe('assigned')
    // Never the same application, whatever the ids: each spec's mean is its own.
    expect(ruth[0]?.applicationTitle).toMatch(/^Walking groups/)
    expect(carmen.at(-1)?.applicationTitle).toMatch(/^Winter produce/)
    // Priya's third review of the produce boxes waits for review.spec.ts's conflict.
    const priya = await listMyAssignments(await userId('priya@example.org'))
    expect(priya.filter((a) => a.state === 'assigned').map((a) => a.applicationTitle)).toEqual([
      'Winter produce boxes for elders',
    ])

    // The consensus stands where every review is in; the guardrails are stored.
    const consensus = await db().select({ id: consensusScores.id }).from(consensusScores)
    expect(consensus).toHaveLength(5)
    const guardrails = await db()
      .select({ flag: programGuardrails.flag, share: programGuardrails.minBasisPoints })
      .from(programGuardrails)
      .where(eq(programGuardrails.programId, program.id))
    expect(guardrails.sort((a, b) => a.flag.localeCompare(b.flag))).toEqual([
      { flag: 'community_led', share: 5_000 },
      { flag: 'most_vulnerable_place', share: 5_000 },
      { flag: 'small_budget', share: 3_000 },
    ])
  })

  it('has two awards that became grants, paid in instalments that sum to the award, and a decline with feedback; the groups are told', async () => {
    const program = await inReviewProgram()
    const seeded = await db().select().from(grants).where(eq(grants.programId, program.id))
    expect(seeded).toHaveLength(2)
    for (const grant of seeded) {
      const payments = await db()
        .select()
        .from(grantDisbursements)
        .where(eq(grantDisbursements.grantId, grant.id))
      expect(payments.length).toBeGreaterThan(1)
      expect(payments.reduce((sum, p) => sum + p.amountMinor, 0)).toBe(grant.amountMinor)
      const [decision] = await db()
        .select()
        .from(applicationDecisions)
        .where(eq(applicationDecisions.applicationId, grant.applicationId))
      expect(decision?.amountMinor).toBe(grant.amountMinor)
      // A report due within the month, beside the final report.
      const milestones = await db()
        .select({ dueOn: grantMilestones.dueOn })
        .from(grantMilestones)
        .where(eq(grantMilestones.grantId, grant.id))
      expect(milestones).toHaveLength(2)
      const soon = new Date(Date.now() + 31 * 86_400_000).toISOString().slice(0, 10)
      expect(milestones.some((m) => m.dueOn <= soon)).toBe(true)
    }
    const reports = await db().select({ status: grantReports.status }).from(grantReports)
    expect(reports).toEqual([{ status: 'submitted' }])

    const [declined] = await db()
      .select()
      .from(applicationDecisions)
      .where(eq(applicationDecisions.outcome, 'decline'))
    expect(declined?.feedback).toMatch(/routes to school/)
    expect(declined?.sharedComments).toHaveLength(3)
    expect(declined?.sharedComments.filter((c) => c.criterionId === null)).toHaveLength(1)

    // Each decided group heard of it; nobody else did.
    const told = await db()
      .select({ email: users.email, outcome: sql<string>`${notifications.data}->>'outcome'` })
      .from(notifications)
      .innerJoin(users, eq(users.id, notifications.userId))
      .where(eq(notifications.kind, 'application-decided'))
      .orderBy(users.email)
    expect(told).toEqual([
      { email: 'leah@example.org', outcome: 'award' },
      { email: 'marcus@example.org', outcome: 'decline' },
      { email: 'tomas@example.org', outcome: 'award' },
    ])
    // The officers heard of the conflict.
    const conflictNotices = await db()
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(eq(notifications.kind, 'review-conflict')))
    expect(conflictNotices.length).toBeGreaterThan(0)
  })

  it('gives the demo donor two settled gifts, the older funding an awarded grant, the newer still in the fund', async () => {
    const [donor] = await db().select().from(users).where(eq(users.email, 'donor@example.org'))
    // /gifts shows an account's gifts only once its address is verified.
    expect(donor?.emailVerifiedAt).toBeInstanceOf(Date)
    const { gifts } = await listDonorGifts(
      { emails: ['donor@example.org'], actorUserId: donor!.id },
      { after: null, reader: 'en' },
    )
    expect(gifts.map((g) => [g.amountMinor, g.status])).toEqual([
      [50_00, 'succeeded'],
      [150_00, 'succeeded'],
    ])
    const [newer, older] = gifts
    expect(older!.feeCoveredMinor).toBeGreaterThan(0)
    expect(older!.trace!.funded).toHaveLength(1)
    expect(older!.trace!.funded[0]!.amountMinor).toBe(150_00)
    expect(older!.trace!.unallocatedMinor).toBe(0)
    expect(newer!.trace!.funded).toEqual([])
    expect(newer!.trace!.unallocatedMinor).toBe(newer!.trace!.netMinor)
    expect(await driftedAccounts(db())).toEqual([])
  })

  it('gives the demo volunteer a full profile among a dozen more, and the demo groups requests across project types', async () => {
    const sam = await getProfileOfUser(await userId('volunteer@example.org'))
    expect(sam?.skills.map((s) => s.skill).sort()).toEqual([
      'data_analysis',
      'finance',
      'grant_writing',
    ])
    expect(sam?.languages).toEqual(['en', 'ko'])
    expect(sam?.place?.label).toBe('Franklin County, Ohio')
    expect(sam?.availability.length).toBeGreaterThan(0)

    const profiles = await db().select({ id: volunteerProfiles.id }).from(volunteerProfiles)
    expect(profiles).toHaveLength(13)
    const skills = await db().selectDistinct({ skill: volunteerSkills.skill }).from(volunteerSkills)
    expect(skills.length).toBeGreaterThanOrEqual(12)

    const requests = await db()
      .select({
        type: volunteerRequests.projectType,
        status: volunteerRequests.status,
        personal: volunteerRequests.touchesPersonalData,
      })
      .from(volunteerRequests)
    expect(new Set(requests.map((r) => r.type)).size).toBe(requests.length)
    expect(requests.filter((r) => r.status === 'open').length).toBeGreaterThanOrEqual(4)
    expect(requests.filter((r) => r.personal)).toHaveLength(1)
  })

  it('gives the demo volunteer an engagement in progress with Westgate, valued on its grant', async () => {
    const sam = await userId('volunteer@example.org')
    const mine = await listMyEngagements(sam)
    expect(mine.map((e) => [e.groupName, e.status])).toEqual([['Westgate Tenants Union', 'active']])
    const [granted] = await db()
      .select({ applicationId: grants.applicationId })
      .from(grants)
      .innerJoin(volunteerRequests, eq(volunteerRequests.applicationId, grants.applicationId))
    // Five verified hours of bookkeeping at the professional rate ($120 an hour); the 1.5 hours
    // still waiting for the group count for nothing yet.
    expect(await inKindOfApplications([granted?.applicationId ?? ''])).toEqual({
      verifiedMinutes: 300,
      valueMinor: 60000,
      currency: 'usd',
    })
  })

  it('starts with a finished platform batch run, so the demo volunteer has a suggestion', async () => {
    const database = currentDatabase()!
    await suggestDemoMatches(database)
    expect(currentDatabase()).toBe(database)
    const { latest } = await suggestionRunSummary()
    expect(latest?.status).toBe('finished')
    const suggested = await batchSuggestionForVolunteer(await userId('volunteer@example.org'), 'en')
    expect(suggested?.title).toBe('Bookkeeping set-up')
  })
})
