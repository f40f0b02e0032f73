/** Anchored guidance for one score of a criterion. */
export type ScoreLevel = { score: number; guidance: string }

/** A criterion as a funder edits it, before it belongs to a program. */
export interface CriterionDraft {
  label: string
  description: string
  weight: number
  maxScore: number
  /** Guidance for scores 1..maxScore, lowest first. */
  levels: ScoreLevel[]
  isEquity: boolean
}

/** Scores run from 1 to maxScore; there is no zero, so every score has written guidance. */
export const MIN_SCORE = 1
export const MAX_SCORE_LIMIT = 10
export const TEMPLATE_MAX_SCORE = 4

const levels = (...guidance: [string, string, string, string]): ScoreLevel[] =>
  guidance.map((text, i) => ({ score: i + MIN_SCORE, guidance: text }))

/**
 * The equity template every new program's rubric starts from. Funders edit it freely; the weights
 * favour who leads the work and whom it reaches over polish, because polished proposals mostly
 * measure how much grant-writing capacity a group already has.
 */
export const RUBRIC_TEMPLATE: readonly CriterionDraft[] = [
  {
    label: 'Community leadership',
    description:
      'The work is led by people with lived experience of the issue, who hold decision-making power in the group.',
    weight: 25,
    maxScore: TEMPLATE_MAX_SCORE,
    levels: levels(
      'Led from outside the community; people with lived experience are not in decision-making roles.',
      'People with lived experience advise, but others make the decisions.',
      'People with lived experience share leadership and key decisions.',
      'Founded and led by people with lived experience, who hold most leadership and board roles.',
    ),
    isEquity: true,
  },
  {
    label: 'Reach into communities facing the greatest barriers',
    description:
      'The work reaches people and places with the highest social vulnerability and the least access to resources.',
    weight: 25,
    maxScore: TEMPLATE_MAX_SCORE,
    levels: levels(
      'Serves communities with few barriers, or does not say whom it reaches.',
      'Reaches some people facing barriers, without a plan to reach those facing the most.',
      'Clearly focused on communities facing significant barriers, with a credible plan to reach them.',
      'Rooted in the communities facing the greatest barriers, including people other programs miss.',
    ),
    isEquity: true,
  },
  {
    label: 'Work on root causes',
    description:
      'The work changes the social determinants of health: economic stability, education access and quality, health care access and quality, neighbourhood and built environment, or social and community context.',
    weight: 20,
    maxScore: TEMPLATE_MAX_SCORE,
    levels: levels(
      'Treats symptoms only, with no link to the conditions that cause them.',
      'Mostly direct services, with some attention to underlying conditions.',
      'Addresses at least one social determinant of health directly.',
      'Changes the conditions, policies or systems behind poor health, in a lasting way.',
    ),
    isEquity: true,
  },
  {
    label: 'Community voice and accountability',
    description:
      'The people served shape the work, and the group reports back to them and changes course on what they say.',
    weight: 15,
    maxScore: TEMPLATE_MAX_SCORE,
    levels: levels(
      'No way for the people served to shape the work or hold the group to account.',
      'Asks for feedback occasionally, without showing what changes as a result.',
      'Regular, accessible ways for the people served to shape decisions.',
      'The people served co-design the work and the group is answerable to them in practice.',
    ),
    isEquity: true,
  },
  {
    label: 'Feasibility of the plan',
    description:
      'The plan, budget and timeline are realistic for the group and the amount requested. Judge the plan, not the polish of the writing.',
    weight: 15,
    maxScore: TEMPLATE_MAX_SCORE,
    levels: levels(
      'The plan is unclear, or the budget does not match the activities.',
      'The plan is workable but has gaps in budget, timeline or staffing.',
      'A clear plan with a budget and timeline that fit the activities.',
      'A clear, realistic plan with a sound budget and a group that has done similar work.',
    ),
    isEquity: false,
  },
]

/** A fresh, mutable copy of the template for a new program. */
export function templateCriteria(): CriterionDraft[] {
  return RUBRIC_TEMPLATE.map((c) => ({ ...c, levels: c.levels.map((l) => ({ ...l })) }))
}
