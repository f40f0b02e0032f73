import { describe, expect, it } from 'vitest'
import {
  scorePair,
  weeklyOverlapMinutes,
  type MatchRequest,
  type MatchVolunteer,
} from '#app/domain/volunteers/matching.ts'
import {
  equityMultiplier,
  equityReasons,
  rankRequestsForVolunteer,
  rankVolunteersForRequest,
  vulnerabilityQuartile,
  type RequestEquity,
} from '#app/domain/volunteers/ranking.ts'
import { describeFilter, describeReason } from '#app/domain/volunteers/reason-words.ts'
import { REASON_KEYS, type MatchReason } from '#app/domain/volunteers/reasons.ts'
import { checkMatchWeights, DEFAULT_MATCH_WEIGHTS } from '#app/domain/volunteers/weights.ts'
import { fixedT } from '#app/utils/i18n.server.ts'
import { readResources } from '#tests/support/i18n-keys.ts'

/*
 * The pair score and the two ranked lists (decision 028), worked by hand with the default
 * weights: skill 35, language 10, overlap 15 (full at 4 h a week), hours 15, availability 15,
 * experience 10 (full at 5 completed); levels earn 0.5, 0.8, 1 of the skill points.
 */

const TODAY = '2026-12-01'
const DAY = 24 * 60

/** Monday 17:00–20:00 and Wednesday 17:00–20:00 UTC. */
const eveningsMonWed = [
  { start: 17 * 60, end: 20 * 60 },
  { start: 2 * DAY + 17 * 60, end: 2 * DAY + 20 * 60 },
]

const volunteer = (over: Partial<MatchVolunteer> = {}): MatchVolunteer => ({
  id: 'v1',
  paused: false,
  skills: [{ skill: 'finance', level: 'expert' }],
  languages: ['en', 'es'],
  mode: 'remote',
  hoursPerMonth: 10,
  availability: eveningsMonWed,
  availableFrom: '2026-12-16',
  availableUntil: null,
  completedEngagements: 2,
  ...over,
})

const request = (over: Partial<MatchRequest> = {}): MatchRequest => ({
  id: 'r1',
  skill: 'finance',
  minLevel: null,
  languages: ['en'],
  preferredLanguages: ['en', 'es'],
  mode: 'remote',
  hours: 20,
  deadline: '2026-12-31',
  // Monday 14:00–18:00 UTC only: one hour shared with the volunteer's Monday evening.
  groupHours: [{ start: 14 * 60, end: 18 * 60 }],
  ...over,
})

const context = { today: TODAY, placeFit: 'unknown' as const }

const points = (reasons: readonly MatchReason[]) =>
  Object.fromEntries(reasons.map((r) => [r.code, r.points]))

