import { sql } from 'drizzle-orm'
import {
  bigint,
  check,
  doublePrecision,
  index,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { DECISION_OUTCOMES, type SharedComment } from '#app/domain/review/decisions.ts'
import { applications } from './applications.ts'
import { id } from './columns.ts'
import { programs } from './programs.ts'
import { users } from './users.ts'

export const decisionOutcome = pgEnum('decision_outcome', DECISION_OUTCOMES)

/**
 * The panel's consensus on an application's overall score (0–100), recorded by an officer once
 * every active review is in. `original` is the reviewers' weighted mean when it was recorded;
 * `override` the officer's figure, allowed only with a written reason. One row per application
 * (recording again replaces it; every recording is audited with the one before).
 */
export const consensusScores = pgTable(
  'consensus_scores',
  {
    id: id(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    original: doublePrecision('original').notNull(),
    override: doublePrecision('override'),
    reason: text('reason').notNull().default(''),
    recordedByUserId: uuid('recorded_by_user_id').references(() => users.id, {
      onDelete: 'set null',
    }),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' })
      .notNull()
      .defaultNow(),
  },
  (t) => [
    uniqueIndex('consensus_scores_application_key').on(t.applicationId),
    check('consensus_scores_override_has_reason', sql`${t.override} IS NULL OR ${t.reason} <> ''`),
    check(
      'consensus_scores_on_scale',
      sql`${t.original} BETWEEN 0 AND 100 AND (${t.override} IS NULL OR ${t.override} BETWEEN 0 AND 100)`,
    ),
  ],
)

/**
 * The funder's decision on an application: an award with its amount, or a decline with the
 * feedback the group reads and the reviewer comments the officer chose to share (copied, without
 * their reviewers). One per application, enforced here so two officers cannot both decide.
 */
export const applicationDecisions = pgTable(
  'application_decisions',
  {
    id: id(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    outcome: decisionOutcome('outcome').notNull(),
    amountMinor: bigint('amount_minor', { mode: 'number' }),
    feedback: text('feedback').notNull().default(''),
    sharedComments: jsonb('shared_comments').$type<SharedComment[]>().notNull().default([]),
    decidedByUserId: uuid('decided_by_user_id').references(() => users.id, {
      onDelete: 'set null',
    }),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('application_decisions_application_key').on(t.applicationId),
    // The program's awarded total, summed under the program's row lock at every award.
    index('application_decisions_program_idx').on(t.programId, t.outcome),
    check(
      'application_decisions_amount_matches_outcome',
      sql`CASE ${t.outcome} WHEN 'award' THEN ${t.amountMinor} > 0 ELSE ${t.amountMinor} IS NULL END`,
    ),
    check(
      'application_decisions_decline_has_feedback',
      sql`${t.outcome} = 'award' OR ${t.feedback} <> ''`,
    ),
  ],
)

export type ConsensusScore = typeof consensusScores.$inferSelect
export type ApplicationDecision = typeof applicationDecisions.$inferSelect
