import { randomUUID } from 'node:crypto'
import { and, asc, eq, sql } from 'drizzle-orm'
import { db } from '#db/client.server.ts'
import { attachments, programQuestions } from '#db/schema/index.ts'
import { MAX_FILES_PER_APPLICATION } from '#app/domain/file-types.ts'
import { recordAudit } from './audit.server.ts'
import type { Actor, LoadedApplication } from './applications.server.ts'
import { checkUpload } from './file-checks.server.ts'
import { fileStore } from './storage.server.ts'

export function listAttachments(applicationId: string) {
  return db()
    .select({
      id: attachments.id,
      questionId: attachments.questionId,
      fileName: attachments.fileName,
      contentType: attachments.contentType,
      sizeBytes: attachments.sizeBytes,
      createdAt: attachments.createdAt,
    })
    .from(attachments)
    .where(eq(attachments.applicationId, applicationId))
    .orderBy(asc(attachments.createdAt))
}

/**
 * Stores an upload for a draft the user may edit. The bytes are written first; if the row then
 * fails, the orphan file is removed so storage and database agree.
 */
export async function addAttachment(
  actor: Actor,
  loaded: LoadedApplication,
  upload: { questionId: string | null; fileName: string; bytes: Uint8Array },
): Promise<{ ok: true } | { ok: false; message: string }> {
  const { application } = loaded
  if (loaded.access.side !== 'applicant' || !loaded.access.canEdit) {
    return { ok: false, message: 'Files can only be added to a draft.' }
  }
  const verdict = checkUpload(upload.fileName, upload.bytes)
  if (!verdict.ok) return verdict
  if (upload.questionId && !(await questionBelongs(upload.questionId, application.programId))) {
    return { ok: false, message: 'That question is not part of this program.' }
  }
  const [count] = await db()
    .select({ n: sql<number>`count(*)::int` })
    .from(attachments)
    .where(eq(attachments.applicationId, application.id))
  if ((count?.n ?? 0) >= MAX_FILES_PER_APPLICATION) {
    return {
      ok: false,
      message: `An application can have at most ${MAX_FILES_PER_APPLICATION} files.`,
    }
  }
  const storageKey = randomUUID()
  await fileStore().put(storageKey, upload.bytes)
  try {
    await db().transaction(async (tx) => {
      const [row] = await tx
        .insert(attachments)
        .values({
          applicationId: application.id,
          questionId: upload.questionId,
          fileName: verdict.fileName,
          contentType: verdict.contentType,
          sizeBytes: upload.bytes.byteLength,
          storageKey,
          uploadedByUserId: actor.id,
        })
        .returning({ id: attachments.id })
      await recordAudit(tx, {
        actorUserId: actor.id,
        action: 'attachment.added',
        entityType: 'application',
        entityId: application.id,
        organizationId: application.organizationId,
        ip: actor.ip,
        details: {
          attachmentId: row?.id,
          fileName: verdict.fileName,
          sizeBytes: upload.bytes.byteLength,
        },
      })
    })
  } catch (error) {
    await fileStore().remove(storageKey)
    throw error
  }
  return { ok: true }
}

async function questionBelongs(questionId: string, programId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(questionId)) return false
  const [q] = await db()
    .select({ id: programQuestions.id })
    .from(programQuestions)
    .where(and(eq(programQuestions.id, questionId), eq(programQuestions.programId, programId)))
  return !!q
}

export async function removeAttachment(
  actor: Actor,
  loaded: LoadedApplication,
  attachmentId: string,
) {
  if (loaded.access.side !== 'applicant' || !loaded.access.canEdit) return false
  const row = await findAttachment(loaded.application.id, attachmentId)
  if (!row) return false
  await db().transaction(async (tx) => {
    await tx.delete(attachments).where(eq(attachments.id, row.id))
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: 'attachment.removed',
      entityType: 'application',
      entityId: loaded.application.id,
      organizationId: loaded.application.organizationId,
      ip: actor.ip,
      details: { attachmentId: row.id, fileName: row.fileName },
    })
  })
  await fileStore().remove(row.storageKey)
  return true
}

async function findAttachment(applicationId: string, attachmentId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(attachmentId)) return null
  const [row] = await db()
    .select()
    .from(attachments)
    .where(and(eq(attachments.id, attachmentId), eq(attachments.applicationId, applicationId)))
  return row ?? null
}

/** The file's bytes, for someone already allowed to see the application (loaded is proof). */
export async function readAttachment(loaded: LoadedApplication, attachmentId: string) {
  const row = await findAttachment(loaded.application.id, attachmentId)
  if (!row) return null
  return { ...row, bytes: await fileStore().get(row.storageKey) }
}