describe('scorePair', () => {
  it('adds up the reasons of a hand-worked pair', () => {
    const result = scorePair(volunteer(), request(), context)
    // skill: expert 35 × 1; languages: 2 of 2 preferred, 10; overlap: 1 h of 4, 15/4 = 3.75 → 3.8;
    // hours: 20 h in 30 days needs 20 a month, 10 offered, 15 × 0.5 = 7.5; availability: from
    // Dec 16 to Dec 31 is 15 of 30 days, 7.5; experience: 2 of 5, 4.
    expect(result).toEqual({
      eligible: true,
      score: 67.8,
      reasons: [
        { code: 'skill_level', params: { skill: 'finance', level: 'expert' }, points: 35 },
        {
          code: 'language_preferred',
          params: { spoken: 2, preferred: 2, languages: ['en', 'es'] },
          points: 10,
        },
        { code: 'time_overlap', params: { hours: 1 }, points: 3.8 },
        { code: 'hours_fit', params: { offered: 10, needed: 20 }, points: 7.5 },
        { code: 'availability', params: { days: 15, of: 30 }, points: 7.5 },
        { code: 'experience', params: { count: 2 }, points: 4 },
      ],
    })
  })

  it('scores the level when the request sets no minimum', () => {
    const some = scorePair(
      volunteer({ skills: [{ skill: 'finance', level: 'some' }] }),
      request(),
      context,
    )
    const experienced = scorePair(
      volunteer({ skills: [{ skill: 'finance', level: 'experienced' }] }),
      request(),
      context,
    )
    expect(some.eligible && points(some.reasons).skill_level).toBe(17.5)
    expect(experienced.eligible && points(experienced.reasons).skill_level).toBe(28)
  })

  it('gives the language points by the share of preferred languages spoken', () => {
    const result = scorePair(volunteer({ languages: ['en'] }), request(), context)
    expect(result.eligible && result.reasons[1]).toEqual({
      code: 'language_preferred',
      params: { spoken: 1, preferred: 2, languages: ['en'] },
      points: 5,
    })
  })

  it('gives every volunteer the language points when nothing beyond the required is preferred', () => {
    const required = scorePair(volunteer(), request({ preferredLanguages: [] }), context)
    const open = scorePair(volunteer(), request({ preferredLanguages: [], languages: [] }), context)
    expect(required.eligible && required.reasons[1]).toEqual({
      code: 'language_required',
      params: { languages: ['en'] },
      points: 10,
    })
    expect(open.eligible && open.reasons[1]).toEqual({
      code: 'language_open',
      params: {},
      points: 10,
    })
  })

  it('gives full overlap points from 4 h a week and half when a side gave no hours', () => {
    const full = scorePair(
      volunteer(),
      request({ groupHours: [{ start: 0, end: 7 * DAY }] }),
      context,
    )
    const unknown = scorePair(volunteer({ availability: [] }), request(), context)
    expect(full.eligible && full.reasons[2]).toEqual({
      code: 'time_overlap',
      params: { hours: 6 },
      points: 15,
    })
    expect(unknown.eligible && unknown.reasons[2]).toEqual({
      code: 'time_overlap_unknown',
      params: {},
      points: 7.5,
    })
  })

  it('counts availability only between today, the deadline and the volunteer’s own end', () => {
    const result = scorePair(
      volunteer({ availableFrom: null, availableUntil: '2026-12-07', hoursPerMonth: 40 }),
      request(),
      context,
    )
    // Dec 1 to Dec 7: 6 of 30 days, 15 × 6/30 = 3; 40 a month offered against 20 needed: all 15.
    expect(result.eligible && points(result.reasons)).toMatchObject({
      hours_fit: 15,
      availability: 3,
    })
  })

  it('treats a deadline today or past as one day left', () => {
    const result = scorePair(
      volunteer({ availableFrom: null }),
      request({ deadline: '2026-11-20', hours: 2 }),
      context,
    )
    // 2 h in one day is 60 h a month; 10 offered: 15 × 10/60 = 2.5. No day available: 0.
    expect(result.eligible && result.reasons.slice(3, 5)).toEqual([
      { code: 'hours_fit', params: { offered: 10, needed: 60 }, points: 2.5 },
      { code: 'availability', params: { days: 0, of: 1 }, points: 0 },
    ])
  })

  it('caps the experience points at five completed engagements', () => {
    const result = scorePair(volunteer({ completedEngagements: 9 }), request(), context)
    expect(result.eligible && points(result.reasons).experience).toBe(10)
  })

  it('says where on-site work is, for no points of its own', () => {
    const onSite = request({ mode: 'on_site' })
    const result = scorePair(volunteer({ mode: 'either' }), onSite, {
      today: TODAY,
      placeFit: 'within_area',
    })
    expect(result.eligible && result.reasons.at(-1)).toEqual({
      code: 'on_site_place',
      params: { fit: 'within_area' },
      points: 0,
    })
    expect(result.eligible && result.score).toBe(67.8)
  })

  it('keeps the score within 0–100', () => {
    const best = scorePair(
      volunteer({ availableFrom: null, hoursPerMonth: 40, completedEngagements: 5 }),
      request({ groupHours: [{ start: 0, end: 7 * DAY }] }),
      context,
    )
    expect(best.eligible && best.score).toBe(100)
  })
})

