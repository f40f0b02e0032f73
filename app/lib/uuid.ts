const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * Whether text is a UUID, checked before it reaches a query: PostgreSQL rejects a malformed one
 * with an error, and an id from an address or a form is only ever a lookup that finds nothing.
 */
export const isUuid = (text: string | null | undefined): text is string =>
  typeof text === 'string' && UUID.test(text)
