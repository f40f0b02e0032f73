import { db, type Db } from './client.server.ts'

/**
 * A query that almost every request runs (the session's user, the organisation in the URL and
 * the membership, the layout's lists), built once per database and then only executed with its
 * placeholders filled in. drizzle otherwise walks the builder and writes the SQL text again on
 * every call: ~6% of a funder page's server CPU for its seven queries (docs/decisions/
 * 013-throughput.md, round six). On PostgreSQL it is also a named statement, so each pooled
 * connection parses and plans it once. Kept per database object, since tests open one per file.
 * `name` must be unique among them: PostgreSQL refuses two statements of one name on a connection.
 */
export function preparedQuery<Q>(name: string, build: (db: Db, name: string) => Q): () => Q {
  const built = new WeakMap<Db, Q>()
  return () => {
    const current = db()
    let query = built.get(current)
    if (!query) {
      query = build(current, name)
      built.set(current, query)
    }
    return query
  }
}

/**
 * preparedQuery for a query whose shape depends on a few choices (which filters are set, the
 * order): one prepared statement per shape, named after `name` and the shape's key, built the
 * first time that shape is asked for. `key` must take few values (each is a statement on every
 * pooled connection).
 */
export function preparedShapes<S, Q>(
  name: string,
  key: (shape: S) => string,
  build: (db: Db, name: string, shape: S) => Q,
): (shape: S) => Q {
  const shapes = new Map<string, () => Q>()
  return (shape) => {
    const shapeName = `${name}_${key(shape)}`
    let query = shapes.get(shapeName)
    if (!query) {
      query = preparedQuery(shapeName, (db, n) => build(db, n, shape))
      shapes.set(shapeName, query)
    }
    return query()
  }
}
