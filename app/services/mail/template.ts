import type { ReactElement } from 'react'
import type { TFunction } from 'i18next'
import type { Language } from '#app/lib/i18n/config.ts'

/** What every template gets besides its data: a `t` fixed to the recipient's language. */
export interface MailContext {
  t: TFunction
  language: Language
  /** Absolute URL on our origin for a path of the app ("/verify-email/…"). */
  url(path: string): string
}

/**
 * One kind of mail: its subject and body, in the recipient's language. `optional` mails (the
 * recipient may turn them off) carry a link to the notification preferences; required ones
 * (security, receipts) do not. `example` is data the template check renders it with.
 */
export interface MailTemplate<Data extends object> {
  optional: boolean
  subject(context: MailContext, data: Data): string
  body(context: MailContext, data: Data): ReactElement
  example: Data
}

export const defineMailTemplate = <Data extends object>(template: MailTemplate<Data>) => template
