import type { SingleMessage } from '#app/lib/i18n/message.ts'

/** What a user-agent string names: browser family and operating system (proper nouns, any language). */
export interface DeviceNames {
  browser: string | null
  os: string | null
}

/**
 * "Chrome on Linux" as a message, so each reader gets it in their own language: the names are
 * kept, the words between them are translated where it is shown.
 */
export function describeDevice({ browser, os }: DeviceNames): SingleMessage {
  if (browser && os) return { key: 'account:sessions.browserOn', values: { browser, os } }
  if (browser) return { key: 'account:sessions.browserOnly', values: { browser } }
  if (os) return { key: 'account:sessions.someBrowserOn', values: { os } }
  return 'account:sessions.unknownBrowser'
}
