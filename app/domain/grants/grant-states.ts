/**
 * The grant vocabularies (docs/decisions/011: each list defined once; the database's enums are
 * built from these tuples).
 */

/** A grant is active from the award until it is completed (final report accepted) or cancelled. */
export const GRANT_STATUSES = ['active', 'completed', 'cancelled'] as const
export type GrantStatus = (typeof GRANT_STATUSES)[number]

/**
 * Where one dated payment of a grant stands. A scheduled payment may be held (while a report is
 * overdue, with a reason) and released; it is paid once, through `markDisbursementPaid`; a
 * cancelled grant's unpaid payments are cancelled.
 */
export const DISBURSEMENT_STATUSES = ['scheduled', 'held', 'paid', 'cancelled'] as const
export type DisbursementStatus = (typeof DISBURSEMENT_STATUSES)[number]

/** Payments the schedule editor may not change: paid ones, and held ones until released. */
export const FIXED_PAYMENT_STATUSES = ['paid', 'held'] as const satisfies DisbursementStatus[]

/**
 * Where one submission of a milestone's report stands. Each submission is its own row: asking
 * for changes leaves it as it was read, and the revision is a new submission (the history).
 */
export const REPORT_STATUSES = ['submitted', 'accepted', 'changes_requested'] as const
export type ReportStatus = (typeof REPORT_STATUSES)[number]

export const GRANT_STATUS_KEYS = {
  active: 'grants:status.active',
  completed: 'grants:status.completed',
  cancelled: 'grants:status.cancelled',
} as const satisfies Record<GrantStatus, string>

export const DISBURSEMENT_STATUS_KEYS = {
  scheduled: 'grants:payment.scheduled',
  held: 'grants:payment.held',
  paid: 'grants:payment.paid',
  cancelled: 'grants:payment.cancelled',
} as const satisfies Record<DisbursementStatus, string>

export const REPORT_STATUS_KEYS = {
  submitted: 'grants:report.status.submitted',
  accepted: 'grants:report.status.accepted',
  changes_requested: 'grants:report.status.changes_requested',
} as const satisfies Record<ReportStatus, string>

/** The figures a report may give: whole numbers, each optional. */
export const REPORT_FIGURES = ['peopleReached', 'activitiesHeld', 'volunteersInvolved'] as const
export type ReportFigure = (typeof REPORT_FIGURES)[number]
export type ReportFigures = Partial<Record<ReportFigure, number>>

export const REPORT_FIGURE_KEYS = {
  peopleReached: 'grants:report.figures.peopleReached',
  activitiesHeld: 'grants:report.figures.activitiesHeld',
  volunteersInvolved: 'grants:report.figures.volunteersInvolved',
} as const satisfies Record<ReportFigure, string>

/** Days before a report's due day that its grantee is reminded. */
export const REPORT_DUE_SOON_DAYS = 14

/**
 * Where a milestone stands for the people reading it on `today` (a day in the program's zone):
 * overdue once its day has passed with no report submitted or accepted.
 */
export type MilestoneState = 'accepted' | 'submitted' | 'changes_requested' | 'overdue' | 'due'

export function milestoneState(
  dueOn: string,
  latest: ReportStatus | null,
  today: string,
): MilestoneState {
  if (latest === 'accepted' || latest === 'submitted') return latest
  if (dueOn < today) return 'overdue'
  return latest ?? 'due'
}

export const MILESTONE_STATE_KEYS = {
  accepted: 'grants:milestone.state.accepted',
  submitted: 'grants:milestone.state.submitted',
  changes_requested: 'grants:milestone.state.changes_requested',
  overdue: 'grants:milestone.state.overdue',
  due: 'grants:milestone.state.due',
} as const satisfies Record<MilestoneState, string>
