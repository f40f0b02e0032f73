import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { sql } from 'drizzle-orm'
import { CURRENCIES, FUND_VISIBILITIES } from '#app/domain/programs/funds.ts'
import { PROGRAM_STATUSES } from '#app/domain/programs/program-status.ts'
import { QUESTION_KINDS } from '#app/domain/programs/program-questions.ts'
import type { ScoreLevel } from '#app/domain/programs/rubric-template.ts'
import { contentLanguage, createdAt, id, updatedAt } from './columns.ts'
import { organizations } from './organizations.ts'

export const fundVisibility = pgEnum('fund_visibility', FUND_VISIBILITIES)

// The codes are the app's own constants, not input; a CHECK cannot take parameters. Adding a
// currency to CURRENCIES makes db:generate write the migration that widens this check.
// eslint-disable-next-line no-restricted-syntax
const knownCurrencies = sql.raw(CURRENCIES.map((c) => `'${c}'`).join(', '))

/** A pool of money owned by a funder; receives donations and pays grants. */
export const funds = pgTable(
  'funds',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    /** ISO 4217 code; every amount in the fund and its programs is in this currency. */
    currency: text('currency').notNull().default('USD'),
    description: text('description').notNull().default(''),
    contentLanguage: contentLanguage(),
    descriptionTranslation: text('description_translation'),
    visibility: fundVisibility('visibility').notNull().default('public'),
    /** What the fund hopes to raise, shown as a progress bar on its public page; null: no goal. */
    goalMinor: bigint('goal_minor', { mode: 'number' }),
    /** The funder stopped taking gifts (the fund stays visible, its grants and figures too). */
    givingClosed: boolean('giving_closed').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('funds_slug_key').on(t.slug),
    index('funds_organization_idx').on(t.organizationId, t.name),
    check('funds_currency_known', sql`${t.currency} IN (${knownCurrencies})`),
    check('funds_content_language_known', sql`${t.contentLanguage} IN ('en', 'es')`),
    check('funds_translation_not_empty', sql`${t.descriptionTranslation} <> ''`),
    check('funds_goal_positive', sql`${t.goalMinor} > 0`),
  ],
)

export const programStatus = pgEnum('program_status', PROGRAM_STATUSES)

/** A funding call inside a fund. Amounts are integer minor units of the fund's currency. */
export const programs = pgTable(
  'programs',
  {
    id: id(),
    fundId: uuid('fund_id')
      .notNull()
      .references(() => funds.id),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    eligibility: text('eligibility').notNull().default(''),
    contentLanguage: contentLanguage(),
    titleTranslation: text('title_translation'),
    descriptionTranslation: text('description_translation'),
    eligibilityTranslation: text('eligibility_translation'),
    /** The place served, in words ("Franklin County, Ohio"). */
    placeServed: text('place_served').notNull().default(''),
    /** When non-empty, applications must serve a place in these states (full names)… */
    eligibleStates: text('eligible_states')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** …or in these counties (5-digit FIPS). */
    eligibleCountyFips: text('eligible_county_fips')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** SDOH domains the program focuses on, for search. */
    sdohDomains: text('sdoh_domains')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    status: programStatus('status').notNull().default('draft'),
    opensAt: timestamp('opens_at', { withTimezone: true, mode: 'date' }),
    closesAt: timestamp('closes_at', { withTimezone: true, mode: 'date' }),
    /** IANA zone the funder wrote the dates in, e.g. "America/Chicago". */
    timeZone: text('time_zone').notNull().default('America/New_York'),
    budgetMinor: bigint('budget_minor', { mode: 'number' }).notNull().default(0),
    minAwardMinor: bigint('min_award_minor', { mode: 'number' }).notNull().default(0),
    maxAwardMinor: bigint('max_award_minor', { mode: 'number' }).notNull().default(0),
    allowSkillRequests: boolean('allow_skill_requests').notNull().default(true),
    reviewersPerApplication: integer('reviewers_per_application').notNull().default(3),
    blindReview: boolean('blind_review').notNull().default(false),
    /** When reviews are due: past it, an unsubmitted review is late (reminded once a day). */
    reviewsDueAt: timestamp('reviews_due_at', { withTimezone: true, mode: 'date' }),
    /** How much a community reviewer's score counts, in per-mille of a staff reviewer's (1000: equal). */
    communityReviewerWeight: integer('community_reviewer_weight').notNull().default(1000),
    /** Reviewers see the others' scores on an application once they have submitted their own. */
    showScoresAfterSubmit: boolean('show_scores_after_submit').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('programs_slug_key').on(t.slug),
    index('programs_fund_idx').on(t.fundId),
    index('programs_status_closes_idx').on(t.status, t.closesAt),
    check('programs_award_range', sql`${t.minAwardMinor} <= ${t.maxAwardMinor}`),
    check('programs_amounts_nonnegative', sql`${t.minAwardMinor} >= 0 AND ${t.budgetMinor} >= 0`),
    check('programs_opens_before_closes', sql`${t.opensAt} < ${t.closesAt}`),
    check('programs_content_language_known', sql`${t.contentLanguage} IN ('en', 'es')`),
    check(
      'programs_community_reviewer_weight_range',
      sql`${t.communityReviewerWeight} BETWEEN 0 AND 10000`,
    ),
    // Null means "not translated", so an empty translation is never stored in its place.
    check(
      'programs_translations_not_empty',
      sql`${t.titleTranslation} <> '' AND ${t.descriptionTranslation} <> '' AND ${t.eligibilityTranslation} <> ''`,
    ),
  ],
)

