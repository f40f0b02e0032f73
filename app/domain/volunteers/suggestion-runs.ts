/**
 * The platform batch "suggest matches" (issue 11; decision 028): a run's life and the phases the
 * admin page shows while it works.
 */
export const SUGGESTION_RUN_STATUSES = ['queued', 'running', 'finished', 'failed'] as const
export type SuggestionRunStatus = (typeof SUGGESTION_RUN_STATUSES)[number]

/** Candidates from SQL (page by page, scored as they come), the assignment, then storing it. */
export const SUGGESTION_RUN_PHASES = ['candidates', 'solving', 'storing'] as const
export type SuggestionRunPhase = (typeof SUGGESTION_RUN_PHASES)[number]

export const SUGGESTION_RUN_STATUS_KEYS: Record<SuggestionRunStatus, string> = {
  queued: 'admin:suggestRun.status.queued',
  running: 'admin:suggestRun.status.running',
  finished: 'admin:suggestRun.status.finished',
  failed: 'admin:suggestRun.status.failed',
}

export const SUGGESTION_RUN_PHASE_KEYS: Record<SuggestionRunPhase, string> = {
  candidates: 'admin:suggestRun.phase.candidates',
  solving: 'admin:suggestRun.phase.solving',
  storing: 'admin:suggestRun.phase.storing',
}

/** A live run whose worker has not moved it on for this long is taken as dead (failed). */
export const STALE_RUN_MINUTES = 15
