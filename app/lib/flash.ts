import type { Message } from './i18n/message.ts'

export type Flash = {
  kind: 'success' | 'error' | 'info'
  /** A translation key (with values), e.g. 'common:flash.loggedOut'. */
  message: Message
  /** The browser backup (a draftKeys key) this save made obsolete; the next page drops it. */
  draft?: string
  /** The form field the message is about (e.g. "upload:<question id>"): shown there, not on top. */
  field?: string
  /** Set by logout: the next page drops every backup, even if the logout was posted before the
   * page's scripts had run (so its own clean-up did not). */
  forgetAllDrafts?: true
}

/** The flash's message when it belongs to `field`. */
export const flashFor = (flash: Flash | null | undefined, field: string) =>
  flash?.field === field ? flash.message : undefined

/** The field an upload's error belongs to, so the page shows it beside the right file input. */
export const uploadField = (questionId: string | null) => `upload:${questionId ?? ''}`

/** The field a grant report's upload message belongs to (beside that report's file input). */
export const reportFileField = (reportId: string) => `report-file:${reportId}`
