import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '#db/client.server.ts'
import {
  auditLog,
  grantDisbursements,
  grantMilestones,
  grantReports,
  grants,
  notifications,
} from '#db/schema/index.ts'
import {
  holdDisbursement,
  markDisbursementPaid,
  releaseDisbursement,
} from '#app/services/grants/disbursements.server.ts'
import {
  removeMilestone,
  saveMilestone,
  saveSchedule,
} from '#app/services/grants/grant-schedule.server.ts'
import { reviewReport, submitReport } from '#app/services/grants/grant-reports.server.ts'
import { cancelGrant } from '#app/services/grants/grant-lifecycle.server.ts'
import { sendGrantReportReminders } from '#app/services/grants/grant-reminders.server.ts'
import { addUserToOrg } from '#tests/support/factories.ts'
import { raceTest, withTestDatabase } from '#tests/support/database.ts'
import { awardedGrant as awardedGrantOf } from '#tests/support/grants.ts'

withTestDatabase()

/** The worked grant of these tests: from 2027-01-01 for a year. */
const awardedGrant = (amountMinor = 10_000_00) =>
  awardedGrantOf({ amountMinor, startsOn: '2027-01-01' })

const paymentsOf = (grantId: string) =>
  db()
    .select()
    .from(grantDisbursements)
    .where(eq(grantDisbursements.grantId, grantId))
    .orderBy(grantDisbursements.dueOn)

const milestonesOf = (grantId: string) =>
  db().select().from(grantMilestones).where(eq(grantMilestones.grantId, grantId))

describe('the schedule editor', () => {
  it('reshapes the schedule into two payments, audited', async () => {
    const { grantId, officer } = await awardedGrant()
    const result = await saveSchedule(officer, grantId, {
      terms: { startsOn: '2027-01-01', endsOn: '2027-12-31' },
      payments: [
        { dueOn: '2027-01-15', amountMinor: 6_000_00 },
        { dueOn: '2027-07-01', amountMinor: 4_000_00 },
      ],
    })
    expect(result.ok).toBe(true)
    expect((await paymentsOf(grantId)).map((p) => [p.dueOn, p.amountMinor])).toEqual([
      ['2027-01-15', 6_000_00],
      ['2027-07-01', 4_000_00],
    ])
    const audit = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, grantId), eq(auditLog.action, 'grant.schedule_changed')))
    expect(audit).toHaveLength(1)
  })

  it('refuses a schedule that does not sum to the award, changing nothing', async () => {
    const { grantId, officer } = await awardedGrant()
    const before = await paymentsOf(grantId)
    const result = await saveSchedule(officer, grantId, {
      terms: { startsOn: '2027-01-01', endsOn: '2027-12-31' },
      payments: [{ dueOn: '2027-01-15', amountMinor: 9_000_00 }],
    })
    expect(result).toMatchObject({ ok: false, message: 'grants:refusals.scheduleInvalid' })
    expect(await paymentsOf(grantId)).toEqual(before)
  })

  it('keeps paid payments and counts them in the total', async () => {
    const { grantId, officer } = await awardedGrant()
    await saveSchedule(officer, grantId, {
      terms: { startsOn: '2027-01-01', endsOn: '2027-12-31' },
      payments: [
        { dueOn: '2027-01-01', amountMinor: 5_000_00 },
        { dueOn: '2027-06-01', amountMinor: 5_000_00 },
      ],
    })
    const [first] = await paymentsOf(grantId)
    expect((await markDisbursementPaid(officer, grantId, first!.id)).ok).toBe(true)
    // The remaining 5,000 in two lines: the paid one stays as it was.
    const result = await saveSchedule(officer, grantId, {
      terms: { startsOn: '2027-01-01', endsOn: '2027-12-31' },
      payments: [
        { dueOn: '2027-06-01', amountMinor: 2_500_00 },
        { dueOn: '2027-09-01', amountMinor: 2_500_00 },
      ],
    })
    expect(result.ok).toBe(true)
    const payments = await paymentsOf(grantId)
    expect(payments.map((p) => [p.status, p.amountMinor])).toEqual([
      ['paid', 5_000_00],
      ['scheduled', 2_500_00],
      ['scheduled', 2_500_00],
    ])
  })

  it('refuses someone outside the funder, and a member without an officer role', async () => {
    const { s, grantId, grantee } = await awardedGrant()
    const input = {
      terms: { startsOn: '2027-01-01', endsOn: '2027-12-31' },
      payments: [{ dueOn: '2027-02-01', amountMinor: 10_000_00 }],
    }
    expect(await saveSchedule(grantee, grantId, input)).toMatchObject({ ok: false, status: 404 })
    const reviewer = await addUserToOrg(s, 'reviewer')
    expect(await saveSchedule({ id: reviewer.id }, grantId, input)).toMatchObject({
      ok: false,
      status: 403,
    })
    expect((await paymentsOf(grantId))[0]!.dueOn).toBe('2027-01-01')
  })
})