describe('hard filters', () => {
  const cases: [string, MatchVolunteer, MatchRequest, string][] = [
    ['paused', volunteer({ paused: true }), request(), 'unknown'],
    [
      'skill_missing',
      volunteer({ skills: [{ skill: 'legal', level: 'expert' }] }),
      request(),
      'unknown',
    ],
    [
      'below_minimum_level',
      volunteer({ skills: [{ skill: 'finance', level: 'some' }] }),
      request({ minLevel: 'experienced' }),
      'unknown',
    ],
    [
      'language_missing',
      volunteer({ languages: ['en'] }),
      request({ languages: ['en', 'es'] }),
      'unknown',
    ],
    ['work_mode', volunteer({ mode: 'remote' }), request({ mode: 'on_site' }), 'same_place'],
    ['work_mode', volunteer({ mode: 'on_site' }), request({ mode: 'remote' }), 'same_place'],
    ['outside_area', volunteer({ mode: 'either' }), request({ mode: 'on_site' }), 'outside_area'],
    ['outside_area', volunteer({ mode: 'on_site' }), request({ mode: 'either' }), 'unknown'],
  ]
  it.each(cases)('%s', (failed, v, r, placeFit) => {
    expect(scorePair(v, r, { today: TODAY, placeFit: placeFit as 'unknown' })).toEqual({
      eligible: false,
      failed,
    })
  })

  it('passes a level at the minimum, and a remote volunteer for work that may be either', () => {
    expect(
      scorePair(
        volunteer({ skills: [{ skill: 'finance', level: 'experienced' }] }),
        request({ minLevel: 'experienced' }),
        context,
      ).eligible,
    ).toBe(true)
    expect(scorePair(volunteer(), request({ mode: 'either' }), context).eligible).toBe(true)
  })
})

describe('weeklyOverlapMinutes', () => {
  it('intersects windows, counting a window past Sunday midnight on both sides of the week', () => {
    const sundayNight = [{ start: 7 * DAY - 60, end: 60 }]
    expect(weeklyOverlapMinutes(sundayNight, [{ start: 0, end: 120 }])).toBe(60)
    expect(weeklyOverlapMinutes(sundayNight, [{ start: 7 * DAY - 30, end: 7 * DAY }])).toBe(30)
  })

  it('counts overlapping windows of one side once', () => {
    const twice = [
      { start: 60, end: 180 },
      { start: 120, end: 240 },
    ]
    expect(weeklyOverlapMinutes(twice, [{ start: 0, end: DAY }])).toBe(180)
  })

  it('finds nothing shared between disjoint windows', () => {
    expect(weeklyOverlapMinutes([{ start: 0, end: 60 }], [{ start: 60, end: 120 }])).toBe(0)
  })
})

const equity = (over: Partial<RequestEquity> = {}): RequestEquity => ({
  vulnerabilityQuartile: null,
  budgetBand: null,
  daysOpen: 0,
  pendingOffers: 0,
  ...over,
})

describe('equity terms', () => {
  it('lists each boost as its share of the fit and the pending offers as a loss', () => {
    // Fit 60: quarter 4 +30% = 18; under $50k +20% = 12; 7 of 14 days of the 15% wait boost, 4.5;
    // boosted 94.5, and two pending offers keep 0.7² = 0.49 of it: 94.5 × 0.51 = 48.195 → −48.2.
    const e = equity({
      vulnerabilityQuartile: 4,
      budgetBand: 'under_50k',
      daysOpen: 7,
      pendingOffers: 2,
    })
    expect(equityReasons(60, e)).toEqual([
      { code: 'vulnerable_place', params: { quartile: 4 }, points: 18 },
      { code: 'small_organisation', params: { band: 'under_50k' }, points: 12 },
      { code: 'waiting', params: { days: 7 }, points: 4.5 },
      { code: 'pending_offers', params: { count: 2 }, points: -48.2 },
    ])
    expect(equityMultiplier(e)).toBeCloseTo(1.575 * 0.49, 12)
  })

  it('lists nothing for a request no term moves', () => {
    expect(equityReasons(60, equity({ vulnerabilityQuartile: 1, budgetBand: 'over_5m' }))).toEqual(
      [],
    )
    expect(equityMultiplier(equity())).toBe(1)
  })

  it('puts a percentile on a boundary in the quarter above', () => {
    expect([0, 0.2499, 0.25, 0.5, 0.75, 1, null].map(vulnerabilityQuartile)).toEqual([
      1,
      1,
      2,
      3,
      4,
      4,
      null,
    ])
  })
})

