/** What an organisation is on the platform: a group that applies, or a funder that grants. */
export const ORGANIZATION_KINDS = ['community_group', 'funder'] as const
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number]

/** Annual budget bands, coarse on purpose: small groups should not have to disclose exact figures. */
export const BUDGET_BANDS = ['under_50k', '50k_250k', '250k_1m', '1m_5m', 'over_5m'] as const
export type BudgetBand = (typeof BUDGET_BANDS)[number]

export const MEMBERSHIP_ROLES = ['owner', 'admin', 'member', 'reviewer'] as const
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number]

/** Translation keys of the kinds' names (docs/i18n.md: translated where shown). */
export const KIND_LABEL_KEYS: Record<OrganizationKind, string> = {
  community_group: 'organizations:kinds.community_group',
  funder: 'organizations:kinds.funder',
}
/** The bands' names, as translation keys (the organisation profile's choices). */
export const BUDGET_BAND_KEYS: Record<BudgetBand, string> = {
  under_50k: 'applications:organization.profile.budgetBand.under_50k',
  '50k_250k': 'applications:organization.profile.budgetBand.50k_250k',
  '250k_1m': 'applications:organization.profile.budgetBand.250k_1m',
  '1m_5m': 'applications:organization.profile.budgetBand.1m_5m',
  over_5m: 'applications:organization.profile.budgetBand.over_5m',
}
/** Translation keys of the roles' names, as a label or a column shows them ("Owner"). */
export const ROLE_LABEL_KEYS: Record<MembershipRole, string> = {
  owner: 'organizations:roles.owner',
  admin: 'organizations:roles.admin',
  member: 'organizations:roles.member',
  reviewer: 'organizations:roles.reviewer',
}

/** The role's name inside a sentence ("… as owner", "… como responsable"). */
export const ROLE_IN_SENTENCE_KEYS: Record<MembershipRole, string> = {
  owner: 'organizations:rolesInSentence.owner',
  admin: 'organizations:rolesInSentence.admin',
  member: 'organizations:rolesInSentence.member',
  reviewer: 'organizations:rolesInSentence.reviewer',
}

/** The flash after joining (from the dashboard or an invitation's link), one sentence per role. */
export const JOINED_FLASH_KEYS: Record<MembershipRole, string> = {
  owner: 'common:flash.joinedAsOwner',
  admin: 'common:flash.joinedAsAdmin',
  member: 'common:flash.joinedAsMember',
  reviewer: 'common:flash.joinedAsReviewer',
}
