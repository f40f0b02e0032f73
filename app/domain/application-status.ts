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
