import { text, timestamp, uuid } from 'drizzle-orm/pg-core'

/** Primary key shared by every entity table: a server-generated UUID. */
export const id = () => uuid('id').primaryKey().defaultRandom()

export const createdAt = () =>
  timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow()

export const updatedAt = () =>
  timestamp('updated_at', { withTimezone: true, mode: 'date' })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date())

/**
 * The language a record's funder-written words are in ('en' or 'es'): its text columns hold that
 * language, and each `*_translation` column (null: not translated) the other one
 * (docs/decisions/015-bilingual-content.md).
 */
export const contentLanguage = () => text('content_language').notNull().default('en')
