import type { Message } from './i18n/message.ts'

/** Messages by field: translation keys (or, on pages not yet converted, English). */
export type FieldErrors = Record<string, Message>
/**
 * What an action returns when a submission is refused: errors by field, what was typed, and any
 * problems to list under the form-level message.
 */
export type FormFailure = {
  errors: FieldErrors
  values: Record<string, string | string[]>
  problems?: string[]
  /** Set when the post was saved all the same (as this version) but still has problems to fix. */
  savedVersion?: string
}

/** Password fields: never echoed back into a page, never kept in the browser. */
export const isSecretField = (name: string) => /password/i.test(name)
