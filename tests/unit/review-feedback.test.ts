import { describe, expect, it } from 'vitest'
import {
  commentId,
  consensusOf,
  criterionFeedback,
  parseCommentId,
} from '#app/domain/review/decisions.ts'
import type { ScoringCriterion } from '#app/domain/review/scores.ts'

const rubric: ScoringCriterion[] = [
  { id: 'lead', weight: 60, minLevel: 1, maxLevel: 5 },
  { id: 'plan', weight: 40, minLevel: 1, maxLevel: 3 },
]

/*
 * Worked by hand. A level l on 1–5 counts (l − 1) / 4 × 100; on 1–3, (l − 1) / 2 × 100.
 *   declined D: staff (2, 1) → 25, 0; community at weight ½ (4, 3) → 75, 100
 *     lead (25 + ½·75) / 1.5 = 41.67; plan (0 + ½·100) / 1.5 = 33.33
 *   funded F1: one review (5, 3) → 100, 100
 *   funded F2: two reviews (3, 2) → 50, 50 and (4, 2) → 75, 50: lead 62.5, plan 50
 *   funded average: lead (100 + 62.5) / 2 = 81.25 (each application once, not each review);
 *     plan (100 + 50) / 2 = 75
 *   F3 is funded but has no review: it is left out of the average, not counted as zero.
 */
const reviews = [
  {
    applicationId: 'D',
    scores: [
      { criterionId: 'lead', level: 2 },
      { criterionId: 'plan', level: 1 },
    ],
  },
  {
    applicationId: 'D',
    reviewerWeight: 0.5,
    scores: [
      { criterionId: 'lead', level: 4 },
      { criterionId: 'plan', level: 3 },
    ],
  },
  {
    applicationId: 'F1',
    scores: [
      { criterionId: 'lead', level: 5 },
      { criterionId: 'plan', level: 3 },
    ],
  },
  {
    applicationId: 'F2',
    scores: [
      { criterionId: 'lead', level: 3 },
      { criterionId: 'plan', level: 2 },
    ],
  },
  {
    applicationId: 'F2',
    scores: [
      { criterionId: 'lead', level: 4 },
      { criterionId: 'plan', level: 2 },
    ],
  },
  // Another declined application's review counts nowhere.
  {
    applicationId: 'X',
    scores: [
      { criterionId: 'lead', level: 1 },
      { criterionId: 'plan', level: 1 },
    ],
  },
]

describe('the feedback a declined group reads', () => {
  it("gives its weighted mean per criterion beside the funded applications' average", () => {
    const [lead, plan] = criterionFeedback(rubric, 'D', ['F1', 'F2', 'F3'], reviews)
    expect(lead!.criterionId).toBe('lead')
    expect(lead!.own).toBeCloseTo(125 / 3, 9)
    expect(lead!.funded).toBeCloseTo(81.25, 9)
    expect(lead!.fundedCount).toBe(2)
    expect(plan!.own).toBeCloseTo(100 / 3, 9)
    expect(plan!.funded).toBeCloseTo(75, 9)
  })

  it('has nothing to compare with when nothing was funded or nothing scored', () => {
    const [lead] = criterionFeedback(rubric, 'D', [], reviews)
    expect(lead!.funded).toBeNull()
    expect(lead!.fundedCount).toBe(0)
    const [none] = criterionFeedback(rubric, 'nobody', ['F1'], reviews)
    expect(none!.own).toBeNull()
  })

  it('names comments without their reviewers and reads the names back', () => {
    expect(commentId('a1', 'lead')).toBe('a1:lead')
    expect(commentId('a1', null)).toBe('a1:overall')
    expect(parseCommentId('a1:lead')).toEqual({ assignmentId: 'a1', criterionId: 'lead' })
    expect(parseCommentId('a1:overall')).toEqual({ assignmentId: 'a1', criterionId: null })
  })

  it('ranks by the override when there is one, else the mean', () => {
    expect(consensusOf(43.3, 90)).toBe(90)
    expect(consensusOf(43.3, null)).toBe(43.3)
    expect(consensusOf(null, undefined)).toBeNull()
  })
})
