import { sql } from 'drizzle-orm'
import {
  type AnyPgColumn,
  boolean,
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { SKILL_LEVELS } from '#app/domain/skills.ts'
import { REQUEST_STATUSES } from '#app/domain/volunteers/request-status.ts'
import { TRAVEL_AREAS } from '#app/domain/volunteers/travel-area.ts'
import { applications, skillRequests, workMode } from './applications.ts'
import { createdAt, id, updatedAt } from './columns.ts'
import { organizations } from './organizations.ts'
import { places } from './places.ts'
import { users } from './users.ts'

/** Every entry a two-letter ISO 639-1 code. */
const languageCodes = (column: AnyPgColumn) =>
  sql`array_to_string(${column}, ',') ~ '^([a-z]{2}(,|$))*$'`

export const skillLevel = pgEnum('skill_level', SKILL_LEVELS)
export const travelArea = pgEnum('travel_area', TRAVEL_AREAS)
export const volunteerRequestStatus = pgEnum('volunteer_request_status', REQUEST_STATUSES)

/**
 * A person offering pro bono skills; one per user. `languages` are ISO 639-1 codes and `place` a
 * county of the places table (as applications' places are), so matching filters both in SQL.
 */
export const volunteerProfiles = pgTable(
  'volunteer_profiles',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    headline: text('headline').notNull(),
    bio: text('bio').notNull().default(''),
    languages: text('languages')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** IANA zone (checked with Intl when saved); availability windows are read in it. */
    timeZone: text('time_zone').notNull(),
    placeFips: text('place_fips').references(() => places.fips),
    /** How far from their county they go for on-site work (decision 028, "Within area"). */
    travelArea: travelArea('travel_area').notNull().default('same_county'),
    workMode: workMode('work_mode').notNull().default('either'),
    hoursPerMonth: integer('hours_per_month').notNull(),
    /** A paused volunteer keeps the profile but is left out of matching. */
    paused: boolean('paused').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('volunteer_profiles_user_key').on(t.userId),
    index('volunteer_profiles_languages_idx').using('gin', t.languages),
    index('volunteer_profiles_place_idx').on(t.placeFips),
    // On-site filtering: the wider-area volunteers of a set of counties (same state for now).
    index('volunteer_profiles_travel_place_idx').on(t.travelArea, t.placeFips),
    check('volunteer_profiles_hours_range', sql`${t.hoursPerMonth} BETWEEN 1 AND 200`),
    check('volunteer_profiles_language_codes', languageCodes(t.languages)),
  ],
)

/** The skills a volunteer offers, one level each; (skill, level) is what matching filters first. */
export const volunteerSkills = pgTable(
  'volunteer_skills',
  {
    profileId: uuid('profile_id')
      .notNull()
      .references(() => volunteerProfiles.id, { onDelete: 'cascade' }),
    skill: text('skill').notNull(),
    level: skillLevel('level').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.profileId, t.skill] }),
    index('volunteer_skills_skill_level_idx').on(t.skill, t.level),
    // 'other' is for applications' free-form asks; a volunteer offers named skills.
    check('volunteer_skills_named', sql`${t.skill} <> 'other'`),
  ],
)

/** Weekly windows the volunteer can work, in minutes after midnight of the profile's zone. */
export const volunteerAvailability = pgTable(
  'volunteer_availability',
  {
    id: id(),
    profileId: uuid('profile_id')
      .notNull()
      .references(() => volunteerProfiles.id, { onDelete: 'cascade' }),
    weekday: smallint('weekday').notNull(),
    startMinute: smallint('start_minute').notNull(),
    endMinute: smallint('end_minute').notNull(),
  },
  (t) => [
    index('volunteer_availability_profile_idx').on(t.profileId, t.weekday),
    check('volunteer_availability_weekday', sql`${t.weekday} BETWEEN 0 AND 6`),
    check(
      'volunteer_availability_window',
      sql`${t.startMinute} >= 0 AND ${t.startMinute} < ${t.endMinute} AND ${t.endMinute} <= 1440`,
    ),
  ],
)

/**
 * A community group's request for skilled help: posted from a catalogue project type, or made
 * from a skill request its application carried (then `projectType` is null and the application
 * and skill request are kept). Engagements (a later slice) reference it. When the work touches
 * community members' personal or health data, a volunteer accepts a data-protection agreement
 * before seeing the details; when it is in person with vulnerable people, the group may require a
 * background check.
 */
