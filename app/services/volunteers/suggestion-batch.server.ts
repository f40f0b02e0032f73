import { and, desc, eq, sql, type SQL } from 'drizzle-orm'
import { db } from '#db/client.server.ts'
import {
  volunteerRequests,
  volunteerSuggestionRuns,
  volunteerSuggestions,
  type VolunteerRequest,
  type VolunteerSuggestionRun,
} from '#db/schema/index.ts'
import { logger } from '#app/config/logger.server.ts'
import type { BudgetBand } from '#app/domain/organizations.ts'
import { fail, type Actor, type Result } from '#app/domain/result.ts'
import type { Skill, SkillLevel, WorkMode } from '#app/domain/skills.ts'
import type { Weekday } from '#app/domain/volunteers/availability.ts'
import {
  suggestMatches,
  type AssignmentRequest,
  type CandidatePair,
} from '#app/domain/volunteers/assignment.ts'
import {
  scorePair,
  sumPoints,
  type MatchRequest,
  type MatchVolunteer,
} from '#app/domain/volunteers/matching.ts'
import type { TravelArea } from '#app/domain/volunteers/travel-area.ts'
import {
  equityReasons,
  suggestible,
  vulnerabilityQuartile,
  type RequestEquity,
} from '#app/domain/volunteers/ranking.ts'
import type { MatchReason } from '#app/domain/volunteers/reasons.ts'
import {
  STALE_RUN_MINUTES,
  type SuggestionRunPhase,
} from '#app/domain/volunteers/suggestion-runs.ts'
import { SKILL_LEVELS, type MatchWeights } from '#app/domain/volunteers/weights.ts'
import { windowsInUtc, zoneOffsetMinutes } from '#app/domain/volunteers/weekly-utc.ts'
import { recordAudit } from '#app/services/admin/audit.server.ts'
import { scheduleJob, type JobDefinition } from '#app/services/jobs/job-queue.server.ts'
import { currentMatchWeights } from './match-weights.server.ts'
import { groupHoursOf, matchRequestOf, placeFitOf, todayUtc } from './matching.server.ts'

/**
 * The platform batch "suggest matches" over the stored profiles and requests (issue 11; decision
 * 028, "SQL wiring"). SQL does the hard filters for every open request at once, page by page: a
 * LATERAL subquery per request walks the pool's index (skill and level, or skill, county and level
 * for on-site work) from the request's own id onwards, so requests for the same skill start at
 * different volunteers, and stops at the cap. Node scores each pair with the pure rules, the
 * min-cost flow assigns, and the suggestions are stored with the run.
 */

/** Candidates each request hands the assignment at most (M of decision 028). */
export const BATCH_CANDIDATES = 50
/** Requests whose candidates one query fetches. */
const REQUEST_PAGE = 250
/** Profiles whose details (hours, zone, windows, completed work) one query fetches. */
const PROFILE_PAGE = 2000

export const SUGGESTION_BATCH_JOB = 'volunteer-suggestion-batch'

type Rows<T> = { rows: T[] }
const rowsOf = <T>(result: unknown) => (result as Rows<T>).rows

const isUniqueViolation = (err: unknown) =>
  (err as { code?: string }).code === '23505' ||
  (err as { cause?: { code?: string } }).cause?.code === '23505'

/** Marks runs whose worker stopped moving them on as failed, so they no longer block a new one. */
async function failStaleRuns() {
  await db().execute(sql`
    UPDATE volunteer_suggestion_runs
    SET status = 'failed', finished_at = now(), error = 'stale: the worker stopped'
    WHERE status IN ('queued', 'running')
      AND coalesce(heartbeat_at, created_at) < now() - make_interval(mins => ${STALE_RUN_MINUTES})`)
}

/** A new queued run; refused while another is queued or running (whoever started it). */
async function createRun(actor: Actor | null): Promise<Result<{ runId: string }>> {
  await failStaleRuns()
  try {
    const runId = await db().transaction(async (tx) => {
      const [run] = await tx
        .insert(volunteerSuggestionRuns)
        .values({ startedByUserId: actor?.id ?? null })
        .returning({ id: volunteerSuggestionRuns.id })
      if (actor)
        await recordAudit(tx, {
          actorUserId: actor.id,
          action: 'volunteer_suggestion_run.started',
          entityType: 'volunteer_suggestion_run',
          entityId: run!.id,
          ip: actor.ip ?? null,
        })
      return run!.id
    })
    return { ok: true, runId }
  } catch (err) {
    if (isUniqueViolation(err))
      return fail({ status: 409, reason: 'running', message: 'admin:suggestRun.alreadyLive' })
    throw err
  }
}

