/** Healthy People 2030's five social determinants of health domains. */
export const SDOH_DOMAINS = [
  'economic_stability',
  'education',
  'health_care',
  'neighborhood',
  'social_community',
] as const
export type SdohDomain = (typeof SDOH_DOMAINS)[number]

/** The domains' names, as translation keys: in `common`, since public, applicant and funder pages
 * all show them. */
export const SDOH_KEYS: Record<SdohDomain, string> = {
  economic_stability: 'common:sdoh.economic_stability',
  education: 'common:sdoh.education',
  health_care: 'common:sdoh.health_care',
  neighborhood: 'common:sdoh.neighborhood',
  social_community: 'common:sdoh.social_community',
}
