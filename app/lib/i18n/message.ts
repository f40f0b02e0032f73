import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'

/**
 * What a schema, a service or a route says to a person: a translation key ("validation:email.invalid"),
 * or a key with the values it interpolates. It travels as plain JSON (action data, flash cookie) and is
 * translated only where it is shown (Field, FormError, FlashMessage), in the reader's language.
 */
export type Message = string | { key: string; values?: Record<string, string | number> }

/** Zod wants a string: a key with values is packed into one, and unpacked by `translateMessage`. */
export function msg(key: string, values?: Record<string, string | number>): string {
  return values ? JSON.stringify({ key, values }) : key
}

/** Reads a message that may be packed by `msg`. */
export function unpackMessage(message: Message): {
  key: string
  values?: Record<string, string | number>
} {
  if (typeof message !== 'string') return message
  if (message.startsWith('{"key":')) {
    try {
      const parsed = JSON.parse(message) as { key?: unknown; values?: unknown }
      if (typeof parsed.key === 'string')
        return {
          key: parsed.key,
          values: (parsed.values ?? undefined) as Record<string, string | number> | undefined,
        }
    } catch {
      // Not ours: shown as it is.
    }
  }
  return { key: message }
}

/** "namespace:some.key": a translation key, not (yet) plain English from an unconverted page. */
const KEY = /^[a-z]+:[A-Za-z0-9_.-]+$/

/** The message in the reader's language. Text that is not a key is shown as it is (pages not yet
 * converted still pass English). */
export function translateMessage(t: TFunction, message: Message): string {
  const { key, values } = unpackMessage(message)
  if (!KEY.test(key)) return key
  return t(key, values ?? {}) as string
}

/** `const tm = useMessage(); tm(error)`: translates a Message in the current language. */
export function useMessage() {
  const { t } = useTranslation()
  return (message: Message) => translateMessage(t, message)
}

/** `<MessageText message={error} />`: a Message, translated, where a component is handier. */
export function MessageText({ message }: { message: Message }) {
  return useMessage()(message)
}
