import { and, eq, inArray } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '#db/client.server.ts'
import { applicationEvents, applications, auditLog } from '#db/schema/index.ts'
import { startReview } from '#app/services/programs/programs.server.ts'
import { createApplicationRow, createOpenProgram } from '#tests/support/factories.ts'
import { withTestDatabase } from '#tests/support/database.ts'

withTestDatabase()

describe('starting review', () => {
  it('takes every submitted application into review, with a history step and an audit row each', async () => {
    const setup = await createOpenProgram({ status: 'closed' })
    const other = await createOpenProgram({ status: 'closed' })
    const submitted = [
      await createApplicationRow(setup.program.id),
      await createApplicationRow(setup.program.id),
    ]
    const draft = await createApplicationRow(setup.program.id, { status: 'draft' })
    const withdrawn = await createApplicationRow(setup.program.id, { status: 'withdrawn' })
    const elsewhere = await createApplicationRow(other.program.id)
    const actor = { id: setup.owner.id, ip: '127.0.0.1', organizationId: setup.org.id }

    const result = await startReview(actor, setup.program.id)
    expect(result).toMatchObject({ ok: true, movedIntoReview: 2 })

    const statuses = Object.fromEntries(
      (
        await db()
          .select({
            id: applications.id,
            status: applications.status,
            version: applications.version,
          })
          .from(applications)
      ).map((a) => [a.id, a]),
    )
    for (const a of submitted)
      expect(statuses[a.id]).toMatchObject({ status: 'in_review', version: 2 })
    expect(statuses[draft.id]?.status).toBe('draft')
    expect(statuses[withdrawn.id]?.status).toBe('withdrawn')
    expect(statuses[elsewhere.id]?.status).toBe('submitted')

    const ids = submitted.map((a) => a.id)
    const events = await db()
      .select()
      .from(applicationEvents)
      .where(inArray(applicationEvents.applicationId, ids))
    expect(events).toHaveLength(2)
    expect(events[0]).toMatchObject({
      actorUserId: setup.owner.id,
      fromStatus: 'submitted',
      toStatus: 'in_review',
    })
    const audits = await db()
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, 'application.moved_into_review'), inArray(auditLog.entityId, ids)),
      )
    expect(audits).toHaveLength(2)
    expect(audits[0]).toMatchObject({
      actorUserId: setup.owner.id,
      ip: '127.0.0.1',
      details: { from: 'submitted', to: 'in_review' },
    })
  })

  it('moves nothing when review cannot start', async () => {
    const setup = await createOpenProgram()
    const application = await createApplicationRow(setup.program.id)
    const actor = { id: setup.owner.id, ip: null, organizationId: setup.org.id }
    expect((await startReview(actor, setup.program.id)).ok).toBe(false)
    const [row] = await db()
      .select({ status: applications.status })
      .from(applications)
      .where(eq(applications.id, application.id))
    expect(row?.status).toBe('submitted')
  })
})
