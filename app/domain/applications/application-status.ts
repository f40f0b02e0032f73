/** Where an application stands; the database's application_status enum is built from this list. */
export const APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'in_review',
  'awarded',
  'declined',
  'withdrawn',
] as const
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number]

/** The status names as translation keys (docs/i18n.md), for what a person reads. */
export const STATUS_KEYS: Record<ApplicationStatus, string> = {
  draft: 'common:applicationStatus.draft',
  submitted: 'common:applicationStatus.submitted',
  in_review: 'common:applicationStatus.in_review',
  awarded: 'common:applicationStatus.awarded',
  declined: 'common:applicationStatus.declined',
  withdrawn: 'common:applicationStatus.withdrawn',
}

/** What a funder may see of a program's applications: everything a group has submitted. */
export const SUBMITTED_STATUSES = APPLICATION_STATUSES.filter(
  (s): s is Exclude<ApplicationStatus, 'draft'> => s !== 'draft',
)
