import { eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '#db/client.server.ts'
import {
  applicationEvents,
  applications,
  panelMembers,
  programs,
  reviewAssignments,
  users,
} from '#db/schema/index.ts'
import { isEmpty, seedDemoData } from '#app/seed/seed.server.ts'
import { withTestDatabase } from '#tests/support/database.ts'

withTestDatabase()

describe('the demo seed', () => {
  it('fills an empty database with an open call and one in review, with applications in each', async () => {
    expect(await isEmpty(db())).toBe(true)
    await seedDemoData(db())
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
      .orderBy(programs.slug)
    expect(rows).toEqual([
      {
        program: 'community-health-access-2027',
        programStatus: 'open',
        status: 'submitted',
        n: 3,
      },
      {
        program: 'neighbourhood-health-grants-2026',
        programStatus: 'in_review',
        status: 'in_review',
        n: 2,
      },
    ])
    // Each application in review shows the whole way there in its history.
    const steps = await db()
      .select({ to: applicationEvents.toStatus })
      .from(applicationEvents)
      .innerJoin(applications, eq(applications.id, applicationEvents.applicationId))
      .where(eq(applications.status, 'in_review'))
    expect(steps.map((s) => s.to).sort()).toEqual([
      'draft',
      'draft',
      'in_review',
      'in_review',
      'submitted',
      'submitted',
    ])
    // The program in review has a staff and a community reviewer, each with both applications.
    const panel = await db()
      .select({ email: users.email, kind: panelMembers.kind })
      .from(panelMembers)
      .innerJoin(users, eq(users.id, panelMembers.userId))
      .orderBy(users.email)
    expect(panel).toEqual([
      { email: 'community@example.org', kind: 'community' },
      { email: 'reviewer@example.org', kind: 'staff' },
    ])
    const assigned = await db().select({ state: reviewAssignments.state }).from(reviewAssignments)
    expect(assigned.map((a) => a.state)).toEqual(['assigned', 'assigned', 'assigned', 'assigned'])
  })
})
