/** Where an application stands; the database's application_status enum is built from this list. */
export const APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'in_review',
  /** The funder asked the group for changes: editable like a draft until resubmitted. */
  'changes_requested',
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
  changes_requested: 'common:applicationStatus.changes_requested',
  awarded: 'common:applicationStatus.awarded',
  declined: 'common:applicationStatus.declined',
  withdrawn: 'common:applicationStatus.withdrawn',
}

/** What a funder may see of a program's applications: everything a group has submitted. */
export const SUBMITTED_STATUSES = APPLICATION_STATUSES.filter(
  (s): s is Exclude<ApplicationStatus, 'draft'> => s !== 'draft',
)

/** Where the group may edit its application's steps: a draft, or one sent back for changes. */
export const EDITABLE_STATUSES = [
  'draft',
  'changes_requested',
] as const satisfies readonly ApplicationStatus[]

export const isEditableStatus = (status: ApplicationStatus) =>
  (EDITABLE_STATUSES as readonly ApplicationStatus[]).includes(status)

/** Where an officer may ask the group for changes: received and not yet decided. */
export const CHANGES_REQUESTABLE_STATUSES = [
  'submitted',
  'in_review',
] as const satisfies readonly ApplicationStatus[]
