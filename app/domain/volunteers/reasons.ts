import type { BudgetBand } from '#app/domain/organizations.ts'
import type { Skill } from '#app/domain/skills.ts'
import type { SkillLevel } from './weights.ts'

/**
 * Why a match scores what it does, as data: a code, the numbers its sentence needs, and the points
 * it adds (negative for a penalty). The page turns each into words in the reader's language
 * (`REASON_KEYS`); the score is the sum of the points it lists, so nothing is hidden.
 */

/** On-site work: where the volunteer is, against the group (the caller works it out, e.g. in SQL). */
export const PLACE_FITS = ['same_place', 'within_area', 'outside_area', 'unknown'] as const
export type PlaceFit = (typeof PLACE_FITS)[number]

export type MatchReason =
  | { code: 'skill_level'; params: { skill: Skill; level: SkillLevel }; points: number }
  /** The group prefers some languages: how many of them the volunteer speaks. */
  | {
      code: 'language_preferred'
      params: { spoken: number; preferred: number; languages: readonly string[] }
      points: number
    }
  /** No preference beyond the required languages (ISO 639-1 codes), which the volunteer speaks. */
  | { code: 'language_required'; params: { languages: readonly string[] }; points: number }
  /** Neither a required nor a preferred language. */
  | { code: 'language_open'; params: Record<string, never>; points: number }
  /** Hours a week the volunteer's availability shares with the group's working hours. */
  | { code: 'time_overlap'; params: { hours: number }; points: number }
  /** One side gave no weekly hours: half the points, neither rewarded nor punished. */
  | { code: 'time_overlap_unknown'; params: Record<string, never>; points: number }
  /** Hours a month the volunteer offers against the pace the request needs before its deadline. */
  | { code: 'hours_fit'; params: { offered: number; needed: number }; points: number }
  /** Days the volunteer is available of the days left before the deadline. */
  | { code: 'availability'; params: { days: number; of: number }; points: number }
  | { code: 'experience'; params: { count: number }; points: number }
  /** On-site work passed the place filter; said in words, worth no points of its own. */
  | { code: 'on_site_place'; params: { fit: 'same_place' | 'within_area' }; points: number }
  | { code: 'vulnerable_place'; params: { quartile: 1 | 2 | 3 | 4 }; points: number }
  | { code: 'small_organisation'; params: { band: BudgetBand }; points: number }
  | { code: 'waiting'; params: { days: number }; points: number }
  | { code: 'pending_offers'; params: { count: number }; points: number }

export type ReasonCode = MatchReason['code']

/**
 * Each reason's sentence, as a translation key. Its params are the sentence's values; those that
 * are codes (skill, level, band, fit, languages) are passed through their own names first.
 */
export const REASON_KEYS: Record<ReasonCode, string> = {
  skill_level: 'volunteers:match.reason.skill_level',
  language_preferred: 'volunteers:match.reason.language_preferred',
  language_required: 'volunteers:match.reason.language_required',
  language_open: 'volunteers:match.reason.language_open',
  time_overlap: 'volunteers:match.reason.time_overlap',
  time_overlap_unknown: 'volunteers:match.reason.time_overlap_unknown',
  hours_fit: 'volunteers:match.reason.hours_fit',
  availability: 'volunteers:match.reason.availability',
  experience: 'volunteers:match.reason.experience',
  on_site_place: 'volunteers:match.reason.on_site_place',
  vulnerable_place: 'volunteers:match.reason.vulnerable_place',
  small_organisation: 'volunteers:match.reason.small_organisation',
  waiting: 'volunteers:match.reason.waiting',
  pending_offers: 'volunteers:match.reason.pending_offers',
}

/** The levels' names, as translation keys (a reason's `level` param is shown through them). */
export const SKILL_LEVEL_KEYS: Record<SkillLevel, string> = {
  some: 'volunteers:match.level.some',
  experienced: 'volunteers:match.level.experienced',
  expert: 'volunteers:match.level.expert',
}

/** How an on-site match sits against the group's place (the `place` of on_site_place's sentence). */
export const PLACE_FIT_KEYS: Record<'same_place' | 'within_area', string> = {
  same_place: 'volunteers:match.place.same_place',
  within_area: 'volunteers:match.place.within_area',
}

/** Why a pair is not a match at all (the hard filters), first failure first. */
export const HARD_FILTERS = [
  'paused',
  'skill_missing',
  'below_minimum_level',
  'language_missing',
  'work_mode',
  'outside_area',
] as const
export type HardFilter = (typeof HARD_FILTERS)[number]

export const HARD_FILTER_KEYS: Record<HardFilter, string> = {
  paused: 'volunteers:match.filter.paused',
  skill_missing: 'volunteers:match.filter.skill_missing',
  below_minimum_level: 'volunteers:match.filter.below_minimum_level',
  language_missing: 'volunteers:match.filter.language_missing',
  work_mode: 'volunteers:match.filter.work_mode',
  outside_area: 'volunteers:match.filter.outside_area',
}

/** Points as the page shows them: one decimal, so the listed points add up to the score shown. */
export const roundPoints = (points: number) => Math.round(points * 10) / 10
