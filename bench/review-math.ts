/**
 * The review mathematics at the issue's scale: 2,000 applications, 60 reviewers, 3 reviews each
 * (issue 9, "Performance": each step under 1 s). Pure computation, no database.
 * Usage: npx tsx bench/review-math.ts [applications] [reviewers]
 */
import { programAgreement, rubricAgreement } from '#app/domain/review/agreement.ts'
import { explainProposal } from '#app/domain/review/explanation.ts'
import { reviewerLeniency, scoreGap, topQuartile } from '#app/domain/review/fairness.ts'
import { normaliseScores } from '#app/domain/review/normalise.ts'
import {
  compareRanked,
  proposeFundedSet,
  rankingSet,
  type Candidate,
} from '#app/domain/review/proposal.ts'
import {
  applicationScores,
  scoreReviews,
  type ReviewRecord,
  type ScoringCriterion,
} from '#app/domain/review/scores.ts'

const APPLICATIONS = Number(process.argv[2] ?? 2_000)
const REVIEWERS = Number(process.argv[3] ?? 60)
const PER_APPLICATION = 3

// A small deterministic generator (mulberry32), so every run times the same programme.
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const rand = random(20261130)

const rubric: ScoringCriterion[] = [30, 25, 20, 15, 10].map((weight, i) => ({
  id: `c${i}`,
  weight,
  minLevel: 1,
  maxLevel: 5,
}))
const leniency = Array.from({ length: REVIEWERS }, () => (rand() - 0.5) * 1.5)
const quality = Array.from({ length: APPLICATIONS }, () => 1 + rand() * 4)
const reviews: ReviewRecord[] = []
for (let a = 0; a < APPLICATIONS; a++) {
  for (let k = 0; k < PER_APPLICATION; k++) {
    // Round-robin assignment: 2,000 × 3 / 60 = 100 reviews per reviewer, three distinct reviewers.
    const r = (a * PER_APPLICATION + k) % REVIEWERS
    reviews.push({
      reviewerId: `r${r}`,
      applicationId: `a${a}`,
      reviewerWeight: r % 10 === 0 ? 1.5 : 1,
      scores: rubric.map((c) => ({
        criterionId: c.id,
        level: Math.min(
          5,
          Math.max(1, Math.round(quality[a]! + leniency[r]! + (rand() - 0.5) * 2)),
        ),
      })),
    })
  }
}
const amounts = Array.from(
  { length: APPLICATIONS },
  () => (50 + Math.floor(rand() * 2_450)) * 10_000,
)
const vulnerability = Array.from({ length: APPLICATIONS }, () => (rand() < 0.05 ? null : rand()))
const mostVulnerable = topQuartile(vulnerability)
const small = Array.from({ length: APPLICATIONS }, () => rand() < 0.35)
const totalRequested = amounts.reduce((s, a) => s + a, 0)
const budget = Math.round(totalRequested / 10 / 100) * 100

type Row = { step: string; runs: number; median: number; max: number; cpu: number; note: string }
const rows: Row[] = []
async function time<T>(step: string, fn: () => T | Promise<T>, runs: number, note = (_: T) => '') {
  const times: number[] = []
  const cpu: number[] = []
  let last: T | undefined
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    const used = process.cpuUsage()
    last = await fn()
    times.push(performance.now() - start)
    const spent = process.cpuUsage(used)
    cpu.push((spent.user + spent.system) / 1000)
  }
  cpu.sort((x, y) => x - y)
  times.sort((x, y) => x - y)
  rows.push({
    step,
    runs,
    median: times[Math.floor(times.length / 2)]!,
    max: times.at(-1)!,
    cpu: cpu[Math.floor(cpu.length / 2)]!,
    note: note(last as T),
  })
  return last as T
}

