/** Pro bono skills groups can request and volunteers can offer. */
export const SKILLS = [
  'legal',
  'marketing',
  'data_analysis',
  'grant_writing',
  'strategic_planning',
  'it',
  'finance',
  'translation',
  'evaluation',
  'design',
  'hr',
  'other',
] as const
export type Skill = (typeof SKILLS)[number]

/** The skills' names, as translation keys. */
export const SKILL_KEYS: Record<Skill, string> = {
  legal: 'applications:skills.skill.legal',
  marketing: 'applications:skills.skill.marketing',
  data_analysis: 'applications:skills.skill.data_analysis',
  grant_writing: 'applications:skills.skill.grant_writing',
  strategic_planning: 'applications:skills.skill.strategic_planning',
  it: 'applications:skills.skill.it',
  finance: 'applications:skills.skill.finance',
  translation: 'applications:skills.skill.translation',
  evaluation: 'applications:skills.skill.evaluation',
  design: 'applications:skills.skill.design',
  hr: 'applications:skills.skill.hr',
  other: 'applications:skills.skill.other',
}

export const WORK_MODES = ['remote', 'on_site', 'either'] as const
export type WorkMode = (typeof WORK_MODES)[number]

/** Where the volunteer works, as translation keys. */
export const WORK_MODE_KEYS: Record<WorkMode, string> = {
  remote: 'applications:skills.workMode.remote',
  on_site: 'applications:skills.workMode.on_site',
  either: 'applications:skills.workMode.either',
}
