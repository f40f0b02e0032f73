export type Flash = {
  kind: 'success' | 'error' | 'info'
  message: string
  /** The browser backup (a draftKeys key) this save made obsolete; the next page drops it. */
  draft?: string
}
