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
