/** The steps of an application, in order. "skills" is skipped when the program does not allow it. */
export const APPLICATION_STEPS = [
  'organization',
  'community',
  'project',
  'budget',
  'skills',
  'questions',
] as const
export type ApplicationStep = (typeof APPLICATION_STEPS)[number]

/** The step names as translation keys (docs/i18n.md), for what a person reads. */
export const STEP_KEYS: Record<ApplicationStep | 'review', string> = {
  organization: 'common:applicationSteps.organization',
  community: 'common:applicationSteps.community',
  project: 'common:applicationSteps.project',
  budget: 'common:applicationSteps.budget',
  skills: 'common:applicationSteps.skills',
  questions: 'common:applicationSteps.questions',
  review: 'common:applicationSteps.review',
}

export function stepsFor(program: { allowSkillRequests: boolean }): ApplicationStep[] {
  return APPLICATION_STEPS.filter((s) => s !== 'skills' || program.allowSkillRequests)
}

/**
 * Whether the step list may call a step complete. A step with problems is not. Skills and
 * questions can have no problems while empty (no volunteers needed, only optional questions), so
 * they are complete only once filled in or saved: never before the group has opened them.
 */
export function isStepComplete(
  step: ApplicationStep,
  state: { hasIssues: boolean; saved: boolean; filled: boolean },
): boolean {
  if (state.hasIssues) return false
  if (step === 'skills' || step === 'questions') return state.saved || state.filled
  return true
}

/** The step after `step`, or "review" after the last. */
export function nextStep(program: { allowSkillRequests: boolean }, step: ApplicationStep) {
  const steps = stepsFor(program)
  return steps[steps.indexOf(step) + 1] ?? 'review'
}

export const LIVED_EXPERIENCE = ['yes', 'partly', 'no'] as const
/** The answers' words, as translation keys (the organisation step's choices). */
export const LIVED_EXPERIENCE_KEYS: Record<(typeof LIVED_EXPERIENCE)[number], string> = {
  yes: 'applications:organization.livedExperience.yes',
  partly: 'applications:organization.livedExperience.partly',
  no: 'applications:organization.livedExperience.no',
}