/** One criterion of a program's rubric. A program's weights sum to 100 before it can open. */
export const rubricCriteria = pgTable(
  'rubric_criteria',
  {
    id: id(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    label: text('label').notNull(),
    description: text('description').notNull().default(''),
    weight: integer('weight').notNull(),
    maxScore: integer('max_score').notNull(),
    /** Anchored guidance for each score level, lowest first. */
    levels: jsonb('levels').$type<ScoreLevel[]>().notNull().default([]),
    contentLanguage: contentLanguage(),
    labelTranslation: text('label_translation'),
    descriptionTranslation: text('description_translation'),
    /** The guidance of each level in the other language, in the order of `levels` ('' : none). */
    guidanceTranslation: text('guidance_translation').array(),
    isEquity: boolean('is_equity').notNull().default(false),
  },
  (t) => [
    uniqueIndex('rubric_criteria_program_position_key').on(t.programId, t.position),
    check('rubric_weight_range', sql`${t.weight} BETWEEN 0 AND 100`),
    check('rubric_max_score_range', sql`${t.maxScore} BETWEEN 1 AND 100`),
    check('rubric_content_language_known', sql`${t.contentLanguage} IN ('en', 'es')`),
    check(
      'rubric_translations_not_empty',
      sql`${t.labelTranslation} <> '' AND ${t.descriptionTranslation} <> ''`,
    ),
    check(
      'rubric_guidance_translation_per_level',
      sql`cardinality(${t.guidanceTranslation}) = jsonb_array_length(${t.levels})`,
    ),
  ],
)

export const questionKind = pgEnum('question_kind', QUESTION_KINDS)

/** A program's own question, asked after the standard steps. */
export const programQuestions = pgTable(
  'program_questions',
  {
    id: id(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    kind: questionKind('kind').notNull(),
    label: text('label').notNull(),
    helpText: text('help_text').notNull().default(''),
    required: boolean('required').notNull().default(false),
    /** Choices, for single_choice and multi_choice. */
    options: text('options')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** For long_text: the most words an answer may have. */
    wordLimit: integer('word_limit'),
    contentLanguage: contentLanguage(),
    labelTranslation: text('label_translation'),
    helpTextTranslation: text('help_text_translation'),
    /**
     * Each option in the other language, in the order of `options`. Answers store the option as
     * written in `options`, whichever language the applicant read it in.
     */
    optionsTranslation: text('options_translation').array(),
  },
  (t) => [
    uniqueIndex('program_questions_program_position_key').on(t.programId, t.position),
    check('program_questions_content_language_known', sql`${t.contentLanguage} IN ('en', 'es')`),
    check(
      'program_questions_translations_not_empty',
      sql`${t.labelTranslation} <> '' AND ${t.helpTextTranslation} <> ''`,
    ),
    check(
      'program_questions_options_translation_per_option',
      sql`cardinality(${t.optionsTranslation}) = cardinality(${t.options})`,
    ),
  ],
)

export type Fund = typeof funds.$inferSelect
export type Program = typeof programs.$inferSelect
export type RubricCriterion = typeof rubricCriteria.$inferSelect
export type ProgramQuestion = typeof programQuestions.$inferSelect
