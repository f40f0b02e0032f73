import type { ScoredReview } from '#app/domain/review/scores.ts'

/** A complete review's 0–100 score, as the review mathematics' tests write them. */
export const scored = (
  reviewerId: string,
  applicationId: string,
  score: number,
  reviewerWeight = 1,
): ScoredReview => ({ reviewerId, applicationId, score, reviewerWeight })
