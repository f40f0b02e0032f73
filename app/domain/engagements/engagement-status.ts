/** Where an engagement between a volunteer and a group stands. */
export const ENGAGEMENT_STATUSES = [
  'proposed',
  'accepted',
  'declined',
  'expired',
  'active',
  'completed',
  'cancelled',
] as const
export type EngagementStatus = (typeof ENGAGEMENT_STATUSES)[number]

/** Who made the proposal: the volunteer offered, or the group invited. */
export const PROPOSERS = ['volunteer', 'group'] as const
export type Proposer = (typeof PROPOSERS)[number]

/** A proposal's answer is due this many days after it is made; then it expires. */
export const RESPONSE_WINDOW_DAYS = 5

/** Statuses in which each side sees the other's contact details. */
export const CONTACT_STATUSES: readonly EngagementStatus[] = ['accepted', 'active', 'completed']

/** Statuses from which either side may cancel. */
export const CANCELLABLE_STATUSES: readonly EngagementStatus[] = ['accepted', 'active']

/** How a check-in finds the work. */
export const CHECK_IN_PROGRESS = ['on_track', 'at_risk', 'off_track'] as const
export type CheckInProgress = (typeof CHECK_IN_PROGRESS)[number]

export const CHECK_IN_PROGRESS_KEYS = {
  on_track: 'engagements:checkin.progress.on_track',
  at_risk: 'engagements:checkin.progress.at_risk',
  off_track: 'engagements:checkin.progress.off_track',
} as const satisfies Record<CheckInProgress, string>

export const HOURS_STATUSES = ['logged', 'verified', 'questioned'] as const
export type HoursStatus = (typeof HOURS_STATUSES)[number]

/** More than this many minutes on one day, summed over a volunteer's logs, is refused. */
export const MAX_MINUTES_PER_DAY = 24 * 60

export const ENGAGEMENT_STATUS_KEYS = {
  proposed: 'engagements:status.proposed',
  accepted: 'engagements:status.accepted',
  declined: 'engagements:status.declined',
  expired: 'engagements:status.expired',
  active: 'engagements:status.active',
  completed: 'engagements:status.completed',
  cancelled: 'engagements:status.cancelled',
} as const satisfies Record<EngagementStatus, string>

export const HOURS_STATUS_KEYS = {
  logged: 'engagements:hours.status.logged',
  verified: 'engagements:hours.status.verified',
  questioned: 'engagements:hours.status.questioned',
} as const satisfies Record<HoursStatus, string>
