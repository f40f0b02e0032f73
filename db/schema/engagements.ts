import { sql } from 'drizzle-orm'
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import {
  CHECK_IN_PROGRESS,
  ENGAGEMENT_STATUSES,
  HOURS_STATUSES,
  PROPOSERS,
} from '#app/domain/engagements/engagement-status.ts'
import { createdAt, id, updatedAt } from './columns.ts'
import { users } from './users.ts'
import { volunteerProfiles, volunteerRequests } from './volunteers.ts'

export const engagementStatus = pgEnum('engagement_status', ENGAGEMENT_STATUSES)
export const engagementProposer = pgEnum('engagement_proposer', PROPOSERS)
export const volunteerHoursStatus = pgEnum('volunteer_hours_status', HOURS_STATUSES)
export const checkInProgress = pgEnum('check_in_progress', CHECK_IN_PROGRESS)

/**
 * A volunteer working on a group's request: proposed by either side, answered by the other within
 * `respond_by`, then accepted → active → completed (or cancelled with a reason). At most one open
 * proposal (or live engagement) per request and volunteer, so a second offer cannot pile up.
 */
export const volunteerEngagements = pgTable(
  'volunteer_engagements',
  {
    id: id(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => volunteerRequests.id, { onDelete: 'cascade' }),
    profileId: uuid('profile_id')
      .notNull()
      .references(() => volunteerProfiles.id, { onDelete: 'cascade' }),
    proposedBy: engagementProposer('proposed_by').notNull(),
    proposedByUserId: uuid('proposed_by_user_id').references(() => users.id, {
      onDelete: 'set null',
    }),
    message: text('message').notNull().default(''),
    status: engagementStatus('status').notNull().default('proposed'),
    respondBy: timestamp('respond_by', { withTimezone: true, mode: 'date' })
      .notNull()
      .default(sql`now() + interval '5 days'`),
    responseMessage: text('response_message').notNull().default(''),
    respondedByUserId: uuid('responded_by_user_id').references(() => users.id, {
      onDelete: 'set null',
    }),
    respondedAt: timestamp('responded_at', { withTimezone: true, mode: 'date' }),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }),
    completedAt: timestamp('completed_at', { withTimezone: true, mode: 'date' }),
    cancelReason: text('cancel_reason'),
    handoffNote: text('handoff_note'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('volunteer_engagements_request_idx').on(t.requestId, t.status),
    index('volunteer_engagements_profile_idx').on(t.profileId, t.status),
    index('volunteer_engagements_respond_by_idx')
      .on(t.respondBy)
      .where(sql`${t.status} = 'proposed'`),
    uniqueIndex('volunteer_engagements_open_key')
      .on(t.requestId, t.profileId)
      .where(sql`${t.status} IN ('proposed', 'accepted', 'active')`),
    check(
      'volunteer_engagements_completed_has_handoff',
      sql`${t.status} <> 'completed' OR ${t.handoffNote} IS NOT NULL`,
    ),
    check(
      'volunteer_engagements_cancelled_has_reason',
      sql`${t.status} <> 'cancelled' OR ${t.cancelReason} IS NOT NULL`,
    ),
  ],
)

/**
 * A check-in at an agreed date: is the work on track? A scheduled one has `due_on` (agreed when the
 * work is accepted or started) and is recorded later (`checked_on`, `progress`, note); one recorded
 * with nothing due has no `due_on`. The hourly job claims `due_reminded_at` and
 * `overdue_reminded_at` so each reminder goes once.
 */
export const engagementCheckins = pgTable(
  'engagement_checkins',
  {
    id: id(),
    engagementId: uuid('engagement_id')
      .notNull()
      .references(() => volunteerEngagements.id, { onDelete: 'cascade' }),
    dueOn: date('due_on', { mode: 'string' }),
    checkedOn: date('checked_on', { mode: 'string' }),
    progress: checkInProgress('progress'),
    // Kept for rows from before `progress`: true exactly when progress is on_track.
    onTrack: boolean('on_track'),
    note: text('note').notNull().default(''),
    byUserId: uuid('by_user_id').references(() => users.id, { onDelete: 'set null' }),
    dueRemindedAt: timestamp('due_reminded_at', { withTimezone: true, mode: 'date' }),
    overdueRemindedAt: timestamp('overdue_reminded_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('engagement_checkins_engagement_idx').on(t.engagementId, t.checkedOn),
    index('engagement_checkins_due_idx')
      .on(t.dueOn)
      .where(sql`${t.checkedOn} IS NULL`),
    check(
      'engagement_checkins_due_or_recorded',
      sql`${t.dueOn} IS NOT NULL OR ${t.checkedOn} IS NOT NULL`,
    ),
  ],
)

/** Hours the volunteer logged, in minutes; the group verifies or questions each. */
export const volunteerHours = pgTable(
  'volunteer_hours',
  {
    id: id(),
    engagementId: uuid('engagement_id')
      .notNull()
      .references(() => volunteerEngagements.id, { onDelete: 'cascade' }),
    workedOn: date('worked_on', { mode: 'string' }).notNull(),
    minutes: integer('minutes').notNull(),
    note: text('note').notNull().default(''),
    status: volunteerHoursStatus('status').notNull().default('logged'),
    questionNote: text('question_note'),
    verifiedByUserId: uuid('verified_by_user_id').references(() => users.id, {
      onDelete: 'set null',
    }),
    loggedByUserId: uuid('logged_by_user_id').references(() => users.id, {
      onDelete: 'set null',
    }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('volunteer_hours_engagement_idx').on(t.engagementId, t.workedOn),
    check('volunteer_hours_minutes_range', sql`${t.minutes} BETWEEN 1 AND 1440`),
  ],
)

/**
 * The hourly value of a volunteer's time, per skill (null: the general value), per year, each
 * with its source. In-kind value = verified hours × the request skill's rate, else the general one.
 */
export const inKindRates = pgTable(
  'in_kind_rates',
  {
    id: id(),
    skill: text('skill'),
    rateMinor: integer('rate_minor').notNull(),
    currency: text('currency').notNull().default('usd'),
    year: smallint('year').notNull(),
    source: text('source').notNull(),
    // Who added it (null for the seeded rates and for an account since deleted).
    createdByUserId: uuid('created_by_user_id').references(() => users.id, {
      onDelete: 'set null',
    }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // Append-only: a skill may get a second rate for a year; the newest added wins.
    index('in_kind_rates_skill_year_idx').on(sql`coalesce(${t.skill}, '')`, t.year, t.createdAt),
    check('in_kind_rates_positive', sql`${t.rateMinor} > 0`),
  ],
)

/** Each side's private rating of a completed engagement; never shown publicly. */
export const engagementRatings = pgTable(
  'engagement_ratings',
  {
    id: id(),
    engagementId: uuid('engagement_id')
      .notNull()
      .references(() => volunteerEngagements.id, { onDelete: 'cascade' }),
    side: engagementProposer('side').notNull(),
    stars: smallint('stars').notNull(),
    note: text('note').notNull().default(''),
    byUserId: uuid('by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('engagement_ratings_side_key').on(t.engagementId, t.side),
    check('engagement_ratings_stars', sql`${t.stars} BETWEEN 1 AND 5`),
  ],
)

export type VolunteerEngagement = typeof volunteerEngagements.$inferSelect
export type EngagementCheckIn = typeof engagementCheckins.$inferSelect
export type VolunteerHoursRow = typeof volunteerHours.$inferSelect
