export type Flash = {
  kind: 'success' | 'error' | 'info'
  message: string
  /** The browser backup (a draftKeys key) this save made obsolete; the next page drops it. */
  draft?: string
  /** Set by logout: the next page drops every backup, even if the logout was posted before the
   * page's scripts had run (so its own clean-up did not). */
  forgetAllDrafts?: true
}
