/** Healthy People 2030's five social determinants of health domains. */
export const SDOH_DOMAINS = [
  'economic_stability',
  'education',
  'health_care',
  'neighborhood',
  'social_community',
] as const
export type SdohDomain = (typeof SDOH_DOMAINS)[number]

export const SDOH_LABELS: Record<SdohDomain, string> = {
  economic_stability: 'Economic stability',
  education: 'Education access and quality',
  health_care: 'Health care access and quality',
  neighborhood: 'Neighborhood and built environment',
  social_community: 'Social and community context',
}