describe('milestones', () => {
  it('are added, changed and removed; one with a report cannot be removed', async () => {
    const { grantId, officer, grantee } = await awardedGrant()
    const added = await saveMilestone(officer, grantId, {
      dueOn: '2027-07-01',
      title: 'Mid-year report',
      ask: 'How is it going?',
    })
    if (!added.ok) throw new Error('not added')
    const changed = await saveMilestone(officer, grantId, {
      milestoneId: added.milestoneId,
      dueOn: '2027-07-15',
      title: 'Mid-year report',
      ask: '',
    })
    expect(changed.ok).toBe(true)
    expect((await milestonesOf(grantId)).find((m) => m.id === added.milestoneId)!.dueOn).toBe(
      '2027-07-15',
    )
    await submitReport(grantee, grantId, {
      milestoneId: added.milestoneId,
      body: 'We started.',
      figures: {},
    })
    expect(await removeMilestone(officer, grantId, added.milestoneId)).toMatchObject({
      ok: false,
      message: 'grants:refusals.milestoneReported',
    })
    const [final] = (await milestonesOf(grantId)).filter((m) => m.id !== added.milestoneId)
    expect((await removeMilestone(officer, grantId, final!.id)).ok).toBe(true)
    expect(await milestonesOf(grantId)).toHaveLength(1)
  })
})

describe('reports', () => {
  it('go submitted → changes asked → resubmitted → accepted, with history and notices', async () => {
    const { grantId, officer, grantee } = await awardedGrant()
    const [milestone] = await milestonesOf(grantId)
    const first = await submitReport(grantee, grantId, {
      milestoneId: milestone!.id,
      body: 'We reached people.',
      figures: { peopleReached: 120 },
    })
    if (!first.ok) throw new Error('not submitted')
    expect(
      await submitReport(grantee, grantId, { milestoneId: milestone!.id, body: 'x', figures: {} }),
    ).toMatchObject({ ok: false, message: 'grants:refusals.reportAwaitingReview' })
    const officerNotices = await db()
      .select()
      .from(notifications)
      .where(
        and(eq(notifications.userId, officer.id), eq(notifications.kind, 'grant-report-submitted')),
      )
    expect(officerNotices).toHaveLength(1)

    expect(
      (
        await reviewReport(officer, grantId, {
          reportId: first.reportId,
          decision: 'changes',
          message: 'Please add what the money paid for.',
        })
      ).ok,
    ).toBe(true)
    expect(
      await reviewReport(officer, grantId, { reportId: first.reportId, decision: 'accept' }),
    ).toMatchObject({ ok: false, message: 'grants:refusals.reportAlreadyReviewed' })
    const second = await submitReport(grantee, grantId, {
      milestoneId: milestone!.id,
      body: 'We reached people; the money paid for outreach workers.',
      figures: { peopleReached: 120 },
    })
    if (!second.ok) throw new Error('not resubmitted')
    // The payment is not made yet: accepting the final report does not complete the grant.
    const accepted = await reviewReport(officer, grantId, {
      reportId: second.reportId,
      decision: 'accept',
    })
    expect(accepted).toMatchObject({ ok: true, completed: false })
    const history = await db()
      .select()
      .from(grantReports)
      .where(eq(grantReports.milestoneId, milestone!.id))
      .orderBy(grantReports.submittedAt)
    expect(history.map((r) => r.status)).toEqual(['changes_requested', 'accepted'])
    const granteeNotices = await db()
      .select({ kind: notifications.kind })
      .from(notifications)
      .where(eq(notifications.userId, grantee.id))
    expect(granteeNotices.map((n) => n.kind).sort()).toEqual([
      'grant-report-accepted',
      'grant-report-changes',
    ])
    // The last payment made: the grant is completed.
    const [payment] = await paymentsOf(grantId)
    expect((await markDisbursementPaid(officer, grantId, payment!.id)).ok).toBe(true)
    const [grant] = await db().select().from(grants).where(eq(grants.id, grantId))
    expect(grant!.status).toBe('completed')
  })

  it('refuse a person outside the grantee, and the funder reviewing its own', async () => {
    const { grantId, officer, grantee } = await awardedGrant()
    const [milestone] = await milestonesOf(grantId)
    const input = { milestoneId: milestone!.id, body: 'Report', figures: {} }
    expect(await submitReport(officer, grantId, input)).toMatchObject({ ok: false, status: 404 })
    const submitted = await submitReport(grantee, grantId, input)
    if (!submitted.ok) throw new Error('not submitted')
    expect(
      await reviewReport(grantee, grantId, { reportId: submitted.reportId, decision: 'accept' }),
    ).toMatchObject({ ok: false, status: 404 })
  })
})