export const volunteerRequests = pgTable(
  'volunteer_requests',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    applicationId: uuid('application_id').references(() => applications.id, {
      onDelete: 'set null',
    }),
    skillRequestId: uuid('skill_request_id').references(() => skillRequests.id, {
      onDelete: 'set null',
    }),
    projectType: text('project_type'),
    skill: text('skill').notNull(),
    minLevel: skillLevel('min_level').notNull().default('some'),
    title: text('title').notNull(),
    goal: text('goal').notNull().default(''),
    deliverable: text('deliverable').notNull().default(''),
    outOfScope: text('out_of_scope').notNull().default(''),
    hours: integer('hours').notNull(),
    pointPersonUserId: uuid('point_person_user_id').references(() => users.id, {
      onDelete: 'set null',
    }),
    deadline: date('deadline', { mode: 'string' }),
    languages: text('languages')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Nice to have beside the required `languages` (the community's, say): scored, not filtered. */
    preferredLanguages: text('preferred_languages')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** IANA zone the group's working hours (volunteer_request_hours) are read in. */
    timeZone: text('time_zone').notNull().default('America/New_York'),
    workMode: workMode('work_mode').notNull().default('either'),
    placeFips: text('place_fips').references(() => places.fips),
    touchesPersonalData: boolean('touches_personal_data').notNull().default(false),
    vulnerableInPerson: boolean('vulnerable_in_person').notNull().default(false),
    backgroundCheckRequired: boolean('background_check_required').notNull().default(false),
    status: volunteerRequestStatus('status').notNull().default('draft'),
    openedAt: timestamp('opened_at', { withTimezone: true, mode: 'date' }),
    /** When the group was prompted to revise it (once per opening). */
    revisePromptedAt: timestamp('revise_prompted_at', { withTimezone: true, mode: 'date' }),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, {
      onDelete: 'set null',
    }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('volunteer_requests_org_idx').on(t.organizationId, t.createdAt),
    index('volunteer_requests_status_skill_idx').on(t.status, t.skill),
    index('volunteer_requests_status_opened_idx').on(t.status, t.openedAt),
    index('volunteer_requests_languages_idx').using('gin', t.languages),
    index('volunteer_requests_place_idx').on(t.placeFips),
    // One request per skill request of an application, however often submission is retried.
    uniqueIndex('volunteer_requests_skill_request_key')
      .on(t.skillRequestId)
      .where(sql`${t.skillRequestId} IS NOT NULL`),
    check('volunteer_requests_hours_range', sql`${t.hours} BETWEEN 1 AND 2000`),
    check(
      'volunteer_requests_not_other_from_catalogue',
      sql`${t.projectType} IS NULL OR ${t.skill} <> 'other'`,
    ),
    check('volunteer_requests_language_codes', languageCodes(t.languages)),
    check('volunteer_requests_preferred_language_codes', languageCodes(t.preferredLanguages)),
    // A draft was never opened; open, matched and expired ones were (a closed one may be either).
    check(
      'volunteer_requests_opened_matches_status',
      sql`(${t.status} <> 'draft' OR ${t.openedAt} IS NULL) AND (${t.status} NOT IN ('open', 'matched', 'expired') OR ${t.openedAt} IS NOT NULL)`,
    ),
    check(
      'volunteer_requests_background_check_in_person',
      sql`NOT ${t.backgroundCheckRequired} OR ${t.vulnerableInPerson}`,
    ),
  ],
)

/**
 * The group's working hours for a request: weekly windows in minutes after midnight of the
 * request's `timeZone`, as volunteers' availability is kept; the time-zone factor compares both.
 */
export const volunteerRequestHours = pgTable(
  'volunteer_request_hours',
  {
    id: id(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => volunteerRequests.id, { onDelete: 'cascade' }),
    weekday: smallint('weekday').notNull(),
    startMinute: smallint('start_minute').notNull(),
    endMinute: smallint('end_minute').notNull(),
  },
  (t) => [
    index('volunteer_request_hours_request_idx').on(t.requestId, t.weekday),
    check('volunteer_request_hours_weekday', sql`${t.weekday} BETWEEN 0 AND 6`),
    check(
      'volunteer_request_hours_window',
      sql`${t.startMinute} >= 0 AND ${t.startMinute} < ${t.endMinute} AND ${t.endMinute} <= 1440`,
    ),
  ],
)

export type VolunteerProfile = typeof volunteerProfiles.$inferSelect
export type VolunteerSkillRow = typeof volunteerSkills.$inferSelect
export type VolunteerAvailabilityRow = typeof volunteerAvailability.$inferSelect
export type VolunteerRequest = typeof volunteerRequests.$inferSelect
