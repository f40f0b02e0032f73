/** Healthy People 2030's five social determinants of health domains. */
export const SDOH_DOMAINS = [
  'economic_stability',
  'education',
  'health_care',
  'neighborhood',
  'social_community',
] as const
export type SdohDomain = (typeof SDOH_DOMAINS)[number]

/** The domains' names, as translation keys. */
export const SDOH_KEYS: Record<SdohDomain, string> = {
  economic_stability: 'applications:project.sdoh.economic_stability',
  education: 'applications:project.sdoh.education',
  health_care: 'applications:project.sdoh.health_care',
  neighborhood: 'applications:project.sdoh.neighborhood',
  social_community: 'applications:project.sdoh.social_community',
}

/** English names for pages not yet converted (docs/i18n.md); converted pages use SDOH_KEYS. */
export const SDOH_LABELS: Record<SdohDomain, string> = {
  economic_stability: 'Economic stability',
  education: 'Education access and quality',
  health_care: 'Health care access and quality',
  neighborhood: 'Neighborhood and built environment',
  social_community: 'Social and community context',
}
