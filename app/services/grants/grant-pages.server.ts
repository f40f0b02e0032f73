import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm'
import { db } from '#db/client.server.ts'
import {
  funds,
  grantDisbursements,
  grantMilestones,
  grantReports,
  grants,
  organizations,
  programs,
  users,
} from '#db/schema/index.ts'
import {
  GRANT_STATUSES,
  milestoneState,
  type GrantStatus,
  type ReportFigures,
} from '#app/domain/grants/grant-states.ts'
import { programToday, type GrantInContext } from './grant-access.server.ts'
import { reportFilesOf } from './grant-report-files.server.ts'
import { inKindOfApplications } from '#app/services/engagements/in-kind.server.ts'

export const GRANTS_PAGE_SIZE = 50

export interface GrantListFilter {
  programId?: string
  status?: GrantStatus
  page: number
}

export const isGrantStatus = (v: string | undefined): v is GrantStatus =>
  (GRANT_STATUSES as readonly string[]).includes(v ?? '')

/**
 * Grants as a list: the funder's (`funderId`) or a group's (`organizationId`), newest first, each
 * with its next payment, its next report still owed and whether that report is overdue (its day
 * passed in the program's zone). One query; the next payment and report are read by index.
 */
export async function listGrants(
  owner: { funderId: string } | { organizationId: string },
  filter: GrantListFilter,
) {
  const conditions: (SQL | undefined)[] = [
    'funderId' in owner
      ? eq(funds.organizationId, owner.funderId)
      : eq(grants.organizationId, owner.organizationId),
    filter.programId ? eq(grants.programId, filter.programId) : undefined,
    filter.status ? eq(grants.status, filter.status) : undefined,
  ]
  const rows = await db()
    .select({
      id: grants.id,
      organizationName: organizations.name,
      programTitle: programs.title,
      amountMinor: grants.amountMinor,
      currency: funds.currency,
      status: grants.status,
      startsOn: grants.startsOn,
      endsOn: grants.endsOn,
      nextPaymentOn: sql<string | null>`(SELECT min(d.due_on)::text FROM ${grantDisbursements} d
        WHERE d.grant_id = ${grants.id} AND d.status IN ('scheduled', 'held'))`,
      nextReportOn: sql<string | null>`(SELECT min(m.due_on)::text FROM ${grantMilestones} m
        WHERE m.grant_id = ${grants.id} AND NOT EXISTS (
          SELECT 1 FROM ${grantReports} r
          WHERE r.milestone_id = m.id AND r.status IN ('submitted', 'accepted')))`,
      today: sql<string>`(now() AT TIME ZONE ${programs.timeZone})::date::text`,
    })
    .from(grants)
    .innerJoin(programs, eq(programs.id, grants.programId))
    .innerJoin(funds, eq(funds.id, grants.fundId))
    .innerJoin(organizations, eq(organizations.id, grants.organizationId))
    .where(and(...conditions))
    .orderBy(desc(grants.createdAt), desc(grants.id))
    .limit(GRANTS_PAGE_SIZE + 1)
    .offset((filter.page - 1) * GRANTS_PAGE_SIZE)
  return {
    rows: rows.slice(0, GRANTS_PAGE_SIZE).map(({ today, ...row }) => ({
      ...row,
      reportOverdue:
        row.status === 'active' && row.nextReportOn !== null && row.nextReportOn < today,
    })),
    hasNext: rows.length > GRANTS_PAGE_SIZE,
  }
}

/** The funder's programs that have grants, for the list's filter. */
export async function programsWithGrants(funderId: string) {
  return db()
    .selectDistinct({ id: programs.id, title: programs.title })
    .from(grants)
    .innerJoin(programs, eq(programs.id, grants.programId))
    .innerJoin(funds, eq(funds.id, grants.fundId))
    .where(eq(funds.organizationId, funderId))
    .orderBy(asc(programs.title))
    .limit(500)
}

/**
 * Everything a grant's page shows: its payments, and its milestones each with the history of
 * reports (newest first) and where it stands today in the program's zone.
 */
export async function readGrant(found: GrantInContext) {
  const grantId = found.grant.id
  const [payments, milestones, reports, files, today] = await Promise.all([
    db()
      .select()
      .from(grantDisbursements)
      .where(eq(grantDisbursements.grantId, grantId))
      .orderBy(asc(grantDisbursements.dueOn), asc(grantDisbursements.createdAt)),
    db()
      .select()
      .from(grantMilestones)
      .where(eq(grantMilestones.grantId, grantId))
      .orderBy(asc(grantMilestones.dueOn), asc(grantMilestones.createdAt)),
    db()
      .select({
        id: grantReports.id,
        milestoneId: grantReports.milestoneId,
        body: grantReports.body,
        figures: grantReports.figures,
        status: grantReports.status,
        submittedAt: grantReports.submittedAt,
        submittedBy: users.name,
        reviewedAt: grantReports.reviewedAt,
        reviewMessage: grantReports.reviewMessage,
      })
      .from(grantReports)
      .leftJoin(users, eq(users.id, grantReports.submittedByUserId))
      .where(eq(grantReports.grantId, grantId))
      .orderBy(desc(grantReports.submittedAt)),
    reportFilesOf(grantId),
    programToday(db(), found.program.timeZone),
  ])
  const paid = payments.filter((p) => p.status === 'paid').reduce((s, p) => s + p.amountMinor, 0)
  return {
    today,
    paidMinor: paid,
    payments: payments.map((p) => ({
      id: p.id,
      dueOn: p.dueOn,
      amountMinor: p.amountMinor,
      status: p.status,
      holdReason: p.holdReason,
      paidAt: p.paidAt?.toISOString() ?? null,
    })),
    milestones: milestones.map((m) => {
      const history = reports
        .filter((r) => r.milestoneId === m.id)
        .map((r) => ({
          ...r,
          figures: r.figures as ReportFigures,
          files: files
            .filter((f) => f.reportId === r.id)
            .map((f) => ({ id: f.id, fileName: f.fileName, sizeBytes: f.sizeBytes })),
          submittedAt: r.submittedAt.toISOString(),
          reviewedAt: r.reviewedAt?.toISOString() ?? null,
        }))
      return {
        id: m.id,
        dueOn: m.dueOn,
        title: m.title,
        ask: m.ask,
        state: milestoneState(m.dueOn, history[0]?.status ?? null, today),
        reports: history,
      }
    }),
  }
}

/** What both sides' grant pages load: the grant, its facts for GrantFacts, and readGrant. */
export async function grantPage(found: GrantInContext) {
  const view = await readGrant(found)
  const { grant } = found
  return {
    grant: { id: grant.id, status: grant.status, amountMinor: grant.amountMinor },
    currency: found.currency,
    facts: {
      organizationName: found.organizationName,
      funderName: found.funderName,
      programTitle: found.program.title,
      amountMinor: grant.amountMinor,
      paidMinor: view.paidMinor,
      inKind: await inKindOfApplications([grant.applicationId]),
      currency: found.currency,
      startsOn: grant.startsOn,
      endsOn: grant.endsOn,
      status: grant.status,
      cancelReason: grant.cancelReason,
    },
    ...view,
  }
}
