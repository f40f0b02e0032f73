/** A funding call's stages, in order; the database's program_status enum is built from this list. */
export const PROGRAM_STATUSES = ['draft', 'open', 'closed', 'in_review', 'decided'] as const
export type ProgramStatus = (typeof PROGRAM_STATUSES)[number]

export const PROGRAM_STATUS_LABELS: Record<ProgramStatus, string> = {
  draft: 'Draft',
  open: 'Open',
  closed: 'Closed',
  in_review: 'In review',
  decided: 'Decided',
}

/** The status names as translation keys (docs/i18n.md), for what a person reads. */
export const PROGRAM_STATUS_KEYS: Record<ProgramStatus, string> = {
  draft: 'common:programStatus.draft',
  open: 'common:programStatus.open',
  closed: 'common:programStatus.closed',
  in_review: 'common:programStatus.in_review',
  decided: 'common:programStatus.decided',
}

/**
 * The funder's overview sentence for each status. An open program says whether it accepts
 * applications yet, since it may be waiting for its opening time.
 */
export function programStatusSentence(status: ProgramStatus, accepting: boolean): string {
  switch (status) {
    case 'draft':
      return 'This program is a draft: only your organisation sees it.'
    case 'open':
      return accepting
        ? 'This program is open and accepting applications.'
        : 'This program is open, and accepts applications from its opening time.'
    case 'closed':
      return 'This program is closed: it no longer accepts applications.'
    case 'in_review':
      return 'This program is in review.'
    case 'decided':
      return 'This program’s decisions have been made.'
  }
}

/** Each status moves one way only: a funding call never goes back to an earlier stage. */
export const PROGRAM_TRANSITIONS: Record<ProgramStatus, ProgramStatus[]> = {
  draft: ['open'],
  open: ['closed'],
  closed: ['in_review'],
  in_review: ['decided'],
  decided: [],
}

/** What the button for moving a program into each status says. */
export const TRANSITION_LABELS: Record<ProgramStatus, string> = {
  draft: 'Back to draft',
  open: 'Open for applications',
  closed: 'Close now',
  in_review: 'Start review',
  decided: 'Mark as decided',
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
