import { sql } from 'drizzle-orm'
import {
  bigint,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { GUARDRAIL_FLAGS } from '#app/domain/review/guardrails.ts'
import { ASSIGNMENT_STATES, REVIEWER_KINDS } from '#app/domain/review/review-states.ts'
import { applications } from './applications.ts'
import { createdAt, id, updatedAt } from './columns.ts'
import { organizations } from './organizations.ts'
import { programs, rubricCriteria } from './programs.ts'
import { users } from './users.ts'

export const reviewerKind = pgEnum('reviewer_kind', REVIEWER_KINDS)
export const assignmentState = pgEnum('assignment_state', ASSIGNMENT_STATES)
export const guardrailFlag = pgEnum('guardrail_flag', GUARDRAIL_FLAGS)

/**
 * A program's review panel: staff reviewers (members of the funder) and community reviewers
 * (people from the communities served, who joined by a panel invitation and have no other access
 * to the funder).
 */
export const panelMembers = pgTable(
  'panel_members',
  {
    id: id(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: reviewerKind('kind').notNull(),
    addedByUserId: uuid('added_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('panel_members_program_user_key').on(t.programId, t.userId),
    // "Which panels am I on": the reviewer's queue and every reviewer page's access check.
    index('panel_members_user_idx').on(t.userId),
  ],
)

/**
 * An invitation onto one program's panel as a community reviewer. Like organisation
 * invitations: a random token in the link, only its SHA-256 stored, accepted while signed in
 * with the invited email; at most one pending per program and email.
 */
export const panelInvitations = pgTable(
  'panel_invitations',
  {
    id: id(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    invitedByUserId: uuid('invited_by_user_id').references(() => users.id, {
      onDelete: 'set null',
    }),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true, mode: 'date' }),
    acceptedByUserId: uuid('accepted_by_user_id').references(() => users.id, {
      onDelete: 'set null',
    }),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    uniqueIndex('panel_invitations_token_hash_key').on(t.tokenHash),
    uniqueIndex('panel_invitations_pending_email_key')
      .on(t.programId, t.email)
      .where(sql`${t.acceptedAt} IS NULL AND ${t.revokedAt} IS NULL`),
    check('panel_invitations_email_lower_case', sql`${t.email} = lower(${t.email})`),
  ],
)

/** Organisations a reviewer is tied to (works for, sits on the board of…): never assigned theirs. */
export const reviewerTies = pgTable(
  'reviewer_ties',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.organizationId] })],
)

/**
 * People an applicant asked not to be reviewed by, by name or email (honoured silently: the
 * reviewer never learns of it). Matched against panel members' emails (lower case) and names.
 */
export const reviewExclusions = pgTable(
  'review_exclusions',
  {
    id: id(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    name: text('name').notNull().default(''),
    email: text('email').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [
    index('review_exclusions_application_idx').on(t.applicationId),
    check('review_exclusions_email_lower_case', sql`${t.email} = lower(${t.email})`),
    check('review_exclusions_names_someone', sql`${t.name} <> '' OR ${t.email} <> ''`),
  ],
)

/**
 * One reviewer on one application. `program_id` repeats the application's program so the panel's
 * loads and the officer's progress are read by index without a join.
 */
export const reviewAssignments = pgTable(
  'review_assignments',
  {
    id: id(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    reviewerUserId: uuid('reviewer_user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    state: assignmentState('state').notNull().default('assigned'),
    conflictReason: text('conflict_reason'),
    overallComment: text('overall_comment').notNull().default(''),
    assignedByUserId: uuid('assigned_by_user_id').references(() => users.id, {
      onDelete: 'set null',
    }),
    assignedAt: timestamp('assigned_at', { withTimezone: true, mode: 'date' })
      .notNull()
      .defaultNow(),
    declaredAt: timestamp('declared_at', { withTimezone: true, mode: 'date' }),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('review_assignments_application_reviewer_key').on(
      t.applicationId,
      t.reviewerUserId,
    ),
    index('review_assignments_program_reviewer_idx').on(t.programId, t.reviewerUserId, t.state),
    index('review_assignments_reviewer_idx').on(t.reviewerUserId, t.state),
    check(
      'review_assignments_conflict_has_reason',
      sql`(${t.state} = 'conflict') = (${t.conflictReason} IS NOT NULL AND ${t.conflictReason} <> '')`,
    ),
    check(
      'review_assignments_submitted_at_matches_state',
      sql`(${t.state} = 'submitted') = (${t.submittedAt} IS NOT NULL)`,
    ),
    check(
      'review_assignments_declared_before_work',
      sql`${t.state} = 'assigned' OR ${t.declaredAt} IS NOT NULL`,
    ),
  ],
)

/** A reviewer's level on one criterion (1..the criterion's max, checked by the service). */
export const reviewScores = pgTable(
  'review_scores',
  {
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => reviewAssignments.id, { onDelete: 'cascade' }),
    criterionId: uuid('criterion_id')
      .notNull()
      .references(() => rubricCriteria.id, { onDelete: 'cascade' }),
    /** Null while only a comment is saved. */
    level: integer('level'),
    comment: text('comment').notNull().default(''),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.assignmentId, t.criterionId] }),
    index('review_scores_criterion_idx').on(t.criterionId),
    check('review_scores_level_positive', sql`${t.level} >= 1`),
  ],
)

/** The funder's notes on an application: never shown to the group. */
export const internalNotes = pgTable(
  'internal_notes',
  {
    id: id(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    authorUserId: uuid('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('internal_notes_application_idx').on(t.applicationId, t.createdAt),
    check('internal_notes_body_not_empty', sql`${t.body} <> ''`),
  ],
)

/**
 * A program's equity guardrails: at least `min_basis_points` (hundredths of a percent) of the
 * awarded dollars go to applications carrying `flag`. One per program and flag; none stored, no
 * guardrail.
 */
export const programGuardrails = pgTable(
  'program_guardrails',
  {
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    flag: guardrailFlag('flag').notNull(),
    minBasisPoints: integer('min_basis_points').notNull(),
    updatedByUserId: uuid('updated_by_user_id').references(() => users.id, {
      onDelete: 'set null',
    }),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.programId, t.flag] }),
    // 0–100.00% (MAX_BASIS_POINTS).
    check('program_guardrails_share_range', sql`${t.minBasisPoints} BETWEEN 0 AND 10000`),
  ],
)

/**
 * The officer's partial award for an application: what the proposal funds it with instead of the
 * amount requested (at most that, at least the program's minimum award: checked by the service,
 * as the request may still change while the group is asked for changes).
 */
export const proposedAmounts = pgTable(
  'proposed_amounts',
  {
    applicationId: uuid('application_id')
      .primaryKey()
      .references(() => applications.id, { onDelete: 'cascade' }),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    proposedAmountMinor: bigint('proposed_amount_minor', { mode: 'number' }).notNull(),
    setByUserId: uuid('set_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('proposed_amounts_program_idx').on(t.programId),
    check('proposed_amounts_positive', sql`${t.proposedAmountMinor} > 0`),
  ],
)

export type ProgramGuardrail = typeof programGuardrails.$inferSelect
export type PanelMember = typeof panelMembers.$inferSelect
export type ReviewAssignment = typeof reviewAssignments.$inferSelect
export type ReviewScore = typeof reviewScores.$inferSelect
