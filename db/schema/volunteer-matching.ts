import { sql } from 'drizzle-orm'
import {
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import type { MatchReason } from '#app/domain/volunteers/reasons.ts'
import {
  SUGGESTION_RUN_PHASES,
  SUGGESTION_RUN_STATUSES,
} from '#app/domain/volunteers/suggestion-runs.ts'
import type { MatchWeights } from '#app/domain/volunteers/weights.ts'
import { createdAt, id } from './columns.ts'
import { users } from './users.ts'
import { workMode } from './applications.ts'
import { skillLevel, travelArea, volunteerProfiles, volunteerRequests } from './volunteers.ts'

/**
 * The platform's one set of matching weights (decision 028), tuned by an admin. A single row
 * (id 1); without it the defaults in code apply, so a fresh database ranks the same way.
 */
export const matchWeightSettings = pgTable(
  'match_weight_settings',
  {
    id: smallint('id').primaryKey().default(1),
    weights: jsonb('weights').$type<MatchWeights>().notNull(),
    updatedByUserId: uuid('updated_by_user_id').references(() => users.id, {
      onDelete: 'set null',
    }),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [check('match_weight_settings_one_row', sql`${t.id} = 1`)],
)

/**
 * A volunteer's acceptance of the data-protection agreement for a request whose work touches
 * community members' personal or health data; only then are its details shown to them.
 */
export const volunteerDataAgreements = pgTable(
  'volunteer_data_agreements',
  {
    profileId: uuid('profile_id')
      .notNull()
      .references(() => volunteerProfiles.id, { onDelete: 'cascade' }),
    requestId: uuid('request_id')
      .notNull()
      .references(() => volunteerRequests.id, { onDelete: 'cascade' }),
    acceptedAt: timestamp('accepted_at', { withTimezone: true, mode: 'date' })
      .notNull()
      .defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.profileId, t.requestId] })],
)

export const suggestionRunStatus = pgEnum(
  'volunteer_suggestion_run_status',
  SUGGESTION_RUN_STATUSES,
)
export const suggestionRunPhase = pgEnum('volunteer_suggestion_run_phase', SUGGESTION_RUN_PHASES)

/**
 * One platform batch "suggest matches" (issue 11; decision 028): queued by an admin (or the
 * nightly schedule, with no one), run by one worker, its phase and counts updated as it goes so the
 * admin page shows progress. At most one run is queued or running at a time (the partial unique
 * index), whichever process asks: a second start is refused while one is live.
 */
export const volunteerSuggestionRuns = pgTable(
  'volunteer_suggestion_runs',
  {
    id: id(),
    status: suggestionRunStatus('status').notNull().default('queued'),
    phase: suggestionRunPhase('phase'),
    startedByUserId: uuid('started_by_user_id').references(() => users.id, {
      onDelete: 'set null',
    }),
    createdAt: createdAt(),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }),
    /** Moved on at every phase and page, so a run whose worker died is seen as stale. */
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true, mode: 'date' }),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
    openRequests: integer('open_requests').notNull().default(0),
    requestsDone: integer('requests_done').notNull().default(0),
    candidatePairs: integer('candidate_pairs').notNull().default(0),
    suggestibleRequests: integer('suggestible_requests').notNull().default(0),
    coveredRequests: integer('covered_requests').notNull().default(0),
    suggestions: integer('suggestions').notNull().default(0),
    objective: doublePrecision('objective'),
    error: text('error'),
  },
  (t) => [
    index('volunteer_suggestion_runs_finished_idx').on(t.status, t.finishedAt),
    // One key for every live run, so a second queued or running one is a unique violation.
    uniqueIndex('volunteer_suggestion_runs_one_live')
      .on(sql`(${t.status} IN ('queued', 'running'))`)
      .where(sql`${t.status} IN ('queued', 'running')`),
    check(
      'volunteer_suggestion_runs_finished_at',
      sql`(${t.status} IN ('finished', 'failed')) = (${t.finishedAt} IS NOT NULL)`,
    ),
  ],
)

/**
 * What a run suggested: each volunteer at most one request (the unique key), with the pair's fit,
 * the equity-weighted score and the reasons (codes and points, worded when shown).
 */
export const volunteerSuggestions = pgTable(
  'volunteer_suggestions',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => volunteerSuggestionRuns.id, { onDelete: 'cascade' }),
    requestId: uuid('request_id')
      .notNull()
      .references(() => volunteerRequests.id, { onDelete: 'cascade' }),
    profileId: uuid('profile_id')
      .notNull()
      .references(() => volunteerProfiles.id, { onDelete: 'cascade' }),
    fit: doublePrecision('fit').notNull(),
    score: doublePrecision('score').notNull(),
    reasons: jsonb('reasons').$type<MatchReason[]>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.runId, t.requestId, t.profileId] }),
    uniqueIndex('volunteer_suggestions_one_per_volunteer').on(t.runId, t.profileId),
  ],
)

export type VolunteerSuggestionRun = typeof volunteerSuggestionRuns.$inferSelect

/**
 * The batch's working copy of who may be suggested: one row per skill of every volunteer who is
 * not paused, with the profile's languages, work mode and county beside it, so that one index
 * range scan finds a request's candidates (by skill and level, or by skill, county and level for
 * on-site work) without a join. Refilled at the start of each run; only the one live run
 * (`volunteer_suggestion_runs_one_live`) writes it. Unlogged: it is rebuilt, never recovered.
 */
export const volunteerSuggestionPool = pgTable(
  'volunteer_suggestion_pool',
  {
    profileId: uuid('profile_id').notNull(),
    skill: text('skill').notNull(),
    level: skillLevel('level').notNull(),
    languages: text('languages').array().notNull(),
    workMode: workMode('work_mode').notNull(),
    placeFips: text('place_fips'),
    travelArea: travelArea('travel_area').notNull(),
  },
  (t) => [
    index('volunteer_suggestion_pool_skill_idx').on(t.skill, t.level, t.profileId),
    index('volunteer_suggestion_pool_place_idx').on(t.skill, t.placeFips, t.level, t.profileId),
  ],
)
