/**
 * Where a group's request for skilled help stands. A draft is the group's alone; an open request is
 * shown to volunteers; matched once an engagement is accepted (a later slice); closed by the group;
 * expired by the daily job once its deadline has passed while still open.
 */
export const REQUEST_STATUSES = ['draft', 'open', 'matched', 'closed', 'expired'] as const
export type RequestStatus = (typeof REQUEST_STATUSES)[number]

export const REQUEST_STATUS_KEYS: Record<RequestStatus, string> = {
  draft: 'volunteers:requestStatus.draft',
  open: 'volunteers:requestStatus.open',
  matched: 'volunteers:requestStatus.matched',
  closed: 'volunteers:requestStatus.closed',
  expired: 'volunteers:requestStatus.expired',
}

/** The statuses in which a group may still edit a request. */
export const EDITABLE_REQUEST_STATUSES: readonly RequestStatus[] = ['draft', 'open']

/** The statuses a group may close a request from. */
export const CLOSABLE_REQUEST_STATUSES: readonly RequestStatus[] = ['draft', 'open', 'expired']

/**
 * A request open this many days with no engagement proposed prompts its group to revise it: poor
 * scoping is the first reason pro bono projects fail (reference/volunteers.md §9.2, step 6).
 */
export const REVISE_PROMPT_AFTER_DAYS = 7

/** Hours a request may ask for: a sane ceiling, far above the typical 30 (Taproot+). */
export const MAX_REQUEST_HOURS = 500

/** What happened to one engagement on a request, as far as the request's status cares. */
export type EngagementEvent = 'accepted' | 'released' | 'completed'

/**
 * The request's status after an engagement on it moved (pure; the service passes how many
 * accepted or active engagements remain on the request after the move):
 * - accepted: an open request is matched (it leaves volunteers' suggestions);
 * - released (the engagement was cancelled after it was accepted): a matched request with no
 *   accepted or active engagement left opens again, to be offered on and suggested;
 * - completed: the work is done, so a matched request with no accepted or active engagement
 *   left closes (the group's list then shows it done, not still matched).
 * A draft, closed or expired request is never moved by an engagement.
 */
export function requestStatusAfter(
  current: RequestStatus,
  event: EngagementEvent,
  liveEngagementsLeft: number,
): RequestStatus {
  if (event === 'accepted') return current === 'open' ? 'matched' : current
  if (current !== 'matched' || liveEngagementsLeft > 0) return current
  return event === 'released' ? 'open' : 'closed'
}
