import { eq } from 'drizzle-orm'
import { db } from '#db/client.server.ts'
import { memberships } from '#db/schema/index.ts'
import { createGrantForAward } from '#app/services/grants/grants.server.ts'
import { createApplicationRow, createOpenProgram } from './factories.ts'

/** An awarded application of a new group in the program, and the grant the award makes. */
export async function grantInProgram(
  programId: string,
  actorUserId: string,
  award: { amountMinor: number; startsOn?: string; endsOn?: string },
) {
  const application = await createApplicationRow(programId, {
    status: 'awarded',
    amountRequestedMinor: award.amountMinor,
  })
  const { grantId } = await db().transaction((tx) =>
    createGrantForAward(tx, { applicationId: application.id, actorUserId, ...award }),
  )
  return { application, grantId }
}

/**
 * A funder's program in review with one awarded application of a new group, and its grant (as
 * the award makes it: one payment, a final report): the officer (the funder's owner) and the
 * grantee (the group's owner) as actors.
 */
export async function awardedGrant(
  options: {
    amountMinor?: number
    startsOn?: string
    endsOn?: string
    program?: Parameters<typeof createOpenProgram>[0]
  } = {},
) {
  const amountMinor = options.amountMinor ?? 10_000_00
  const s = await createOpenProgram({ status: 'in_review', ...options.program })
  const { application, grantId } = await grantInProgram(s.program.id, s.owner.id, {
    amountMinor,
    ...(options.startsOn ? { startsOn: options.startsOn } : {}),
    ...(options.endsOn ? { endsOn: options.endsOn } : {}),
  })
  const [groupOwner] = await db()
    .select({ id: memberships.userId })
    .from(memberships)
    .where(eq(memberships.organizationId, application.organizationId))
  const officer = { id: s.owner.id, ip: '127.0.0.1' }
  const grantee = { id: groupOwner!.id, ip: '127.0.0.1' }
  return { s, application, grantId, officer, grantee }
}
