import { sql } from 'drizzle-orm'
import {
  bigint,
  check,
  integer,
  jsonb,
  date,
  index,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import {
  DISBURSEMENT_STATUSES,
  GRANT_STATUSES,
  REPORT_STATUSES,
  type ReportFigures,
} from '#app/domain/grants/grant-states.ts'
import { applications } from './applications.ts'
import { createdAt, id, updatedAt } from './columns.ts'
import { organizations } from './organizations.ts'
import { funds, programs } from './programs.ts'
import { users } from './users.ts'

export const grantStatus = pgEnum('grant_status', GRANT_STATUSES)
export const disbursementStatus = pgEnum('disbursement_status', DISBURSEMENT_STATUSES)
export const reportStatus = pgEnum('grant_report_status', REPORT_STATUSES)

/**
 * Money awarded to a group from an awarded application: at most one grant per application. The
 * fund, program and organisation repeat the application's, so a fund's or a group's grants are
 * read by index. Amounts are integer minor units of the fund's currency. Dates are calendar days
 * in the program's time zone.
 */
export const grants = pgTable(
  'grants',
  {
    id: id(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    fundId: uuid('fund_id')
      .notNull()
      .references(() => funds.id),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    status: grantStatus('status').notNull().default('active'),
    /** Why a grant was cancelled (required then). */
    cancelReason: text('cancel_reason'),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, {
      onDelete: 'set null',
    }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('grants_application_key').on(t.applicationId),
    index('grants_organization_idx').on(t.organizationId, t.createdAt),
    index('grants_program_idx').on(t.programId, t.status),
    index('grants_fund_idx').on(t.fundId, t.status),
    check('grants_amount_positive', sql`${t.amountMinor} > 0`),
    check('grants_starts_before_ends', sql`${t.startsOn} <= ${t.endsOn}`),
    check(
      'grants_cancelled_has_reason',
      sql`(${t.status} = 'cancelled') = (${t.cancelReason} IS NOT NULL AND ${t.cancelReason} <> '')`,
    ),
  ],
)

/**
 * One dated payment of a grant. While a grant is not cancelled its payments sum to its amount:
 * the database checks that at commit (the deferred trigger `grant_disbursements_sum_to_award` in
 * the migration), so a schedule can be rewritten inside one transaction but never left unequal.
 */
export const grantDisbursements = pgTable(
  'grant_disbursements',
  {
    id: id(),
    grantId: uuid('grant_id')
      .notNull()
      .references(() => grants.id, { onDelete: 'cascade' }),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    status: disbursementStatus('status').notNull().default('scheduled'),
    holdReason: text('hold_reason'),
    paidAt: timestamp('paid_at', { withTimezone: true, mode: 'date' }),
    paidByUserId: uuid('paid_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('grant_disbursements_grant_idx').on(t.grantId, t.dueOn),
    // Payments coming due across the platform (reminders, the fund's cash forecast).
    index('grant_disbursements_due_idx').on(t.status, t.dueOn),
    check('grant_disbursements_amount_positive', sql`${t.amountMinor} > 0`),
    check(
      'grant_disbursements_paid_at_matches',
      sql`(${t.status} = 'paid') = (${t.paidAt} IS NOT NULL)`,
    ),
    check(
      'grant_disbursements_held_has_reason',
      sql`(${t.status} = 'held') = (${t.holdReason} IS NOT NULL AND ${t.holdReason} <> '')`,
    ),
  ],
)

/** A report the grantee owes by a date, and what it should tell. */
export const grantMilestones = pgTable(
  'grant_milestones',
  {
    id: id(),
    grantId: uuid('grant_id')
      .notNull()
      .references(() => grants.id, { onDelete: 'cascade' }),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    title: text('title').notNull(),
    /** What the report is asked to cover, in the funder's words. */
    ask: text('ask').notNull().default(''),
    /** When the "due soon" and "overdue" reminders went out: each once per milestone. */
    dueSoonRemindedAt: timestamp('due_soon_reminded_at', { withTimezone: true, mode: 'date' }),
    overdueRemindedAt: timestamp('overdue_reminded_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('grant_milestones_grant_idx').on(t.grantId, t.dueOn),
    index('grant_milestones_due_idx').on(t.dueOn),
    check('grant_milestones_title_not_empty', sql`${t.title} <> ''`),
  ],
)

/**
 * One submission of a milestone's report. A revision after "changes requested" is a new row, so
 * the history stays as each side read it; at most one submission per milestone awaits review.
 */
export const grantReports = pgTable(
  'grant_reports',
  {
    id: id(),
    milestoneId: uuid('milestone_id')
      .notNull()
      .references(() => grantMilestones.id, { onDelete: 'restrict' }),
    grantId: uuid('grant_id')
      .notNull()
      .references(() => grants.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    figures: jsonb('figures').$type<ReportFigures>().notNull().default({}),
    status: reportStatus('status').notNull().default('submitted'),
    submittedByUserId: uuid('submitted_by_user_id').references(() => users.id, {
      onDelete: 'set null',
    }),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' })
      .notNull()
      .defaultNow(),
    reviewedByUserId: uuid('reviewed_by_user_id').references(() => users.id, {
      onDelete: 'set null',
    }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true, mode: 'date' }),
    reviewMessage: text('review_message'),
  },
  (t) => [
    index('grant_reports_milestone_idx').on(t.milestoneId, t.submittedAt),
    index('grant_reports_grant_idx').on(t.grantId),
    uniqueIndex('grant_reports_one_pending')
      .on(t.milestoneId)
      .where(sql`status = 'submitted'`),
    check('grant_reports_body_not_empty', sql`${t.body} <> ''`),
    check(
      'grant_reports_reviewed_matches',
      sql`(${t.status} = 'submitted') = (${t.reviewedAt} IS NULL)`,
    ),
  ],
)

/** A file given with a report (stored like application attachments). */
export const grantReportFiles = pgTable(
  'grant_report_files',
  {
    id: id(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => grantReports.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedByUserId: uuid('uploaded_by_user_id').references(() => users.id, {
      onDelete: 'set null',
    }),
    createdAt: createdAt(),
  },
  (t) => [index('grant_report_files_report_idx').on(t.reportId)],
)

export type Grant = typeof grants.$inferSelect
export type GrantDisbursement = typeof grantDisbursements.$inferSelect
export type GrantMilestone = typeof grantMilestones.$inferSelect
export type GrantReport = typeof grantReports.$inferSelect
export type GrantReportFile = typeof grantReportFiles.$inferSelect