/**
 * An admin's "Suggest matches for the platform": queues a run for the job queue's one worker. In
 * a process without a queue (a script, the tests) the run starts here in the background, unless
 * `inProcess` is false (then the caller runs it).
 */
export async function startSuggestionRun(
  actor: Actor,
  { inProcess = true }: { inProcess?: boolean } = {},
): Promise<Result<{ runId: string; queued: boolean }>> {
  const created = await createRun(actor)
  if (!created.ok) return created
  const queued = await scheduleJob(
    SUGGESTION_BATCH_JOB,
    { runId: created.runId },
    { singletonKey: 'platform' },
  )
  if (!queued && inProcess)
    void runSuggestionBatch(created.runId).catch((err: unknown) =>
      logger().error({ err }, 'suggestion batch failed'),
    )
  return { ok: true, runId: created.runId, queued }
}

/**
 * A run made by no one and run here to the end: the nightly job's, and the demo's first (so a
 * fresh demo's volunteers find "Suggested for you"). Null when another run is live.
 */
export async function suggestMatchesNow(): Promise<RunOutcome | null> {
  const created = await createRun(null)
  return created.ok ? runSuggestionBatch(created.runId) : null
}

export interface RunOutcome {
  status: 'finished' | 'failed' | 'skipped'
  runId: string
  /** Milliseconds each phase took (the bench prints them). */
  phases?: Record<SuggestionRunPhase | 'pool', number>
}

/**
 * Runs a queued run to the end. Claimed by its UPDATE (queued → running), so a second worker
 * given the same run, or a retry of a run that already went, does nothing ('skipped').
 */
export async function runSuggestionBatch(runId: string, now = new Date()): Promise<RunOutcome> {
  const claimed = rowsOf<{ id: string }>(
    await db().execute(sql`
      UPDATE volunteer_suggestion_runs
      SET status = 'running', phase = 'candidates', started_at = now(), heartbeat_at = now()
      WHERE id = ${runId} AND status = 'queued'
      RETURNING id`),
  )
  if (claimed.length === 0) return { status: 'skipped', runId }
  try {
    const phases = await execute(runId, now)
    return { status: 'finished', runId, phases }
  } catch (err) {
    logger().error({ err, runId }, 'suggestion batch failed')
    await db()
      .update(volunteerSuggestionRuns)
      .set({ status: 'failed', finishedAt: new Date(), error: String(err).slice(0, 500) })
      .where(eq(volunteerSuggestionRuns.id, runId))
    return { status: 'failed', runId }
  }
}

async function progress(
  runId: string,
  values: Partial<
    Pick<
      VolunteerSuggestionRun,
      'phase' | 'openRequests' | 'requestsDone' | 'candidatePairs' | 'suggestibleRequests'
    >
  >,
) {
  await db()
    .update(volunteerSuggestionRuns)
    .set({ ...values, heartbeatAt: new Date() })
    .where(eq(volunteerSuggestionRuns.id, runId))
}

interface OpenRequest {
  request: VolunteerRequest
  /** The request as the pair score reads it (with the group's hours), made once per run. */
  match: MatchRequest
  equity: RequestEquity
}

/** Every open request with what the equity terms read (one statement; a few thousand rows). */
async function openRequests(now: Date): Promise<OpenRequest[]> {
  const rows = await db()
    .select({
      request: volunteerRequests,
      budgetBand: sql<BudgetBand | null>`o.budget_band`,
      svi: sql<number | null>`p.svi`,
      pending: sql<number>`(SELECT count(*)::int FROM volunteer_engagements e
        WHERE e.request_id = ${volunteerRequests.id} AND e.status = 'proposed'
          AND e.respond_by > now())`,
    })
    .from(volunteerRequests)
    .innerJoin(sql`organizations o`, sql`o.id = ${volunteerRequests.organizationId}`)
    .leftJoin(sql`places p`, sql`p.fips = ${volunteerRequests.placeFips}`)
    .where(eq(volunteerRequests.status, 'open'))
    .orderBy(volunteerRequests.id)
  const hours = await groupHoursOf(
    rows.map((row) => row.request),
    now,
  )
  return rows.map(({ request, budgetBand, svi, pending }) => ({
    request,
    match: matchRequestOf(request, todayUtc(now), hours.get(request.id) ?? []),
    equity: {
      vulnerabilityQuartile: vulnerabilityQuartile(svi === null ? null : Number(svi)),
      budgetBand,
      daysOpen: request.openedAt
        ? Math.max(0, Math.floor((now.getTime() - request.openedAt.getTime()) / 86_400_000))
        : 0,
      pendingOffers: Number(pending),
    },
  }))
}

