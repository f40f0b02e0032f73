import { and, asc, desc, eq, ilike, inArray, ne, or, sql, type SQL } from 'drizzle-orm'
import { db } from '#db/client.server.ts'
import {
  organizations,
  places,
  users,
  volunteerAvailability,
  volunteerProfiles,
  volunteerRequestHours,
  volunteerRequests,
  volunteerSkills,
  type VolunteerRequest,
} from '#db/schema/index.ts'
import {
  SKILL_LEVELS,
  type Skill,
  type SkillLevel,
  type VolunteerSkill,
  type WorkMode,
} from '#app/domain/skills.ts'
import type { Weekday } from '#app/domain/volunteers/availability.ts'
import type { MatchReason, PlaceFit } from '#app/domain/volunteers/reasons.ts'
import { describeReason } from '#app/domain/volunteers/reason-words.ts'
import type { MatchRequest, MatchVolunteer, WeeklyWindow } from '#app/domain/volunteers/matching.ts'
import { placeFitWithin, type TravelArea } from '#app/domain/volunteers/travel-area.ts'
import {
  rankRequestsForVolunteer,
  rankVolunteersForRequest,
  vulnerabilityQuartile,
} from '#app/domain/volunteers/ranking.ts'
import type {
  ReasonLine,
  SuggestedRequest,
  SuggestedVolunteer,
} from '#app/domain/volunteers/suggestions.ts'
import { windowsInUtc, zoneOffsetMinutes } from '#app/domain/volunteers/weekly-utc.ts'
import type { Language } from '#app/lib/i18n/config.ts'
import { fixedT } from '#app/services/translations.server.ts'
import { completedEngagementsByVolunteer, pendingOffersByRequest } from './match-counts.server.ts'
import { countyWithin, volunteersReaching } from './area.server.ts'
import { currentMatchWeights } from './match-weights.server.ts'

/**
 * The two ranked lists of issue 11 over the stored profiles and requests. SQL does the hard
 * filters with the indexes (skill and level, paused, languages `@>`, work mode, on-site work
 * within the volunteer's travel area) and caps the candidates by a cheap proxy; the pure rules of decision 028 then score,
 * explain and order what is left.
 */

/** Candidates a request's list scores at most: the highest levels first (ties by id). */
export const CANDIDATE_CAP = 200
export const REQUESTS_PAGE_SIZE = 20

/** A request without a deadline is paced over this many days, so its hours still read as a pace. */
const OPEN_ENDED_DAYS = 90

export const todayUtc = (now: Date) => now.toISOString().slice(0, 10)

