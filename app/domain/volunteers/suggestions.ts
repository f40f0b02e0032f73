import type { WorkMode } from '#app/domain/skills.ts'

/**
 * What the pages show of a ranked match (decision 028): the score and each reason as the reader's
 * sentence with the points it adds, so the lines add up to the score.
 */
export interface ReasonLine {
  text: string
  points: number
}

/** One of an open request's suggested volunteers. */
export interface SuggestedVolunteer {
  id: string
  name: string
  headline: string
  score: number
  reasons: ReasonLine[]
}

/** One of the open requests suggested to a volunteer. */
export interface SuggestedRequest {
  id: string
  title: string
  groupName: string
  skill: string
  workMode: WorkMode
  hours: number
  deadline: string | null
  score: number
  reasons: ReasonLine[]
}
