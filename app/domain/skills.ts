/**
 * Pro bono skills groups can request and volunteers can offer: the fourteen, then 'other',
 * which only an application's skill request may use (a volunteer offers named skills). The values
 * are stored in skill_requests, volunteer_skills and volunteer_requests, so a key is never renamed.
 * VOLUNTEER_SKILLS are the ones a volunteer can offer and a group can post a request for.
 */
export const VOLUNTEER_SKILLS = [
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
  'public_health',
  'fundraising',
  'facilitation',
] as const
export type VolunteerSkill = (typeof VOLUNTEER_SKILLS)[number]

export const SKILLS = [...VOLUNTEER_SKILLS, 'other'] as const
export type Skill = (typeof SKILLS)[number]

export const isVolunteerSkill = (value: string): value is VolunteerSkill =>
  (VOLUNTEER_SKILLS as readonly string[]).includes(value)

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
  public_health: 'applications:skills.skill.public_health',
  fundraising: 'applications:skills.skill.fundraising',
  facilitation: 'applications:skills.skill.facilitation',
  other: 'applications:skills.skill.other',
}

/** How much of a skill a volunteer has, lowest first (the order matching compares by). */
export const SKILL_LEVELS = ['some', 'experienced', 'expert'] as const
export type SkillLevel = (typeof SKILL_LEVELS)[number]

/** The levels' names, as translation keys. */
export const SKILL_LEVEL_KEYS: Record<SkillLevel, string> = {
  some: 'volunteers:levels.some',
  experienced: 'volunteers:levels.experienced',
  expert: 'volunteers:levels.expert',
}

/** Whether `level` reaches `minimum` (an expert meets a request for some experience). */
export const meetsLevel = (level: SkillLevel, minimum: SkillLevel) =>
  SKILL_LEVELS.indexOf(level) >= SKILL_LEVELS.indexOf(minimum)

export const WORK_MODES = ['remote', 'on_site', 'either'] as const
export type WorkMode = (typeof WORK_MODES)[number]

/** Where the volunteer works, as translation keys. */
export const WORK_MODE_KEYS: Record<WorkMode, string> = {
  remote: 'applications:skills.workMode.remote',
  on_site: 'applications:skills.workMode.on_site',
  either: 'applications:skills.workMode.either',
}
