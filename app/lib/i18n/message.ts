import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'

/** What a key interpolates: a list (string[]) is joined by the language's own words through the
 * `list` formatter, e.g. `"{{states, list(type: disjunction)}}"` → "Illinois or Indiana" / "Illinois o Indiana". */
export type MessageValues = Record<string, string | number | readonly string[]>

/** One message: a key, or a key with its values. */
export type SingleMessage = string | { key: string; values?: MessageValues }

/**
 * What a schema, a service or a route says to a person: a translation key ("validation:email.invalid"),
 * a key with the values it interpolates, or several such messages for one field (shown one after
 * the other, each in the reader's language). It travels as plain JSON (action data, flash cookie) and
 * is translated only where it is shown (Field, FormError, FlashMessage), in the reader's language.
 */
export type Message = SingleMessage | readonly SingleMessage[]

/** Zod wants a string: a key with values is packed into one, and unpacked by `translateMessage`. */
export function msg(key: string, values?: MessageValues): string {
  return values ? JSON.stringify({ key, values }) : key
}

/** Reads a message that may be packed by `msg`. */
export function unpackMessage(message: SingleMessage): {
  key: string
  values?: MessageValues
} {
  if (typeof message !== 'string') return message
  if (message.startsWith('{"key":')) {
    try {
      const parsed = JSON.parse(message) as { key?: unknown; values?: unknown }
      if (typeof parsed.key === 'string')
        return {
          key: parsed.key,
          values: (parsed.values ?? undefined) as MessageValues | undefined,
        }
    } catch {
      // Not ours: shown as it is.
    }
  }
  return { key: message }
}

/** "namespace:some.key": a translation key, not (yet) plain English from an unconverted page. */
const KEY = /^[a-z]+:[A-Za-z0-9_.-]+$/

/** The message in the reader's language (several: one after the other). Text that is not a key is
 * shown as it is. */
export function translateMessage(t: TFunction, message: Message): string {
  if (Array.isArray(message)) {
    return (message as readonly SingleMessage[]).map((m) => translateMessage(t, m)).join(' ')
  }
  const { key, values } = unpackMessage(message as SingleMessage)
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
