import { sql } from 'drizzle-orm'
import { db } from '#db/client.server.ts'
import { volunteerProfiles, volunteerRequests } from '#db/schema/index.ts'
import { createOrgWithOwner, createUser } from './factories.ts'

/** A volunteer with a profile (finance, remote) and their user. */
export async function createVolunteer() {
  const user = await createUser()
  const [profile] = await db()
    .insert(volunteerProfiles)
    .values({
      userId: user.id,
      headline: 'Bookkeeper',
      timeZone: 'America/Chicago',
      hoursPerMonth: 10,
      languages: ['en'],
    })
    .returning()
  if (!profile) throw new Error('profile not made')
  return { user, profile }
}

/** A group with an open finance request. */
export async function createGroupWithRequest(
  values: Partial<typeof volunteerRequests.$inferInsert> = {},
) {
  const group = await createOrgWithOwner()
  const [request] = await db()
    .insert(volunteerRequests)
    .values({
      organizationId: group.org.id,
      skill: 'finance',
      title: 'Books for our pantry',
      hours: 20,
      status: 'open',
      openedAt: sql`now()`,
      pointPersonUserId: group.owner.id,
      createdByUserId: group.owner.id,
      ...values,
    })
    .returning()
  if (!request) throw new Error('request not made')
  return { ...group, request }
}
