/**
 * The review vocabularies (docs/decisions/011: each list defined once; the database's enums are
 * built from these tuples).
 */

/** Who sits on a program's panel: a member of the funder, or a person from the communities served. */
export const REVIEWER_KINDS = ['staff', 'community'] as const
export type ReviewerKind = (typeof REVIEWER_KINDS)[number]

/**
 * Where a review assignment stands. A reviewer declares before seeing anything of the
 * application: no conflict (then in progress once something is saved, then submitted), or a
 * conflict with a reason, which takes the assignment out of the panel's work for good.
 */
export const ASSIGNMENT_STATES = [
  'assigned',
  'declared_no_conflict',
  'in_progress',
  'submitted',
  'conflict',
] as const
export type AssignmentState = (typeof ASSIGNMENT_STATES)[number]

/** States that hold a reviewer's place on an application (everything but a declared conflict). */
export const ACTIVE_ASSIGNMENT_STATES = [
  'assigned',
  'declared_no_conflict',
  'in_progress',
  'submitted',
] as const satisfies readonly AssignmentState[]

/** States a rerun of "Assign reviewers" may take away: nothing has been scored yet. */
export const UNSTARTED_STATES = [
  'assigned',
  'declared_no_conflict',
] as const satisfies readonly AssignmentState[]

/** A reviewer may open the application and score only after declaring no conflict. */
export const SCORING_STATES = [
  'declared_no_conflict',
  'in_progress',
] as const satisfies readonly AssignmentState[]

export const ASSIGNMENT_STATE_KEYS: Record<AssignmentState, string> = {
  assigned: 'review:states.assigned',
  declared_no_conflict: 'review:states.declared_no_conflict',
  in_progress: 'review:states.in_progress',
  submitted: 'review:states.submitted',
  conflict: 'review:states.conflict',
}

export const REVIEWER_KIND_KEYS: Record<ReviewerKind, string> = {
  staff: 'review:kinds.staff',
  community: 'review:kinds.community',
}

/** The community reviewer weight is stored in per-mille: 1000 counts a community score once. */
export const PER_MILLE = 1000

/** Days a panel invitation's link stays valid. */
export const PANEL_INVITATION_DAYS = 14
