import { sql } from 'drizzle-orm'
import { db } from '#db/client.server.ts'
import {
  applications,
  panelMembers,
  reviewAssignments,
  reviewScores,
  rubricCriteria,
  type Program,
} from '#db/schema/index.ts'
import { MIN_SCORE } from '#app/domain/programs/rubric-template.ts'
import { alphaTotals, type AlphaTotals } from '#app/domain/review/agreement.ts'
import { MIN_REVIEWS_TO_NORMALISE } from '#app/domain/review/normalise.ts'
import type { ApplicationFigures } from '#app/domain/review/ranking.ts'
import { PER_MILLE } from '#app/domain/review/review-states.ts'
import { MAX_RANKED, onTheBoard } from './ranking.server.ts'
import { isCompleteReview, reviewScoreSql } from './review-records.server.ts'
import { stillOnPanel } from './reviewing.server.ts'

/**
 * The ranking board's arithmetic done by the database (issue 9, "Performance"): each review's
 * 0–100 score, each reviewer's mean and sd, the z-scores, and per application the weighted mean,
 * sd, normalised score and the sums Krippendorff's alpha needs. The same definitions as the pure
 * ones (scores.ts, normalise.ts, agreement.ts; docs/decisions/020-review-mathematics.md), which
 * tests/integration/review-aggregates.test.ts checks; what comes back is one row per application
 * and one per criterion, never one per level.
 */

type Rows<T> = { rows: T[] }
const rowsOf = <T>(result: unknown) => (result as Rows<T>).rows

type ScoringProgram = Pick<Program, 'id' | 'communityReviewerWeight'>

/** The board's applications (as programRanking lists them: in id order, at most MAX_RANKED). */
const board = (programId: string) => sql`
  SELECT ${applications.id} AS id FROM ${applications}
  WHERE ${onTheBoard(programId)} ORDER BY ${applications.id} LIMIT ${MAX_RANKED}`

/**
 * Common table expressions `board` and `reviews`: every complete submitted review of an
 * application on the board, with its application, reviewer, reviewer weight (the program's
 * community weight for community reviewers, else 1) and 0–100 score (reviewScore()).
 */
function scoredReviews(program: ScoringProgram) {
  const communityWeight = program.communityReviewerWeight / PER_MILLE
  return sql`
    board AS (${board(program.id)}),
    reviews AS (
      SELECT ${reviewAssignments.applicationId} AS application_id,
        ${reviewAssignments.reviewerUserId} AS reviewer_id,
        CASE WHEN bool_or(${panelMembers.kind} = 'community') THEN ${communityWeight}::float8
          ELSE 1 END AS weight,
        ${reviewScoreSql} AS score
      FROM ${reviewAssignments}
      JOIN board ON board.id = ${reviewAssignments.applicationId}
      JOIN ${reviewScores} ON ${reviewScores.assignmentId} = ${reviewAssignments.id}
      JOIN ${rubricCriteria} ON ${rubricCriteria.id} = ${reviewScores.criterionId}
      LEFT JOIN ${panelMembers} ON ${stillOnPanel}
      WHERE ${reviewAssignments.programId} = ${program.id}
        AND ${reviewAssignments.state} = 'submitted'
      GROUP BY ${reviewAssignments.id}
      HAVING ${isCompleteReview(program.id)} AND sum(${rubricCriteria.weight}) > 0)`
}

export interface ApplicationAggregate extends ApplicationFigures {
  applicationId: string
  /** Σ and Σ² of its reviews' scores, for the panel's overall agreement. */
  sum: number
  sumOfSquares: number
}

/**
 * Per application with a complete review: its figures on the board (ApplicationFigures). The
 * normalisation (normaliseScores()) runs in the query: the pool's mean and sd, each reviewer's
 * count, mean and sd, each review's z-score (none for a reviewer with fewer than three reviews,
 * 0 for one whose scores are all equal) mapped back onto 0–100 and clamped.
 */
