import type { Message } from '#app/lib/i18n/message.ts'

/**
 * The one shape every service answers in (docs/decisions/011-one-result-shape.md). Success spreads
 * its values beside `ok: true`; a refusal says what went wrong in whichever of these fits, and the
 * request layer (`refuse` in app/utils/results.server.ts) turns it into a response.
 */
export type Failure<Extra extends object = object> = {
  ok: false
  /** HTTP status the refusal deserves; 400 when absent. */
  status?: number
  /** One sentence for the whole refusal, shown above the form or as a flash. */
  message?: Message
  /** Messages next to the fields they concern (`form` for the form as a whole). */
  fieldErrors?: Record<string, Message>
  /** Several things to fix before trying again, listed under the message. */
  problems?: string[]
  /** A machine-readable cause, for routes that answer different refusals differently. */
  reason?: string
} & Extra

export type Result<T extends object = object, Extra extends object = object> =
  ({ ok: true } & T) | Failure<Extra>

/** Who acts: the signed-in account and the address it acts from (for the audit log). */
export type Actor = { id: string; ip?: string | null }

export const fail = <const F extends Omit<Failure, 'ok'>>(failure: F) => ({
  ok: false as const,
  ...failure,
})
