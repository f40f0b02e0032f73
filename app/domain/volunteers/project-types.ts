import type { SkillLevel, VolunteerSkill } from '#app/domain/skills.ts'

/**
 * The catalogue groups post requests from. A small set of scoped project types, each with one
 * concrete deliverable, is what made Taproot+ work (reference/volunteers.md §0, §9.1): a group with
 * no staff starts from a template instead of a blank page. Each type's words (name, summary and
 * the scoping template: goal, deliverable, what is out of scope) are translation keys under
 * `volunteers:projectTypes.<key>`, in English and Spanish.
 */
export const PROJECT_TYPES = [
  'website_refresh',
  'bookkeeping_setup',
  'grant_proposal_draft',
  'data_dashboard',
  'legal_structure_review',
  'materials_translation',
  'evaluation_plan',
  'scheduling_system',
  'communications_plan',
  'fundraising_plan',
  'volunteer_handbook',
  'strategic_plan_workshop',
] as const
export type ProjectType = (typeof PROJECT_TYPES)[number]

export const isProjectType = (value: string): value is ProjectType =>
  (PROJECT_TYPES as readonly string[]).includes(value)

export interface ProjectTypeDefinition {
  skill: VolunteerSkill
  minLevel: SkillLevel
  /** Volunteer hours such a project usually takes, start to hand-off. */
  typicalHours: number
}

export const PROJECT_TYPE_DEFINITIONS: Record<ProjectType, ProjectTypeDefinition> = {
  website_refresh: { skill: 'design', minLevel: 'experienced', typicalHours: 30 },
  bookkeeping_setup: { skill: 'finance', minLevel: 'experienced', typicalHours: 20 },
  grant_proposal_draft: { skill: 'grant_writing', minLevel: 'experienced', typicalHours: 25 },
  data_dashboard: { skill: 'data_analysis', minLevel: 'experienced', typicalHours: 30 },
  legal_structure_review: { skill: 'legal', minLevel: 'expert', typicalHours: 15 },
  materials_translation: { skill: 'translation', minLevel: 'experienced', typicalHours: 20 },
  evaluation_plan: { skill: 'evaluation', minLevel: 'experienced', typicalHours: 25 },
  scheduling_system: { skill: 'it', minLevel: 'experienced', typicalHours: 25 },
  communications_plan: { skill: 'marketing', minLevel: 'experienced', typicalHours: 20 },
  fundraising_plan: { skill: 'fundraising', minLevel: 'experienced', typicalHours: 20 },
  volunteer_handbook: { skill: 'hr', minLevel: 'some', typicalHours: 15 },
  strategic_plan_workshop: { skill: 'facilitation', minLevel: 'expert', typicalHours: 12 },
}

/** The parts of a type's words, each a translation key under its own type. */
export const PROJECT_TYPE_TEXTS = ['name', 'summary', 'goal', 'deliverable', 'outOfScope'] as const
export type ProjectTypeText = (typeof PROJECT_TYPE_TEXTS)[number]

export const projectTypeKey = (type: ProjectType, part: ProjectTypeText) =>
  `volunteers:projectTypes.${type}.${part}`