export async function applicationAggregates(
  program: ScoringProgram,
): Promise<ApplicationAggregate[]> {
  const result = await db().execute(sql`
    WITH ${scoredReviews(program)},
    pool AS (SELECT avg(score) AS mean, coalesce(stddev_samp(score), 0) AS sd FROM reviews),
    reviewers AS (
      SELECT reviewer_id, count(*) AS reviews, avg(score) AS mean, stddev_samp(score) AS sd,
        min(score) = max(score) AS flat
      FROM reviews GROUP BY reviewer_id),
    normalised AS (
      SELECT reviews.*, CASE
          WHEN reviewers.reviews < ${MIN_REVIEWS_TO_NORMALISE} THEN NULL
          WHEN reviewers.flat THEN 0
          ELSE (reviews.score - reviewers.mean) / reviewers.sd END AS z
      FROM reviews JOIN reviewers USING (reviewer_id))
    SELECT application_id AS "applicationId", count(*)::int AS reviews,
      sum(weight * score) / nullif(sum(weight), 0) AS mean,
      stddev_samp(score) AS sd,
      sum(weight * CASE WHEN z IS NULL THEN score
          ELSE least(100, greatest(0, pool.mean + z * pool.sd)) END)
        / nullif(sum(weight), 0) AS normalised,
      bool_or(z IS NULL) AS "includesRaw",
      sum(score) AS sum, sum(score * score) AS "sumOfSquares"
    FROM normalised CROSS JOIN pool
    GROUP BY application_id`)
  return rowsOf<ApplicationAggregate>(result).map((row) => ({
    applicationId: row.applicationId,
    reviews: Number(row.reviews),
    mean: nullableNumber(row.mean),
    sd: nullableNumber(row.sd),
    normalised: nullableNumber(row.normalised),
    includesRaw: Boolean(row.includesRaw),
    sum: Number(row.sum),
    sumOfSquares: Number(row.sumOfSquares),
  }))
}

const nullableNumber = (value: unknown) => (value === null ? null : Number(value))

/** The overall agreement's sums: each application is a unit, its complete reviews' scores the values. */
export const overallAlphaTotals = (rows: readonly ApplicationAggregate[]) =>
  alphaTotals(rows.map((r) => ({ m: r.reviews, s: r.sum, s2: r.sumOfSquares })))

/**
 * Per criterion with levels, the sums of Krippendorff's alpha (AlphaTotals) over the levels on
 * the scale of every submitted review, complete or not, of the board's applications
 * (criterionAgreement()): one unit per application. A criterion missing has no pairable values.
 */
export async function criterionAlphaTotals(
  program: ScoringProgram,
): Promise<Map<string, AlphaTotals>> {
  const result = await db().execute(sql`
    WITH board AS (${board(program.id)}),
    units AS (
      SELECT ${reviewScores.criterionId} AS criterion_id, count(*)::float8 AS m,
        sum(${reviewScores.level})::float8 AS s,
        sum(${reviewScores.level} * ${reviewScores.level})::float8 AS s2
      FROM ${reviewAssignments}
      JOIN board ON board.id = ${reviewAssignments.applicationId}
      JOIN ${reviewScores} ON ${reviewScores.assignmentId} = ${reviewAssignments.id}
      JOIN ${rubricCriteria} ON ${rubricCriteria.id} = ${reviewScores.criterionId}
      WHERE ${reviewAssignments.programId} = ${program.id}
        AND ${reviewAssignments.state} = 'submitted'
        AND ${reviewScores.level} BETWEEN ${MIN_SCORE} AND ${rubricCriteria.maxScore}
      GROUP BY ${reviewScores.criterionId}, ${reviewAssignments.applicationId})
    SELECT criterion_id AS "criterionId", count(*)::int AS units, sum(m) AS n,
      sum(s) AS total, sum(s2) AS "totalSquares",
      sum(2 * (m * s2 - s * s) / (m - 1)) AS observed
    FROM units WHERE m >= 2 GROUP BY criterion_id`)
  return new Map(
    rowsOf<AlphaTotals & { criterionId: string }>(result).map((row) => [
      row.criterionId,
      {
        units: Number(row.units),
        n: Number(row.n),
        total: Number(row.total),
        totalSquares: Number(row.totalSquares),
        observed: Number(row.observed),
      },
    ]),
  )
}
