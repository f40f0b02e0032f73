import { randomUUID } from 'node:crypto'
import { and, asc, count, eq } from 'drizzle-orm'
import { db } from '#db/client.server.ts'
import { grantReportFiles, grantReports } from '#db/schema/index.ts'
import { fail, type Actor, type Result } from '#app/domain/result.ts'
import { recordAudit } from '#app/services/admin/audit.server.ts'
import { checkUpload } from '#app/services/applications/file-checks.server.ts'
import { fileStore } from '#app/services/storage.server.ts'
import { MANAGER_ROLES } from '#app/services/organizations/organizations.server.ts'
import { granteeGrant, grantInContext, refuseUnlessActive, roleIn } from './grant-access.server.ts'

/** A report carries a handful of files (photos, a budget sheet), not an archive. */
export const MAX_FILES_PER_REPORT = 10

/**
 * Attaches an upload (a file already on disk, checked by name, size and content like an
 * application's) to a report the grantee's organisation submitted and the funder has not yet
 * reviewed: what the funder read and answered stays as it was. The bytes are stored first; the
 * row is written under the report's lock, so concurrent uploads cannot pass the limit together.
 */
export async function addReportFile(
  actor: Actor,
  grantId: string,
  reportId: string,
  upload: { fileName: string; file: { path: string; sizeBytes: number } },
): Promise<Result<{ fileName: string }>> {
  const verdict = await checkUpload(upload.fileName, upload.file)
  if (!verdict.ok) return fail({ message: verdict.message })
  const storageKey = randomUUID()
  await fileStore().putFile(storageKey, upload.file.path)
  let outcome: Result<{ fileName: string }>
  try {
    outcome = await db().transaction(async (tx) => {
      const found = await granteeGrant(tx, actor, grantId)
      if (!found.ok) return found
      const inactive = refuseUnlessActive(found.grant)
      if (inactive) return inactive
      const [report] = isUuid(reportId)
        ? await tx
            .select({ id: grantReports.id, status: grantReports.status })
            .from(grantReports)
            .where(and(eq(grantReports.id, reportId), eq(grantReports.grantId, grantId)))
            .for('update')
        : []
      if (!report) return fail({ status: 404, message: 'grants:refusals.noSuchReport' })
      if (report.status !== 'submitted') {
        return fail({ status: 409, message: 'grants:files.refusal.reviewed' })
      }
      const [present] = await tx
        .select({ n: count() })
        .from(grantReportFiles)
        .where(eq(grantReportFiles.reportId, report.id))
      if ((present?.n ?? 0) >= MAX_FILES_PER_REPORT) {
        return fail({
          status: 409,
          message: { key: 'grants:files.refusal.limit', values: { count: MAX_FILES_PER_REPORT } },
        })
      }
      const [row] = await tx
        .insert(grantReportFiles)
        .values({
          reportId: report.id,
          fileName: verdict.fileName,
          contentType: verdict.contentType,
          sizeBytes: upload.file.sizeBytes,
          storageKey,
          uploadedByUserId: actor.id,
        })
        .returning({ id: grantReportFiles.id })
      await recordAudit(tx, {
        actorUserId: actor.id,
        action: 'grant_report.file_added',
        entityType: 'grant_report',
        entityId: report.id,
        organizationId: found.grant.organizationId,
        ip: actor.ip,
        details: { grantId, fileId: row?.id, fileName: verdict.fileName },
      })
      return { ok: true as const, fileName: verdict.fileName }
    })
  } catch (error) {
    await fileStore().remove(storageKey)
    throw error
  }
  if (!outcome.ok) await fileStore().remove(storageKey)
  return outcome
}

/** The files of a grant's reports, oldest first, for its pages (never the storage keys). */
export function reportFilesOf(grantId: string) {
  return db()
    .select({
      id: grantReportFiles.id,
      reportId: grantReportFiles.reportId,
      fileName: grantReportFiles.fileName,
      sizeBytes: grantReportFiles.sizeBytes,
    })
    .from(grantReportFiles)
    .innerJoin(grantReports, eq(grantReports.id, grantReportFiles.reportId))
    .where(eq(grantReports.grantId, grantId))
    .orderBy(asc(grantReportFiles.createdAt), asc(grantReportFiles.id))
}

/**
 * A report's file with its bytes, for the grantee organisation's members and the funder's
 * program officers (those who read the grant's pages); anyone else, the funder's reviewers
 * included, is told it does not exist.
 */
export async function readReportFile(actorId: string, grantId: string, fileId: string) {
  const found = await grantInContext(db(), grantId)
  if (!found || !isUuid(fileId)) return null
  const [granteeRole, funderRole] = await Promise.all([
    roleIn(db(), found.grant.organizationId, actorId),
    roleIn(db(), found.funderId, actorId),
  ])
  const allowed =
    granteeRole !== null || (funderRole !== null && MANAGER_ROLES.includes(funderRole))
  if (!allowed) return null
  const [row] = await db()
    .select({
      fileName: grantReportFiles.fileName,
      contentType: grantReportFiles.contentType,
      storageKey: grantReportFiles.storageKey,
    })
    .from(grantReportFiles)
    .innerJoin(grantReports, eq(grantReports.id, grantReportFiles.reportId))
    .where(and(eq(grantReportFiles.id, fileId), eq(grantReports.grantId, grantId)))
  if (!row) return null
  return { ...row, bytes: await fileStore().get(row.storageKey) }
}

const isUuid = (v: string) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v)
