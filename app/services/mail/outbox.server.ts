import { desc, eq } from 'drizzle-orm'
import { db } from '#db/client.server.ts'
import { mailMessages } from '#db/schema/index.ts'
import { isUuid } from '#app/lib/uuid.ts'

/**
 * The development outbox (/admin/outbox): every mail the app wrote, newest first, as the
 * recipient got it (or would have, with no SMTP configured). Admins only; the routes answer 404
 * when SMTP is configured.
 */
export const OUTBOX_PAGE_SIZE = 25

export async function listOutbox(opts: { page: number }) {
  const page = Math.max(1, Math.floor(opts.page))
  const rows = await db()
    .select({
      id: mailMessages.id,
      toAddress: mailMessages.toAddress,
      subject: mailMessages.subject,
      kind: mailMessages.kind,
      status: mailMessages.status,
      attempts: mailMessages.attempts,
      lastError: mailMessages.lastError,
      createdAt: mailMessages.createdAt,
    })
    .from(mailMessages)
    .orderBy(desc(mailMessages.createdAt), desc(mailMessages.id))
    .limit(OUTBOX_PAGE_SIZE + 1)
    .offset((page - 1) * OUTBOX_PAGE_SIZE)
  return { rows: rows.slice(0, OUTBOX_PAGE_SIZE), page, hasNext: rows.length > OUTBOX_PAGE_SIZE }
}

/** One message, both parts; null for an id that is none of ours. */
export async function getOutboxMessage(id: string | undefined) {
  if (!isUuid(id)) return null
  const [message] = await db().select().from(mailMessages).where(eq(mailMessages.id, id))
  return message ?? null
}

/** The links of a mail's HTML part, in order, once each: what the outbox page lists to follow. */
export function linksOf(html: string): string[] {
  const found = [...html.matchAll(/<a\b[^>]*\bhref="([^"]*)"/gi)].map((m) =>
    m[1]!.replaceAll('&amp;', '&'),
  )
  return [...new Set(found)]
}

/**
 * The stored HTML as the outbox's sandboxed frame shows it: links open in the whole window (the
 * frame's sandbox lets a click, and only a click, navigate it).
 */
export function framedHtml(html: string): string {
  const base = '<base target="_top">'
  return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (h) => h + base) : base + html
}