/** Refills the pool: every skill row of every volunteer who is not paused. */
async function fillPool() {
  await db().execute(sql`TRUNCATE volunteer_suggestion_pool`)
  await db().execute(sql`
    INSERT INTO volunteer_suggestion_pool
      (profile_id, skill, level, languages, work_mode, place_fips, travel_area)
    SELECT s.profile_id, s.skill, s.level, p.languages, p.work_mode, p.place_fips, p.travel_area
    FROM volunteer_skills s JOIN volunteer_profiles p ON p.id = s.profile_id
    WHERE NOT p.paused`)
  await db().execute(sql`ANALYZE volunteer_suggestion_pool`)
}

/**
 * Where a pool row's volunteer may work on site for the request: in its county, or anywhere in its
 * state for one who travels state-wide (decision 028, "within area"; FIPS codes start with the
 * state's two digits).
 */
const REACHES = sql`(b.place_fips = r.place_fips OR (b.travel_area = 'same_state'
  AND left(b.place_fips, 2) = left(r.place_fips, 2)))`

/** The three ways a pool row can meet a request's work mode and place (see `branch`). */
type Reach = 'county' | 'state' | 'remote'
const PLACE: Record<Reach, SQL> = {
  // On-site work, by the index on (skill, county, level, profile).
  county: sql`r.work_mode = 'on_site' AND b.place_fips = r.place_fips AND b.work_mode <> 'remote'`,
  // On-site work, by volunteers of other counties of the state who travel state-wide.
  state: sql`r.work_mode = 'on_site' AND b.travel_area = 'same_state'
    AND b.place_fips <> r.place_fips AND left(b.place_fips, 2) = left(r.place_fips, 2)
    AND b.work_mode <> 'remote'`,
  remote: sql`r.work_mode <> 'on_site'
    AND (b.work_mode <> 'on_site' OR (r.work_mode = 'either' AND ${REACHES}))`,
}

/**
 * One branch of a request's candidate walk: the pool rows of one level, on one side of the
 * request's id, through the index that fits its work mode, each stopping at the cap. Branches run
 * in order (best level first, then from the request's id round to it), and the LIMIT over all of
 * them stops the walk as soon as the cap is reached.
 */
function branch(level: SkillLevel, reach: Reach, after: boolean) {
  return sql`(SELECT b.profile_id, b.level FROM volunteer_suggestion_pool b
    WHERE ${PLACE[reach]} AND b.skill = r.skill AND b.level = ${level}::skill_level
      AND ${level}::skill_level >= r.min_level
      AND b.profile_id ${after ? sql`>=` : sql`<`} r.id
      AND b.languages @> r.languages
    ORDER BY b.profile_id LIMIT ${BATCH_CANDIDATES})`
}

const WALK = sql.join(
  [...SKILL_LEVELS]
    .reverse()
    .flatMap((level) =>
      (['county', 'state', 'remote'] as const).flatMap((reach) => [
        branch(level, reach, true),
        branch(level, reach, false),
      ]),
    ),
  sql` UNION ALL `,
)

/** The query for the capped candidates of a page of requests (the bench EXPLAINs it). */
export const candidatesQuery = (requestIds: string[]) => sql`
  SELECT r.id AS request_id, c.profile_id, c.level
  FROM volunteer_requests r
  CROSS JOIN LATERAL (SELECT * FROM (${WALK}) walk LIMIT ${BATCH_CANDIDATES}) c
  WHERE r.id = ANY(${sql.param(requestIds)}::uuid[])
    -- Someone already proposed for (or working on) the request is not suggested it again.
    AND NOT EXISTS (SELECT 1 FROM volunteer_engagements e WHERE e.request_id = r.id
      AND e.profile_id = c.profile_id AND e.status IN ('proposed', 'accepted', 'active'))`

