import type { Skill, WorkMode } from '#app/domain/skills.ts'
import { roundPoints, type HardFilter, type MatchReason, type PlaceFit } from './reasons.ts'
import {
  DEFAULT_MATCH_WEIGHTS,
  SKILL_LEVELS,
  type MatchWeights,
  type SkillLevel,
} from './weights.ts'

/**
 * One volunteer against one skill request (issue 11, "Matching"; decision 028): first the hard
 * filters, then a score on 0–100 that is the sum of its reasons' points. Pure, so the same rule
 * ranks a request's volunteers, a volunteer's requests and the batch; the caller has already done
 * the filtering SQL does well (the skill, the place) and passes what it found.
 */

/** Minutes from Monday 00:00 UTC, 0–10,080; a window whose end is before its start runs past Sunday midnight. */
export interface WeeklyWindow {
  start: number
  end: number
}

export const MINUTES_PER_WEEK = 7 * 24 * 60

export interface MatchVolunteer {
  id: string
  paused: boolean
  skills: readonly { skill: Skill; level: SkillLevel }[]
  /** ISO 639-1 codes. */
  languages: readonly string[]
  mode: WorkMode
  hoursPerMonth: number
  /** When in the week they can work, in UTC. */
  availability: readonly WeeklyWindow[]
  /** YYYY-MM-DD: the first day they can start (null: now) and the last they can work (null: open). */
  availableFrom: string | null
  availableUntil: string | null
  completedEngagements: number
}

export interface MatchRequest {
  id: string
  skill: Skill
  /** Set by the group: below it a volunteer is not a match. Without it the level is only scored. */
  minLevel: SkillLevel | null
  /** Every one must be spoken. */
  languages: readonly string[]
  /** Nice to have (the community's languages, say): scored by the share spoken. */
  preferredLanguages: readonly string[]
  mode: WorkMode
  hours: number
  /** YYYY-MM-DD. */
  deadline: string
  /** The group's working hours, in UTC. */
  groupHours: readonly WeeklyWindow[]
}

export interface PairContext {
  /** YYYY-MM-DD, the day the score is for. */
  today: string
  /** Where the volunteer is against the group; only on-site work reads it. */
  placeFit: PlaceFit
}

export type PairScore =
  | { eligible: true; score: number; reasons: MatchReason[] }
  | { eligible: false; failed: HardFilter }

const levelRank = (level: SkillLevel) => SKILL_LEVELS.indexOf(level)

/** The first hard filter the pair fails, or null when it passes them all. */
export function failedFilter(
  volunteer: MatchVolunteer,
  request: MatchRequest,
  placeFit: PlaceFit,
): HardFilter | null {
  if (volunteer.paused) return 'paused'
  const held = volunteer.skills.find((s) => s.skill === request.skill)
  if (!held) return 'skill_missing'
  if (request.minLevel && levelRank(held.level) < levelRank(request.minLevel))
    return 'below_minimum_level'
  const spoken = new Set(volunteer.languages)
  if (!request.languages.every((l) => spoken.has(l))) return 'language_missing'
  if (request.mode === 'remote' && volunteer.mode === 'on_site') return 'work_mode'
  if (request.mode === 'on_site' && volunteer.mode === 'remote') return 'work_mode'
  if (needsPlace(volunteer, request) && !placeFits(placeFit)) return 'outside_area'
  return null
}

/** On-site work, or work that may be either when the volunteer only works on site. */
const needsPlace = (volunteer: MatchVolunteer, request: MatchRequest) =>
  request.mode === 'on_site' || (request.mode === 'either' && volunteer.mode === 'on_site')

const placeFits = (fit: PlaceFit): fit is 'same_place' | 'within_area' =>
  fit === 'same_place' || fit === 'within_area'

export function scorePair(
  volunteer: MatchVolunteer,
  request: MatchRequest,
  context: PairContext,
  weights: MatchWeights = DEFAULT_MATCH_WEIGHTS,
): PairScore {
  const failed = failedFilter(volunteer, request, context.placeFit)
  if (failed) return { eligible: false, failed }
  const f = weights.factors
  const level = volunteer.skills.find((s) => s.skill === request.skill)!.level
  const reasons: MatchReason[] = [
    {
      code: 'skill_level',
      params: { skill: request.skill, level },
      points: roundPoints(f.skill * weights.levelShare[level]),
    },
    languageReason(volunteer, request, f.language),
    overlapReason(volunteer.availability, request.groupHours, f.overlap, weights),
    ...timeReasons(volunteer, request, context.today, weights),
    {
      code: 'experience',
      params: { count: volunteer.completedEngagements },
      points: roundPoints(
        f.experience * Math.min(1, volunteer.completedEngagements / weights.completedForFull),
      ),
    },
  ]
  if (needsPlace(volunteer, request) && placeFits(context.placeFit))
    reasons.push({ code: 'on_site_place', params: { fit: context.placeFit }, points: 0 })
  return { eligible: true, score: sumPoints(reasons), reasons }
}

