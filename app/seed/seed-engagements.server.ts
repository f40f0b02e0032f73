import { eq } from 'drizzle-orm'
import type { Db } from '#db/client.server.ts'
import {
  applications,
  engagementCheckins,
  grants,
  volunteerEngagements,
  volunteerHours,
  volunteerProfiles,
  volunteerRequests,
} from '#db/schema/index.ts'

/**
 * Sam Lee (the demo volunteer) keeping the books for the Westgate Tenants Union on a request made
 * from its warm-rooms application, which became a grant: an active engagement with hours logged,
 * some verified, so the in-kind value shows beside the grant's cash.
 */
export async function seedEngagements(
  tx: Db,
  userIds: { volunteer: string; westgate: string },
  westgateId: string,
) {
  const [granted] = await tx
    .select({ applicationId: applications.id, title: applications.title })
    .from(grants)
    .innerJoin(applications, eq(applications.id, grants.applicationId))
    .where(eq(applications.organizationId, westgateId))
  const [sam] = await tx
    .select({ id: volunteerProfiles.id })
    .from(volunteerProfiles)
    .where(eq(volunteerProfiles.userId, userIds.volunteer))
  if (!granted || !sam) throw new Error('The demo engagement needs the Westgate grant and Sam')
  const [request] = await tx
    .insert(volunteerRequests)
    .values({
      organizationId: westgateId,
      applicationId: granted.applicationId,
      skill: 'finance',
      minLevel: 'some',
      title: 'Bookkeeping for the warm rooms grant',
      goal: 'Track what the warm rooms cost, so the grant report adds up.',
      deliverable: 'A ledger for the grant and a monthly routine the treasurer can keep.',
      hours: 20,
      pointPersonUserId: userIds.westgate,
      workMode: 'remote',
      status: 'matched',
      openedAt: new Date(Date.now() - 20 * 86_400_000),
      createdByUserId: userIds.westgate,
    })
    .returning({ id: volunteerRequests.id })
  if (!request) throw new Error('Could not seed the demo engagement request')
  const [engagement] = await tx
    .insert(volunteerEngagements)
    .values({
      requestId: request.id,
      profileId: sam.id,
      proposedBy: 'group',
      proposedByUserId: userIds.westgate,
      message: 'Could you help us set up the books for the warm rooms?',
      status: 'active',
      responseMessage: 'Happy to. I can start next week.',
      respondedByUserId: userIds.volunteer,
      respondedAt: new Date(Date.now() - 14 * 86_400_000),
      startedAt: new Date(Date.now() - 12 * 86_400_000),
    })
    .returning({ id: volunteerEngagements.id })
  if (!engagement) throw new Error('Could not seed the demo engagement')
  const day = (daysAgo: number) =>
    new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10)
  await tx.insert(volunteerHours).values(
    [
      { minutes: 180, workedOn: day(10), note: 'Chart of accounts', status: 'verified' as const },
      { minutes: 120, workedOn: day(6), note: 'Receipts entered', status: 'verified' as const },
      { minutes: 90, workedOn: day(2), note: 'Monthly routine drafted', status: 'logged' as const },
    ].map((h) => ({
      ...h,
      engagementId: engagement.id,
      loggedByUserId: userIds.volunteer,
      verifiedByUserId: h.status === 'verified' ? userIds.westgate : null,
    })),
  )
  // Check-ins agreed every two weeks when the work started: the first recorded, two to come.
  await tx.insert(engagementCheckins).values([
    {
      engagementId: engagement.id,
      dueOn: day(5),
      checkedOn: day(5),
      progress: 'on_track' as const,
      onTrack: true,
      note: 'Ledger ready; receipts entered.',
      byUserId: userIds.westgate,
    },
    { engagementId: engagement.id, dueOn: day(-9), byUserId: userIds.westgate },
    { engagementId: engagement.id, dueOn: day(-23), byUserId: userIds.westgate },
  ])
  return { engagementId: engagement.id, requestId: request.id }
}