/** The capped candidates of a page of requests: (request, profile, level) rows. */
async function candidatesOf(requestIds: string[]) {
  return db().transaction(async (tx) => {
    // The walk must follow the index in id order and stop at the cap; a bitmap scan (which the
    // planner picks when it underestimates how many rows pass the language filter) reads every
    // holder of the skill and sorts them instead, about 100 times the work. The planner's cost
    // estimate for the walks is so high that PostgreSQL would JIT-compile each page (about 2 s).
    await tx.execute(sql`SET LOCAL enable_bitmapscan = off`)
    await tx.execute(sql`SET LOCAL jit = off`)
    return rowsOf<{ request_id: string; profile_id: string; level: SkillLevel }>(
      await tx.execute(candidatesQuery(requestIds)),
    )
  })
}

interface ProfileDetails {
  languages: string[]
  mode: WorkMode
  hoursPerMonth: number
  placeFips: string | null
  travelArea: TravelArea
  availability: MatchVolunteer['availability']
  completed: number
}

/** What scoring reads of each profile, for those not fetched yet. */
async function fetchProfiles(ids: string[], into: Map<string, ProfileDetails>, now: Date) {
  const offsets = new Map<string, number>()
  const offsetOf = (zone: string) => {
    if (!offsets.has(zone)) offsets.set(zone, zoneOffsetMinutes(zone, now))
    return offsets.get(zone)!
  }
  for (let i = 0; i < ids.length; i += PROFILE_PAGE) {
    const page = ids.slice(i, i + PROFILE_PAGE)
    const rows = rowsOf<{
      id: string
      languages: string[]
      work_mode: WorkMode
      hours_per_month: number
      place_fips: string | null
      travel_area: TravelArea
      time_zone: string
      windows: { weekday: number; startMinute: number; endMinute: number }[] | null
      completed: number
    }>(
      await db().execute(sql`
        SELECT p.id, p.languages, p.work_mode, p.hours_per_month, p.place_fips, p.travel_area,
          p.time_zone,
          (SELECT json_agg(json_build_object('weekday', a.weekday, 'startMinute', a.start_minute,
              'endMinute', a.end_minute))
            FROM volunteer_availability a WHERE a.profile_id = p.id) AS windows,
          (SELECT count(*)::int FROM volunteer_engagements e
            WHERE e.profile_id = p.id AND e.status = 'completed') AS completed
        FROM volunteer_profiles p WHERE p.id = ANY(${sql.param(page)}::uuid[])`),
    )
    for (const p of rows)
      into.set(p.id, {
        languages: p.languages,
        mode: p.work_mode,
        hoursPerMonth: p.hours_per_month,
        placeFips: p.place_fips,
        travelArea: p.travel_area,
        availability: windowsInUtc(
          (p.windows ?? []).map((w) => ({ ...w, weekday: w.weekday as Weekday })),
          offsetOf(p.time_zone),
        ),
        completed: Number(p.completed),
      })
  }
}

const volunteerOf = (
  id: string,
  p: ProfileDetails,
  skill: Skill,
  level: SkillLevel,
): MatchVolunteer => ({
  id,
  paused: false,
  skills: [{ skill, level }],
  languages: p.languages,
  mode: p.mode,
  hoursPerMonth: p.hoursPerMonth,
  availability: p.availability,
  availableFrom: null,
  availableUntil: null,
  completedEngagements: p.completed,
})

/** The pair's reasons, fit and equity, as the volunteer's list would give them. */
function pairReasons(
  o: OpenRequest,
  profileId: string,
  p: ProfileDetails,
  level: SkillLevel,
  today: string,
  weights: MatchWeights,
): { fit: number; reasons: MatchReason[] } | null {
  const pair = scorePair(
    volunteerOf(profileId, p, o.request.skill as Skill, level),
    o.match,
    { today, placeFit: placeFitOf(p.placeFips, p.travelArea, o.request.placeFips) },
    weights,
  )
  if (!pair.eligible) return null
  return {
    fit: pair.score,
    reasons: [...pair.reasons, ...equityReasons(pair.score, o.equity, weights)],
  }
}

