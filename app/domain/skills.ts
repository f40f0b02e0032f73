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

export const SKILL_LABELS: Record<Skill, string> = {
  legal: 'Legal',
  marketing: 'Marketing and communications',
  data_analysis: 'Data analysis',
  grant_writing: 'Grant writing',
  strategic_planning: 'Strategic planning',
  it: 'IT and technology',
  finance: 'Finance and accounting',
  translation: 'Translation and interpretation',
  evaluation: 'Evaluation',
  design: 'Design',
  hr: 'Human resources',
  other: 'Other',
}

export const WORK_MODES = ['remote', 'on_site', 'either'] as const
export type WorkMode = (typeof WORK_MODES)[number]
