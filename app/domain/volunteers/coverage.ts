import type { BudgetBand } from '#app/domain/organizations.ts'

/**
 * The matching coverage figures (issue 11, "Matching"): each is given for the whole platform, by
 * group size (the organisation's budget band) and by place vulnerability (the SVI quartile of the
 * request's place, as the equity terms read it). Null band or quartile: not known.
 */
export interface Breakdown<T> {
  all: T
  byBand: ({ band: BudgetBand | null } & T)[]
  byQuartile: ({ quartile: 1 | 2 | 3 | 4 | null } & T)[]
}

/** Open requests now, and those the newest batch run suggested a (not paused) volunteer for. */
export interface SuggestedShare {
  open: number
  suggested: number
}

/** Requests ever opened, those that got an offer or invitation, and the median days to the first. */
export interface FirstOffer {
  opened: number
  offered: number
  medianDays: number | null
}

/** Engagements ever accepted (accepted, active, completed or cancelled after), and completed. */
export interface Completion {
  accepted: number
  completed: number
}

export interface Coverage {
  suggested: Breakdown<SuggestedShare>
  firstOffer: Breakdown<FirstOffer>
  completion: Breakdown<Completion>
  /** When the run the suggested share reads finished (ISO); null: no run yet. */
  runFinishedAt: string | null
}

/** part ÷ whole, 0 when the whole is 0. */
export const share = (part: number, whole: number) => (whole > 0 ? part / whole : 0)
