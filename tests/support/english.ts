import { translateMessage, type Message } from '#app/lib/i18n/message.ts'
import { fixedT } from '#app/utils/i18n.server.ts'

/** A message (key, or key with values) as an English reader sees it, for assertions. */
export const english = (message: Message | undefined) =>
  message === undefined ? undefined : translateMessage(fixedT('en'), message)
