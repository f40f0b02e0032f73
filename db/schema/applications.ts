import { sql } from 'drizzle-orm'
import {
  bigint,
  bigserial,
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
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { APPLICATION_STATUSES } from '#app/domain/applications/application-status.ts'
import type { AnswerValue } from '#app/domain/programs/program-questions.ts'
import { WORK_MODES } from '#app/domain/skills.ts'
import { createdAt, id, updatedAt } from './columns.ts'
import { organizations } from './organizations.ts'
import { places } from './places.ts'
import { programQuestions, programs } from './programs.ts'
import { users } from './users.ts'

export const applicationStatus = pgEnum('application_status', APPLICATION_STATUSES)

/**
 * A community group's application to a program, for money and optionally for skilled volunteers.
 * While a draft, any field may be empty; submission validates the whole thing. `version` grows with
 * every save, so a save based on an older version is detected as a conflict instead of silently
 * overwriting a colleague's work.
 */
export const applications = pgTable(
  'applications',
  {
    id: id(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    status: applicationStatus('status').notNull().default('draft'),
    version: integer('version').notNull().default(1),
    // Step 1: organisation and leadership (pre-filled from the profile).
    leadership: text('leadership').notNull().default(''),
    ledByLivedExperience: text('led_by_lived_experience').notNull().default(''),
    contactName: text('contact_name').notNull().default(''),
    contactEmail: text('contact_email').notNull().default(''),
    // Step 2: community served.
    communityServed: text('community_served').notNull().default(''),
    /** Places outside the US, in words; they carry no index. */
    placesOutsideUs: text('places_outside_us').notNull().default(''),
    /** Population-weighted SVI percentile of the US counties served, and its data year. */
    placeVulnerability: doublePrecision('place_vulnerability'),
    placeVulnerabilityYear: integer('place_vulnerability_year'),
    // Step 3: the project.
    title: text('title').notNull().default(''),
    summary: text('summary').notNull().default(''),
    sdohDomains: text('sdoh_domains')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    // Step 4: money.
    amountRequestedMinor: bigint('amount_requested_minor', { mode: 'number' }),
    // Step 6: the program's own questions, by question id.
    answers: jsonb('answers').$type<Record<string, AnswerValue>>().notNull().default({}),
    // The steps the group has saved at least once: a step that may rightly be empty (no volunteers
    // needed) reads "to do" until the group says so by saving it.
    stepsSaved: text('steps_saved')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /**
     * The language the applicant's words are in, by step: the interface language of whoever saved
     * that step last ('en' or 'es'), so the funder knows what they are reading.
     */
    stepLanguages: jsonb('step_languages')
      .$type<Partial<Record<string, 'en' | 'es'>>>()
      .notNull()
      .default({}),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    updatedByUserId: uuid('updated_by_user_id').references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // One application per group per program.
    uniqueIndex('applications_program_org_key').on(t.programId, t.organizationId),
    index('applications_org_idx').on(t.organizationId, t.updatedAt),
    // The funder's list: a program's applications by status, newest submission first.
    index('applications_program_status_idx').on(t.programId, t.status, t.submittedAt),
    // Its default order (newest first) read straight from the index, so the first page of 5,000
    // applications reads 26 rows instead of sorting them all.
    index('applications_program_newest_idx').on(
      t.programId,
      sql`${t.submittedAt} DESC NULLS LAST`,
      sql`${t.id} DESC`,
    ),
    index('applications_sdoh_idx').using('gin', t.sdohDomains),
    check('applications_amount_nonnegative', sql`${t.amountRequestedMinor} >= 0`),
    check('applications_vulnerability_range', sql`${t.placeVulnerability} BETWEEN 0 AND 1`),
    check(
      'applications_step_languages_known',
      sql`jsonb_typeof(${t.stepLanguages}) = 'object' AND NOT jsonb_path_exists(${t.stepLanguages}, '$.* ? (@ != "en" && @ != "es")')`,
    ),
    // Submitted exactly when past draft (only a submitted application can be withdrawn).
    check(
      'applications_submitted_at_matches_status',
      sql`(${t.status} = 'draft') = (${t.submittedAt} IS NULL)`,
    ),
  ],
)

/**
 * A program's submitted applications (never drafts) counted and summed by status,
 * place-vulnerability band and SDOH domains: what the funder's figures are folded from, so that
 * the overview and the list read a few dozen rows per program instead of aggregating every
 * application on every view. Kept by the database itself, in the same transaction as the change
 * (the trigger `applications_keep_figures` in migration 0016, which also holds the band formula,
 * `least(floor(place_vulnerability * 4), 3)`, null for no SVI), whichever code or SQL writes
 * applications. A group that empties keeps its row with zeroes.
 * docs/decisions/013-throughput.md, round six.
 */
export const applicationFigures = pgTable(
  'application_figures',
  {
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    status: applicationStatus('status').notNull(),
    /** 0–3: the quarter of the SVI percentile (VULNERABILITY_BANDS); null: no SVI. */
    band: smallint('band'),
    sdohDomains: text('sdoh_domains').array().notNull(),
    applications: integer('applications').notNull(),
    requestedMinor: bigint('requested_minor', { mode: 'number' }).notNull(),
  },
  (t) => [
    unique('application_figures_group_key')
      .on(t.programId, t.status, t.band, t.sdohDomains)
      .nullsNotDistinct(),
    check('application_figures_not_draft', sql`${t.status} <> 'draft'`),
  ],
)

/** US counties an application serves. */
export const applicationPlaces = pgTable(
  'application_places',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    fips: text('fips')
      .notNull()
      .references(() => places.fips),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.fips] })],
)

export const budgetLines = pgTable(
  'budget_lines',
  {
    id: id(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    description: text('description').notNull(),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
  },
  (t) => [
    index('budget_lines_application_idx').on(t.applicationId, t.position),
    check('budget_lines_amount_nonnegative', sql`${t.amountMinor} >= 0`),
  ],
)

export const workMode = pgEnum('work_mode', WORK_MODES)

/** Skilled volunteer help an application asks for; volunteers are matched to these. */
export const skillRequests = pgTable(
  'skill_requests',
  {
    id: id(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    skill: text('skill').notNull(),
    hours: integer('hours').notNull(),
    workMode: workMode('work_mode').notNull(),
    languages: text('languages')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    description: text('description').notNull().default(''),
  },
  (t) => [
    index('skill_requests_application_idx').on(t.applicationId, t.position),
    index('skill_requests_skill_idx').on(t.skill),
    check('skill_requests_hours_positive', sql`${t.hours} > 0`),
  ],
)

/** Files attached to an application; the bytes live in the storage module, keyed by storageKey. */
export const attachments = pgTable(
  'attachments',
  {
    id: id(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    questionId: uuid('question_id').references(() => programQuestions.id, { onDelete: 'set null' }),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedByUserId: uuid('uploaded_by_user_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('attachments_application_idx').on(t.applicationId)],
)

/** The application's status history, shown to the group; each row is also audited. */
export const applicationEvents = pgTable(
  'application_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    fromStatus: applicationStatus('from_status'),
    toStatus: applicationStatus('to_status').notNull(),
    note: text('note').notNull().default(''),
  },
  (t) => [index('application_events_application_idx').on(t.applicationId, t.id)],
)

export type Application = typeof applications.$inferSelect
export type BudgetLine = typeof budgetLines.$inferSelect
export type SkillRequest = typeof skillRequests.$inferSelect
export type Attachment = typeof attachments.$inferSelect