async function execute(runId: string, now: Date) {
  const phases = { pool: 0, candidates: 0, solving: 0, storing: 0 }
  let mark = performance.now()
  const lap = (phase: keyof typeof phases) => {
    const at = performance.now()
    phases[phase] = Math.round(at - mark)
    mark = at
  }
  const today = todayUtc(now)
  const [weights, open] = await Promise.all([currentMatchWeights(), openRequests(now)])
  const eligible = open.filter((o) => suggestible(o.equity, weights))
  await progress(runId, {
    openRequests: open.length,
    suggestibleRequests: eligible.length,
  })
  await fillPool()
  lap('pool')

  const byId = new Map(open.map((o) => [o.request.id, o]))
  const profiles = new Map<string, ProfileDetails>()
  const pairs: CandidatePair[] = []
  const levels = new Map<string, SkillLevel>()
  for (let i = 0; i < eligible.length; i += REQUEST_PAGE) {
    const page = eligible.slice(i, i + REQUEST_PAGE)
    const rows = await candidatesOf(page.map((o) => o.request.id))
    await fetchProfiles(
      [...new Set(rows.map((r) => r.profile_id))].filter((id) => !profiles.has(id)),
      profiles,
      now,
    )
    for (const row of rows) {
      const o = byId.get(row.request_id)!
      const p = profiles.get(row.profile_id)
      if (!p) continue
      const scored = pairReasons(o, row.profile_id, p, row.level, today, weights)
      if (!scored) continue
      pairs.push({ volunteerId: row.profile_id, requestId: row.request_id, fit: scored.fit })
      levels.set(`${row.request_id} ${row.profile_id}`, row.level)
    }
    await progress(runId, {
      requestsDone: Math.min(eligible.length, i + REQUEST_PAGE),
      candidatePairs: pairs.length,
    })
  }
  lap('candidates')

  await progress(runId, { phase: 'solving' })
  const requests: AssignmentRequest[] = eligible.map((o) => ({
    id: o.request.id,
    groupId: o.request.organizationId,
    equity: o.equity,
  }))
  const assignment = suggestMatches(requests, pairs, {
    weights,
    maxCandidatesPerRequest: BATCH_CANDIDATES,
  })
  lap('solving')

  await progress(runId, { phase: 'storing' })
  const rows = assignment.suggestions.map((s) => {
    const o = byId.get(s.requestId)!
    const level = levels.get(`${s.requestId} ${s.volunteerId}`)!
    const scored = pairReasons(
      o,
      s.volunteerId,
      profiles.get(s.volunteerId)!,
      level,
      today,
      weights,
    )!
    return {
      runId,
      requestId: s.requestId,
      profileId: s.volunteerId,
      fit: s.fit,
      score: sumPoints(scored.reasons),
      reasons: scored.reasons,
    }
  })
  await db().transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += 1000)
      await tx.insert(volunteerSuggestions).values(rows.slice(i, i + 1000))
    const still = await tx
      .update(volunteerSuggestionRuns)
      .set({
        status: 'finished',
        phase: null,
        finishedAt: new Date(),
        heartbeatAt: new Date(),
        coveredRequests: assignment.coveredRequests,
        suggestions: rows.length,
        objective: assignment.objective,
      })
      .where(
        and(eq(volunteerSuggestionRuns.id, runId), eq(volunteerSuggestionRuns.status, 'running')),
      )
      .returning({ id: volunteerSuggestionRuns.id })
    // Taken for dead (stale) meanwhile, and perhaps followed by a newer run: keep nothing.
    if (still.length === 0) throw new Error('the run was marked failed while it worked')
    // Only the newest finished run is read; older runs keep their summary, not their rows.
    await tx.execute(sql`
      DELETE FROM volunteer_suggestions WHERE run_id <> ${runId}`)
  })
  await db().execute(sql`TRUNCATE volunteer_suggestion_pool`)
  lap('storing')
  return phases
}

/** The newest run (live or not) and the newest finished one, for the admin page. */
export async function suggestionRunSummary() {
  const [latest] = await db()
    .select()
    .from(volunteerSuggestionRuns)
    .orderBy(desc(volunteerSuggestionRuns.createdAt))
    .limit(1)
  const [finished] =
    latest?.status === 'finished'
      ? [latest]
      : await db()
          .select()
          .from(volunteerSuggestionRuns)
          .where(eq(volunteerSuggestionRuns.status, 'finished'))
          .orderBy(desc(volunteerSuggestionRuns.finishedAt))
          .limit(1)
  return { latest: latest ?? null, finished: finished ?? null }
}

export const suggestionBatchJobs = [
  {
    name: SUGGESTION_BATCH_JOB,
    // At most one waiting and one running on the queue; the run table allows one live run.
    policy: 'stately',
    // Nightly, after the request sweep has expired what is past its deadline.
    cron: '45 6 * * *',
    run: async (data: { runId?: string }) => {
      const outcome = data.runId ? await runSuggestionBatch(data.runId) : await suggestMatchesNow()
      return outcome ? { status: outcome.status, runId: outcome.runId } : { status: 'skipped' }
    },
  } satisfies JobDefinition<{ runId?: string }>,
]
