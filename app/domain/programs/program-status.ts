/** A funding call's stages, in order; the database's program_status enum is built from this list. */
export const PROGRAM_STATUSES = ['draft', 'open', 'closed', 'in_review', 'decided'] as const
export type ProgramStatus = (typeof PROGRAM_STATUSES)[number]

/** The status names as translation keys (docs/i18n.md), for what a person reads. */
export const PROGRAM_STATUS_KEYS: Record<ProgramStatus, string> = {
  draft: 'common:programStatus.draft',
  open: 'common:programStatus.open',
  closed: 'common:programStatus.closed',
  in_review: 'common:programStatus.in_review',
  decided: 'common:programStatus.decided',
}

/** Each status moves one way only: a funding call never goes back to an earlier stage. */
export const PROGRAM_TRANSITIONS: Record<ProgramStatus, ProgramStatus[]> = {
  draft: ['open'],
  open: ['closed'],
  closed: ['in_review'],
  in_review: ['decided'],
  decided: [],
}

export function canTransition(from: ProgramStatus, to: ProgramStatus): boolean {
  return PROGRAM_TRANSITIONS[from].includes(to)
}

type Timed = { status: ProgramStatus; closesAt: Date | string | null }

/**
 * The status a program really has at `now`: an open program whose deadline has passed is closed,
 * even before the deadline job (app/services/programs/program-deadlines.server.ts) has written that down.
 */
export function effectiveStatus(program: Timed, now: Date = new Date()): ProgramStatus {
  if (
    program.status === 'open' &&
    program.closesAt !== null &&
    new Date(program.closesAt).getTime() <= now.getTime()
  ) {
    return 'closed'
  }
  return program.status
}

/** Open, past its opening time and before its deadline. */
export function isAcceptingApplications(
  program: Timed & { opensAt: Date | string | null },
  now: Date = new Date(),
): boolean {
  if (effectiveStatus(program, now) !== 'open') return false
  return program.opensAt === null || new Date(program.opensAt).getTime() <= now.getTime()
}

/**
 * Scores exist only from "in review" on (the scores table arrives with the review work, in a later
 * issue), so locking at that status is what keeps a criterion from changing under scores already
 * given.
 */
export function isRubricLocked(status: ProgramStatus): boolean {
  return status === 'in_review' || status === 'decided'
}

/** Once a call closes, the questions applicants answered are the record of what was asked. */
export function areQuestionsLocked(status: ProgramStatus): boolean {
  return status !== 'draft' && status !== 'open'
}
