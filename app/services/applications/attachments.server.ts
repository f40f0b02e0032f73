import type { Message } from '#app/lib/i18n/message.ts'
import { randomUUID } from 'node:crypto'
import { and, asc, eq, sql } from 'drizzle-orm'
import { db, type Db } from '#db/client.server.ts'
import { applications, attachments, programQuestions, type Application } from '#db/schema/index.ts'
import { MAX_FILES_PER_APPLICATION } from '#app/domain/file-types.ts'
import { recordAudit } from '#app/services/admin/audit.server.ts'
import { fail, type Actor, type Result } from '#app/domain/result.ts'
import type { LoadedApplication } from './applications.server.ts'
import { checkUpload, safeFileName, type UploadRefusal } from './file-checks.server.ts'
import { fileStore } from '#app/services/storage.server.ts'

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

/** Why an upload was not stored: the file's own fault, or the application's state. */
export type AttachmentRefusal =
  UploadRefusal | 'not_editable' | 'unknown_question' | 'limit_reached'

export type AddAttachmentResult = Result<
  { fileName: string; alreadyAttached: boolean },
  { message: Message; reason: AttachmentRefusal }
>

/**
 * Stores an upload (a file already on disk) for a draft the user may edit. The bytes are copied
 * first; then, under the application's row lock so that concurrent uploads cannot all pass the
 * count, the limit is checked and the row written. A retry of a file already attached (same name,
 * size and question) adds nothing. If no row is written, the copy is removed again.
 */
export async function addAttachment(
  actor: Actor,
  loaded: LoadedApplication,
  upload: {
    questionId: string | null
    fileName: string
    file: { path: string; sizeBytes: number }
  },
): Promise<AddAttachmentResult> {
  const { application } = loaded
  if (loaded.access.side !== 'applicant' || !loaded.access.canEdit) {
    return fail({ reason: 'not_editable', message: 'applications:attachments.refusal.notDraft' })
  }
  const verdict = await checkUpload(upload.fileName, upload.file)
  if (!verdict.ok) {
    await auditRefusal(db(), actor, application, upload, verdict.reason)
    return fail({ reason: verdict.reason, message: verdict.message })
  }
  if (upload.questionId && !(await questionBelongs(upload.questionId, application.programId))) {
    return fail({
      reason: 'unknown_question',
      message: 'applications:attachments.refusal.unknownQuestion',
    })
  }
  const { sizeBytes } = upload.file
  const storageKey = randomUUID()
  await fileStore().putFile(storageKey, upload.file.path)
  let outcome: 'added' | 'duplicate' | 'full'
  try {
    outcome = await db().transaction(async (tx) => {
      await tx.execute(
        sql`SELECT 1 FROM ${applications} WHERE ${applications.id} = ${application.id} FOR UPDATE`,
      )
      const present = await tx
        .select({
          fileName: attachments.fileName,
          sizeBytes: attachments.sizeBytes,
          questionId: attachments.questionId,
        })
        .from(attachments)
        .where(eq(attachments.applicationId, application.id))
      const same = (row: (typeof present)[number]) =>
        row.fileName === verdict.fileName &&
        row.sizeBytes === sizeBytes &&
        (row.questionId ?? null) === upload.questionId
      if (present.some(same)) return 'duplicate'
      if (present.length >= MAX_FILES_PER_APPLICATION) {
        await auditRefusal(tx, actor, application, upload, 'limit_reached')
        return 'full'
      }
      const [row] = await tx
        .insert(attachments)
        .values({
          applicationId: application.id,
          questionId: upload.questionId,
          fileName: verdict.fileName,
          contentType: verdict.contentType,
          sizeBytes,
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
        details: { attachmentId: row?.id, fileName: verdict.fileName, sizeBytes },
      })
      return 'added'
    })
  } catch (error) {
    await fileStore().remove(storageKey)
    throw error
  }
  if (outcome !== 'added') await fileStore().remove(storageKey)
  if (outcome === 'full') {
    return fail({
      reason: 'limit_reached',
      message: {
        key: 'applications:attachments.refusal.limit',
        values: { count: MAX_FILES_PER_APPLICATION },
      },
    })
  }
  return { ok: true, fileName: verdict.fileName, alreadyAttached: outcome === 'duplicate' }
}

/** The longest file name a refusal keeps: enough to recognise the file, never its contents. */
const REFUSED_NAME_LENGTH = 100

/**
 * A refused upload, for the admin's audit log: why, and the file's name (cleaned and cut short)
 * and size. What was in the file is never read into the log.
 */
function auditRefusal(
  tx: Db,
  actor: Actor,
  application: Application,
  upload: { fileName: string; file: { sizeBytes: number } },
  reason: UploadRefusal | 'limit_reached',
) {
  return recordRefusal(tx, actor, application, {
    reason,
    fileName: refusedName(upload.fileName),
    sizeBytes: upload.file.sizeBytes,
  })
}

function refusedName(name: string) {
  const chars = [...safeFileName(name)]
  return chars.length <= REFUSED_NAME_LENGTH
    ? chars.join('')
    : `${chars.slice(0, REFUSED_NAME_LENGTH - 1).join('')}…`
}

function recordRefusal(
  tx: Db,
  actor: Actor,
  application: Application,
  details: Record<string, unknown>,
) {
  return recordAudit(tx, {
    actorUserId: actor.id,
    action: 'attachment.refused',
    entityType: 'application',
    entityId: application.id,
    organizationId: application.organizationId,
    ip: actor.ip,
    details,
  })
}

/**
 * An upload refused as over 10 MB while the request was read, before this service saw a file:
 * the file's name (from its part's header, cleaned and cut short like any refusal's; null when
 * none arrived) and the size the browser declared for the whole request.
 */
export async function recordOversizedUpload(
  actor: Actor,
  loaded: LoadedApplication,
  upload: { fileName: string | null; declaredBodyBytes: number | null },
) {
  if (loaded.access.side !== 'applicant' || !loaded.access.canEdit) return
  await recordRefusal(db(), actor, loaded.application, {
    reason: 'too_large',
    fileName: upload.fileName === null ? null : refusedName(upload.fileName),
    declaredBodyBytes: upload.declaredBodyBytes,
  })
}

async function questionBelongs(questionId: string, programId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(questionId)) return false
  const [q] = await db()
    .select({ id: programQuestions.id })
    .from(programQuestions)
    .where(and(eq(programQuestions.id, questionId), eq(programQuestions.programId, programId)))
  return !!q
}

const NOT_REMOVED = 'applications:attachments.refusal.notRemoved'

export async function removeAttachment(
  actor: Actor,
  loaded: LoadedApplication,
  attachmentId: string,
): Promise<Result<object, { message: Message; reason: 'not_editable' | 'not_found' }>> {
  if (loaded.access.side !== 'applicant' || !loaded.access.canEdit) {
    return fail({ reason: 'not_editable', message: NOT_REMOVED })
  }
  const row = await findAttachment(loaded.application.id, attachmentId)
  if (!row) return fail({ reason: 'not_found', message: NOT_REMOVED })
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
  return { ok: true }
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
