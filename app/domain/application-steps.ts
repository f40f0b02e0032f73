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

export const STEP_LABELS: Record<ApplicationStep | 'review', string> = {
  organization: 'Organisation and leadership',
  community: 'Community served',
  project: 'The project',
  budget: 'Budget',
  skills: 'Volunteer skills',
  questions: 'Program questions',
  review: 'Review and submit',
}

export function stepsFor(program: { allowSkillRequests: boolean }): ApplicationStep[] {
  return APPLICATION_STEPS.filter((s) => s !== 'skills' || program.allowSkillRequests)
}

/** The step after `step`, or "review" after the last. */
export function nextStep(program: { allowSkillRequests: boolean }, step: ApplicationStep) {
  const steps = stepsFor(program)
  return steps[steps.indexOf(step) + 1] ?? 'review'
}

export const LIVED_EXPERIENCE = ['yes', 'partly', 'no'] as const
export const LIVED_EXPERIENCE_LABELS: Record<(typeof LIVED_EXPERIENCE)[number], string> = {
  yes: 'Yes: most of our leaders share the experience of the community we serve',
  partly: 'Partly: some of our leaders do',
  no: 'Not yet',
}