describe('rankRequestsForVolunteer', () => {
  const v = volunteer({ availableFrom: null })
  const entry = (id: string, e: Partial<RequestEquity>, over: Partial<MatchRequest> = {}) => ({
    request: request({ id, ...over }),
    equity: equity(e),
    placeFit: 'unknown' as const,
  })

  it('lifts a request from a vulnerable place above a better fit, and explains it', () => {
    const ranked = rankRequestsForVolunteer(
      v,
      [
        entry('attractive', {}),
        // A weaker fit: the volunteer speaks none of the languages this group prefers.
        entry('vulnerable', { vulnerabilityQuartile: 4 }, { preferredLanguages: ['vi'] }),
      ],
      TODAY,
    )
    // attractive: 35 + 10 + 3.8 + 7.5 + 15 + 4 = 75.3; vulnerable: 65.3, then +30% = 19.6 → 84.9.
    expect(ranked.map((r) => [r.requestId, r.fit, r.score])).toEqual([
      ['vulnerable', 65.3, 84.9],
      ['attractive', 75.3, 75.3],
    ])
    expect(ranked[0]!.reasons.at(-1)).toEqual({
      code: 'vulnerable_place',
      params: { quartile: 4 },
      points: 19.6,
    })
  })

  it('ranks a request lower with each pending offer and leaves it out at three', () => {
    const ranked = rankRequestsForVolunteer(
      v,
      [
        entry('none', {}),
        entry('one', { pendingOffers: 1 }),
        entry('two', { pendingOffers: 2 }),
        entry('three', { pendingOffers: 3 }),
      ],
      TODAY,
    )
    // 75.3; × 0.7 → −22.6 (52.7); × 0.49 → −38.4 (36.9).
    expect(ranked.map((r) => [r.requestId, r.score])).toEqual([
      ['none', 75.3],
      ['one', 52.7],
      ['two', 36.9],
    ])
  })

  it('leaves out requests the volunteer fails a hard filter for', () => {
    const ranked = rankRequestsForVolunteer(
      v,
      [entry('legal', {}, { skill: 'legal' }), entry('finance', {})],
      TODAY,
    )
    expect(ranked.map((r) => r.requestId)).toEqual(['finance'])
  })

  it('breaks ties by the longer wait, then by id', () => {
    const flat = { ...DEFAULT_MATCH_WEIGHTS, waitBoost: 0 }
    const ranked = rankRequestsForVolunteer(
      v,
      [entry('b', { daysOpen: 1 }), entry('a', { daysOpen: 1 }), entry('c', { daysOpen: 9 })],
      TODAY,
      flat,
    )
    expect(ranked.map((r) => r.requestId)).toEqual(['c', 'a', 'b'])
  })
})

describe('rankVolunteersForRequest', () => {
  it('orders by the pair score, then completed work, then id', () => {
    const r = request({ preferredLanguages: [] })
    const ranked = rankVolunteersForRequest(
      r,
      [
        { volunteer: volunteer({ id: 'a', completedEngagements: 5 }), placeFit: 'unknown' },
        { volunteer: volunteer({ id: 'b', completedEngagements: 8 }), placeFit: 'unknown' },
        { volunteer: volunteer({ id: 'c', completedEngagements: 5 }), placeFit: 'unknown' },
        {
          volunteer: volunteer({ id: 'd', skills: [{ skill: 'finance', level: 'some' }] }),
          placeFit: 'unknown',
        },
        { volunteer: volunteer({ id: 'e', paused: true }), placeFit: 'unknown' },
      ],
      TODAY,
    )
    // a, b, c: 35 + 10 + 3.8 + 7.5 + 7.5 + 10 = 73.8; d: 17.5 + … + 4 = 50.3; e paused.
    expect(ranked.map((x) => [x.volunteerId, x.score])).toEqual([
      ['b', 73.8],
      ['a', 73.8],
      ['c', 73.8],
      ['d', 50.3],
    ])
  })
})

