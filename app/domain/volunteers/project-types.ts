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

/** The parts of a type's words: its name and summary on the catalogue, then its scoping template. */
export const PROJECT_TYPE_TEXTS = ['name', 'summary', 'goal', 'deliverable', 'outOfScope'] as const
export type ProjectTypeText = (typeof PROJECT_TYPE_TEXTS)[number]

/** Each type's words, as translation keys (written whole, so the key check finds them). */
export const PROJECT_TYPE_KEYS: Record<ProjectType, Record<ProjectTypeText, string>> = {
  website_refresh: {
    name: 'volunteers:projectTypes.website_refresh.name',
    summary: 'volunteers:projectTypes.website_refresh.summary',
    goal: 'volunteers:projectTypes.website_refresh.goal',
    deliverable: 'volunteers:projectTypes.website_refresh.deliverable',
    outOfScope: 'volunteers:projectTypes.website_refresh.outOfScope',
  },
  bookkeeping_setup: {
    name: 'volunteers:projectTypes.bookkeeping_setup.name',
    summary: 'volunteers:projectTypes.bookkeeping_setup.summary',
    goal: 'volunteers:projectTypes.bookkeeping_setup.goal',
    deliverable: 'volunteers:projectTypes.bookkeeping_setup.deliverable',
    outOfScope: 'volunteers:projectTypes.bookkeeping_setup.outOfScope',
  },
  grant_proposal_draft: {
    name: 'volunteers:projectTypes.grant_proposal_draft.name',
    summary: 'volunteers:projectTypes.grant_proposal_draft.summary',
    goal: 'volunteers:projectTypes.grant_proposal_draft.goal',
    deliverable: 'volunteers:projectTypes.grant_proposal_draft.deliverable',
    outOfScope: 'volunteers:projectTypes.grant_proposal_draft.outOfScope',
  },
  data_dashboard: {
    name: 'volunteers:projectTypes.data_dashboard.name',
    summary: 'volunteers:projectTypes.data_dashboard.summary',
    goal: 'volunteers:projectTypes.data_dashboard.goal',
    deliverable: 'volunteers:projectTypes.data_dashboard.deliverable',
    outOfScope: 'volunteers:projectTypes.data_dashboard.outOfScope',
  },
  legal_structure_review: {
    name: 'volunteers:projectTypes.legal_structure_review.name',
    summary: 'volunteers:projectTypes.legal_structure_review.summary',
    goal: 'volunteers:projectTypes.legal_structure_review.goal',
    deliverable: 'volunteers:projectTypes.legal_structure_review.deliverable',
    outOfScope: 'volunteers:projectTypes.legal_structure_review.outOfScope',
  },
  materials_translation: {
    name: 'volunteers:projectTypes.materials_translation.name',
    summary: 'volunteers:projectTypes.materials_translation.summary',
    goal: 'volunteers:projectTypes.materials_translation.goal',
    deliverable: 'volunteers:projectTypes.materials_translation.deliverable',
    outOfScope: 'volunteers:projectTypes.materials_translation.outOfScope',
  },
  evaluation_plan: {
    name: 'volunteers:projectTypes.evaluation_plan.name',
    summary: 'volunteers:projectTypes.evaluation_plan.summary',
    goal: 'volunteers:projectTypes.evaluation_plan.goal',
    deliverable: 'volunteers:projectTypes.evaluation_plan.deliverable',
    outOfScope: 'volunteers:projectTypes.evaluation_plan.outOfScope',
  },
  scheduling_system: {
    name: 'volunteers:projectTypes.scheduling_system.name',
    summary: 'volunteers:projectTypes.scheduling_system.summary',
    goal: 'volunteers:projectTypes.scheduling_system.goal',
    deliverable: 'volunteers:projectTypes.scheduling_system.deliverable',
    outOfScope: 'volunteers:projectTypes.scheduling_system.outOfScope',
  },
  communications_plan: {
    name: 'volunteers:projectTypes.communications_plan.name',
    summary: 'volunteers:projectTypes.communications_plan.summary',
    goal: 'volunteers:projectTypes.communications_plan.goal',
    deliverable: 'volunteers:projectTypes.communications_plan.deliverable',
    outOfScope: 'volunteers:projectTypes.communications_plan.outOfScope',
  },
  fundraising_plan: {
    name: 'volunteers:projectTypes.fundraising_plan.name',
    summary: 'volunteers:projectTypes.fundraising_plan.summary',
    goal: 'volunteers:projectTypes.fundraising_plan.goal',
    deliverable: 'volunteers:projectTypes.fundraising_plan.deliverable',
    outOfScope: 'volunteers:projectTypes.fundraising_plan.outOfScope',
  },
  volunteer_handbook: {
    name: 'volunteers:projectTypes.volunteer_handbook.name',
    summary: 'volunteers:projectTypes.volunteer_handbook.summary',
    goal: 'volunteers:projectTypes.volunteer_handbook.goal',
    deliverable: 'volunteers:projectTypes.volunteer_handbook.deliverable',
    outOfScope: 'volunteers:projectTypes.volunteer_handbook.outOfScope',
  },
  strategic_plan_workshop: {
    name: 'volunteers:projectTypes.strategic_plan_workshop.name',
    summary: 'volunteers:projectTypes.strategic_plan_workshop.summary',
    goal: 'volunteers:projectTypes.strategic_plan_workshop.goal',
    deliverable: 'volunteers:projectTypes.strategic_plan_workshop.deliverable',
    outOfScope: 'volunteers:projectTypes.strategic_plan_workshop.outOfScope',
  },
}