describe('payments', () => {
  it('are paid once, audited, and the grantee told', async () => {
    const { grantId, officer, grantee } = await awardedGrant()
    const [payment] = await paymentsOf(grantId)
    expect((await markDisbursementPaid(officer, grantId, payment!.id)).ok).toBe(true)
    expect(await markDisbursementPaid(officer, grantId, payment!.id)).toMatchObject({
      ok: false,
      message: 'grants:refusals.alreadyPaid',
    })
    const audit = await db().select().from(auditLog).where(eq(auditLog.entityId, payment!.id))
    expect(audit.map((a) => a.action)).toEqual(['grant_disbursement.paid'])
    const told = await db()
      .select()
      .from(notifications)
      .where(
        and(eq(notifications.userId, grantee.id), eq(notifications.kind, 'grant-payment-made')),
      )
    expect(told).toHaveLength(1)
  })

  it('refuses a held payment until released, and the grantee marking it paid', async () => {
    const { grantId, officer, grantee } = await awardedGrant()
    const [payment] = await paymentsOf(grantId)
    expect(await markDisbursementPaid(grantee, grantId, payment!.id)).toMatchObject({
      ok: false,
      status: 404,
    })
    expect((await holdDisbursement(officer, grantId, payment!.id, 'Report overdue')).ok).toBe(true)
    expect(await markDisbursementPaid(officer, grantId, payment!.id)).toMatchObject({
      ok: false,
      message: 'grants:refusals.held',
    })
    expect((await paymentsOf(grantId))[0]).toMatchObject({ status: 'held', paidAt: null })
    expect((await releaseDisbursement(officer, grantId, payment!.id)).ok).toBe(true)
    expect((await markDisbursementPaid(officer, grantId, payment!.id)).ok).toBe(true)
  })

  it('of a cancelled grant are cancelled and cannot be paid', async () => {
    const { grantId, officer } = await awardedGrant()
    const [payment] = await paymentsOf(grantId)
    expect((await cancelGrant(officer, grantId, 'The group dissolved')).ok).toBe(true)
    expect((await paymentsOf(grantId))[0]!.status).toBe('cancelled')
    expect(await markDisbursementPaid(officer, grantId, payment!.id)).toMatchObject({
      ok: false,
      message: 'grants:refusals.paymentCancelled',
    })
    expect(await cancelGrant(officer, grantId, 'again')).toMatchObject({
      ok: false,
      message: 'grants:refusals.notActive',
    })
  })

  raceTest('two clicks at once pay once', async () => {
    const { grantId, officer } = await awardedGrant()
    const [payment] = await paymentsOf(grantId)
    const results = await Promise.all([
      markDisbursementPaid(officer, grantId, payment!.id),
      markDisbursementPaid(officer, grantId, payment!.id),
    ])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.find((r) => !r.ok)).toMatchObject({ message: 'grants:refusals.alreadyPaid' })
    const audit = await db()
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.entityId, payment!.id), eq(auditLog.action, 'grant_disbursement.paid')),
      )
    expect(audit).toHaveLength(1)
  })
})

describe('report reminders', () => {
  it('remind once before the due day and once after it, never twice', async () => {
    const { grantId, grantee } = await awardedGrant()
    const [milestone] = await milestonesOf(grantId)
    // Final report due 2028-01-30 (a year from 2027-01-01, plus 30 days).
    const dueSoon = new Date(`${milestone!.dueOn}T12:00:00Z`)
    dueSoon.setUTCDate(dueSoon.getUTCDate() - 10)
    await sendGrantReportReminders(dueSoon)
    await sendGrantReportReminders(dueSoon)
    const late = new Date(`${milestone!.dueOn}T12:00:00Z`)
    late.setUTCDate(late.getUTCDate() + 2)
    await sendGrantReportReminders(late)
    await sendGrantReportReminders(late)
    const kinds = await db()
      .select({ kind: notifications.kind })
      .from(notifications)
      .where(eq(notifications.userId, grantee.id))
    expect(kinds.map((k) => k.kind).sort()).toEqual(['grant-report-due', 'grant-report-overdue'])
  })
})