function addDays(date: string, days: number) {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

const levelsFrom = (minimum: SkillLevel) => SKILL_LEVELS.slice(SKILL_LEVELS.indexOf(minimum))

export function matchRequestOf(
  r: VolunteerRequest,
  today: string,
  groupHours: readonly WeeklyWindow[],
): MatchRequest {
  return {
    id: r.id,
    skill: r.skill as Skill,
    minLevel: r.minLevel,
    languages: r.languages,
    preferredLanguages: r.preferredLanguages,
    mode: r.workMode,
    hours: r.hours,
    deadline: r.deadline ?? addDays(today, OPEN_ENDED_DAYS),
    groupHours,
  }
}

/** Each request's working hours, in UTC at `now` (read in the request's own zone). */
export async function groupHoursOf(
  requests: readonly { id: string; timeZone: string }[],
  now: Date,
) {
  const ids = requests.map((r) => r.id)
  const rows = ids.length
    ? await db()
        .select({
          requestId: volunteerRequestHours.requestId,
          weekday: volunteerRequestHours.weekday,
          startMinute: volunteerRequestHours.startMinute,
          endMinute: volunteerRequestHours.endMinute,
        })
        .from(volunteerRequestHours)
        .where(inArray(volunteerRequestHours.requestId, ids))
    : []
  const offsets = new Map<string, number>()
  const offsetOf = (zone: string) => {
    if (!offsets.has(zone)) offsets.set(zone, zoneOffsetMinutes(zone, now))
    return offsets.get(zone)!
  }
  // Grouped first: the platform batch asks for thousands of requests at once.
  const byRequest = new Map<
    string,
    { weekday: Weekday; startMinute: number; endMinute: number }[]
  >()
  for (const { requestId, ...w } of rows) {
    const list = byRequest.get(requestId) ?? []
    list.push({ ...w, weekday: w.weekday as Weekday })
    byRequest.set(requestId, list)
  }
  return new Map(
    requests.map((r) => [r.id, windowsInUtc(byRequest.get(r.id) ?? [], offsetOf(r.timeZone))]),
  )
}

export const placeFitOf = (
  volunteerPlace: string | null,
  area: TravelArea,
  requestPlace: string | null,
): PlaceFit => placeFitWithin(volunteerPlace, area, requestPlace)

export function wordsOf(reader: Language, reasons: readonly MatchReason[]): ReasonLine[] {
  const t = fixedT(reader)
  return reasons.map((r) => ({ text: describeReason(t, reader, r), points: r.points }))
}

/**
 * The work-mode and place filters of a request against a profile, in SQL: remote work takes anyone
 * not on-site only; on-site work takes anyone not remote-only in the same county; work that may be
 * either needs the county only of a volunteer who works on site only.
 */
function modeAndPlace(mode: WorkMode, placeFips: string | null): SQL | undefined {
  const samePlace = placeFips === null ? sql`false` : volunteersReaching(placeFips)
  if (mode === 'remote') return ne(volunteerProfiles.workMode, 'on_site')
  if (mode === 'on_site') return and(ne(volunteerProfiles.workMode, 'remote'), samePlace)
  return or(ne(volunteerProfiles.workMode, 'on_site'), samePlace)
}

/** The hard-filter query for one request's volunteers, capped (the bench EXPLAINs this one). */
export function candidateQuery(r: VolunteerRequest, cap = CANDIDATE_CAP) {
  return (
    db()
      .select({
        id: volunteerProfiles.id,
        name: users.name,
        headline: volunteerProfiles.headline,
        level: volunteerSkills.level,
        languages: volunteerProfiles.languages,
        workMode: volunteerProfiles.workMode,
        hoursPerMonth: volunteerProfiles.hoursPerMonth,
        timeZone: volunteerProfiles.timeZone,
        placeFips: volunteerProfiles.placeFips,
        travelArea: volunteerProfiles.travelArea,
      })
      .from(volunteerSkills)
      .innerJoin(volunteerProfiles, eq(volunteerProfiles.id, volunteerSkills.profileId))
      .innerJoin(users, eq(users.id, volunteerProfiles.userId))
      .where(
        and(
          eq(volunteerSkills.skill, r.skill),
          inArray(volunteerSkills.level, levelsFrom(r.minLevel)),
          eq(volunteerProfiles.paused, false),
          sql`${volunteerProfiles.languages} @> ${sql.param(r.languages)}::text[]`,
          modeAndPlace(r.workMode, r.placeFips),
        ),
      )
      // Ordered by the skill rows' own columns only, so the planner sorts the few skill rows and
      // probes profiles by key until the cap is full, instead of scanning every profile (remote work).
      .orderBy(desc(volunteerSkills.level), asc(volunteerSkills.profileId))
      .limit(cap)
  )
}

/** Each profile's weekly windows, in UTC at `now`. */
async function availabilityOf(profiles: readonly { id: string; timeZone: string }[], now: Date) {
  const ids = profiles.map((p) => p.id)
  const rows = ids.length
    ? await db()
        .select({
          profileId: volunteerAvailability.profileId,
          weekday: volunteerAvailability.weekday,
          startMinute: volunteerAvailability.startMinute,
          endMinute: volunteerAvailability.endMinute,
        })
        .from(volunteerAvailability)
        .where(inArray(volunteerAvailability.profileId, ids))
    : []
  const offsets = new Map<string, number>()
  const offsetOf = (zone: string) => {
    if (!offsets.has(zone)) offsets.set(zone, zoneOffsetMinutes(zone, now))
    return offsets.get(zone)!
  }
  return new Map(
    profiles.map((p) => [
      p.id,
      windowsInUtc(
        rows
          .filter((w) => w.profileId === p.id)
          .map((w) => ({ ...w, weekday: w.weekday as Weekday })),
        offsetOf(p.timeZone),
      ),
    ]),
  )
}

/** The best volunteers for one request, with the reasons in the reader's words; [] for none. */
export async function rankedVolunteersForRequest(
  requestId: string,
  reader: Language,
  { limit = 10, now = new Date() }: { limit?: number; now?: Date } = {},
): Promise<SuggestedVolunteer[]> {
  const [r] = await db().select().from(volunteerRequests).where(eq(volunteerRequests.id, requestId))
  if (!r) return []
  const today = todayUtc(now)
  const [rows, weights] = await Promise.all([candidateQuery(r), currentMatchWeights()])
  const ids = rows.map((v) => v.id)
  const [windows, completed, groupHours] = await Promise.all([
    availabilityOf(rows, now),
    completedEngagementsByVolunteer(ids),
    groupHoursOf([r], now),
  ])
  const byId = new Map(rows.map((v) => [v.id, v]))
  const candidates = rows.map((v) => ({
    volunteer: {
      id: v.id,
      paused: false,
      skills: [{ skill: r.skill as Skill, level: v.level }],
      languages: v.languages,
      mode: v.workMode,
      hoursPerMonth: v.hoursPerMonth,
      availability: windows.get(v.id) ?? [],
      availableFrom: null,
      availableUntil: null,
      completedEngagements: completed.get(v.id) ?? 0,
    } satisfies MatchVolunteer,
    placeFit: placeFitOf(v.placeFips, v.travelArea, r.placeFips),
  }))
  const ranked = rankVolunteersForRequest(
    matchRequestOf(r, today, groupHours.get(r.id) ?? []),
    candidates,
    today,
    weights,
  )
  return ranked.slice(0, limit).map((m) => {
    const v = byId.get(m.volunteerId)!
    return {
      id: v.id,
      name: v.name,
      headline: v.headline,
      score: m.score,
      reasons: wordsOf(reader, m.reasons),
    }
  })
}

export interface RequestFilters {
  q?: string
  skill?: VolunteerSkill
  mode?: WorkMode
  page?: number
}

const contains = (q: string) => `%${q.replace(/[\\%_]/g, (c) => '\\' + c)}%`

/** The volunteer as matching reads them, or null when they have no profile. */
async function matchVolunteerOf(userId: string, now: Date) {
  const [p] = await db()
    .select()
    .from(volunteerProfiles)
    .where(eq(volunteerProfiles.userId, userId))
  if (!p) return null
  const [skills, windows, completed] = await Promise.all([
    db()
      .select({ skill: volunteerSkills.skill, level: volunteerSkills.level })
      .from(volunteerSkills)
      .where(eq(volunteerSkills.profileId, p.id)),
    availabilityOf([p], now),
    completedEngagementsByVolunteer([p.id]),
  ])
  const volunteer: MatchVolunteer = {
    id: p.id,
    paused: p.paused,
    skills: skills.map((s) => ({ skill: s.skill as Skill, level: s.level })),
    languages: p.languages,
    mode: p.workMode,
    hoursPerMonth: p.hoursPerMonth,
    availability: windows.get(p.id) ?? [],
    availableFrom: null,
    availableUntil: null,
    completedEngagements: completed.get(p.id) ?? 0,
  }
  return { profile: p, volunteer }
}

/**
 * Open requests that pass this volunteer's hard filters, in SQL: a skill they hold at the
 * request's minimum level, every required language spoken, the work mode and, for on-site work,
 * their county. A paused volunteer is suggested nothing.
 */
function requestFilter(
  profile: {
    id: string
    languages: string[]
    workMode: WorkMode
    placeFips: string | null
    travelArea: TravelArea
  },
  filters: RequestFilters,
) {
  const holds = sql`EXISTS (SELECT 1 FROM ${volunteerSkills} s WHERE s.profile_id = ${profile.id}
    AND s.skill = ${volunteerRequests.skill}
    AND s.level >= ${volunteerRequests.minLevel})`
  const samePlace =
    profile.placeFips === null
      ? sql`false`
      : countyWithin(volunteerRequests.placeFips, profile.placeFips, profile.travelArea)
  const mode =
    profile.workMode === 'remote'
      ? ne(volunteerRequests.workMode, 'on_site')
      : profile.workMode === 'on_site'
        ? and(ne(volunteerRequests.workMode, 'remote'), samePlace)
        : or(ne(volunteerRequests.workMode, 'on_site'), samePlace)
  const q = filters.q?.trim()
  return and(
    eq(volunteerRequests.status, 'open'),
    holds,
    sql`${sql.param(profile.languages)}::text[] @> ${volunteerRequests.languages}`,
    mode,
    q
      ? or(ilike(volunteerRequests.title, contains(q)), ilike(volunteerRequests.goal, contains(q)))
      : undefined,
    filters.skill ? eq(volunteerRequests.skill, filters.skill) : undefined,
    filters.mode ? eq(volunteerRequests.workMode, filters.mode) : undefined,
  )
}

export interface RequestsForVolunteer {
  requests: SuggestedRequest[]
  page: number
  pages: number
  total: number
}

/**
 * The open requests that fit the user's volunteer profile best, equity-aware (decision 028), with
 * reasons in the reader's words; searchable and filterable, twenty to a page. Null: no profile.
 */
export async function rankedRequestsForVolunteer(
  userId: string,
  reader: Language,
  filters: RequestFilters = {},
  now = new Date(),
): Promise<RequestsForVolunteer | null> {
  const found = await matchVolunteerOf(userId, now)
  if (!found) return null
  const { profile, volunteer } = found
  const today = todayUtc(now)
  const empty = { requests: [], page: 1, pages: 1, total: 0 }
  if (profile.paused) return empty
  const [rows, weights] = await Promise.all([
    db()
      .select({
        request: volunteerRequests,
        groupName: organizations.name,
        budgetBand: organizations.budgetBand,
        svi: places.svi,
      })
      .from(volunteerRequests)
      .innerJoin(organizations, eq(organizations.id, volunteerRequests.organizationId))
      .leftJoin(places, eq(places.fips, volunteerRequests.placeFips))
      .where(requestFilter(profile, filters)),
    currentMatchWeights(),
  ])
  const [pending, groupHours] = await Promise.all([
    pendingOffersByRequest(rows.map((row) => row.request.id)),
    groupHoursOf(
      rows.map((row) => row.request),
      now,
    ),
  ])
  const candidates = rows.map(({ request: r, budgetBand, svi }) => ({
    request: matchRequestOf(r, today, groupHours.get(r.id) ?? []),
    equity: {
      vulnerabilityQuartile: vulnerabilityQuartile(svi),
      budgetBand,
      daysOpen: r.openedAt
        ? Math.max(0, Math.floor((now.getTime() - r.openedAt.getTime()) / 86_400_000))
        : 0,
      pendingOffers: pending.get(r.id) ?? 0,
    },
    placeFit: placeFitOf(profile.placeFips, profile.travelArea, r.placeFips),
  }))
  const ranked = rankRequestsForVolunteer(volunteer, candidates, today, weights)
  const pages = Math.max(1, Math.ceil(ranked.length / REQUESTS_PAGE_SIZE))
  const page = Math.min(pages, Math.max(1, Math.floor(filters.page ?? 1)))
  const byId = new Map(rows.map((row) => [row.request.id, row]))
  const shown = ranked.slice((page - 1) * REQUESTS_PAGE_SIZE, page * REQUESTS_PAGE_SIZE)
  return {
    page,
    pages,
    total: ranked.length,
    requests: shown.map((m) => {
      const { request: r, groupName } = byId.get(m.requestId)!
      return {
        id: r.id,
        title: r.title,
        groupName,
        skill: r.skill,
        workMode: r.workMode,
        hours: r.hours,
        deadline: r.deadline,
        score: m.score,
        reasons: wordsOf(reader, m.reasons),
      }
    }),
  }
}