export const sumPoints = (reasons: readonly MatchReason[]) =>
  roundPoints(reasons.reduce((s, r) => s + r.points, 0))

function languageReason(
  volunteer: MatchVolunteer,
  request: MatchRequest,
  weight: number,
): MatchReason {
  if (request.preferredLanguages.length > 0) {
    const spoken = new Set(volunteer.languages)
    const languages = request.preferredLanguages.filter((l) => spoken.has(l))
    return {
      code: 'language_preferred',
      params: { spoken: languages.length, preferred: request.preferredLanguages.length, languages },
      points: roundPoints((weight * languages.length) / request.preferredLanguages.length),
    }
  }
  // The hard filter has seen to the required ones: every volunteer left fits as well as any other.
  if (request.languages.length > 0)
    return {
      code: 'language_required',
      params: { languages: request.languages },
      points: roundPoints(weight),
    }
  return { code: 'language_open', params: {}, points: roundPoints(weight) }
}

function overlapReason(
  volunteer: readonly WeeklyWindow[],
  group: readonly WeeklyWindow[],
  weight: number,
  weights: MatchWeights,
): MatchReason {
  if (volunteer.length === 0 || group.length === 0)
    return { code: 'time_overlap_unknown', params: {}, points: roundPoints(weight / 2) }
  const hours = weeklyOverlapMinutes(volunteer, group) / 60
  return {
    code: 'time_overlap',
    params: { hours: roundPoints(hours) },
    points: roundPoints(weight * Math.min(1, hours / weights.overlapHoursForFull)),
  }
}

/** Hours fit and availability, both against the days left before the deadline (at least one). */
function timeReasons(
  volunteer: MatchVolunteer,
  request: MatchRequest,
  today: string,
  weights: MatchWeights,
): MatchReason[] {
  const f = weights.factors
  const left = Math.max(1, daysBetween(today, request.deadline))
  const neededPerMonth = (request.hours * 30) / left
  const start = laterDate(today, volunteer.availableFrom)
  const end = earlierDate(request.deadline, volunteer.availableUntil)
  const days = Math.min(left, Math.max(0, daysBetween(start, end)))
  return [
    {
      code: 'hours_fit',
      params: { offered: volunteer.hoursPerMonth, needed: roundPoints(neededPerMonth) },
      points: roundPoints(
        neededPerMonth <= 0
          ? f.hours
          : f.hours * Math.min(1, volunteer.hoursPerMonth / neededPerMonth),
      ),
    },
    {
      code: 'availability',
      params: { days, of: left },
      points: roundPoints((f.availability * days) / left),
    },
  ]
}

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string) => dayNumber(to) - dayNumber(from)

// YYYY-MM-DD strings order as their dates do.
const laterDate = (a: string, b: string | null) => (b !== null && b > a ? b : a)
const earlierDate = (a: string, b: string | null) => (b !== null && b < a ? b : a)

/** Windows as disjoint, sorted [start, end) intervals inside one week (wrapping ones split). */
function normaliseWindows(windows: readonly WeeklyWindow[]): [number, number][] {
  const parts: [number, number][] = []
  for (const { start, end } of windows) {
    const s = clampMinute(start)
    const e = clampMinute(end)
    if (s < e) parts.push([s, e])
    else if (e < s) parts.push([s, MINUTES_PER_WEEK], [0, e])
  }
  parts.sort((a, b) => a[0] - b[0])
  const merged: [number, number][] = []
  for (const [s, e] of parts) {
    const last = merged.at(-1)
    if (last && s <= last[1]) last[1] = Math.max(last[1], e)
    else merged.push([s, e])
  }
  return merged
}

const clampMinute = (m: number) => Math.min(MINUTES_PER_WEEK, Math.max(0, m))

/** Minutes a week both sets of windows share (each set's own overlaps counted once). */
export function weeklyOverlapMinutes(
  a: readonly WeeklyWindow[],
  b: readonly WeeklyWindow[],
): number {
  const x = normaliseWindows(a)
  const y = normaliseWindows(b)
  let i = 0
  let j = 0
  let total = 0
  while (i < x.length && j < y.length) {
    const [as, ae] = x[i]!
    const [bs, be] = y[j]!
    total += Math.max(0, Math.min(ae, be) - Math.max(as, bs))
    if (ae < be) i++
    else j++
  }
  return total
}