describe('checkMatchWeights', () => {
  it('accepts the defaults', () => {
    expect(checkMatchWeights(DEFAULT_MATCH_WEIGHTS)).toEqual([])
  })

  it('finds every problem at once', () => {
    const w = {
      ...DEFAULT_MATCH_WEIGHTS,
      factors: { ...DEFAULT_MATCH_WEIGHTS.factors, skill: 40 },
      levelShare: { some: 0.9, experienced: 0.8, expert: 1.2 },
      waitBoost: -0.1,
      waitDaysForFull: 0,
      pendingOfferFactor: 0,
      maxPendingOffers: 2.5,
      coverageBonus: Number.NaN,
    }
    expect(checkMatchWeights(w)).toEqual([
      { field: 'waitBoost', code: 'negative' },
      { field: 'coverageBonus', code: 'not_a_number' },
      { field: 'factors', code: 'factors_not_100' },
      { field: 'levelShare.expert', code: 'share_too_large' },
      { field: 'levelShare.experienced', code: 'level_order' },
      { field: 'waitDaysForFull', code: 'must_be_positive' },
      { field: 'pendingOfferFactor', code: 'factor_out_of_range' },
      { field: 'maxPendingOffers', code: 'not_whole' },
    ])
  })

  it('takes decimals that add up to 100', () => {
    const factors = {
      skill: 33.3,
      language: 33.3,
      overlap: 33.4,
      hours: 0,
      availability: 0,
      experience: 0,
    }
    expect(checkMatchWeights({ ...DEFAULT_MATCH_WEIGHTS, factors })).toEqual([])
  })
})

describe('reason sentences', () => {
  it('exist in English and Spanish for every reason code', () => {
    const resources = readResources()
    for (const language of ['en', 'es']) {
      const reasons = (
        resources[language]!.volunteers as { match: { reason: Record<string, string> } }
      ).match.reason
      for (const key of Object.values(REASON_KEYS)) {
        const name = key.replace('volunteers:match.reason.', '')
        expect(reasons[name], `${language} ${key}`).toEqual(expect.any(String))
      }
    }
  })
})

describe('reasons in words', () => {
  const en = fixedT('en')
  const es = fixedT('es')

  it('names the codes inside a sentence in the reader’s language', () => {
    const skill: MatchReason = {
      code: 'skill_level',
      params: { skill: 'finance', level: 'expert' },
      points: 35,
    }
    expect(describeReason(en, 'en', skill)).toBe(
      `${en('applications:skills.skill.finance')}, expert level`,
    )
    expect(describeReason(es, 'es', skill)).toBe(
      `${es('applications:skills.skill.finance')}, nivel experto`,
    )
    const languages: MatchReason = {
      code: 'language_preferred',
      params: { spoken: 2, preferred: 3, languages: ['en', 'es'] },
      points: 6.7,
    }
    expect(describeReason(en, 'en', languages)).toBe(
      'Languages the group prefers: speaks 2 of 3 (English and Spanish)',
    )
    expect(describeReason(es, 'es', languages)).toBe(
      'Idiomas que prefiere el grupo: habla 2 de 3 (inglés y español)',
    )
  })

  it('formats numbers by the locale and says why a pair is no match', () => {
    const overlap: MatchReason = { code: 'time_overlap', params: { hours: 1.5 }, points: 5.6 }
    expect(describeReason(en, 'en', overlap)).toBe(
      'Working time shared with the group: 1.5 h a week',
    )
    expect(describeReason(es, 'es', overlap)).toBe(
      'Horario compartido con el grupo: 1.5 h por semana',
    )
    expect(describeFilter(es, 'outside_area')).toBe('Fuera de la zona del trabajo presencial')
  })
})
