import { asc, eq } from 'drizzle-orm'
import { db } from '#db/client.server.ts'
import { internalNotes, users, type Application } from '#db/schema/index.ts'
import type { Actor } from '#app/domain/result.ts'
import { recordAudit } from '#app/services/admin/audit.server.ts'

/*
 * The funder's internal notes on an application. Only the program officers (the funder's owners
 * and admins) read and write them: never the group, never a reviewer (staff or community), so a
 * note can speak frankly without reaching the people it is about or shaping a score. The routes
 * check the officer role; nothing else in the app reads this table.
 */

/** Adds a note; audited without its text (the audit log is read by platform admins). */
export async function addInternalNote(
  actor: Actor,
  application: Pick<Application, 'id' | 'organizationId'>,
  body: string,
) {
  return db().transaction(async (tx) => {
    const [note] = await tx
      .insert(internalNotes)
      .values({ applicationId: application.id, authorUserId: actor.id, body })
      .returning({ id: internalNotes.id })
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: 'internal_note.added',
      entityType: 'application',
      entityId: application.id,
      organizationId: application.organizationId,
      ip: actor.ip,
      details: { noteId: note!.id },
    })
    return { ok: true as const, id: note!.id }
  })
}

/** An application's notes, oldest first, with their authors' names. */
export async function listInternalNotes(applicationId: string) {
  return db()
    .select({
      id: internalNotes.id,
      body: internalNotes.body,
      at: internalNotes.createdAt,
      author: users.name,
    })
    .from(internalNotes)
    .leftJoin(users, eq(users.id, internalNotes.authorUserId))
    .where(eq(internalNotes.applicationId, applicationId))
    .orderBy(asc(internalNotes.createdAt), asc(internalNotes.id))
}
