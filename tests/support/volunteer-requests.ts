import { db } from '#db/client.server.ts'
import { volunteerRequests } from '#db/schema/index.ts'

/** An open finance request of the group, inserted directly (the matching tests' starting point). */
export async function openVolunteerRequest(
  organizationId: string,
  values: Partial<typeof volunteerRequests.$inferInsert> = {},
) {
  const [row] = await db()
    .insert(volunteerRequests)
    .values({
      organizationId,
      skill: 'finance',
      title: 'Books for our pantry',
      goal: 'Know what came in and went out.',
      hours: 20,
      deadline: '2027-01-30',
      status: 'open',
      openedAt: new Date('2026-11-20T00:00:00Z'),
      ...values,
    })
    .returning()
  return row!
}