const scored = await time(
  'scores (0–100 per review, per application)',
  () => {
    const s = scoreReviews(rubric, reviews)
    applicationScores(rubric, reviews, { reviewersPerApplication: PER_APPLICATION })
    return s
  },
  10,
  (s) => `${s.length} reviews`,
)
const normalised = await time(
  'normalisation',
  () => normaliseScores(scored),
  10,
  (n) => `pool mean ${n.pool.mean!.toFixed(1)}, sd ${n.pool.sd!.toFixed(1)}`,
)
await time(
  'Krippendorff alpha (5 criteria + overall)',
  () => [rubricAgreement(rubric, reviews), programAgreement(scored)],
  10,
  ([criteria, overall]) =>
    `overall α ${(overall as ReturnType<typeof programAgreement>).alpha!.toFixed(3)}, ${(criteria as unknown[]).length} criteria`,
)
await time(
  'leniency + 1 score gap',
  () => {
    reviewerLeniency(scored)
    const apps = applicationScores(rubric, reviews, { reviewersPerApplication: PER_APPLICATION })
    return scoreGap(
      apps.filter((_, i) => small[i]).map((a) => ({ score: a.mean!, reviews: a.reviews })),
      apps.filter((_, i) => !small[i]).map((a) => ({ score: a.mean!, reviews: a.reviews })),
    )
  },
  10,
)

const raw = new Map(
  applicationScores(rubric, reviews, { reviewersPerApplication: PER_APPLICATION }).map((a) => [
    a.applicationId,
    a.mean,
  ]),
)
const norm = new Map(normalised.applications.map((a) => [a.applicationId, a.normalised]))
const candidates: Candidate[] = amounts.map((amount, i) => ({
  applicationId: `a${i}`,
  amount,
  raw: raw.get(`a${i}`) ?? null,
  normalised: norm.get(`a${i}`) ?? null,
  flags: [
    ...(mostVulnerable[i] ? ['most_vulnerable_place'] : []),
    ...(small[i] ? ['small_budget'] : []),
  ],
}))
await time(
  'plain ranking',
  () =>
    rankingSet(candidates.map((c) => ({ ...c, score: c.normalised! })).sort(compareRanked), budget),
  10,
  (set) => `${set.length} funded`,
)
const guardrails = [
  { flag: 'most_vulnerable_place', minPercent: 40 },
  { flag: 'small_budget', minPercent: 50 },
]
const input = { candidates, budget, guardrails, basis: 'normalised' as const }
await time(
  'solver load (first call: 1 candidate)',
  () => proposeFundedSet({ ...input, candidates: candidates.slice(0, 1) }),
  1,
)
const proposal = await time(
  'decision proposal (2 guardrails; 2 MIP solves)',
  () => proposeFundedSet(input),
  5,
  (p) =>
    `${p.status} (within ${p.optimalityGap?.toFixed(2)} points); ${p.proposal?.applicationIds.length} funded, ${p.guardrailEffect?.swaps.length} swaps`,
)
await time(
  'explanation',
  () => explainProposal(proposal),
  10,
  (lines) => `${lines.length} lines`,
)

console.log(
  `${APPLICATIONS} applications, ${REVIEWERS} reviewers, ${PER_APPLICATION} reviews each; budget ${budget / 100} of ${totalRequested / 100} requested`,
)
console.log(
  `${'step'.padEnd(48)} ${'runs'.padStart(4)} ${'median ms'.padStart(10)} ${'max ms'.padStart(9)} ${'cpu ms'.padStart(9)}  note`,
)
for (const r of rows) {
  console.log(
    `${r.step.padEnd(48)} ${String(r.runs).padStart(4)} ${r.median.toFixed(1).padStart(10)} ${r.max.toFixed(1).padStart(9)} ${r.cpu.toFixed(1).padStart(9)}  ${r.note}`,
  )
}
const shares = proposal.proposal?.shares.map((s) => `${s.flag} ${s.percent?.toFixed(1)}%`)
console.log(
  `proposal shares: ${shares?.join(', ')}; ranking: ${proposal.ranking.shares.map((s) => `${s.flag} ${s.percent?.toFixed(1)}%`).join(', ')}`,
)
