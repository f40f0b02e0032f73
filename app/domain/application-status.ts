import type { ApplicationStatus } from '#db/schema/applications.ts'

export const STATUS_LABELS: Record<ApplicationStatus, string> = {
  draft: 'Draft',
  submitted: 'Submitted',
  in_review: 'In review',
  awarded: 'Awarded',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
}

export const APPLICATION_STATUSES = Object.keys(STATUS_LABELS) as ApplicationStatus[]

/** What a funder may see of a program's applications: everything a group has submitted. */
export const SUBMITTED_STATUSES = APPLICATION_STATUSES.filter(
  (s): s is Exclude<ApplicationStatus, 'draft'> => s !== 'draft',
)
