import { timestamp, uuid } from 'drizzle-orm/pg-core'

/** Primary key shared by every entity table: a server-generated UUID. */
export const id = () => uuid('id').primaryKey().defaultRandom()

export const createdAt = () =>
  timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow()

export const updatedAt = () =>
  timestamp('updated_at', { withTimezone: true, mode: 'date' })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date())
